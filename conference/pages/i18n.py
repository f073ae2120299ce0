"""The pages' strings in French and English, the choice of language, and field errors in words.

Language: ``?lang=fr|en`` wins (every page links to the other language); else, on the private
application page, the language the applicant chose; else the browser's ``Accept-Language``;
else the conference's first language.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from aiohttp import web

from conference.accreditation.domain import answered_by_focal_point
from conference.mail import formatting
from conference.pages.credentials_i18n import CREDENTIALS

LANGUAGES = ("fr", "en")
_DateTime = datetime  # ``Translator.datetime`` hides the name in the class body

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "other_language": "English",
        "other_language_name": "English version",
        # a form's own language button, where a page has several forms (docs/workspaces.md,
        # "The language control"): in the language it leads to, as the header's
        "form_language": "This form in English",
        "skip": "Aller au contenu",
        # before the title of a page that answers a form with its errors (docs/workspaces.md,
        # "Errors in sight")
        "title_error": "Erreur\u00a0:",
        "patronage": "Sous le haut patronage de {patron}",
        "required_note": "Tous les champs sont obligatoires, sauf mention "
                         "«\u00a0facultatif\u00a0».",
        "optional": "facultatif",
        "choose": "— Choisir —",
        "error": "Erreur\u00a0:",
        "errors_summary": "La demande n'a pas été envoyée. Corrigez les champs signalés\u00a0:",
        "too_large_title": "Envoi trop volumineux",
        "too_large": "Ce que vous avez envoyé dépasse {size}, le plus que ce formulaire "
                     "accepte. Rien n'a été enregistré.",
        "back_to_form": "Revenir au formulaire",
        "not_found_title": "Page introuvable",
        "link_not_found_title": "Lien non valable",
        "failed_title": "Un problème est survenu",
        "conference_not_found": "Aucune conférence à cette adresse.",
        "no_such_page": "Aucune page à cette adresse. Vérifiez-la, ou ouvrez à nouveau le lien "
                        "reçu par courriel.",
        "page_failed": "Cette page n'a pas pu s'afficher à la suite d'une erreur de notre "
                       "part, qui a été signalée. Rien de ce que vous avez envoyé auparavant "
                       "n'est perdu\u00a0; réessayez dans quelques instants.",
        "page_unavailable": "Le service est momentanément indisponible. Réessayez dans quelques "
                            "instants\u00a0; rien de ce que vous avez envoyé auparavant n'est "
                            "perdu.",
        "link_not_found_below": "Ce lien n'est pas ou plus valable. Chaque courriel au sujet "
                                "de votre demande porte un nouveau lien privé, qui remplace "
                                "ceux des courriels précédents. Utilisez le lien du dernier "
                                "courriel reçu, ou demandez-en un nouveau ci-dessous\u00a0: il "
                                "est envoyé à l'adresse de votre demande, au plus une fois par "
                                "quart d'heure.",
        "link_not_found": "Ce lien n'est pas ou plus valable. Chaque courriel au sujet de "
                          "votre demande porte un nouveau lien privé, qui remplace ceux des "
                          "courriels précédents. Utilisez le lien du dernier courriel reçu, ou "
                          "demandez-en un nouveau sur la page d'inscription presse de la "
                          "conférence («\u00a0Lien perdu\u00a0? Le recevoir à "
                          "nouveau\u00a0»)\u00a0: il est envoyé "
                          "à l'adresse de votre demande, au plus une fois par quart d'heure.",
        "too_many": "Trop de demandes depuis votre connexion\u00a0; réessayez dans quelques "
                    "minutes.",
        "csrf_failed": "Le formulaire a expiré ou n'a pas pu être vérifié. Vérifiez vos "
                       "réponses et envoyez-le à nouveau.",
        # the press form
        "press_title": "Demande d'accréditation presse",
        "press_intro": "La présence des médias est autorisée sous réserve d'inscription.",
        "window_open": "Inscriptions ouvertes du {opens} au {closes}.",
        "window_not_yet": "Les inscriptions ouvriront le {opens} et fermeront le {closes}.",
        "window_closed": "Les inscriptions presse sont closes depuis le {closes}.",
        "pool_capacity": "Places dans le pool de presse\u00a0: {capacity}.",
        "identity_legend": "Identité",
        "identity_hint": "Vos nom et prénom exactement comme sur votre pièce d'identité.",
        "press_legend": "Votre média",
        "given_name": "Prénom(s)",
        "family_name": "Nom de famille",
        "email": "Adresse électronique",
        "language": "Langue de correspondance",
        "outlet": "Média",
        "press_card_number": "Numéro de carte de presse",
        # a freelance has no newsroom of her own (tried as a journalist, 2 December 2026)
        "press_card_hint": "Sans carte de presse\u00a0: la référence d'une lettre de mission de "
                           "votre rédaction ou, pour les pigistes, du média qui vous envoie.",
        "role": "Fonction",
        "country": "Pays du média",
        "role_journalist": "Journaliste",
        "role_photographer": "Photographe",
        "role_camera": "Prise de vues",
        "role_technician": "Technicien ou technicienne",
        # the applicant's own page names her or him (the form, naming no one, both forms)
        "role_technician_mrs": "Technicienne",
        "role_technician_mr": "Technicien",
        "lang_fr": "Français",
        "lang_en": "English",
        "submit": "Envoyer ma demande",
        "duplicate": "Une demande existe déjà pour cette adresse électronique à cette "
                     "conférence. Retrouvez-la grâce au lien reçu par courriel.",
        "refused_window": "Les inscriptions presse ne sont pas ouvertes\u00a0: {detail}",
        "refused_window_detail": "elles sont ouvertes du {opens} au {closes}.",
        "refused_window_closed": "Votre demande n'a pas été enregistrée\u00a0: les inscriptions "
                                 "presse ont fermé le {closes}.",
        "refused_window_not_yet": "Votre demande n'a pas été enregistrée\u00a0: les "
                                  "inscriptions presse ouvrent le {opens}.",
        "refused_pool": "Toutes les places du pool de presse sont attribuées\u00a0: aucune "
                        "nouvelle "
                        "demande n'est acceptée.",
        "pool_full_notice": "Toutes les places du pool de presse sont attribuées\u00a0: aucune "
                            "nouvelle demande n'est acceptée pour l'instant. Si une place se "
                            "libère, ce formulaire rouvre\u00a0; pour toute question, écrivez "
                            "au bureau du porte-parole ci-dessous.",
        # after the form
        "privacy_title": "Protection des données personnelles",
        "privacy_short": "Responsable du traitement\u00a0: {controller}. Vos données personnelles "
                         "servent uniquement à l'accréditation à cette conférence et sont "
                         "effacées {retention} après sa fin.",
        "privacy_short_unlimited": "Responsable du traitement\u00a0: {controller}. Vos données "
                                   "personnelles servent uniquement à l'accréditation à cette "
                                   "conférence et sont conservées jusqu'à leur effacement.",
        "privacy_link": "Protection des données\u00a0: vos droits",
        "privacy_controller": "Responsable du traitement",
        "privacy_dpo": "Délégué à la protection des données",
        "privacy_controller_contact": "Contact du responsable du traitement",
        "privacy_purposes": "Finalités",
        "privacy_purposes_default": "Accréditer les participants et la presse, leur écrire au "
                                    "sujet de leur demande, imprimer les badges et contrôler "
                                    "l'accès aux salles.",
        "privacy_data": "Données traitées",
        "privacy_data_text": "Nom, adresse électronique, langue, forme d'adresse, rang, fonction "
                             "et délégation\u00a0; la photo du badge, et la photo telle "
                             "qu'envoyée, gardée pour la recadrer\u00a0; pour le contrôle de "
                             "sécurité, "
                             "le type et le numéro de la pièce d'identité (passeport ou carte "
                             "d'identité), la "
                             "nationalité et la date de naissance\u00a0; pour une lettre "
                             "d'invitation pour le visa, le nom et le numéro du passeport, la "
                             "nationalité, la date de naissance et le consulat\u00a0; les "
                             "documents "
                             "déposés (note verbale, carte de presse, copie du passeport)\u00a0; "
                             "pour la presse, le média, la fonction, la carte de presse et le "
                             "pays du média\u00a0; l'historique de la demande, les invitations "
                             "envoyées et les passages aux contrôles d'accès.",
        "privacy_legal_basis": "Base juridique",
        "privacy_legal_basis_default": "Règlement (UE) 2018/1725, article 5, paragraphe 1, "
                                       "point a)\u00a0: le traitement est nécessaire à l'exécution "
                                       "d'une mission d'intérêt public.",
        "privacy_recipients": "Destinataires",
        "privacy_recipients_default": "Le service du protocole de la conférence\u00a0; les "
                                      "services "
                                      "de sécurité du pays hôte, pour le contrôle de "
                                      "sécurité\u00a0; "
                                      "pour la presse, le bureau de presse (le bureau du "
                                      "porte-parole).",
        "privacy_transfers": "Transferts hors de l'Union",
        "privacy_transfers_default": "Aucune donnée n'est transférée hors de l'Union européenne "
                                     "et de l'Espace économique européen.",
        "privacy_authority": "Réclamation",
        "privacy_authority_default": "Vous pouvez introduire une réclamation auprès du "
                                     "Contrôleur européen de la protection des données (CEPD), "
                                     "edps.europa.eu.",
        "privacy_retention": "Durée de conservation",
        "privacy_retention_text": "Les données sont effacées {retention} après la fin de la "
                                  "conférence ({end}).",
        "privacy_retention_unlimited": "Les données sont conservées sans limite de durée, "
                                       "jusqu'à leur effacement.",
        "privacy_vetting_text": "Les données du contrôle de sécurité et les documents sont "
                                "effacés plus tôt, {vetting} après la fin de la conférence.",
        "privacy_rights": "Vos droits",
        "privacy_rights_text": "Vous pouvez accéder à vos données, les faire rectifier ou "
                               "effacer, vous opposer à leur traitement ou en demander la "
                               "limitation, en écrivant {whom}.",
        "privacy_whom_dpo": "au délégué à la protection des données ({email})",
        "privacy_whom_controller": "au responsable du traitement ({email})",
        "link_title": "Recevoir à nouveau mon lien privé",
        "link_intro": "Indiquez l'adresse électronique de votre demande\u00a0: si une demande "
                      "existe, "
                      "nous y envoyons son lien privé, qui remplace les précédents.",
        "link_button": "Envoyer le lien",
        "link_sent": "Si une demande existe pour cette adresse, son lien vient d'y être envoyé. "
                     "Vérifiez aussi vos courriers indésirables.",
        "link_lost": "Lien perdu\u00a0? Le recevoir à nouveau",
        "withdraw_confirm_title": "Confirmer le retrait",
        "withdraw_confirm_text": "Retirer votre demande est définitif\u00a0: pour venir ensuite, "
                                 "il "
                                 "faudra en déposer une nouvelle. Confirmez-vous le retrait\u00a0?",
        "withdraw_confirm_button": "Oui, retirer ma demande",
        "withdraw_cancel": "Non, garder ma demande",
        "done_title": "Demande reçue",
        "done_lead_later": "Votre demande d'accréditation presse est enregistrée ; l'accusé "
                           "de réception est parti vers l'adresse que vous avez donnée.",
        "done_lead": "Votre demande d'accréditation presse est enregistrée. Un accusé de "
                     "réception part à l'instant vers {email}.",
        "names_swapped": "Votre prénom est en capitales, comme l'est d'ordinaire le nom de "
                         "famille sur les pièces d'identité\u00a0: vérifiez que les deux ne sont "
                         "pas inversés. Sinon, retirez la demande et déposez-en une nouvelle.",
        "next_title": "Et ensuite\u00a0?",
        # what to give on the application's page, before the decision (docs/credentials.md,
        # "Documents"): the acknowledgement says it, the page that answers the form did not
        "next_give": "Dès maintenant, sur la page de votre demande (le lien privé du "
                     "courriel)\u00a0: donnez {items}.",
        "give_photo": "votre photo pour le badge",
        "give_identity": "votre pièce d'identité pour le contrôle de sécurité",
        "give_documents": "les documents demandés ({kinds})",
        "next_1": "Le bureau du porte-parole examine votre demande.",
        "next_2": "Sa décision vous parvient par courriel, à l'adresse indiquée.",
        "next_3": "Une fois votre accréditation accordée, vous recevez les invitations aux "
                  "séances ouvertes à la presse, votre lien d'agenda personnel, et vous "
                  "imprimez votre badge depuis votre page.",
        # where the press is vetted the badge waits for the check: it said "you print your
        # badge" once accredited, and the letters said "once the security check is complete"
        "next_3_vetted": "Une fois votre accréditation accordée, vous recevez les invitations "
                         "aux séances ouvertes à la presse et votre lien d'agenda personnel. "
                         "Une fois le contrôle de sécurité terminé, vous imprimez votre badge "
                         "depuis votre page.",
        "spokespersons_title": "Le bureau du porte-parole",
        "private_link_title": "Votre lien privé",
        "private_link_text": "Nous vous l'envoyons par courriel\u00a0: il ouvre votre demande, "
                             "pour la consulter ou la retirer, avant la décision ou, une fois "
                             "l'accréditation accordée, si vous ne pouvez finalement pas venir. "
                             "Chaque courriel apporte un nouveau lien, qui remplace le "
                             "précédent. Gardez-le pour vous.",
        "badge_reference": "Référence du badge",
        # the status page
        "status_title": "Votre demande d'accréditation",
        "name": "Nom",
        "status": "État",
        "category": "Catégorie",
        "submitted_at": "Déposée le",
        "status_submitted": "Reçue, en cours d'examen",
        "status_approved": "Accordée",
        "status_rejected": "Refusée",
        "status_waitlisted": "En liste d'attente",
        "status_withdrawn": "Retirée",
        "status_substituted": "Remplacée",
        "action_substitute": "Remplacement",
        # each side of a substitution says which way the place went, without the other's name
        "action_substitute_out": "Remplacement\u00a0: place cédée à une autre personne",
        "action_substitute_in": "Remplacement\u00a0: place reprise d'un membre de la "
                                "délégation",
        "changed_category": "catégorie",
        "changed_given_name": "prénom(s)",
        "changed_family_name": "nom de famille",
        "changed_email": "adresse électronique",
        "changed_language": "langue de correspondance",
        "changed_gender": "forme d'adresse",
        "changed_salutation": "formule d'appel",
        "changed_rank": "rang protocolaire",
        "changed_function": "fonction",
        "changed_in_office_since": "en fonction depuis",
        "changed_delegation_id": "délégation",
        "changed_press": "données de presse",
        "changed_by_import": "Par import",
        "action_amend": "Données modifiées",
        "status_revoked": "Révoquée",
        "history_title": "Historique",
        "when": "Date",
        "event": "Événement",
        "reason": "Motif",
        # a history's third column: a decision's reason, the office's question, the applicant's
        # answer, the details changed ("Motif" was true of the first only; tryout)
        "history_details": "Détails",
        "action_submit": "Demande déposée",
        "action_approve": "Accréditation accordée",
        "action_reject": "Demande refusée",
        "action_waitlist": "Mise en liste d'attente",
        "action_withdraw": "Demande retirée",
        "action_withdraw_approved": "Accréditation retirée",
        "action_revoke": "Accréditation révoquée",
        "action_vetting_pending": "Habilitation de sécurité en attente",
        "action_vetting_cleared": "Habilitation de sécurité accordée",
        "action_vetting_more_information": "Informations complémentaires demandées pour "
                                           "l'habilitation",
        "action_vetting_refused": "Habilitation de sécurité refusée",
        "withdraw_title": "Retirer ma demande",
        # "until a decision is made" read wrongly on the waiting list, itself a decision
        "withdraw_text": "Vous pouvez retirer votre demande tant qu'elle n'est ni accordée ni "
                         "refusée. Le retrait est définitif.",
        # a journalist may withdraw once accredited too (docs/lifecycle.md, "Withdrawing after
        # approval"), as her acknowledgement says (tried as a journalist, 2 December 2026)
        "withdraw_text_press": "Vous pouvez retirer votre demande à tout moment, même une fois "
                               "l'accréditation accordée si vous ne pouvez finalement pas "
                               "venir\u00a0: votre place dans le pool de presse revient alors à "
                               "un autre journaliste. Le retrait est définitif.",
        "waitlisted_note_press": "Votre demande est en liste d'attente\u00a0: elle n'est pas "
                                 "encore tranchée. Le bureau du porte-parole peut encore "
                                 "l'accorder, par exemple si une place du pool de presse se "
                                 "libère\u00a0; il vous écrira.",
        "waitlisted_note": "Votre demande est en liste d'attente\u00a0: elle n'est pas encore "
                           "tranchée, et nous vous écrirons dès qu'elle le sera.",
        "withdraw_reason": "Motif du retrait",
        "withdraw_button": "Retirer ma demande",
        "withdrawn_done": "Votre demande est retirée.",
        "cannot_withdraw": "Cette demande ne peut plus être retirée\u00a0: elle est {status}.",
        # an approved journalist who will not come (docs/lifecycle.md, "Withdrawing after
        # approval")
        "withdraw_approved_title": "Retirer mon accréditation",
        "withdraw_approved_text": "Si vous ne venez pas, retirez votre accréditation\u00a0: votre "
                                  "place dans le pool de presse revient à un autre journaliste. "
                                  "Votre badge ne sera plus valable et les invitations aux "
                                  "séances seront annulées. Le retrait est définitif.",
        # no badge (the clearance refused) and no invitation: neither is promised void
        "withdraw_approved_no_badge_text": "Si vous ne venez pas, retirez votre "
                                           "accréditation\u00a0: votre place dans le pool de "
                                           "presse revient à un autre journaliste. Le retrait "
                                           "est définitif.",
        "withdraw_approved_button": "Retirer mon accréditation",
        "withdraw_approved_confirm_text": "Retirer votre accréditation est définitif\u00a0: votre "
                                          "badge ne sera plus valable à l'entrée, votre place "
                                          "dans le pool de presse revient à un autre journaliste "
                                          "et les invitations aux séances sont annulées. Pour "
                                          "venir ensuite, il faudrait déposer une nouvelle "
                                          "demande, s'il reste des places. Confirmez-vous le "
                                          "retrait\u00a0?",
        "withdraw_approved_confirm_button": "Oui, retirer mon accréditation",
        "withdraw_approved_cancel": "Non, garder mon accréditation",
        "withdrawn_approved_done": "Votre accréditation est retirée\u00a0; un courriel vous le "
                                   "confirme.",
        "action_correct": "Données corrigées",
        "history_correction_why": "motif",
        "changed_press_outlet": "média",
        "changed_press_card_number": "numéro de carte de presse",
        "changed_press_role": "fonction presse",
        "feed_title": "Votre agenda personnel",
        "feed_text": "Abonnez votre agenda à ce lien secret\u00a0: il contient les séances "
                     "auxquelles vous avez reçu une invitation et se met à jour tout seul.",
        "feed_webcal": "S'abonner avec mon application d'agenda",
        "feed_https": "Adresse web de l'agenda",
        "badge_title": "Votre badge",
        "badge_text": "Imprimez votre badge (format A6) et présentez-le avec votre pièce "
                      "d'identité à l'entrée.",
        "badge_link": "Télécharger mon badge (PNG)",
        "badge_link_pdf": "Télécharger mon badge (PDF, format A6)",
        "badge_link_png": "Le même badge en image (PNG)",
        "badge_photo_first": "Envoyez votre photo pour obtenir votre badge\u00a0: elle y est "
                             "imprimée et comparée à l'entrée.",
        "badge_photo_link": "Envoyer ma photo",
        "action_information_requested": "Informations complémentaires demandées",
        "action_information_given": "Votre réponse envoyée",
        "action_information_given_focal": "Réponse envoyée par le point focal de votre "
                                          "délégation",
        "asked_title": "Informations demandées",
        "asked_intro_press": "Le bureau du porte-parole vous a demandé des informations "
                             "complémentaires avant de décider\u00a0:",
        "asked_intro_protocol": "Le service du protocole vous a demandé des informations "
                                "complémentaires avant de décider\u00a0:",
        "asked_closed": "Votre demande n'est plus à l'examen\u00a0: ces informations ne sont "
                        "plus attendues, vous n'avez pas à y répondre.",
        "asked_on": "Demande du {when}",
        "answered_on": "Votre réponse du {when}",
        "answered_on_focal": "Réponse du {when}, par le point focal de votre délégation",
        "answer_title_press": "Votre réponse au bureau du porte-parole",
        "answer_title_protocol": "Votre réponse au service du protocole",
        "answer_intro": "Répondez ici par écrit (par exemple, qu'un document va suivre)\u00a0: "
                        "votre réponse est transmise au service et conservée avec votre "
                        "demande. Les documents et la photo se donnent sur la page des "
                        "documents.",
        "answer": "Votre réponse",
        "answer_hint": "2000 caractères au plus.",
        "answer_button": "Envoyer ma réponse",
        "err_answer": "Écrivez votre réponse (2000 caractères au plus).",
        "answer_sent": "Votre réponse est envoyée. Elle figure ci-dessous, avec la demande "
                       "du service.",
        "answer_not_now": "Votre demande n'est plus à l'examen ({status})\u00a0: plus "
                          "aucune réponse n'est acceptée.",
        "answer_not_asked": "Aucune information ne vous a été demandée\u00a0: il n'y a rien à "
                            "répondre.",
        "answers_exhausted": "Vous avez envoyé {count} réponses à cette demande, le nombre "
                             "qu'elle accepte. Pour toute autre information, répondez au "
                             "courriel du service, qui vous écrira s'il lui en faut davantage.",
        # the person's page, while the clearance waits on more information (docs/credentials.md,
        # "Asked by the security service"); a delegation member gets no mail of it, their
        # focal point does
        "security_question_passport": ", et une copie de votre passeport",
        "security_question_todo": "À faire\u00a0: {office} demande des informations "
                                  "complémentaires pour votre habilitation de "
                                  "sécurité{passport}. Donnez-les sur la page ci-dessous ou, pour "
                                  "ce qu'elle ne permet pas de donner, en répondant au courriel "
                                  "«\u00a0Habilitation de sécurité\u00a0: informations "
                                  "complémentaires nécessaires\u00a0». D'ici là, aucun badge ne "
                                  "peut être délivré. La demande\u00a0:",
        "security_question_todo_member": "À faire\u00a0: {office} demande des informations "
                                         "complémentaires pour votre habilitation de "
                                         "sécurité{passport}. Donnez-les sur la page "
                                         "ci-dessous\u00a0; pour ce qu'elle ne permet pas de "
                                         "donner, le point focal de votre délégation, qui a reçu "
                                         "la demande par courriel, peut répondre pour vous. D'ici "
                                         "là, aucun badge ne peut être délivré. La demande\u00a0:",
        "badge_awaited": "Votre badge sera disponible sur cette page une fois le contrôle de "
                         "sécurité terminé.",
        "badge_refused": "Aucun badge ne peut vous être délivré\u00a0: l'habilitation de sécurité "
                         "qu'il requiert n'a pas été accordée.",
        "badge_not_cleared_awaited": "Votre badge n'est pas encore disponible\u00a0: il le sera "
                                     "une fois le contrôle de sécurité terminé.",
        # the programme
        "programme_title": "Programme",
        # the press's way in from the programme (docs/programme.md, "The programme page")
        "programme_press_open": "Journalistes, photographes, équipes de prise de vues\u00a0: "
                                "les demandes d'accréditation presse sont ouvertes "
                                "jusqu'au {closes}.",
        "programme_press_not_yet": "Journalistes, photographes, équipes de prise de vues\u00a0: "
                                   "les demandes d'accréditation presse ouvriront le {opens}.",
        "programme_press_link": "Demander une accréditation presse",
        "programme_press_full": "Journalistes, photographes, équipes de prise de vues\u00a0: "
                                "toutes les places du pool de presse sont attribuées\u00a0; "
                                "aucune nouvelle demande d'accréditation n'est acceptée pour "
                                "l'instant.",
        "version_note": "Version {version}, publiée le {published}.",
        "not_published": "Le programme n'est pas encore publié.",
        "subscribe_title": "S'abonner au programme",
        "subscribe_text": "Ajoutez le programme à votre agenda\u00a0: il suit chaque nouvelle "
                          "version.",
        "subscribe_webcal": "S'abonner avec mon application d'agenda (webcal)",
        "subscribe_https": "Fichier iCalendar (https)",
        "room": "Salle",
        "column_time": "Heure",
        "next_day": "(le lendemain)",
        "column_session": "Séance",
        "column_press": "Presse",
        "mark_new": "Nouvelle séance",
        "mark_moved": "Déplacée (auparavant {was})",
        "mark_new_room": "Nouvelle salle (auparavant {was})",
        "royal_presence": "En présence de {patron}",
        "royal_presence_plain": "Présence royale",
        "seated_by": "Invités installés avant {time}",
        "cancelled": "Annulée",
        "press_open": "Ouverte à la presse",
        "press_cancelled": "Sans objet (séance annulée)",
        "press_pool": "Presse\u00a0: pool uniquement",
        "press_photo_opportunity": "Presse\u00a0: séance photo uniquement",
        "press_closed": "Fermée à la presse",
        "kind_plenary": "Séance plénière",
        "kind_ministerial": "Réunion ministérielle",
        "kind_expert_panel": "Table ronde d'experts",
        "kind_press_conference": "Conférence de presse",
        "kind_photo_opportunity": "Séance photo",
        "kind_reception": "Réception",
        "legend_title": "Légende",
        # field errors
        "err_required": "Ce champ est obligatoire.",
        "err_too_long": "Trop long\u00a0: {max} caractères au plus.",
        "err_email": "Adresse électronique non valide (exemple\u00a0: prenom.nom@exemple.org).",
        "err_choice": "Choisissez une valeur de la liste.",
        "err_country": "Choisissez un pays de la liste.",
        "err_control": "Pas de saut de ligne ni de caractère de contrôle.",
        "err_invisible": "Ce champ contient un caractère invisible, souvent copié avec le"
                         " texte\u00a0: retapez-le.",
        "err_printed": "Écrivez-le en caractères latins, grecs ou cyrilliques, les seuls que "
                       "les badges et les lettres impriment tels quels.",
        "err_latin": "Écrivez le nom en caractères latins, comme dans le passeport (par exemple"
                     " Layla Al-Husseini).",
        "err_document_number": "Recopiez le numéro tel qu'il est imprimé sur la pièce\u00a0: "
                               "des lettres de A à Z et des chiffres, avec au besoin des "
                               "espaces ou des traits d'union entre eux.",
    },
    "en": {
        "other_language": "Français",
        "other_language_name": "Version française",
        "form_language": "Ce formulaire en français",
        "skip": "Skip to content",
        "title_error": "Error:",
        "patronage": "Under the high patronage of {patron}",
        "required_note": "All fields are required unless marked “optional”.",
        "optional": "optional",
        "choose": "— Choose —",
        "error": "Error:",
        "errors_summary": "The application was not sent. Please correct the fields marked:",
        "too_large_title": "Too large to send",
        "too_large": "What you sent is larger than {size}, the most this form accepts. "
                     "Nothing was saved.",
        "back_to_form": "Back to the form",
        "not_found_title": "Page not found",
        "link_not_found_title": "Link not valid",
        "failed_title": "Something went wrong",
        "conference_not_found": "There is no conference at this address.",
        "no_such_page": "There is no page at this address. Check it, or open the link you "
                        "received by email again.",
        "page_failed": "This page could not be shown because of an error on our side, which "
                       "has been reported. Nothing you sent before is lost; try again in a "
                       "few moments.",
        "page_unavailable": "The service is unavailable for a moment. Try again in a few "
                            "moments; nothing you sent before is lost.",
        "link_not_found_below": "This link is not (or no longer) valid. Each email about "
                                "your application carries a new private link, which replaces "
                                "those of the earlier emails. Use the link in the latest email "
                                "you received, or ask for a new one below: it is sent to the "
                                "address of your application, at most once every 15 minutes.",
        "link_not_found": "This link is not (or no longer) valid. Each email about your "
                          "application carries a new private link, which replaces those of "
                          "the earlier emails. Use the link in the latest email you received, "
                          "or ask for a new one on the conference's press registration page "
                          "(\u201cLost your link? Get it again\u201d): it is sent to the "
                          "address of your application, at most once every 15 minutes.",
        "too_many": "Too many requests from your connection; try again in a few minutes.",
        "csrf_failed": "The form expired or could not be verified. Please check your answers "
                       "and submit it again.",
        "press_title": "Press accreditation request",
        "press_intro": "Media attendance is allowed subject to registration.",
        "window_open": "Registration is open from {opens} to {closes}.",
        "window_not_yet": "Registration opens on {opens} and closes on {closes}.",
        "window_closed": "Press registration closed on {closes}.",
        "pool_capacity": "Places in the press pool: {capacity}.",
        "identity_legend": "Identity",
        "identity_hint": "Your names exactly as on your identity document.",
        "press_legend": "Your outlet",
        "given_name": "Given name(s)",
        "family_name": "Family name",
        "email": "Email address",
        "language": "Language for correspondence",
        "outlet": "Outlet",
        "press_card_number": "Press card number",
        "press_card_hint": "Without a press card: the reference of a letter of assignment from "
                           "your outlet or, for freelances, from the outlet that sends you.",
        "role": "Role",
        "country": "Country of the outlet",
        "role_journalist": "Journalist",
        "role_photographer": "Photographer",
        "role_camera": "Camera operator",
        "role_technician": "Technician",
        "role_technician_mrs": "Technician",
        "role_technician_mr": "Technician",
        "lang_fr": "Français",
        "lang_en": "English",
        "submit": "Submit my application",
        "duplicate": "There is already an application with this email address for this "
                     "conference. Find it through the link in your email.",
        "refused_window": "Press registration is not open: {detail}",
        "refused_window_detail": "it is open from {opens} to {closes}.",
        "refused_window_closed": "Your application was not filed: press registration closed "
                                 "on {closes}.",
        "refused_window_not_yet": "Your application was not filed: press registration opens "
                                  "on {opens}.",
        "refused_pool": "All places in the press pool are taken: no new applications are "
                        "accepted.",
        "pool_full_notice": "All places in the press pool are taken: no new applications are "
                            "accepted for now. If a place frees up, this form opens again; for "
                            "any question, write to the spokesperson's office below.",
        "privacy_title": "Personal data protection",
        "privacy_short": "Controller: {controller}. Your personal data is used only for this "
                         "conference's accreditation and erased {retention} after the "
                         "conference ends.",
        "privacy_short_unlimited": "Controller: {controller}. Your personal data is used only "
                                   "for this conference's accreditation and kept until it is "
                                   "erased.",
        "privacy_link": "Data protection: your rights",
        "privacy_controller": "Controller",
        "privacy_dpo": "Data protection officer",
        "privacy_controller_contact": "Contact of the controller",
        "privacy_purposes": "Purposes",
        "privacy_purposes_default": "Accrediting participants and the press, writing to them "
                                    "about their application, printing badges and controlling "
                                    "access to the rooms.",
        "privacy_data": "Data processed",
        "privacy_data_text": "Name, email address, language, form of address, rank, function and "
                             "delegation; the badge photo, and the photo as sent, kept to "
                             "crop it again; for the security vetting, the type "
                             "and number of the identity document (passport or identity card), "
                             "nationality and "
                             "date of birth; for a visa invitation letter, the name and number "
                             "of the passport, nationality, date of birth and the consulate; the "
                             "documents uploaded (note verbale, press card, passport copy); for "
                             "the press, the outlet, role, press card and the outlet's country; "
                             "the history of the application, the invitations sent and the "
                             "check-ins at the doors.",
        "privacy_legal_basis": "Legal basis",
        "privacy_legal_basis_default": "Regulation (EU) 2018/1725, Article 5(1)(a): the "
                                       "processing is necessary for the performance of a task "
                                       "carried out in the public interest.",
        "privacy_recipients": "Recipients",
        "privacy_recipients_default": "The conference's protocol service; the security services "
                                      "of the host country, for the security vetting; for the "
                                      "press, the press office (the spokesperson's office).",
        "privacy_transfers": "Transfers outside the EU",
        "privacy_transfers_default": "No data is transferred outside the European Union and the "
                                     "European Economic Area.",
        "privacy_authority": "Complaints",
        "privacy_authority_default": "You may lodge a complaint with the European Data "
                                     "Protection Supervisor (EDPS), edps.europa.eu.",
        "privacy_retention": "Retention",
        "privacy_retention_text": "The data is erased {retention} after the conference ends "
                                  "({end}).",
        "privacy_retention_unlimited": "The data is kept without a time limit, until it is "
                                       "erased.",
        "privacy_vetting_text": "Security-vetting data and documents are erased sooner, "
                                "{vetting} after the conference ends.",
        "privacy_rights": "Your rights",
        "privacy_rights_text": "You may access your data, have it corrected or erased, object to "
                               "its processing or ask for it to be restricted, by writing to "
                               "{whom}.",
        "privacy_whom_dpo": "the data protection officer ({email})",
        "privacy_whom_controller": "the controller ({email})",
        "link_title": "Get my private link again",
        "link_intro": "Give the email address of your application: if there is one, we send its "
                      "private link there, which replaces the earlier ones.",
        "link_button": "Send the link",
        "link_sent": "If there is an application for this address, its link has just been sent "
                     "there. Check your spam folder too.",
        "link_lost": "Lost your link? Get it again",
        "withdraw_confirm_title": "Confirm the withdrawal",
        "withdraw_confirm_text": "Withdrawing your application is final: to attend afterwards you"
                                 " would have to file a new one. Do you confirm?",
        "withdraw_confirm_button": "Yes, withdraw my application",
        "withdraw_cancel": "No, keep my application",
        "done_title": "Application received",
        "done_lead_later": "Your press accreditation request is registered; the acknowledgement "
                           "went to the address you gave.",
        "done_lead": "Your press accreditation request is registered. An acknowledgement is on "
                     "its way to {email}.",
        "names_swapped": "Your given name is in capitals, as family names usually are on "
                         "identity documents: check that the two are not swapped. If they "
                         "are, withdraw this application and file a new one.",
        "next_title": "What happens next",
        "next_give": "Now, on your application's page (the private link in the email): "
                     "give {items}.",
        "give_photo": "your photo for the badge",
        "give_identity": "your identity document for the security check",
        "give_documents": "the documents asked for ({kinds})",
        "next_1": "The spokesperson's office reviews your application.",
        "next_2": "You receive its decision by email, at the address you gave.",
        "next_3": "Once accredited, you receive invitations to the sessions open to the press "
                  "and your personal calendar link, and you print your badge from your page.",
        "next_3_vetted": "Once accredited, you receive invitations to the sessions open to the "
                         "press and your personal calendar link. Once the security check is "
                         "complete, you print your badge from your page.",
        "spokespersons_title": "The spokesperson's office",
        "private_link_title": "Your private link",
        "private_link_text": "We are emailing it to you: it opens your application, to see it or "
                             "withdraw it, before the decision or, once accredited, if you "
                             "cannot come after all. Each email brings a new link that replaces "
                             "the one before. Keep it to yourself.",
        "badge_reference": "Badge reference",
        "status_title": "Your accreditation request",
        "name": "Name",
        "status": "Status",
        "category": "Category",
        "submitted_at": "Submitted on",
        "status_submitted": "Received, under review",
        "status_approved": "Approved",
        "status_rejected": "Rejected",
        "status_waitlisted": "On the waiting list",
        "status_withdrawn": "Withdrawn",
        "status_substituted": "Substituted",
        "action_substitute": "Substitution",
        "action_substitute_out": "Substitution: place handed over to another person",
        "action_substitute_in": "Substitution: place taken over from a member of the "
                                "delegation",
        "changed_category": "category",
        "changed_given_name": "given name(s)",
        "changed_family_name": "family name",
        "changed_email": "email address",
        "changed_language": "language for correspondence",
        "changed_gender": "form of address",
        "changed_salutation": "salutation",
        "changed_rank": "protocol rank",
        "changed_function": "function",
        "changed_in_office_since": "in office since",
        "changed_delegation_id": "delegation",
        "changed_press": "press details",
        "changed_by_import": "By import",
        "action_amend": "Details changed",
        "status_revoked": "Revoked",
        "history_title": "History",
        "when": "Date",
        "event": "Event",
        "reason": "Reason",
        "history_details": "Details",
        "action_submit": "Application submitted",
        "action_approve": "Accreditation approved",
        "action_reject": "Application rejected",
        "action_waitlist": "Put on the waiting list",
        "action_withdraw": "Application withdrawn",
        "action_withdraw_approved": "Accreditation withdrawn",
        "action_revoke": "Accreditation revoked",
        "action_vetting_pending": "Clearance pending",
        "action_vetting_cleared": "Clearance granted",
        "action_vetting_more_information": "More information requested for the clearance",
        "action_vetting_refused": "Clearance refused",
        "withdraw_title": "Withdraw my application",
        "withdraw_text": "You may withdraw your application until it is approved or rejected. "
                         "Withdrawal is final.",
        "withdraw_text_press": "You may withdraw your application at any time, even once "
                               "accredited if you cannot come after all: your place in the "
                               "press pool then goes to another journalist. Withdrawal is "
                               "final.",
        "waitlisted_note_press": "Your application is on the waiting list: it has not been "
                                 "decided yet. The spokesperson's office may still approve it, "
                                 "for instance when a place in the press pool frees up; it will "
                                 "write to you.",
        "waitlisted_note": "Your application is on the waiting list: it has not been decided "
                           "yet, and we will write to you as soon as it is.",
        "withdraw_reason": "Reason for withdrawing",
        "withdraw_button": "Withdraw my application",
        "withdrawn_done": "Your application is withdrawn.",
        "cannot_withdraw": "This application can no longer be withdrawn: it is {status}.",
        "withdraw_approved_title": "Withdraw my accreditation",
        "withdraw_approved_text": "If you will not come, withdraw your accreditation: your "
                                  "place in the press pool goes to another journalist. Your "
                                  "badge will no longer be valid and your invitations to the "
                                  "sessions will be cancelled. Withdrawal is final.",
        "withdraw_approved_no_badge_text": "If you will not come, withdraw your accreditation: "
                                           "your place in the press pool goes to another "
                                           "journalist. Withdrawal is final.",
        "withdraw_approved_button": "Withdraw my accreditation",
        "withdraw_approved_confirm_text": "Withdrawing your accreditation is final: your badge "
                                          "will no longer be valid at the door, your place in "
                                          "the press pool goes to another journalist and your "
                                          "invitations to the sessions are cancelled. To attend "
                                          "afterwards you would have to file a new application, "
                                          "if places remain. Do you confirm?",
        "withdraw_approved_confirm_button": "Yes, withdraw my accreditation",
        "withdraw_approved_cancel": "No, keep my accreditation",
        "withdrawn_approved_done": "Your accreditation is withdrawn; an email confirms it.",
        "action_correct": "Details corrected",
        "history_correction_why": "reason",
        "changed_press_outlet": "outlet",
        "changed_press_card_number": "press card number",
        "changed_press_role": "press role",
        "feed_title": "Your personal calendar",
        "feed_text": "Subscribe your calendar to this secret link: it holds the sessions you "
                     "are invited to and updates itself.",
        "feed_webcal": "Subscribe with my calendar app",
        "feed_https": "Web address of the calendar",
        "badge_title": "Your badge",
        "badge_text": "Print your badge (A6) and show it with your identity document at the "
                      "entrance.",
        "badge_link": "Download my badge (PNG)",
        "badge_link_pdf": "Download my badge (PDF, A6)",
        "badge_link_png": "The same badge as an image (PNG)",
        "badge_photo_first": "Upload your photo to get your badge: it is printed on it and "
                             "compared at the entrance.",
        "badge_photo_link": "Upload my photo",
        "action_information_requested": "More information requested",
        "action_information_given": "Your answer sent",
        "action_information_given_focal": "Answer sent by your delegation's focal point",
        "asked_title": "Information asked",
        "asked_intro_press": "The spokesperson's office asked you for more information "
                             "before deciding:",
        "asked_intro_protocol": "The protocol service asked you for more information before "
                                "deciding:",
        "asked_closed": "Your application is no longer under review: this information is "
                        "no longer expected, and needs no answer.",
        "asked_on": "Request of {when}",
        "answered_on": "Your answer of {when}",
        "answered_on_focal": "Answer of {when}, by your delegation's focal point",
        "answer_title_press": "Your answer to the spokesperson's office",
        "answer_title_protocol": "Your answer to the protocol service",
        "answer_intro": "Answer here in words (for example, that a document follows): your "
                        "answer is sent to the office and kept with your application. "
                        "Documents and your photo are given on the documents page.",
        "answer": "Your answer",
        "answer_hint": "2,000 characters at most.",
        "answer_button": "Send my answer",
        "err_answer": "Write your answer (2,000 characters at most).",
        "answer_sent": "Your answer has been sent. It is shown below, with the office's "
                       "request.",
        "answer_not_now": "Your application is no longer under review ({status}): no answer "
                          "is taken any more.",
        "answer_not_asked": "No information was asked of you: there is nothing to answer.",
        "answers_exhausted": "You have sent {count} answers to this request, as many as it "
                             "takes. For anything else, reply to the office's email; the office "
                             "will write to you if it needs more.",
        "security_question_passport": ", and a copy of your passport",
        "security_question_todo": "To do: {office} asks for more information for your security "
                                  "clearance{passport}. Give it on the page below or, for what "
                                  "that page does not take, by replying to the email “Security "
                                  "clearance: more information needed”. Until then, no badge can "
                                  "be issued. The request:",
        "security_question_todo_member": "To do: {office} asks for more information for your "
                                         "security clearance{passport}. Give it on the page "
                                         "below; for what that page does not take, your "
                                         "delegation's focal point, who received the request "
                                         "by email, may answer for you. Until then, no badge "
                                         "can be issued. The request:",
        "badge_awaited": "Your badge will be available on this page once the security check is "
                         "complete.",
        "badge_refused": "No badge can be issued to you: the security clearance it requires has "
                         "not been granted.",
        "badge_not_cleared_awaited": "Your badge is not available yet: it will be once the "
                                     "security check is complete.",
        "programme_title": "Programme",
        # the press's way in from the programme (docs/programme.md, "The programme page")
        "programme_press_open": "Journalists, photographers, camera crews: press "
                                "accreditation requests are open until {closes}.",
        "programme_press_not_yet": "Journalists, photographers, camera crews: press "
                                   "accreditation requests open on {opens}.",
        "programme_press_link": "Apply for press accreditation",
        "programme_press_full": "Journalists, photographers, camera crews: every place in the "
                                "press pool is taken; no new accreditation requests are "
                                "accepted for now.",
        "version_note": "Version {version}, published on {published}.",
        "not_published": "The programme has not been published yet.",
        "subscribe_title": "Subscribe to the programme",
        "subscribe_text": "Add the programme to your calendar: it follows every new version.",
        "subscribe_webcal": "Subscribe with my calendar app (webcal)",
        "subscribe_https": "iCalendar file (https)",
        "room": "Room",
        "column_time": "Time",
        "next_day": "(next day)",
        "column_session": "Session",
        "column_press": "Press",
        "mark_new": "New session",
        "mark_moved": "Moved (was {was})",
        "mark_new_room": "New room (was {was})",
        "royal_presence": "In the presence of {patron}",
        "royal_presence_plain": "Royal presence",
        "seated_by": "Guests seated by {time}",
        "cancelled": "Cancelled",
        "press_open": "Open to the press",
        "press_cancelled": "None (session cancelled)",
        "press_pool": "Press: pool only",
        "press_photo_opportunity": "Press: photo opportunity only",
        "press_closed": "Closed to the press",
        "kind_plenary": "Plenary session",
        "kind_ministerial": "Ministerial meeting",
        "kind_expert_panel": "Expert panel",
        "kind_press_conference": "Press conference",
        "kind_photo_opportunity": "Photo opportunity",
        "kind_reception": "Reception",
        "legend_title": "Key",
        "err_required": "This field is required.",
        "err_too_long": "Too long: at most {max} characters.",
        "err_email": "Not a valid email address (for example: first.last@example.org).",
        "err_choice": "Choose a value from the list.",
        "err_country": "Choose a country from the list.",
        "err_control": "No line breaks or control characters.",
        "err_invisible": "This field holds an invisible character, often copied with the text:"
                         " type it again.",
        "err_printed": "Write it in Latin, Greek or Cyrillic letters, the only ones the "
                       "badges and letters print as typed.",
        "err_latin": "Write the name in Latin letters, as in the passport (for example Layla"
                     " Al-Husseini).",
        "err_document_number": "Copy the number as the document prints it: letters A to Z and "
                               "digits, with spaces or hyphens between them if need be.",
    },
}
# The photo and visa letter page's strings (pages/credentials.py) are kept in their own module.
STRINGS = {lang: {**STRINGS[lang], **CREDENTIALS[lang]} for lang in LANGUAGES}


class Translator:
    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._strings = STRINGS[self.language]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self._strings)

    def __call__(self, key: str, **values: Any) -> str:
        text = self._strings[key]
        return text.format(**values) if values else text

    def press_role(self, role: str, salutation: str) -> str:
        """A press role as it names the person: « Technicienne » for Madame, « Technicien »
        for Monsieur, both forms when the salutation is neutral."""
        key = f"role_{role}_{salutation}"
        return self(key) if key in self._strings else self(f"role_{role}")

    def history_action(self, action: str, from_status: Any, actor: str = "") -> str:
        """A history line's event in words. A withdrawal after the approval (a journalist who
        cannot come: docs/lifecycle.md, "Withdrawing after approval") ends an accreditation,
        not an application: "Accreditation withdrawn", as the letter that confirms it says
        (the history said "Application withdrawn", tried as the press office, 2 December
        2026). An action without words (a future one) is shown as recorded."""
        key = f"action_{action}"
        if action == "withdraw" and getattr(from_status, "value", from_status) == "approved":
            key = "action_withdraw_approved"
        if action == "substitute":
            # the person taking the place has no status before it; the one replaced has
            # (two bare « Remplacement » lines said neither which way: a user test)
            key = "action_substitute_in" if from_status is None else "action_substitute_out"
        if action == "information_given" and actor and answered_by_focal_point(actor):
            # the delegation's focal point answered on the member's behalf (docs/workspaces.md,
            # "Asking for more information"): said, not "your answer"
            key = "action_information_given_focal"
        return self(key) if key in self.keys else action

    def history_reason(self, action: str, reason: str | None) -> str:
        """A history line's reason as the reader reads it: a change of details names the
        fields changed in the page's language ("Nom de famille, fonction"), not their keys; a
        change by a members import says so in words ("Par import : fonction")."""
        if not reason:
            return ""
        if action == "submit" and reason == "import":  # lifecycle/queries.sql: insert_member
            return self("changed_by_import")
        if action == "correct":  # "family_name: why" (accreditation.domain.correction_line)
            # the why said as such: « Nom de famille : Nom composé » read as the new name (a
            # user test); the person's own page has the fields alone (repo.history_for)
            fields, _, why = reason.partition(": ")
            text = self.history_reason("amend", fields)
            return f"{text} – {self.label('history_correction_why')} {why}" if why else text
        if action != "amend":
            return reason
        by_import = reason.startswith("import: ")
        fields = reason.removeprefix("import: ")
        names = [self(f"changed_{f}") if f"changed_{f}" in self.keys else f
                 for f in fields.split(", ")]
        text = ", ".join(names)
        if by_import:
            return f"{self.label('changed_by_import')} {text}"
        return text[:1].upper() + text[1:]

    def label_colon(self) -> str:
        """A colon as the language writes it after a word (French: a non-breaking space
        before it)."""
        return "\u00a0:" if self.language == "fr" else ":"

    def label(self, key: str) -> str:
        """The text followed by a colon, as each language writes it ("Salle :", "Room:")."""
        return self(key) + ("\u00a0:" if self.language == "fr" else ":")

    def size(self, count: int) -> str:
        """A number of bytes as a limit is said: ``1 Mo``, ``512 Ko`` / ``1 MB``, ``512 KB``
        (binary multiples, as the limits are set; one decimal at most)."""
        units = ("o", "Ko", "Mo", "Go") if self.language == "fr" else (
            "bytes", "KB", "MB", "GB")
        value, unit = float(count), 0
        while value >= 1024 and unit < len(units) - 1:
            value, unit = value / 1024, unit + 1
        number = f"{value:.1f}".removesuffix(".0")
        if self.language == "fr":
            number = number.replace(".", ",")
        return f"{number}\u00a0{units[unit]}"

    def date(self, moment: Any, timezone: str | None = None) -> str:
        """``mercredi 1er décembre 2027`` / ``Wednesday 1 December 2027``."""
        return formatting.day(moment, self.language, timezone=timezone, weekday=True)

    def datetime(self, moment: _DateTime, timezone: str) -> str:
        """``5 décembre 2012 à 09:30 CET`` / ``5 December 2012, 09:30 CET``, in the
        conference's zone."""
        return formatting.moment(moment, timezone, self.language)

    def time(self, moment: _DateTime, timezone: str) -> str:
        return formatting.time(moment, timezone, self.language, zone=False)

    def zone(self, moment: _DateTime, timezone: str) -> str:
        """The zone the times of a day are in, as a reader names it at ``moment``: "heure de
        Bruxelles, CET" / "Brussels time, CET"."""
        return formatting.zone_words(timezone, self.language, moment)


def choose_language(request: web.Request, default: str | None = None, *,
                    negotiate: bool = True) -> str:
    asked = request.query.get("lang")
    if asked in LANGUAGES:
        return asked
    if not negotiate and default in LANGUAGES:
        return default
    best: tuple[float, str] | None = None
    for part in request.headers.get("Accept-Language", "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > 0 and (best is None or q > best[0]):
            best = (q, primary)
    if best is not None:
        return best[1]
    return default if default in LANGUAGES else "en"


# --- field errors in words --------------------------------------------------------------------

_CHOICE_TYPES = {"enum", "literal_error"}


def field_message(t: Translator, field: str, error: dict[str, Any]) -> str:
    """A person's words for one pydantic error (``field`` is the form field)."""
    kind = error.get("type", "")
    message = str(error.get("msg", error.get("message", "")))
    if kind in ("missing", "string_too_short"):
        return t("err_required")
    if kind == "string_too_long":
        return t("err_too_long", max=error.get("ctx", {}).get("max_length", 200))
    if kind in _CHOICE_TYPES:
        return t("err_choice")
    if field == "email":
        return t("err_email")
    if field == "country":
        return t("err_country")
    # the text rules' own refusals (conference/types.py, clean_text and _text)
    if "control characters" in message or "separators" in message:
        return t("err_control")
    if kind == "document_number":  # a passport's or identity card's number (types)
        return t("err_document_number")
    if "Latin, Greek or Cyrillic" in message:  # printed text in another script (PrintedText)
        return t("err_printed")
    if "Latin letters" in message:  # a person's name in another script (types.PersonName)
        return t("err_latin")
    if "must not contain" in message:  # invisible formatting, noncharacters, lone surrogates
        return t("err_invisible")
    if "must not be empty" in message:
        return t("err_required")
    if (longest := re.search(r"must have at most (\d+) characters", message)):
        return t("err_too_long", max=int(longest.group(1)))
    return message
