"""The workspaces' strings in French and English (the public pages' strings are the fallback)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal

from conference.lifecycle.domain import RANK_LABELS
from conference.mail import formatting
from conference.pages.i18n import Translator
from conference.protocol.elision import elides
from conference.protocol.ranks import Rank
from conference.protocol.titles import rank_label
from conference.workspaces.console_i18n import CONSOLE
from conference.workspaces.credentials_i18n import CRED
from conference.workspaces.desk_i18n import DESK
from conference.workspaces.lifecycle_i18n import LIFECYCLE
from conference.workspaces.programme_i18n import PROGRAMME
from conference.workspaces.setup_i18n import SETUP

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "ws_product": "Espaces de travail",
        # each scrolling table named by what it lists: a page of two read "Tableau" twice
        "scroll_region": "{name} (défilement horizontal)",
        "language_nav": "Langue",
        "signed_in_as": "Compte",
        "signout": "Se déconnecter",
        "workspaces_nav": "Vos espaces",
        "breadcrumbs": "Fil d'Ariane",
        "forbidden_title": "Accès refusé",
        "forbidden": "Votre accès ne couvre pas cette page.",
        "not_found": "Cette page n'existe pas.",
        "error_title": "Erreur",
        "back_home": "Retour à vos espaces",
        "signin_title": "Connexion",
        "signin_intro": "Indiquez votre adresse électronique\u00a0: nous vous envoyons un lien de "
                        "connexion valable une fois.",
        "signin_sent": "Si cette adresse nous est connue, un lien de connexion vient de lui "
                       "être envoyé. Il est valable {minutes} minutes.",
        "signin_send": "Recevoir un lien de connexion",
        "signin_link_text": "Ce lien vous connecte une fois. Cliquez sur le bouton pour "
                            "ouvrir votre session.",
        "signin_button": "Me connecter",
        "signin_link_invalid_title": "Lien de connexion expiré ou déjà utilisé",
        "history_replaced_by": "{name} à sa place",
        "history_replacing": "à la place de {name}",
        "signin_link_invalid": "Ce lien de connexion n'est pas ou plus valable (il sert une "
                               "fois, pendant une durée limitée). Demandez-en un nouveau.",
        "email": "Adresse électronique",
        "home_title": "Vos espaces de travail",
        "home_none": "Aucun espace ne vous est ouvert.",
        "ws_delegation": "Délégation\u00a0: {name}",
        "ws_admin_all": "Administration (toutes les conférences)",
        "ws_admin": "Administration – {conference}",
        "ws_protocol": "Protocole – {conference}",
        "ws_press_office": "Bureau de presse – {conference}",
        "conference": "Conférence",
        "focal_point": "Point focal",
        "head_of_delegation": "Chef de délégation",
        "head_of_delegation_female": "Cheffe de délégation",
        "head_none": "Pas encore désigné",
        "members_title": "Membres de la délégation",
        "register_member": "Inscrire un membre",
        "members_none": "Aucun membre inscrit pour l'instant.",
        "category": "Catégorie",
        "function": "Fonction",
        "category_minister": "Ministre",
        "category_official": "Fonctionnaire",
        "category_expert": "Expert",
        "category_expert_female": "Experte",
        "category_press": "Presse",
        "category_staff": "Personnel",
        "delegation_programme": "Programme de la délégation",
        "programme_none": "Aucun membre n'est encore invité à une séance du programme publié.",
        "part_audience": "dans l'assistance",
        "part_chair": "présidence",
        "part_speaker": "orateur",
        "part_attendee": "participant",
        "part_speaker_female": "oratrice",
        "part_attendee_female": "participante",
        "letters_title": "Courriers de la délégation",
        "letters_none": "Aucun courrier envoyé pour l'instant.",
        "letters_latest": "Les {shown}\u00a0plus récents sur {total}.",
        "letters_all": "Voir tous les courriers ({count})",
        "letters_count_one": "{count}\u00a0courrier, du plus récent au plus ancien.",
        "letters_count_other": "{count}\u00a0courriers, du plus récent au plus ancien.",
        "recipient": "Destinataire",
        "subject": "Objet",
        "delivery": "Envoi",
        "delivery_queued": "en attente",
        "delivery_in_flight": "en cours",
        "delivery_retry": "nouvel essai prévu",
        "delivery_sent": "envoyé",
        "delivery_failed": "échec",
        "delegation_title": "Délégation\u00a0: {name}",
        "member_new_title": "Inscrire un membre",
        "member_required_for": "obligatoire pour un ministre ou un fonctionnaire, facultatif "
                               "pour un expert",
        "err_required_for": "Obligatoire pour un ministre ou un fonctionnaire.",
        "member_person": "La personne",
        "member_office": "Sa fonction",
        "f_category": "Catégorie",
        "f_given_name": "Prénom(s)",
        "f_family_name": "Nom de famille",
        "f_email": "Adresse électronique",
        "f_language": "Langue de correspondance",
        "f_gender": "Forme d'adresse",
        "f_rank": "Rang protocolaire",
        "f_function": "Fonction, intitulé officiel",
        "function_hint": "Par exemple «\u00a0Ministre des Affaires étrangères\u00a0».",
        "f_function_fr": "Fonction en français",
        "f_function_en": "Fonction en anglais",
        "function_fr_hint": "Si la fonction ci-dessus est écrite dans une autre langue\u00a0: "
                            "les lettres et les listes en français impriment celle-ci.",
        "function_en_hint": "Si la fonction ci-dessus est écrite dans une autre langue\u00a0: "
                            "les lettres et les listes en anglais impriment celle-ci.",
        "member_errors_summary": "Rien n'a été enregistré. Corrigez les champs signalés\u00a0:",
        "err_member_invalid": "Ces informations ne sont pas acceptées\u00a0: vérifiez la "
                              "catégorie et les champs qu'elle demande.",
        "lang_fr": "Français",
        "lang_en": "Anglais",
        "gender_female": "Madame",
        "gender_male": "Monsieur",
        "register_button": "Inscrire",
        "member_badge_title": "Badge et agenda",
        "member_badge_link": "Télécharger le badge (PNG)",
        "member_feed_link": "Agenda personnel (lien d'abonnement)",
        "member_badge_awaited": "Le badge sera disponible ici une fois le contrôle de sécurité "
                                "terminé.",
        "member_badge_refused": "Aucun badge ne peut être délivré\u00a0: l'habilitation de "
                                "sécurité qu'il requiert n'a pas été accordée.",
        "badge_not_approved": "Le badge n'est imprimé que pour une accréditation accordée\u00a0; "
                              "celle-ci est\u00a0: {status}.",
        "badge_not_cleared_awaited": "Pas encore de badge\u00a0: il sera disponible une fois le "
                                     "contrôle de sécurité terminé.",
        # the clearance beside the status, once decided too: an approved journalist whose
        # clearance was refused read « Accordée » in green, and nothing else (tryout)
        "press_clearance": "Habilitation de sécurité",
        "press_clearance_refused": "Refusée\u00a0: aucun badge ne peut être délivré.",
        "press_clearance_pending": "En attente\u00a0: pas de badge avant la fin du contrôle.",
        "press_clearance_more_information": "Informations complémentaires demandées\u00a0: pas "
                                            "de badge avant la fin du contrôle.",
        "decision_clearance_refused": "Habilitation de sécurité refusée\u00a0: si l'accréditation "
                                      "est accordée, aucun badge ne pourra être délivré et "
                                      "aucune invitation aux séances ne sera envoyée.",
        "decision_clearance_pending": "Habilitation de sécurité en attente\u00a0: si "
                                      "l'accréditation est accordée, le badge ne sera délivré "
                                      "qu'une fois le contrôle de sécurité terminé.",
        "decision_clearance_more_information": "Habilitation de sécurité\u00a0: le service de "
                                               "sécurité a demandé des informations "
                                               "complémentaires. Si l'accréditation est "
                                               "accordée, le badge ne sera délivré qu'une fois "
                                               "le contrôle terminé.",
        "decision_clearance_more_information_protocol": "Habilitation de sécurité\u00a0: le "
                                                        "service du protocole a demandé des "
                                                        "informations complémentaires. Si "
                                                        "l'accréditation est accordée, le "
                                                        "badge ne sera délivré qu'une fois le "
                                                        "contrôle terminé.",
        "revoke_language": "Le courriel est rédigé en {language}\u00a0: écrivez le motif en "
                           "{language}.",
        "revoke_focal_told": "Le point focal de la délégation en est informé aussi, par "
                             "un courriel qui cite ce motif tel quel.",
        "revoke_substitute_instead": "Pour mettre une autre personne à la place de ce membre "
                                     "(un ministre empêché, remplacé par son adjoint), ne "
                                     "révoquez pas\u00a0: remplacez-le plus haut («\u00a0Remplacer "
                                     "ce membre\u00a0»), ce qui transmet sa place, ses séances "
                                     "et son rôle. Une révocation met fin à l'accréditation, "
                                     "annoncée comme telle par courriel, et ne transmet rien.",
        "in_language_fr": "français",
        "in_language_en": "anglais",
        # the person's language on the console's application page, and the language their
        # letters quote a reason in (docs/workspaces.md, "The application page")
        "acc_corresponds_in": "Correspond en",
        "acc_write_in": "Rédigez-le en {language}\u00a0: il est cité tel quel dans une lettre "
                        "en {language}.",
        "withdraw_member": "Retirer ce membre…",
        "withdraw_title": "Retirer un membre",
        "err_withdraw_approved": "La demande de {name} est «\u00a0{status}\u00a0»\u00a0: un "
                                 "membre accrédité ne se retire pas depuis le portail. Pour le "
                                 "remplacer, demandez un remplacement sur sa page\u00a0; pour "
                                 "annuler sa venue, écrivez au service du protocole "
                                 "({email}).",
        "err_withdraw_ended": "La demande de {name} est «\u00a0{status}\u00a0»\u00a0: il n'y "
                              "a plus rien à retirer.",
        "back_to_member": "Revenir à la page de {name}",
        "withdraw_confirm": "Retirer l'inscription de {name}\u00a0? La demande ne pourra pas être "
                            "rétablie\u00a0; une nouvelle inscription sera nécessaire.",
        "withdraw_confirm_button": "Oui, retirer",
        "cancel": "Annuler",
        "press_desk_title": "Bureau de presse",
        "pool_counter_one": "Accréditations de presse\u00a0: {approved} place accordée sur "
                            "{capacity}.",
        "pool_counter_other": "Accréditations de presse\u00a0: {approved} places accordées sur "
                              "{capacity}.",
        "all": "Toutes",
        "all_countries": "Tous",
        "role_camera_mrs": "Cadreuse",
        "role_camera_mr": "Cadreur",
        "role_camera_neutral": "Prise de vues",
        "role_technician_mrs": "Technicienne",
        "role_technician_mr": "Technicien",
        "role_technician_neutral": "Technicien ou technicienne",
        "search": "Nom, média, carte de presse, adresse électronique ou référence du badge",
        "f_press_role": "Fonction",
        "f_outlet_country": "Pays du média",
        "f_received_on": "Reçue le",
        "filter": "Filtrer",
        "queue_caption": "Demandes presse",
        "queue_information_asked": "Informations demandées le {when}",
        "queue_information_answered": "Réponse reçue le {when} (informations demandées le "
                                      "{asked})",
        "queue_showing": "Demandes {first} à {last} sur {total}, page par page\u00a0: précisez "
                         "la recherche pour en trouver une.",
        "flash_batch_already_waitlisted_one": "{count} demande était déjà en liste d'attente.",
        "flash_batch_already_waitlisted_other": "{count} demandes étaient déjà en liste "
                                                "d'attente.",
        "press_pieces_title": "Photo et documents",
        "information_title": "Demander des informations complémentaires",
        "information_intro": "Le message est envoyé au journaliste avec son lien privé, où il "
                             "donne ses documents et sa photo ou répond par écrit (sa réponse "
                             "s'affiche ici et les porte-parole en sont avisés par "
                             "courriel)\u00a0; la demande reste à l'examen, et l'historique "
                             "garde la demande.",
        # what the person is to give ("ce qu'il faut au journaliste" said what they need)
        "information_message": "Ce que le journaliste doit fournir (message envoyé tel quel)",
        "information_button": "Envoyer la demande",
        "err_information_message": "Indiquez ce que le journaliste doit fournir (2000 "
                                   "caractères au plus).",
        "information_not_now": "La demande n'est plus à l'examen ({status})\u00a0: aucune "
                               "information ne lui est demandée.",
        "flash_information": "Demande d'informations envoyée à {name}.",
        "information_intro_protocol": "Le message est envoyé à la personne avec son lien "
                                      "privé, où elle donne ses documents et sa photo ou "
                                      "répond par écrit (sa réponse s'affiche ici et est "
                                      "envoyée par courriel à l'adresse des "
                                      "organisateurs)\u00a0; la demande reste à l'examen, et "
                                      "l'historique garde la demande.",
        "information_message_protocol": "Ce que la personne doit fournir (message envoyé tel "
                                        "quel)",
        "err_information_message_protocol": "Indiquez ce que la personne doit fournir (2000 "
                                            "caractères au plus).",
        "select": "Sélection",
        "select_one": "Sélectionner {name}",
        "received": "Reçue le",
        "approve_selected": "Accorder la sélection",
        "waitlist_selected": "Mettre la sélection en liste d'attente",
        "queue_empty": "Aucune demande ne correspond.",
        "queue_to_decide": "À décider",
        "queue_none_to_decide": "Aucune demande à décider.",
        "press_card": "Carte de presse ou lettre de mission",
        "decision_title": "Décision",
        "decision": "Décision",
        "decide_approve": "Accorder",
        "decide_waitlist": "Liste d'attente",
        "decide_reject": "Refuser",
        "reason_template": "Motif type",
        "reason_needed_for_reject": "un motif est requis pour refuser",
        "reason_written_when": "pour refuser sans motif type\u00a0; rédigé, il remplace le motif "
                               "type",
        "reason_own": "— Motif rédigé ci-dessous —",
        "reason_written": "Motif rédigé",
        "decide_button": "Enregistrer la décision",
        "revoke_title": "Révoquer l'accréditation",
        "revoke_reason": "Motif de la révocation",
        "revoke_reason_hint": "Le motif figure tel quel dans le courriel qui annonce la "
                              "révocation à la personne.",
        "revoke_button": "Révoquer",
        "revoke_confirm": "Je confirme la révocation\u00a0: un courriel l'annonce à la personne et "
                          "son badge est refusé à l'entrée.",
        "err_revoke_confirm": "Cochez la case pour confirmer la révocation.",
        "revoke_only_granted": "Seule une accréditation accordée se révoque\u00a0; une demande en "
                               "cours d'examen se refuse.",
        "flash_signed_in": "Connexion réussie.",
        "flash_signed_out": "Déconnexion effectuée.",
        "flash_registered": "Inscription enregistrée pour {name}\u00a0: la demande est "
                            "transmise au service du protocole.",
        "flash_withdrawn": "L'inscription de {name} est retirée.",
        "flash_approve": "Accréditation accordée à {name}.",
        "flash_waitlist": "{name} est en liste d'attente.",
        "flash_reject": "Demande de {name} refusée.",
        "flash_revoke": "Accréditation de {name} révoquée.",
        # correcting a journalist (docs/workspaces.md, "Correcting a journalist")
        "correct_title": "Corriger les données",
        "correct_intro": "Une erreur dans le nom, le média ou la fonction\u00a0? Corrigez-la "
                         "ici\u00a0: la correction et son motif figurent dans l'historique\u00a0; "
                         "le journaliste y lit quelles données sont corrigées, pas le motif.",
        "correct_badge_hint": "Le nom, le média et la fonction sont imprimés sur le badge\u00a0: "
                              "si le badge est déjà imprimé, une nouvelle version est à imprimer "
                              "et l'ancienne n'ouvre plus les portes.",
        "correction_reason": "Motif de la correction",
        "correct_button": "Enregistrer la correction",
        "flash_corrected": "Les données de {name} sont corrigées.",
        "walkin_title": "Ajouter un journaliste",
        "walkin_link": "Ajouter un journaliste (au bureau d'accréditation)",
        "walkin_intro": "Pour un journaliste venu au bureau d'accréditation après la clôture "
                        "des inscriptions, ou dont la demande n'est pas parvenue\u00a0: sa "
                        "demande est enregistrée comme s'il l'avait faite, il en reçoit "
                        "l'accusé de réception avec son lien, puis vous décidez sur sa page.",
        "walkin_press_legend": "Son média",
        "walkin_button": "Enregistrer la demande",
        "walkin_flash": "Demande enregistrée pour {name}\u00a0: décidez ci-dessous.",
        "walkin_err_duplicate": "Une demande existe déjà à cette adresse\u00a0: cherchez-la "
                                "dans la liste.",
        "walkin_err_pool_full": "Le pool de presse est complet\u00a0: aucune demande n'a été "
                                "enregistrée.",
        "flash_corrected_reprint": "Les données de {name} sont corrigées. Son badge imprimé "
                                   "{old} n'ouvre plus les portes\u00a0: le nouveau, {new}, "
                                   "est à imprimer (page Badges du protocole) et à lui "
                                   "remettre contre l'ancien.",
        "flash_unchanged": "Aucune donnée n'a changé.",
        "err_correction_reason": "Indiquez le motif de la correction.",
        "correct_not_now": "Cette demande est {status}\u00a0: ses données ne se corrigent plus.",
        "flash_batch_one": "{count} demande traitée.",
        "flash_batch_other": "{count} demandes traitées.",
        "flash_batch_approve_one": "{count} demande accordée.",
        "flash_batch_approve_other": "{count} demandes accordées.",
        "flash_batch_waitlist_one": "{count} demande mise en liste d'attente.",
        "flash_batch_waitlist_other": "{count} demandes mises en liste d'attente.",
        "err_reason_required": "Choisissez un motif type ou rédigez-en un.",
        "err_pick_some": "Sélectionnez au moins une demande.",
        "err_pick_decision": "Choisissez une décision.",
        "err_illegal": "Cette action n'est plus possible\u00a0: la demande est "
                       "«\u00a0{status}\u00a0».",
        "err_pool_full": "Le pool de presse est complet\u00a0: mettez la demande en liste "
                         "d'attente ou révoquez-en une autre.",
        "dup_of": "Doublon possible de",
        "dup_note": "Cette demande est peut-être un doublon (même numéro de carte de presse, "
                    "ou même nom et même média) de\u00a0:",
        "dup_confirm": "J'ai vérifié\u00a0: ce n'est pas la même personne.",
        "err_dup_confirm": "Cette demande est peut-être un doublon\u00a0: vérifiez-la, puis "
                           "cochez la case pour l'accorder.",
        "err_dup_approved": "Demande non accordée\u00a0: elle est peut-être un doublon de celle "
                            "de {name}, déjà accordée, et une personne n'occupe qu'une place du "
                            "pool. Refusez-la, ou révoquez d'abord l'autre.",
        "err_dup_approved_tick": "Demande non accordée : elle est peut-être un doublon de "
                                 "celle de {name}, déjà accordée. Refusez-la, révoquez d'abord "
                                 "l'autre, ou, si ce n'est pas la même personne, cochez la case.",
        "err_batch_decided": "Décidées entre-temps, elles ne sont plus dans la sélection\u00a0: "
                             "{names}.",
        "err_dup_batch_rest": "Rien n'a été décidé\u00a0: les autres demandes restent "
                              "cochées.",
        "err_pool_full_batch": "Rien n'a été accordé\u00a0: le pool de presse n'a plus assez de "
                               "places. Places restantes\u00a0: {left}\u00a0; demandes "
                               "cochées\u00a0: {count}. Décochez-en, ou mettez-les en liste "
                               "d'attente.",
        "err_dup_batch": "Les doublons possibles se décident un par un, sur leur page\u00a0: "
                         "{names}.",
        "dup_received": "reçue le {when}",
        "err_duplicate": "Cette adresse ne peut pas servir à une nouvelle demande\u00a0; "
                         "adressez-vous au service du protocole.",
        # the console's (protocol may see every application of the conference): whose it
        # is, and what to do (docs/workspaces.md, "Substituting a member")
        "err_duplicate_console": "Cette adresse sert déjà à une autre demande de cette "
                                 "conférence\u00a0: {name} ({status}). Donnez à la nouvelle "
                                 "personne une adresse qui lui est propre\u00a0; s'il s'agit de "
                                 "la même personne, voyez sa demande.",
        "err_duplicate_console_unnamed": "Cette adresse sert déjà à une autre demande de cette "
                                         "conférence\u00a0: donnez à la nouvelle personne une "
                                         "adresse qui lui est propre.",
        "acc_open_taken": "Ouvrir la demande de {name}",
        "err_duplicate_own": "Cette adresse est déjà celle de {name}, membre de votre "
                             "délégation ({status})\u00a0: voyez sa page dans la liste des "
                             "membres.",
        "action_amend": "Données modifiées",
        "action_quota_override": "Dépassement de quota accordé",
        "action_deadline_override": "Inscription tardive acceptée",
        "action_information_given": "Réponse reçue du demandeur",
        "ws_asked_title": "Informations demandées et réponses",
        "ws_asked_on": "Demande du {when}",
        "ws_answered_on": "Réponse du {when}, telle qu'écrite",
        "ws_not_answered": "Pas encore de réponse écrite.",
        "ws_answered_on_focal": "Réponse du {when}, par le point focal de la délégation, "
                                "telle qu'écrite",
        "action_information_given_focal": "Réponse reçue du point focal de la délégation",
        # the focal point answers on the member's behalf (docs/workspaces.md, "Asking for
        # more information")
        "information_todo_member": "À faire\u00a0: le service du protocole demande des "
                                   "informations complémentaires au sujet de {name} avant "
                                   "de décider.",
        "information_todo_link": "Voir la demande et y répondre",
        "member_answer_title": "Votre réponse au service du protocole, pour le compte du membre",
        "member_answer_intro": "Répondez ici par écrit pour {name} (par exemple, que la note "
                               "verbale va suivre)\u00a0: la réponse est transmise au service du "
                               "protocole, qui voit qu'elle vient du point focal, et conservée "
                               "avec la demande. Les documents et la photo se donnent sur la "
                               "page des pièces à fournir.",
        "member_answer": "Réponse",
        "member_answer_button": "Envoyer la réponse",
        "err_member_answer": "Écrivez la réponse (2000 caractères au plus).",
        "flash_answered": "La réponse pour {name} a été transmise au service du protocole. "
                          "Elle figure ci-dessous, avec la demande.",
        "member_answer_not_now": "La demande n'est plus à l'examen ({status})\u00a0: plus "
                                 "aucune réponse n'est acceptée.",
        "member_answer_not_asked": "Aucune information n'a été demandée pour ce membre\u00a0: il "
                                   "n'y a rien à répondre.",
        "member_answers_exhausted": "Cette demande a reçu {count} réponses, le nombre "
                                    "maximal qu'elle accepte. Pour toute autre information, "
                                    "répondez au courriel du service du protocole, qui vous "
                                    "écrira s'il lui en faut davantage.",
        "action_not_a_duplicate": "Vérifié : pas la même personne qu'une accréditation "
                                  "accordée",
        "edit_member": "Modifier ce membre",
        "member_edit_title": "Modifier\u00a0: {name}",
        "member_edit_crumb": "Modifier",
        "member_edit_button": "Enregistrer les modifications",
        "flash_amended": "Les données de {name} sont modifiées.",
        "f_in_office_since": "En fonction depuis",
        "in_office_since_hint": "La date de l'entrée en fonction (pour un ambassadeur, de la "
                                "remise des lettres de créance)\u00a0: elle départage les "
                                "rangs égaux dans l'ordre protocolaire.",
        "err_in_office_since": "Saisissez une date (jour, mois, année).",
        "acc_correct_link": "Corriger les données du membre",
        "acc_correct_title": "Corriger les données\u00a0: {name}",
        "acc_correct_note": "{category}, demande acceptée. Une correction ne change que les "
                            "noms, le rang, la fonction et la date d'entrée en fonction\u00a0: "
                            "une autre personne prend la place par un remplacement. Un badge "
                            "imprimé qui porte un nom ou une fonction corrigés est remplacé par "
                            "un nouveau, à imprimer.",
        "acc_correct_button": "Enregistrer la correction",
        "acc_correct_crumb": "Corriger",
        "f_reason": "Motif de la correction",
        "reason_hint": "Gardé dans l'historique du membre (par exemple\u00a0: «\u00a0nouveau "
                       "titre après le remaniement du 2 mars\u00a0»).",
        "acc_edit_link": "Modifier les données du membre",
        "acc_edit_title": "Modifier les données\u00a0: {name}",
        "acc_edit_note": "Catégorie\u00a0: {category}. Un changement de rang ou de date "
                         "d'entrée en fonction change la place du membre dans l'ordre "
                         "protocolaire.",
        "acc_edit_not_member": "Seules les données d'un membre de délégation (ministre, "
                               "fonctionnaire, expert) se modifient ici.",
        "acc_edit_decided": "Ce membre ne peut plus être modifié\u00a0: la demande est "
                            "«\u00a0{status}\u00a0». Après la décision, remplacez le membre "
                            "depuis sa page.",
        # the security service's request, never its reason (docs/credentials.md, "Vetting")
        "member_badge_no_photo": "Le badge de {name} n'a pas de photo\u00a0: imprimé maintenant, "
                                 "il aurait un cadre vide, que la porte ne pourrait pas comparer "
                                 "au visage. Donnez d'abord sa photo (page «\u00a0Photo, pièces "
                                 "à fournir et lettre d'invitation pour le visa\u00a0», "
                                 "ci-dessous).",
        "member_places_hint": "Places de la délégation\u00a0: {places}.",
        "member_place": "{category} {used} sur {allowed}",
        "member_place_full": "{category} {used} sur {allowed} (complet)",
        "member_place_open": "{category} {used} (sans limite)",
        # the list of members says whose badge is ready (docs/workspaces.md)
        "members_badge_ready": "Badge prêt\u00a0: {reference}",
        "members_badge_ready_plain": "Badge prêt",
        "members_badge_no_photo": "(sans photo)",
        "members_badge_awaited": "Badge après le contrôle de sécurité",
        "members_badge_printed": "Badge imprimé le {date}",
        "members_badge_collected": "Badge remis à {name} le {date}",
        "member_badge_printed": "Badge imprimé le {date}\u00a0; il attend dans le paquet de la "
                                "délégation, à retirer à l'accueil.",
        "member_badge_collected": "Badge imprimé et remis à {name} le {date}.",
        "member_clearance_asked": "Habilitation\u00a0: informations complémentaires "
                                  "demandées",
        "more_information_todo_member": "À faire\u00a0: {office} demande des "
                                        "informations complémentaires pour l'habilitation de "
                                        "{name}. Le courriel «\u00a0Habilitation de sécurité\u00a0"
                                        ": informations complémentaires nécessaires\u00a0» dit "
                                        "lesquelles\u00a0: donnez-les sur la page des pièces à "
                                        "fournir ou, pour ce qu'elle ne permet pas de donner, en "
                                        "répondant à ce courriel. D'ici là, aucun badge ne peut "
                                        "être délivré.",
        "more_information_todo_here": "À faire\u00a0: {office} demande des "
                                      "informations complémentaires pour l'habilitation de "
                                      "{name}. Le courriel «\u00a0Habilitation de sécurité\u00a0"
                                      ": informations complémentaires nécessaires\u00a0» dit "
                                      "lesquelles\u00a0: donnez-les ci-dessous ou, pour ce que "
                                      "cette page ne permet pas de donner, en répondant à ce "
                                      "courriel. D'ici là, aucun badge ne peut être délivré.",
        # the sessions the security list's deadline speaks of (docs/workspaces.md)
        "programme_royal": "en présence royale (liste de sécurité)",
        "names_title": "Nom à vérifier\u00a0:",
        "fit_title": "Rang et catégorie à vérifier\u00a0:",
        "fit_category": "la fiche de {name} porte le rang «\u00a0{rank}\u00a0», un rang "
                        "ministériel, avec la catégorie «\u00a0{category}\u00a0». Une "
                        "personnalité de rang ministériel (du chef d'État au secrétaire d'État "
                        "ou vice-ministre) est accréditée dans la catégorie «\u00a0Ministre"
                        "\u00a0»\u00a0: veuillez vérifier la catégorie.",
        "fit_rank": "la fiche de {name} porte la catégorie «\u00a0Ministre\u00a0» avec le "
                    "rang «\u00a0{rank}\u00a0». Cette catégorie est celle des personnalités "
                    "de rang ministériel\u00a0; un fonctionnaire ou un expert est accrédité "
                    "dans la catégorie «\u00a0Fonctionnaire\u00a0» ou «\u00a0Expert\u00a0»"
                    "\u00a0: veuillez vérifier le rang et la catégorie.",
        "err_edit_decided": "Ce membre ne peut plus être modifié\u00a0: la demande est "
                            "«\u00a0{status}\u00a0». Après la décision, demandez un "
                            "remplacement.",
        "err_edit_decided_closed": "Ce membre ne peut plus être modifié\u00a0: la demande est "
                                   "«\u00a0{status}\u00a0». {closed}",
        "err_quota_one": "Quota atteint pour la catégorie «\u00a0{category}\u00a0»\u00a0: "
                         "{used} place prise sur {allowed}. Pour une place de plus, "
                         "adressez-vous au service du protocole ({email})\u00a0; sinon, "
                         "remplacez un membre de cette catégorie ou choisissez-en une autre.",
        "err_quota_other": "Quota atteint pour la catégorie «\u00a0{category}\u00a0»\u00a0: "
                           "{used} places prises sur {allowed}. Pour une place de plus, "
                           "adressez-vous au service du protocole ({email})\u00a0; sinon, "
                           "remplacez un membre de cette catégorie ou choisissez-en une autre.",
        "err_changes_closed": "La date limite des modifications est passée\u00a0: adressez-vous au "
                              "service du protocole.",
        "deadlines_title": "Échéances",
        "err_nominations_closed": "Les inscriptions sont closes\u00a0: adressez-vous au service du "
                                  "protocole.",
        "closed_nominations": "Les inscriptions sont closes depuis le {when}\u00a0: seul le "
                              "service du protocole peut encore inscrire ou importer des "
                              "membres ({email}).",
        "closed_changes": "Les modifications et remplacements sont clos depuis le {when}\u00a0: "
                          "seul le service du protocole peut encore modifier ou remplacer un "
                          "membre ({email}).",
        "closed_back": "Retour à la délégation",
        "deadline_nominations": "Vous pouvez inscrire des membres jusqu'au {when}.",
        "deadline_nominations_past": "Les inscriptions sont closes depuis le {when}\u00a0: seul le "
                                     "service du protocole peut encore inscrire un membre.",
        "deadline_changes": "Vous pouvez modifier un membre avant la décision et demander des "
                            "remplacements jusqu'au {when}.",
        "deadline_changes_past": "Les modifications et remplacements sont clos depuis le "
                                 "{when}\u00a0: adressez-vous au service du protocole.",
        "deadline_nominations_with_conference": "Les inscriptions se clôturent avec la "
                                                "conférence\u00a0: le {when}. Vous pouvez "
                                                "inscrire des membres jusque-là.",
        "deadline_changes_with_conference": "Les modifications et remplacements se clôturent "
                                            "avec la conférence\u00a0: le {when}. Vous pouvez "
                                            "modifier un membre avant la décision et demander "
                                            "des remplacements jusque-là.",
        "deadline_security": "La liste de sécurité des séances en présence royale sera "
                             "arrêtée le {when}. Seuls les membres dont la demande est alors "
                             "accordée pourront y assister\u00a0: inscrivez à temps ceux qui "
                             "doivent y être.",
        "deadline_security_past": "La liste de sécurité des séances en présence royale est "
                                  "arrêtée depuis le {when}\u00a0: un membre accordé depuis ne "
                                  "peut plus y être ajouté. Pour un remplacement, la page de "
                                  "confirmation dit ce qu'il change à cette liste.",
        "deadlines_none": "Aucune échéance n'est fixée pour l'instant.",
        "quotas_title": "Places par catégorie",
        "quota_used": "Utilisées",
        "quota_allowed": "Autorisées",
        "quota_unlimited": "sans limite",
        "quota_over_one": "«\u00a0{category}\u00a0»\u00a0: une place au-delà du quota, "
                          "accordée par le service du protocole.",
        "quota_over_other": "«\u00a0{category}\u00a0»\u00a0: {count} places au-delà du "
                            "quota, accordées par le service du protocole.",
        "quotas_note": "Comptent les demandes déposées, en liste d'attente ou accordées.",
        "reasons_title": "Motifs types",
        "reasons_link": "Gérer les motifs types",
        "reasons_intro": "Les motifs proposés au bureau de presse quand il refuse ou met en "
                         "liste d'attente une demande. Le texte part dans la langue du "
                         "demandeur.",
        "reasons_none": "Aucun motif type\u00a0: les décisions se font avec un motif rédigé.",
        "reason_text_fr": "Texte en français",
        "reason_text_en": "Texte en anglais",
        "reason_add_title": "Ajouter un motif type",
        "reason_add_button": "Ajouter",
        "reason_edit_title": "Modifier le motif type",
        "reason_save_button": "Enregistrer",
        "reason_delete_button": "Supprimer",
        "reason_delete_label": "Supprimer le motif\u00a0: {text}",
        "reason_edit_label": "Modifier le motif\u00a0: {text}",
        "reason_edit_link": "Modifier",
        "flash_reason_added": "Motif type ajouté.",
        "flash_reason_saved": "Motif type enregistré.",
        "flash_reason_deleted": "Motif type supprimé.",
        "err_reason_text": "Saisissez ce texte (2000 caractères au plus).",
        "err_reason_gone": "Ce motif type n'existe plus\u00a0: choisissez-en un autre.",
        "ws_security": "Sécurité – {conference}",
        "security_title": "Sécurité",
        "security_intro": "Votre accès vous permet de traiter le criblage de sécurité des "
                          "personnes accréditées de cette conférence.",
        "security_download": "Télécharger les personnes à cribler (CSV)",
        "security_download_text": "Les personnes dont le criblage est en attente, au format CSV.",
        "security_upload": "Déposer les résultats (CSV)",
        "security_upload_text": "Le fichier téléchargé, complété du résultat de chaque "
                                "personne (état et motif).",
        "security_scripts": "Pour les scripts",
        "security_columns": "Colonnes du fichier déposé\u00a0: accreditation_id, status (pending, "
                            "cleared, more_information, refused) et reason (obligatoire pour "
                            "refused et more_information), repérées par leur nom ; les "
                            "autres colonnes sont ignorées, séparées par des virgules ou des "
                            "points-virgules.",
        "security_api": "Les mêmes opérations par l'API (jeton porteur)\u00a0:",
        "security_file": "Fichier CSV",
        "security_upload_button": "Déposer",
        "security_result_one": "{count} résultat enregistré.",
        "security_result_other": "{count} résultats enregistrés.",
        "security_unchanged_one": "{count}\u00a0ligne inchangée\u00a0: elle dit ce qui est "
                                  "déjà enregistré.",
        "security_unchanged_other": "{count}\u00a0lignes inchangées\u00a0: elles disent ce qui "
                                    "est déjà enregistré.",
        "security_nothing_new_one": "Rien de nouveau\u00a0: la ligne du fichier dit ce qui est "
                                    "déjà enregistré.",
        "security_nothing_new_other": "Rien de nouveau\u00a0: les {count}\u00a0lignes du "
                                      "fichier disent ce qui est déjà enregistré.",
        "security_file_hint": "CSV, {size} au plus.",
        "security_err_too_large": "Le fichier dépasse {size}.",
        "err_security_file": "Choisissez un fichier CSV.",
        "security_people": "Les personnes et leur habilitation",
        "security_people_text": "Chaque personne à cribler avec l'état actuel de son "
                                "habilitation, tel que le dernier fichier ou le protocole l'a "
                                "enregistré.",
        # the clearance's state is « État » on the console and the portal too (« Statut » here
        # said the same thing in another word; docs/workspaces.md, "The security service")
        "security_filter": "État",
        "security_search": "Rechercher (nom)",
        "security_filter_all": "Tous",
        "security_filter_button": "Filtrer",
        "security_none": "Personne n'est dans cet état.",
        "security_none_found": "Personne ne correspond à cette recherche.",
        "security_col_name": "Nom",
        "security_col_category": "Catégorie",
        # a journalist's row holds the outlet (as the Badges page's column says; tried as
        # protocol, 2 December 2026: "Délégation : Financial Times")
        "security_col_delegation": "Délégation / Média",
        "security_col_document": "Pièce d'identité",
        "security_no_document": "Aucune pièce donnée",
        "security_col_name_in_document": "Nom sur la pièce",
        "security_col_status": "État",
        "security_col_reason": "Motif",
        "security_col_set": "Enregistré le",
        "security_col_record": "Enregistrer une habilitation",
        "security_f_status": "Habilitation",
        "security_f_reason": "Motif",
        "security_f_reason_hint": "Obligatoire pour un refus ou une demande d'informations.",
        # the language of the letter quoting the reason, per row, in the words of the console's
        # application page (acc_write_in; docs/workspaces.md, "The security service")
        "security_f_reason_language": "Rédigez-le en {language}\u00a0: une demande "
                                      "d'informations le cite tel quel dans une lettre en "
                                      "{language}.",
        "security_languages_and": " et ",
        "security_record": "Enregistrer",
        "security_status_done": "Habilitation enregistrée pour {name}\u00a0: {status}.",
        "security_err_row_status": "Choisissez l'état de l'habilitation.",
        "security_err_missing_refused_row": "Un refus doit donner son motif.",
        "security_err_missing_more_information_row": "Dites quelles informations manquent.",
        "security_count_one": "{count} personne",
        "security_count_other": "{count} personnes",
        "security_bad_file": "Le fichier n'a pas été appliqué : corrigez ces lignes et "
                             "déposez-le à nouveau.",
        "security_bad_header": "La première ligne du fichier doit nommer les colonnes "
                               "accreditation_id, status et reason, comme le fichier téléchargé.",
        "security_line": "Ligne {line}, colonne « {column} » : {message}",
        "security_line_named": "Ligne {line} ({name}), colonne «\u00a0{column}\u00a0»\u00a0: "
                               "{message}",
        "security_header": "Ligne d'en-tête : {message}",
        "security_err_header": "il manque la colonne « {column} ».",
        "security_err_uuid": "ce n'est pas un identifiant d'accréditation.",
        "security_err_unknown": "aucune accréditation de cette conférence n'a cet identifiant.",
        "security_err_duplicate": "cette personne figure déjà sur une ligne précédente.",
        "security_err_enum": "écrivez {statuses} ou {last}.",
        "security_quoted": "«\u00a0{word}\u00a0»",
        "security_err_missing_refused": "un refus doit donner son motif.",
        "security_err_missing_more_information": "dites quelles informations manquent.",
        "security_err_encoding": "Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV "
                                 "UTF-8 ».",
    },
    "en": {
        "ws_product": "Workspaces",
        "scroll_region": "{name} (scrolls sideways)",
        "language_nav": "Language",
        "signed_in_as": "Signed in as",
        "signout": "Sign out",
        "workspaces_nav": "Your workspaces",
        "breadcrumbs": "Breadcrumbs",
        "forbidden_title": "Access refused",
        "forbidden": "Your access does not cover this page.",
        "not_found": "There is no such page.",
        "error_title": "Error",
        "back_home": "Back to your workspaces",
        "signin_title": "Sign in",
        "signin_intro": "Give your email address: we send you a sign-in link that works once.",
        "signin_sent": "If this address is known to us, a sign-in link has just been sent to "
                       "it. It is valid for {minutes} minutes.",
        "signin_send": "Send me a sign-in link",
        "signin_link_text": "This link signs you in once. Press the button to open your "
                            "session.",
        "signin_button": "Sign me in",
        "signin_link_invalid_title": "Sign-in link expired or already used",
        "history_replaced_by": "{name} in their place",
        "history_replacing": "in place of {name}",
        "signin_link_invalid": "This sign-in link is not or no longer valid (it works once, "
                               "for a limited time). Ask for a new one.",
        "email": "Email address",
        "home_title": "Your workspaces",
        "home_none": "No workspace is open to you.",
        "ws_delegation": "Delegation: {name}",
        "ws_admin_all": "Administration (every conference)",
        "ws_admin": "Administration – {conference}",
        "ws_protocol": "Protocol – {conference}",
        "ws_press_office": "Press office – {conference}",
        "conference": "Conference",
        "focal_point": "Focal point",
        "head_of_delegation": "Head of delegation",
        "head_none": "Not yet designated",
        "members_title": "Members of the delegation",
        "register_member": "Register a member",
        "members_none": "No member registered yet.",
        "category": "Category",
        "function": "Function",
        "category_minister": "Minister",
        "category_official": "Official",
        "category_expert": "Expert",
        "category_press": "Press",
        "category_staff": "Staff",
        "delegation_programme": "The delegation's programme",
        "programme_none": "No member is invited to a session of the published programme yet.",
        "part_audience": "in the audience",
        "part_chair": "chair",
        "part_speaker": "speaker",
        "part_attendee": "attendee",
        "letters_title": "The delegation's letters",
        "letters_none": "No letter sent yet.",
        "letters_latest": "The latest {shown} of {total}.",
        "letters_all": "See every letter ({count})",
        "letters_count_one": "{count} letter, newest first.",
        "letters_count_other": "{count} letters, newest first.",
        "recipient": "Recipient",
        "subject": "Subject",
        "delivery": "Delivery",
        "delivery_queued": "queued",
        "delivery_in_flight": "sending",
        "delivery_retry": "retry planned",
        "delivery_sent": "sent",
        "delivery_failed": "failed",
        "delegation_title": "Delegation: {name}",
        "member_new_title": "Register a member",
        "member_required_for": "required for a minister or an official, optional for an "
                               "expert",
        "err_required_for": "Required for a minister or an official.",
        "member_person": "The person",
        "member_office": "Their office",
        "f_category": "Category",
        "f_given_name": "Given name(s)",
        "f_family_name": "Family name",
        "f_email": "Email address",
        "f_language": "Language for correspondence",
        "f_gender": "Form of address",
        "f_rank": "Protocol rank",
        "f_function": "Function, official title",
        "function_hint": "For example “Minister for Foreign Affairs”.",
        "f_function_fr": "Function in French",
        "f_function_en": "Function in English",
        "function_fr_hint": "If the function above is written in another language: French "
                            "letters and lists print this one.",
        "function_en_hint": "If the function above is written in another language: English "
                            "letters and lists print this one.",
        "member_errors_summary": "Nothing was saved. Please correct the fields marked:",
        "err_member_invalid": "These details are not accepted: check the category and the "
                              "fields it needs.",
        "lang_fr": "French",
        "lang_en": "English",
        "gender_female": "Ms",
        "gender_male": "Mr",
        "register_button": "Register",
        "member_badge_title": "Badge and calendar",
        "member_badge_link": "Download the badge (PNG)",
        "member_feed_link": "Personal calendar (subscription link)",
        "member_badge_awaited": "The badge will be available here once the security check is "
                                "complete.",
        "member_badge_refused": "No badge can be issued: the security clearance it requires has "
                                "not been granted.",
        "badge_not_approved": "Badges are printed for approved accreditations only; this one is: "
                              "{status}.",
        "badge_not_cleared_awaited": "No badge yet: it will be available once the security "
                                     "check is complete.",
        "press_clearance": "Security clearance",
        "press_clearance_refused": "Refused: no badge can be issued.",
        "press_clearance_pending": "Pending: no badge until the check is complete.",
        "press_clearance_more_information": "More information asked: no badge until the check "
                                            "is complete.",
        "decision_clearance_refused": "Security clearance refused: if the accreditation is "
                                      "approved, no badge can be issued and no invitation to "
                                      "the sessions will be sent.",
        "decision_clearance_pending": "Security clearance pending: if the accreditation is "
                                      "approved, the badge is issued only once the security "
                                      "check is complete.",
        "decision_clearance_more_information": "Security clearance: the security service asked "
                                               "for more information. If the accreditation is "
                                               "approved, the badge is issued only once the "
                                               "check is complete.",
        "decision_clearance_more_information_protocol": "Security clearance: the protocol "
                                                        "service asked for more information. "
                                                        "If the accreditation is approved, "
                                                        "the badge is issued only once the "
                                                        "check is complete.",
        "revoke_language": "The mail is written in {language}: write the reason in {language}.",
        "revoke_focal_told": "The delegation's focal point is told too, by a mail that quotes "
                             "this reason as written.",
        "revoke_substitute_instead": "To put another person in this member's place (a minister "
                                     "prevented, replaced by a deputy), do not revoke: "
                                     "substitute them above (“Substitute this member”), which "
                                     "hands over the place, the sessions and the role. A "
                                     "revocation ends the accreditation, announced as such by "
                                     "mail, and hands nothing over.",
        "in_language_fr": "French",
        "in_language_en": "English",
        "acc_corresponds_in": "Corresponds in",
        "acc_write_in": "Write it in {language}: it is quoted as written in a letter in "
                        "{language}.",
        "withdraw_member": "Withdraw this member…",
        "withdraw_title": "Withdraw a member",
        "err_withdraw_approved": "The application of {name} is “{status}”: an accredited "
                                 "member is not withdrawn from the portal. To replace them, ask "
                                 "for a substitution on their page; to cancel their "
                                 "attendance, write to the protocol service ({email}).",
        "err_withdraw_ended": "The application of {name} is “{status}”: there is nothing left "
                              "to withdraw.",
        "back_to_member": "Back to the page of {name}",
        "withdraw_confirm": "Withdraw the registration of {name}? It cannot be restored; a new "
                            "registration would be needed.",
        "withdraw_confirm_button": "Yes, withdraw",
        "cancel": "Cancel",
        "press_desk_title": "Press office",
        "pool_counter_one": "Press accreditations: {approved} of {capacity} places "
                            "approved.",
        "pool_counter_other": "Press accreditations: {approved} of {capacity} places "
                              "approved.",
        "all": "All",
        "all_countries": "All",
        "role_camera_mrs": "Camera operator",
        "role_camera_mr": "Camera operator",
        "role_camera_neutral": "Camera operator",
        "role_technician_mrs": "Technician",
        "role_technician_mr": "Technician",
        "role_technician_neutral": "Technician",
        "search": "Name, outlet, press card, email address or badge reference",
        "f_press_role": "Role",
        "f_outlet_country": "Country of the outlet",
        "f_received_on": "Received on",
        "filter": "Filter",
        "queue_caption": "Press applications",
        "queue_information_asked": "Information asked on {when}",
        "queue_information_answered": "Answered on {when} (information asked on {asked})",
        "queue_showing": "Applications {first} to {last} of {total}, a page at a time: narrow "
                         "the search to find one.",
        "flash_batch_already_waitlisted_one": "{count} application was already on the waiting "
                                              "list.",
        "flash_batch_already_waitlisted_other": "{count} applications were already on the "
                                                "waiting list.",
        "press_pieces_title": "Photo and documents",
        "information_title": "Ask for more information",
        "information_intro": "The message is mailed to the journalist with their private link, "
                             "where they give documents and their photo or answer in words "
                             "(the answer shows here, and the spokespersons are told by email); "
                             "the application stays under review, and the history keeps the "
                             "request.",
        "information_message": "What the journalist needs to give (sent as written)",
        "information_button": "Send the request",
        "err_information_message": "Say what the journalist needs to give (2,000 characters at "
                                   "most).",
        "information_not_now": "The application is no longer under review ({status}): no "
                               "information is asked.",
        "flash_information": "Request for information sent to {name}.",
        "information_intro_protocol": "The message is mailed to the applicant with their "
                                      "private link, where they give documents and their "
                                      "photo or answer in words (the answer shows here, and "
                                      "is mailed to the organisers' address); the application "
                                      "stays under review, and the history keeps the request.",
        "information_message_protocol": "What the applicant needs to give (sent as written)",
        "err_information_message_protocol": "Say what the applicant needs to give (2,000 "
                                            "characters at most).",
        "select": "Selection",
        "select_one": "Select {name}",
        "received": "Received",
        "approve_selected": "Approve the selected",
        "waitlist_selected": "Waitlist the selected",
        "queue_empty": "No application matches.",
        "queue_to_decide": "To decide",
        "queue_none_to_decide": "No application left to decide.",
        "press_card": "Press card or letter of assignment",
        "decision_title": "Decision",
        "decision": "Decision",
        "decide_approve": "Approve",
        "decide_waitlist": "Waiting list",
        "decide_reject": "Reject",
        "reason_template": "Standard reason",
        "reason_needed_for_reject": "a reason is needed to reject",
        "reason_written_when": "to reject without a standard reason; when written, it replaces it",
        "reason_own": "— Reason written below —",
        "reason_written": "Written reason",
        "decide_button": "Record the decision",
        "revoke_title": "Revoke the accreditation",
        "revoke_reason": "Reason for revoking",
        "revoke_reason_hint": "The reason is quoted as written in the mail that tells the "
                              "person of the revocation.",
        "revoke_button": "Revoke",
        "revoke_confirm": "I confirm the revocation: the person is told by mail and their badge "
                          "is refused at the door.",
        "err_revoke_confirm": "Tick the box to confirm the revocation.",
        "revoke_only_granted": "Only a granted accreditation is revoked; an application under "
                               "review is rejected.",
        "flash_signed_in": "You are signed in.",
        "flash_signed_out": "You are signed out.",
        "flash_registered": "{name} is registered: the application goes to the protocol service.",
        "flash_withdrawn": "The registration of {name} is withdrawn.",
        "flash_approve": "Accreditation approved for {name}.",
        "flash_waitlist": "{name} is on the waiting list.",
        "flash_reject": "Application of {name} rejected.",
        "flash_revoke": "Accreditation of {name} revoked.",
        "correct_title": "Correct the details",
        "correct_intro": "A mistake in the name, outlet or role? Correct it here: the "
                         "correction and its reason are kept in the history; the journalist "
                         "reads there which details were corrected, not the reason.",
        "correct_badge_hint": "The name, outlet and role are printed on the badge: if it was "
                              "printed already, a new version is to be printed and the old one "
                              "no longer opens the doors.",
        "correction_reason": "Reason for the correction",
        "correct_button": "Save the correction",
        "flash_corrected": "The details of {name} are corrected.",
        "walkin_title": "Add a journalist",
        "walkin_link": "Add a journalist (at the accreditation desk)",
        "walkin_intro": "For a journalist who came to the accreditation desk after the press "
                        "registration closed, or whose application never arrived: it is filed "
                        "as if they had sent it, they receive its acknowledgement with their "
                        "link, then you decide on its page.",
        "walkin_press_legend": "Their outlet",
        "walkin_button": "File the application",
        "walkin_flash": "Application filed for {name}: decide below.",
        "walkin_err_duplicate": "An application already exists at this address: search for it "
                                "in the list.",
        "walkin_err_pool_full": "The press pool is full: no application was filed.",
        "flash_corrected_reprint": "The details of {name} are corrected. Their printed "
                                   "badge {old} no longer opens the doors: the new one, {new}, "
                                   "is to be printed (protocol's Badges page) and handed over "
                                   "against the old one.",
        "flash_unchanged": "Nothing changed.",
        "err_correction_reason": "Give the reason for the correction.",
        "correct_not_now": "This application is {status}: its details are no longer corrected.",
        "flash_batch_one": "{count} application done.",
        "flash_batch_other": "{count} applications done.",
        "flash_batch_approve_one": "{count} application approved.",
        "flash_batch_approve_other": "{count} applications approved.",
        "flash_batch_waitlist_one": "{count} application put on the waiting list.",
        "flash_batch_waitlist_other": "{count} applications put on the waiting list.",
        "err_reason_required": "Choose a standard reason or write one.",
        "err_pick_some": "Select at least one application.",
        "err_pick_decision": "Choose a decision.",
        "err_illegal": "This is no longer possible: the application is “{status}”.",
        "err_pool_full": "The press pool is full: waitlist the application or revoke another.",
        "dup_of": "Possible duplicate of",
        # "may duplicate (…):" named nothing duplicated (tried as the press office, 2 December
        # 2026); said as the French says it, "est peut-être un doublon (…) de :"
        "dup_note": "This application may be a duplicate (same press card number, or same name "
                    "and outlet) of:",
        "dup_confirm": "I have checked: this is not the same person.",
        "err_dup_confirm": "This application may be a duplicate: check it, then tick the box to "
                           "approve it.",
        "err_dup_approved": "Not approved: this application probably duplicates {name}'s, "
                            "already approved, and a person takes one place in the pool. Reject "
                            "it, or revoke the other first.",
        "err_dup_approved_tick": "Not approved: this application probably duplicates {name}'s, "
                                 "already approved. Reject it, revoke the other first, or, if "
                                 "it is not the same person, tick the box.",
        "err_dup_batch": "Possible duplicates are decided one by one, on their page: {names}.",
        "dup_received": "received {when}",
        "err_batch_decided": "Decided meanwhile, no longer in the selection: {names}.",
        "err_dup_batch_rest": "Nothing was decided: the other applications are still ticked.",
        "err_pool_full_batch": "Nothing was approved: the press pool has too few places left. "
                               "Places left: {left}; applications ticked: {count}. Untick "
                               "some, or put them on the waiting list.",
        "err_duplicate": "This address cannot be used for a new application; please contact "
                         "the protocol service.",
        "err_duplicate_console": "This address is already used by another application of this "
                                 "conference: {name} ({status}). Give the new person an "
                                 "address of their own; if it is the same person, see their "
                                 "application.",
        "err_duplicate_console_unnamed": "This address is already used by another application "
                                         "of this conference: give the new person an address "
                                         "of their own.",
        "acc_open_taken": "Open the application of {name}",
        "err_duplicate_own": "This address is already that of {name}, a member of your "
                             "delegation ({status}): see their page in the list of members.",
        "action_amend": "Details changed",
        "action_quota_override": "Quota override granted",
        "action_deadline_override": "Late registration accepted",
        "action_information_given": "Answer received from the applicant",
        "ws_asked_title": "Information asked and answers",
        "ws_asked_on": "Request of {when}",
        "ws_answered_on": "Answer of {when}, as written",
        "ws_not_answered": "No written answer yet.",
        "ws_answered_on_focal": "Answer of {when}, by the delegation's focal point, as written",
        "action_information_given_focal": "Answer received from the delegation's focal point",
        # the focal point answers on the member's behalf (docs/workspaces.md, "Asking for
        # more information")
        "information_todo_member": "To do: the protocol service asks for more information "
                                   "about {name} before deciding.",
        "information_todo_link": "See the request and answer it",
        "member_answer_title": "Your answer to the protocol service, on the member's behalf",
        "member_answer_intro": "Answer here in words for {name} (for example, that the note "
                               "verbale follows): the answer is sent to the protocol service, "
                               "which sees that it comes from the focal point, and kept with "
                               "the request. Documents and the photo are given on the "
                               "documents page.",
        "member_answer": "Answer",
        "member_answer_button": "Send the answer",
        "err_member_answer": "Write the answer (2,000 characters at most).",
        "flash_answered": "The answer for {name} has been sent to the protocol service. It is "
                          "shown below, with its request.",
        "member_answer_not_now": "The application is no longer under review ({status}): no "
                                 "answer is taken any more.",
        "member_answer_not_asked": "No information was asked about this member: there is "
                                   "nothing to answer.",
        "member_answers_exhausted": "This request has had {count} answers, as many as it "
                                    "takes. For anything else, reply to the protocol "
                                    "service's email; it will write if it needs more.",
        "action_not_a_duplicate": "Checked: not the same person as an approved accreditation",
        "edit_member": "Edit this member",
        "member_edit_title": "Edit: {name}",
        "member_edit_crumb": "Edit",
        "member_edit_button": "Save the changes",
        "flash_amended": "The details of {name} are changed.",
        "f_in_office_since": "In office since",
        "in_office_since_hint": "The date of taking office (for an ambassador, of presenting "
                                "credentials): it orders equal ranks in the order of "
                                "precedence.",
        "err_in_office_since": "Enter a date (day, month, year).",
        "acc_correct_link": "Correct the member's details",
        "acc_correct_title": "Correct the details: {name}",
        "acc_correct_note": "{category}, application approved. A correction changes the names, "
                            "the rank, the function and the date of taking office only: "
                            "another person takes the place by a substitution. A printed badge "
                            "carrying a corrected name or function is replaced by a new one, to "
                            "print.",
        "acc_correct_button": "Save the correction",
        "acc_correct_crumb": "Correct",
        "f_reason": "Reason for the correction",
        "reason_hint": "Kept in the member's history (for example: “new title after the "
                       "reshuffle of 2 March”).",
        "acc_edit_link": "Edit the member's details",
        "acc_edit_title": "Edit the details: {name}",
        "acc_edit_note": "Category: {category}. A change of rank or of the date of taking "
                         "office changes the member's place in the order of precedence.",
        "acc_edit_not_member": "Only a delegation member's details (minister, official, "
                               "expert) are edited here.",
        "acc_edit_decided": "This member can no longer be edited: the application is "
                            "“{status}”. After the decision, substitute the member from their "
                            "page.",
        "member_badge_no_photo": "{name}'s badge has no photo: printed now, it would have an "
                                 "empty frame, which the door could not compare with the face. "
                                 "Give the photo first (page “Photo, documents to give and visa "
                                 "invitation letter”, below).",
        "member_places_hint": "The delegation's places: {places}.",
        "member_place": "{category} {used} of {allowed}",
        "member_place_full": "{category} {used} of {allowed} (full)",
        "member_place_open": "{category} {used} (not capped)",
        "members_badge_ready": "Badge ready: {reference}",
        "members_badge_ready_plain": "Badge ready",
        "members_badge_no_photo": "(no photo)",
        "members_badge_awaited": "Badge after the security check",
        "members_badge_printed": "Badge printed on {date}",
        "members_badge_collected": "Badge collected by {name} on {date}",
        "member_badge_printed": "Badge printed on {date}; it waits in the delegation's pack, to "
                                "collect at the desk.",
        "member_badge_collected": "Badge printed and collected by {name} on {date}.",
        "member_clearance_asked": "Clearance: more information asked",
        "more_information_todo_member": "To do: {office} asks for more "
                                        "information for the clearance of {name}. The email "
                                        "“Security clearance: more information needed” says "
                                        "what: give it on the documents page or, for what that "
                                        "page does not take, by replying to that email. Until "
                                        "then, no badge can be issued.",
        "more_information_todo_here": "To do: {office} asks for more information "
                                      "for the clearance of {name}. The email “Security "
                                      "clearance: more information needed” says what: give it "
                                      "below or, for what this page does not take, by replying "
                                      "to that email. Until then, no badge can be issued.",
        "programme_royal": "royal presence (security list)",
        "names_title": "Names to check:",
        "fit_title": "Rank and category to check:",
        "fit_category": "{name} is filed with the rank “{rank}”, a ministerial rank, in the "
                        "category “{category}”. A person of ministerial rank (head of state "
                        "down to deputy minister or secretary of state) is accredited in the "
                        "category “Minister”: please check the category.",
        "fit_rank": "{name} is filed in the category “Minister” with the rank “{rank}”. This "
                    "category is for a person of ministerial rank; an official or an expert is "
                    "accredited in the category “Official” or “Expert”: please check the rank "
                    "and the category.",
        "err_edit_decided": "This member can no longer be edited: the application is "
                            "“{status}”. After the decision, ask for a substitution.",
        "err_edit_decided_closed": "This member can no longer be edited: the application is "
                                   "“{status}”. {closed}",
        "err_quota_one": "The quota for “{category}” is reached: {used} of {allowed} place "
                         "taken. For one more place, contact the protocol service ({email}); "
                         "otherwise, substitute a member of this category or choose another.",
        "err_quota_other": "The quota for “{category}” is reached: {used} of {allowed} places "
                           "taken. For one more place, contact the protocol service ({email}); "
                           "otherwise, substitute a member of this category or choose another.",
        "err_changes_closed": "The deadline for changes has passed: please contact the "
                              "protocol service.",
        "deadlines_title": "Deadlines",
        "err_nominations_closed": "Registrations are closed: please contact the protocol "
                                  "service.",
        "closed_nominations": "Registrations closed on {when}: only the protocol service can "
                              "still register or import members ({email}).",
        "closed_changes": "Changes and substitutions closed on {when}: only the protocol service "
                          "can still edit or substitute a member ({email}).",
        "closed_back": "Back to the delegation",
        "deadline_nominations": "You can register members until {when}.",
        "deadline_nominations_past": "Registrations closed on {when}: only the protocol service "
                                     "can still register a member.",
        "deadline_changes": "You can edit a member before the decision and ask for "
                            "substitutions until {when}.",
        "deadline_changes_past": "Changes and substitutions closed on {when}: please contact "
                                 "the protocol service.",
        "deadline_nominations_with_conference": "Nominations close with the conference: "
                                                "{when}. You can register members until then.",
        "deadline_changes_with_conference": "Changes and substitutions close with the "
                                            "conference: {when}. You can edit a member before "
                                            "the decision and ask for substitutions until then.",
        "deadline_security": "The security list of the royal-presence sessions closes on "
                             "{when}. Only members whose application is approved by then can "
                             "attend them: register those who must be there in good time.",
        "deadline_security_past": "The security list of the royal-presence sessions closed on "
                                  "{when}: a member approved since can no longer be added to "
                                  "it. For a substitution, the confirmation page says what it "
                                  "changes on that list.",
        "deadlines_none": "No deadline is set yet.",
        "quotas_title": "Places by category",
        "quota_used": "Used",
        "quota_allowed": "Allowed",
        "quota_unlimited": "not capped",
        "quota_over_one": "“{category}”: one place beyond the quota, granted by the protocol "
                          "service.",
        "quota_over_other": "“{category}”: {count} places beyond the quota, granted by the "
                            "protocol service.",
        "quotas_note": "Counted: applications submitted, waitlisted or approved.",
        "reasons_title": "Reason templates",
        "reasons_link": "Manage the reason templates",
        "reasons_intro": "The reasons offered to the press office when it rejects or waitlists "
                         "an application. The text goes out in the applicant's language.",
        "reasons_none": "No reason template: decisions are made with a written reason.",
        "reason_text_fr": "Text in French",
        "reason_text_en": "Text in English",
        "reason_add_title": "Add a reason template",
        "reason_add_button": "Add",
        "reason_edit_title": "Edit the reason template",
        "reason_save_button": "Save",
        "reason_delete_button": "Delete",
        "reason_delete_label": "Delete the reason: {text}",
        "reason_edit_label": "Edit the reason: {text}",
        "reason_edit_link": "Edit",
        "flash_reason_added": "Reason template added.",
        "flash_reason_saved": "Reason template saved.",
        "flash_reason_deleted": "Reason template deleted.",
        "err_reason_text": "Enter this text (2,000 characters at most).",
        "err_reason_gone": "This reason template no longer exists: choose another.",
        "ws_security": "Security – {conference}",
        "security_title": "Security",
        "security_intro": "Your access lets you handle the security vetting of the people "
                          "accredited to this conference.",
        "security_download": "Download the people to vet (CSV)",
        "security_download_text": "The people whose vetting is pending, as CSV.",
        "security_upload": "Upload the results (CSV)",
        "security_upload_text": "The downloaded file, with each person's result (status "
                                "and reason) filled in.",
        "security_scripts": "For scripts",
        "security_columns": "Columns of the uploaded file: accreditation_id, status (pending, "
                            "cleared, more_information, refused) and reason (needed for "
                            "refused and more_information), found by their names; other "
                            "columns are ignored, separated by commas or semicolons.",
        "security_api": "The same through the API (bearer token):",
        "security_file": "CSV file",
        "security_upload_button": "Upload",
        "security_result_one": "{count} result recorded.",
        "security_result_other": "{count} results recorded.",
        "security_unchanged_one": "{count} line unchanged: it says what is already recorded.",
        "security_unchanged_other": "{count} lines unchanged: they say what is already "
                                    "recorded.",
        "security_nothing_new_one": "Nothing new: the file's line says what is already "
                                    "recorded.",
        "security_nothing_new_other": "Nothing new: the file's {count} lines say what is "
                                      "already recorded.",
        "security_file_hint": "CSV, at most {size}.",
        "security_err_too_large": "The file is larger than {size}.",
        "err_security_file": "Choose a CSV file.",
        "security_people": "People and their clearance",
        "security_people_text": "Everyone to vet with their current status, as the last file "
                                "or protocol recorded it.",
        "security_filter": "Status",
        "security_search": "Search (name)",
        "security_filter_all": "All",
        "security_filter_button": "Filter",
        "security_none": "Nobody has this status.",
        "security_none_found": "Nobody matches this search.",
        "security_col_name": "Name",
        "security_col_category": "Category",
        "security_col_delegation": "Delegation / Outlet",
        "security_col_document": "Identity document",
        "security_no_document": "None given",
        "security_col_name_in_document": "Name in the document",
        "security_col_status": "Status",
        "security_col_reason": "Reason",
        "security_col_set": "Recorded on",
        "security_col_record": "Record a clearance",
        "security_f_status": "Clearance",
        "security_f_reason": "Reason",
        "security_f_reason_hint": "Required for a refusal or a request for more information.",
        "security_f_reason_language": "Write it in {language}: a request for more information "
                                      "quotes it as written in a letter in {language}.",
        "security_languages_and": " and ",
        "security_record": "Record",
        "security_status_done": "Clearance recorded for {name}: {status}.",
        "security_err_row_status": "Choose the clearance's status.",
        "security_err_missing_refused_row": "A refusal needs its reason.",
        "security_err_missing_more_information_row": "Say what information is missing.",
        "security_count_one": "{count} person",
        "security_count_other": "{count} people",
        "security_bad_file": "The file was not applied: correct these lines and upload it "
                             "again.",
        "security_bad_header": "The file's first line must name the columns accreditation_id, "
                               "status and reason, as the downloaded file does.",
        "security_line": "Line {line}, column “{column}”: {message}",
        "security_line_named": "Line {line} ({name}), column “{column}”: {message}",
        "security_header": "Header line: {message}",
        "security_err_header": "the column “{column}” is missing.",
        "security_err_uuid": "this is not an accreditation id.",
        "security_err_unknown": "no accreditation of this conference has this id.",
        "security_err_duplicate": "this person is already on an earlier line.",
        "security_err_enum": "write {statuses} or {last}.",
        "security_quoted": "“{word}”",
        "security_err_missing_refused": "a refusal needs its reason.",
        "security_err_missing_more_information": "say what information is missing.",
        "security_err_encoding": "The file is not UTF-8: save it as “CSV UTF-8”.",
    },
}


_PLURAL = {language: Locale.parse(language).plural_form for language in ("fr", "en")}


class WTranslator(Translator):
    """The workspaces' strings first, then the public pages'."""

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self._own = {**STRINGS[self.language], **CONSOLE[self.language],
                     **LIFECYCLE[self.language], **PROGRAMME[self.language],
                     **SETUP[self.language],
                     **DESK[self.language], **CRED[self.language]}

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self._own) | super().keys

    def span(self, starts: datetime, ends: datetime, zone: str) -> str:
        """A session's day and times, start and end: "Sunday 28 March 2027, 11:00 – 12:30
        (CEST)". The publication's changelog gives a move as two of these, so that a change of
        the end time alone is seen (docs/calendar.md)."""
        return formatting.span(starts, ends, zone, self.language)

    def zone_words(self, zone: str, when: Any, otherwise: Any = None) -> str:
        """The conference's zone in words, with its abbreviation at ``when`` ("heure de
        Bruxelles, CET"), never "Europe/Brussels". A date is taken at its noon; a form's value
        ("2027-03-28T10:00") at its date, else ``otherwise`` when it is not one (a deadline's
        hint names the zone of its own date: CEST for one in late March, CET in January)."""
        if isinstance(when, str):
            try:
                when = date.fromisoformat(when[:10])
            except ValueError:
                when = otherwise
        if isinstance(when, date) and not isinstance(when, datetime):
            when = datetime.combine(when, time(12), ZoneInfo(zone))
        return formatting.zone_words(zone, self.language, when)

    def with_conference(self, end: datetime, zone: str) -> str:
        """A deadline that closes with the conference (``end``: midnight after its last day,
        ``accreditation.domain.closing``) as a reader says it, the last minute of the last day:
        "14 January 2027, 23:59 (Brussels time, CET)" / "14 janvier 2027 à 23:59 (heure de
        Bruxelles, CET)" (docs/lifecycle.md, "Quotas and deadlines")."""
        last = end - timedelta(minutes=1)
        joiner = " à " if self.language == "fr" else ", "
        return (formatting.day(last, self.language, timezone=zone) + joiner
                + formatting.time(last, zone, self.language, zone=False)
                + f" ({formatting.zone_words(zone, self.language, last)})")

    def part(self, role: str, gender: str | None) -> str:
        """A person's part in a session as it fits them: in French "oratrice", "participante"
        for a woman; "orateur", "participant" otherwise ("présidence" and "dans l'assistance"
        are said of anyone); English has one word."""
        key = f"part_{role}_{gender}"
        return self(key) if key in self._own else self(f"part_{role}")

    def rank(self, rank: Rank | str, gender: str | None) -> str:
        """A named person's rank in their gender (``protocol.titles.rank_label``, docs/
        protocol.md): « Ambassadrice / représentante permanente » for a woman, « Ambassadeur /
        représentant permanent » for a man, the double form when the gender is unknown; the
        member form's select, naming no one, keeps the double form (``rank_<rank>``)."""
        return rank_label(rank, self.language, gender if gender in ("female", "male") else None)

    def gendered(self, key: str, gender: str | None) -> str:
        """``key`` as it names a person of ``gender``: ``<key>_female`` where the language has
        a feminine form (« Experte », « Cheffe de délégation »), else ``key``."""
        own = f"{key}_{gender}"
        return self(own) if gender and own in self._own else self(key)

    def press_role(self, role: str, salutation: str) -> str:
        """A press role as it fits the person: in French "Cadreuse" for Madame, "Cadreur" for
        Monsieur, "Prise de vues" when the salutation is neutral; English has one word."""
        key = f"role_{role}_{salutation}"
        return self(key) if key in self._own else self(f"role_{role}")

    def number(self, n: int) -> str:
        """A whole number with the language's thousands separator: "1,234", "1 234"."""
        return format_decimal(n, locale=self.language)

    def either(self, items: list[str]) -> str:
        """Alternatives as the language lists them: "A or B", "A, B or C"; « A » ou « B »
        (British English: no comma before "or")."""
        return format_list(items, style="or",
                           locale="en_GB" if self.language == "en" else self.language)

    def both(self, items: list[str]) -> str:
        """A list as the language writes it: "A and B", "A, B and C"; « A et B »."""
        return format_list(items, style="standard",
                           locale="en_GB" if self.language == "en" else self.language)

    def plural(self, key: str, count: int | str, **values: Any) -> str:
        """``key_one`` or ``key_other`` as the language's plural rule (CLDR, through babel)
        takes ``count``: French "0 demande traitée", "2 demandes traitées"; English "1
        application", "0 applications". ``count`` is also given to the text, a number written
        with the language's thousands separator ("1,234 people", "1 234 personnes")."""
        try:
            n = int(count)
        except (TypeError, ValueError):
            n = 0
        form = "one" if _PLURAL[self.language](n) == "one" else "other"
        shown = self.number(count) if isinstance(count, int) else count
        return self(f"{key}_{form}", count=shown, **values)

    def __call__(self, key: str, **values: Any) -> str:
        if key in self._own:
            text = self._own[key]
            if values and self.language == "fr":
                text = elide(text, values)
            return text.format(**values) if values else text
        if key.startswith("rank_"):  # the member form's names (lifecycle/domain.py)
            rank = key[5:]
            return RANK_LABELS[self.language].get(Rank(rank), rank) if rank in _RANKS else rank
        if values and self.language == "fr" and key in self._strings:
            # the public pages' texts a workspace shows ("La photo actuelle de {name}") elide
            # as the workspaces' own do: "d'Élodie Fournier"
            return elide(self._strings[key], values).format(**values)
        return super().__call__(key, **values)


_RANKS = frozenset(r.value for r in Rank)

# "de {name}" before a name that starts with a vowel or a mute h: French elides it ("le badge
# d'Annelies Verlinden", "les quotas d'Europol", "la photo d'Hélène Dubois"; "de Hans Weber"):
# docs/protocol.md, "Elision before a name".
_DE_PLACEHOLDER = re.compile(r"\b([dD])e \{(\w+)\}")


def elide(template: str, values: dict[str, Any]) -> str:
    """A French template with "de {x}" made "d'{x}" where the value of x elides (``elides``:
    a vowel first, or a mute h); what the reader typed, a name, is never changed itself."""
    def one(m: re.Match[str]) -> str:
        value = str(values.get(m.group(2), ""))
        return f"{m.group(1)}'{{{m.group(2)}}}" if value and elides(value) else m.group(0)

    return _DE_PLACEHOLDER.sub(one, template)

