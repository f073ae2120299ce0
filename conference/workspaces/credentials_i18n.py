"""The console's credentials strings (badges, visa letters, vetting, documents) and the
documents section of the applicant's and focal point's pages, in French and English (merged
into the workspaces' own and the public pages')."""

from __future__ import annotations

CRED: dict[str, dict[str, str]] = {
    "fr": {
        # « État » is masculine: « Toutes » (the delegation's, the category's word) said
        # « État : Toutes » (tried as protocol, 2 December 2026)
        "cred_badge_status_all": "Tous",
        "member_visa_pdf": "Télécharger la lettre n°\u00a0{number} (PDF)",
        "member_visa_pdf_none": "Aucune lettre d'invitation approuvée pour ce membre.",
        # a letter closed with its accreditation (docs/credentials.md, "Visa invitation letters")
        "cred_letter_closed_rejected": "Fin de l'accréditation (demande refusée)",
        "cred_letter_closed_withdrawn": "Fin de l'accréditation (demande retirée)",
        "cred_letter_closed_revoked": "Fin de l'accréditation (révocation)",
        "cred_letter_closed_substituted": "Fin de l'accréditation (une autre personne a pris "
                                          "sa place)",
        # a photo at the minimum size: no box but the whole photo (docs/credentials.md, "Photo")
        "member_photo_fitted_min": "La photo envoyée n'était pas au format portrait du badge "
                                   "(3:4)\u00a0: elle a été recadrée au centre et enregistrée, "
                                   "à la taille minimale (600 × 800 pixels), qui ne peut plus "
                                   "être recadrée. Vérifiez-la ci-dessous\u00a0; si le visage "
                                   "n'est pas bien cadré, envoyez une autre photo, plus grande "
                                   "ou déjà au format portrait.",
        "member_crop_text_sent": "Le cadre garde les proportions 3:4 du badge et se prend "
                                 "dans la photo telle qu'elle a été envoyée, affichée "
                                 "ci-dessous ({width} × {height} pixels)\u00a0: un recadrage "
                                 "peut toujours être refait. Choisissez un cadrage tout prêt, "
                                 "ou donnez le bord gauche, le bord supérieur et la largeur du "
                                 "cadre en pixels de cette photo.",
        "member_photo_min": "Cette photo a la taille minimale (600 × 800 pixels)\u00a0: elle ne "
                            "peut pas être recadrée. Pour un autre cadrage, envoyez une autre "
                            "photo, plus grande ou déjà au format portrait.",
        "cred_badges_title": "Badges",
        "cred_letters_title": "Lettres d'invitation (visa)",
        "cred_badge_count_one": "{count} badge affiché, dont {batch} à imprimer.",
        "cred_badge_count_other": "{count} badges affichés, dont {batch} à imprimer.",
        "cred_badge_to_print": "À imprimer",
        "cred_badge_printed": "Imprimé",
        "cred_badge_collected": "Remis",
        "cred_badge_not_cleared": "En attente d'habilitation",
        "cred_badge_refused": "Habilitation refusée\u00a0: aucun badge",
        "cred_badges_empty": "Aucun badge ne correspond à ces filtres.",
        "cred_version": "Version",
        # the short reference printed under the QR code (docs/credentials.md)
        "cred_version_reference": "Version et référence",
        "cred_badges_no_zones": "Cette conférence n'a encore aucune zone\u00a0: les badges "
                                "imprimés maintenant porteraient «\u00a0Aucune zone "
                                "accordée\u00a0» et la porte ne pourrait rien contrôler.",
        "cred_badges_define_zones": "Définir les zones avant d'imprimer",
        "cred_badges_no_photo_one": "{count} badge à imprimer n'a pas de photo\u00a0: il sortirait "
                                    "avec un cadre vide, que la porte ne pourrait pas comparer "
                                    "au visage.",
        "cred_badges_no_photo_other": "{count} badges à imprimer n'ont pas de photo\u00a0: ils "
                                      "sortiraient avec un cadre vide, que la porte ne pourrait "
                                      "pas comparer au visage.",
        "cred_badge_no_photo": "sans photo",
        "cred_actions": "Actions",
        "cred_batch_title": "Lot d'impression",
        "cred_batch_text": "Le PDF contient les badges à imprimer ou imprimés qui correspondent "
                           "aux filtres, dans l'ordre protocolaire. Le télécharger ne marque "
                           "rien\u00a0: marquez le lot imprimé une fois sorti de l'imprimante.",
        "cred_layout": "Mise en page",
        "cred_layout_a6": "Un badge par page A6",
        "cred_layout_a4x4": "Quatre badges par feuille A4, avec traits de coupe",
        "cred_batch_download": "Télécharger le lot (PDF)",
        "cred_mark_printed_one": "Marquer comme imprimé le badge de la liste",
        "cred_mark_printed_other": "Marquer comme imprimés les {count} badges de la liste",
        "cred_reissue": "Réémettre",
        "cred_reissue_title": "Réémettre le badge de {name}",
        "cred_reissue_text": "Le badge reçoit une nouvelle version à imprimer\u00a0; le code QR de "
                             "l'ancien badge sera refusé à toutes les portes.",
        "cred_reissue_reason": "Motif de la réémission",
        "cred_reissue_lost": "Perdu",
        "cred_reissue_damaged": "Abîmé",
        "cred_reissue_photo_changed": "Photo changée",
        "cred_reissue_zone_change": "Zones modifiées",
        "cred_note": "Note",
        "cred_reissue_confirm": "Je confirme\u00a0: l'ancien badge ne sera plus accepté.",
        "cred_reissue_button": "Réémettre le badge",
        "cred_back_badges": "Retour aux badges",
        "cred_void_title": "Badges annulés encore en circulation",
        "cred_void_text": "Ces badges ont été imprimés, puis la personne a été remplacée, sa "
                          "demande retirée ou son accréditation révoquée\u00a0: les portes les "
                          "refusent. Récupérez chacun à l'accueil (ou auprès de la délégation qui "
                          "l'a retiré) et détruisez-le.",
        "cred_void_where": "Où il est",
        "cred_void_why": "Pourquoi il est annulé",
        "cred_void_collected": "Remis à {name}, {date}",
        "cred_void_printed": "Imprimé le {date}, jamais remis\u00a0: à détruire à l'accueil",
        "cred_void_why_substituted": "Personne remplacée",
        # a printed badge was approved: the accreditation is withdrawn, not an application
        "cred_void_why_withdrawn": "Accréditation retirée",
        "cred_void_why_revoked": "Accréditation révoquée",
        "cred_pack_title": "Remise des badges aux délégations",
        "cred_pack_text": "Enregistrez qui a retiré les badges imprimés d'une délégation.",
        "cred_collected_by": "Retiré par",
        "cred_pack_button": "Enregistrer la remise",
        "cred_pack_count_one": "{count} badge imprimé à remettre",
        "cred_pack_count_other": "{count} badges imprimés à remettre",
        "cred_pack_none": "aucun badge imprimé à remettre",
        "cred_pack_none_text": "Rien à remettre pour l'instant\u00a0: les badges de cette "
                               "délégation sont remis une fois imprimés et marqués comme tels "
                               "(lot d'impression, ci-dessus).",
        "cred_flash_printed_one": "{count} badge marqué imprimé.",
        "cred_flash_printed_other": "{count} badges marqués imprimés.",
        "cred_flash_reissued": "Badge réémis\u00a0: {name}, nouvelle référence {reference}, "
                               "version\u00a0{version}.",
        "cred_flash_reissued_no_reference": "Badge réémis\u00a0: {name}, version\u00a0{version}.",
        "cred_flash_pack_one": "Remise enregistrée pour {name}\u00a0: {count} badge.",
        "cred_flash_pack_other": "Remise enregistrée pour {name}\u00a0: {count} badges.",
        "cred_void_recover": "Marquer comme récupéré",
        "cred_void_none_left": "Aucun badge annulé encore en circulation\u00a0: tous ont été "
                               "récupérés.",
        "cred_recovered_title": "Badges annulés récupérés",
        "cred_recovered_when": "Récupéré",
        "cred_recovered_by": "{date}, par {name}",
        "cred_flash_recovered": "Badge annulé récupéré\u00a0: {name}. Il ne figure plus parmi "
                                "les badges en circulation.",
        "cred_flash_already_recovered": "Ce badge était déjà enregistré comme récupéré\u00a0: "
                                        "{name}. Rien n'a été enregistré de nouveau.",
        "cred_err_not_void": "Ce badge n'est pas annulé (ou n'a jamais été imprimé)\u00a0: il "
                             "n'y a rien à récupérer.",
        "cred_err_layout": "Choisissez une mise en page.",
        "cred_err_collected_batch": "Les badges remis ne sont pas réimprimés en lot\u00a0: "
                                    "réémettez le badge concerné.",
        "cred_err_empty_batch": "Aucun badge à imprimer ne correspond à ces filtres.",
        "cred_err_no_ids": "Aucun badge à marquer imprimé.",
        "cred_err_batch_changed": "Les badges à imprimer ont changé depuis l'affichage de la "
                                  "page\u00a0: rien n'est marqué. Voici le lot tel qu'il est "
                                  "maintenant\u00a0; téléchargez-le de nouveau avant de le "
                                  "marquer imprimé.",
        "cred_err_unprintable": "Certains badges de la liste ne peuvent plus être imprimés\u00a0; "
                                "rechargez la page.",
        "cred_err_reissue_reason": "Choisissez le motif de la réémission.",
        "cred_err_confirm": "Cochez la confirmation.",
        "cred_err_not_reissuable": "Ce badge ne peut pas être réémis\u00a0: l'accréditation n'est "
                                   "pas approuvée ou l'habilitation manque.",
        "cred_err_collected_by": "Indiquez qui retire les badges.",
        "cred_photo_required_title": "Photo avant le badge",
        "cred_photo_required_text": "Pour les catégories cochées, la personne ne télécharge "
                                    "son badge qu'une fois sa photo donnée (sa page le lui "
                                    "dit). Les lots imprimés ici ne changent pas.",
        "cred_photo_required_legend": "Catégories dont le badge attend la photo",
        "cred_photo_required_save": "Enregistrer les catégories",
        "cred_flash_photo_required": "Catégories dont le badge attend la photo enregistrées.",
        "cred_err_photo_required": "Choisissez parmi les catégories proposées.",
        "cred_err_no_pack": "Cette délégation n'a aucun badge imprimé à remettre.",
        "cred_letters_by_status": "Lettres par état",
        "cred_letter_requested": "Demandées",
        "cred_letter_approved": "Approuvées",
        "cred_letter_refused": "Refusées",
        "cred_letter_cancelled": "Annulées",
        "cred_letter_all": "Toutes",
        "cred_letter_state_requested": "Demandée",
        "cred_letter_state_approved": "Approuvée",
        "cred_letter_state_refused": "Refusée",
        "cred_letter_state_cancelled": "Annulée",
        "cred_letter_decide_approve": "Approuver (lettre numérotée envoyée par courriel)",
        "cred_letter_decide_refuse": "Refuser",
        "cred_reason_to_refuse": "obligatoire pour refuser",
        "cred_letter_reason_told": "Un refus est écrit à la personne et, pour un membre d'une "
                                   "délégation, à ses points focaux, avec ce motif tel qu'il "
                                   "est rédigé.",
        "cred_letter_cancel_reason_told": "La page de la personne et, pour un membre d'une "
                                          "délégation, le portail de sa délégation donnent ce "
                                          "motif tel qu'il est rédigé.",
        "cred_letter_pdf": "Lettre n°\u00a0{number} (PDF)",
        "cred_letter_cancel": "Annuler la lettre",
        "cred_letter_cancel_button": "Annuler la lettre",
        "cred_letters_empty": "Aucune lettre dans cet état.",
        "cred_letters_search": "Rechercher (nom, nom du passeport)",
        "cred_letters_count_one": "{count} lettre",
        "cred_letters_count_other": "{count} lettres",
        "cred_letter_unsigned_host": "Les lettres sont signées par les organisateurs pour le "
                                     "Service du protocole\u00a0: l'hôte {name}, qui les "
                                     "signerait, n'a pas de fonction à imprimer sous son nom. "
                                     "Donnez sa fonction dans les hôtes de la conférence, ou un "
                                     "signataire et son titre dans «\u00a0Texte et signataire des "
                                     "lettres\u00a0».",
        "cred_text_title": "Texte et signataire des lettres",
        "cred_text_intro": "Ce que chaque lettre d'invitation pour visa imprime\u00a0: l'en-tête, "
                           "le texte en français et en anglais, et qui la signe. Les lettres déjà "
                           "approuvées gardent le texte avec lequel elles ont été signées.",
        "cred_text_letterhead": "En-tête",
        "cred_text_letterhead_hint": "La première ligne de la lettre\u00a0: qui écrit "
                                     "(l'organisateur, un ministère).",
        "cred_text_signatory": "Signataire",
        "cred_text_signatory_hint": "Une personne nommée, avec son titre dans chaque langue\u00a0: "
                                    "les consulats attendent un signataire qu'ils peuvent joindre.",
        "cred_text_signatory_name": "Nom du signataire",
        "cred_text_signatory_title_fr": "Titre en français",
        "cred_text_signatory_title_en": "Titre en anglais",
        "cred_text_body_fr": "Texte de la lettre en français",
        "cred_text_body_en": "Texte de la lettre en anglais",
        "cred_text_body_hint": "Un seul paragraphe (un retour à la ligne devient une espace), "
                               "2000 caractères au plus. Les noms entre accolades sont remplacés "
                               "par les données de chaque lettre\u00a0: voir la liste ci-dessous.",
        "cred_text_placeholders": "Ce que le texte peut nommer entre accolades",
        "cred_text_ph_passport_name": "le nom tel qu'il figure sur le passeport",
        "cred_text_ph_passport_number": "le numéro du passeport",
        "cred_text_ph_nationality": "la nationalité après une étiquette («\u00a0belge\u00a0»)",
        "cred_text_ph_date_of_birth": "la date de naissance",
        "cred_text_ph_consulate": "le consulat auquel la lettre est adressée",
        "cred_text_ph_conference": "le nom de la conférence, tel quel",
        "cred_text_ph_dates": "les dates de la conférence",
        "cred_text_ph_venue": "le lieu de la conférence",
        "cred_text_ph_of_the_conference": "«\u00a0de la Conférence…\u00a0», dans une phrase",
        "cred_text_ph_the_nationality": "le pays avec son article («\u00a0les États-Unis\u00a0»)",
        "cred_text_ph_of_nationality": "«\u00a0de nationalité belge\u00a0»",
        "cred_text_ph_capacity": "à quel titre la personne vient (fonction et délégation, ou "
                                 "média), après le numéro du passeport",
        "cred_text_save": "Enregistrer le texte des lettres",
        "cred_text_saved": "Texte des lettres enregistré\u00a0: les prochaines lettres "
                           "l'impriment.",
        "cred_text_err_placeholder": "Le texte nomme {unknown}, que les lettres ne connaissent "
                                     "pas. Noms possibles\u00a0: {known}.",
        "cred_text_err_braces": "Une accolade est seule\u00a0: chaque nom s'écrit entre «\u00a0{{"
                                "\u00a0» et «\u00a0}}\u00a0». Noms possibles\u00a0: {known}.",
        "cred_text_link": "Texte et signataire des lettres",
        "cred_letter_language_fr": "français",
        "cred_letter_language_en": "anglais",
        "cred_letter_unsigned_title": "Le texte des lettres nomme un signataire sans titre en "
                                      "{language}\u00a0: les lettres en {language} sont signées "
                                      "par les organisateurs pour le Service du protocole. "
                                      "Donnez son titre dans «\u00a0Texte et signataire des "
                                      "lettres\u00a0».",
        "cred_flash_letter_approve": "Lettre approuvée et envoyée\u00a0: {name}.",
        "cred_flash_letter_refuse": "Lettre refusée\u00a0: {name}.",
        "cred_flash_letter_cancel": "Lettre annulée\u00a0: {name}.",
        "cred_err_letter_decided": "Cette lettre a déjà été traitée.",
        "cred_err_letter_not_approved": "Seule une lettre approuvée peut être annulée.",
        "cred_letter_holder": "Accréditation",
        # the country in brackets: no article to agree with it (« de Belgique », « des
        # États-Unis »)
        "cred_letter_own_country": "Ce consulat représente le pays de la nationalité de la "
                                   "personne ({country})\u00a0: un visa se demande au "
                                   "consulat d'un autre pays. Refusez la lettre en disant "
                                   "pourquoi, pour qu'une demande corrigée soit faite.",
        "cred_err_letter_holder_pending": "L'accréditation n'est pas encore accordée "
                                          "({status})\u00a0: accordez-la d'abord, ou refusez "
                                          "la lettre.",
        "cred_err_letter_holder_closed": "L'accréditation est {status}\u00a0: aucune lettre "
                                         "n'est approuvée pour elle\u00a0; refusez la lettre.",
        "cred_err_letter_holder_summary": "Rien n'a été enregistré. Une lettre n'est approuvée "
                                          "que pour une accréditation accordée\u00a0:",
        "cred_holder_pending_submitted": "en cours d'examen",
        "cred_holder_pending_waitlisted": "en liste d'attente",
        "cred_panel_title": "Pièces et habilitation",
        "cred_photo_of": "Photo de {name}",
        "cred_documents": "Documents",
        "cred_documents_none": "Aucun document demandé ni reçu.",
        "cred_doc_required": "demandée",  # of a kind of document, all feminine in French
        "cred_decision_missing": "Documents demandés non reçus (la décision reste possible)\u00a0:",
        "cred_decision_photo": "Pas encore de photo\u00a0: le badge de cette personne la porte "
                               "et ne peut pas être téléchargé avant (la décision reste "
                               "possible\u00a0; le courriel d'accord la demande).",
        "cred_vetting": "Habilitation de sécurité",
        "cred_vetting_now": "État\u00a0: {status}",
        "cred_vetting_set": "Nouvel état",
        "cred_vetting_reason_when": "obligatoire pour «\u00a0refusée\u00a0» et «\u00a0informations "
                                    "complémentaires\u00a0»",
        "cred_vetting_button": "Enregistrer l'état",
        # beside the clearance: what the security page shows of the person (docs/workspaces.md,
        # "Credentials")
        "cred_identity_title": "Pièce d'identité et lettre de visa",
        "cred_identity_none": "Aucune pièce d'identité n'a été donnée (ni pour "
                              "l'habilitation, ni dans une demande de lettre de visa).",
        "cred_identity_on_security": "Voir cette personne sur la page Sécurité",
        "cred_visa_letter_none": "Aucune lettre de visa demandée.",
        "cred_visa_letter_latest": "Lettre de visa\u00a0: {state} (demande du {date}).",
        "cred_visa_letter_open": "Voir la demande sur la page des lettres de visa",
        "cred_flash_vetting": "État d'habilitation enregistré pour {name}.",
        "cred_err_vetting_status": "Choisissez un état.",
        "vetting_not_required": "non requise",
        "vetting_pending": "en attente",
        "vetting_cleared": "accordée",
        "vetting_more_information": "informations complémentaires demandées",
        "vetting_refused": "refusée",
    },
    "en": {
        "cred_badge_status_all": "All",
        "member_visa_pdf": "Download letter No. {number} (PDF)",
        "member_visa_pdf_none": "No approved invitation letter for this member.",
        "cred_letter_closed_rejected": "The accreditation ended (rejected)",
        "cred_letter_closed_withdrawn": "The accreditation ended (withdrawn)",
        "cred_letter_closed_revoked": "The accreditation ended (revoked)",
        "cred_letter_closed_substituted": "The accreditation ended (another person took the "
                                          "place)",
        "member_photo_fitted_min": "The photo sent was not in the badge's portrait shape "
                                   "(3:4): it has been cropped in the middle and saved, at the "
                                   "minimum size (600 × 800 pixels), which cannot be cropped "
                                   "again. Check it below; if the face is not well framed, send "
                                   "another photo, larger or already in portrait shape.",
        "member_crop_text_sent": "The box keeps the badge's 3:4 proportions and is taken in "
                                 "the photo as it was sent, shown below ({width} × {height} "
                                 "pixels): a crop can always be done again. Choose a "
                                 "ready-made crop, or give the left edge, the top edge and the "
                                 "width of the box in pixels of that photo.",
        "member_photo_min": "This photo is at the minimum size (600 × 800 pixels): it cannot "
                            "be cropped. For another framing, send another photo, larger or "
                            "already in portrait shape.",
        "cred_badges_title": "Badges",
        "cred_letters_title": "Visa invitation letters",
        "cred_badge_count_one": "{count} badge listed, {batch} to print.",
        "cred_badge_count_other": "{count} badges listed, {batch} to print.",
        "cred_badge_to_print": "To print",
        "cred_badge_printed": "Printed",
        "cred_badge_collected": "Collected",
        "cred_badge_not_cleared": "Awaiting clearance",
        "cred_badge_refused": "Clearance refused: no badge",
        "cred_badges_empty": "No badge matches these filters.",
        "cred_version": "Version",
        # the short reference printed under the QR code (docs/credentials.md)
        "cred_version_reference": "Version and reference",
        "cred_badges_no_zones": "This conference has no zone yet: badges printed now would say "
                                "“No zone granted” and the door could check nothing.",
        "cred_badges_define_zones": "Define the zones before printing",
        "cred_badges_no_photo_one": "{count} badge to print has no photo: it would print with an "
                                    "empty box, which the door could not compare with a face.",
        "cred_badges_no_photo_other": "{count} badges to print have no photo: they would print "
                                      "with an empty box, which the door could not compare with "
                                      "a face.",
        "cred_badge_no_photo": "no photo",
        "cred_actions": "Actions",
        "cred_batch_title": "Print batch",
        "cred_batch_text": "The PDF holds the badges to print or printed that match the "
                           "filters, in order of precedence. Downloading marks nothing: mark "
                           "the batch printed once it is out of the printer.",
        "cred_layout": "Layout",
        "cred_layout_a6": "One badge per A6 page",
        "cred_layout_a4x4": "Four badges per A4 sheet, with crop marks",
        "cred_batch_download": "Download the batch (PDF)",
        "cred_mark_printed_one": "Mark the listed badge to print as printed",
        "cred_mark_printed_other": "Mark the {count} listed badges to print as printed",
        "cred_reissue": "Reissue",
        "cred_reissue_title": "Reissue the badge of {name}",
        "cred_reissue_text": "The badge gets a new version to print; the old badge's QR code "
                             "will be refused at every door.",
        "cred_reissue_reason": "Reason for the reissue",
        "cred_reissue_lost": "Lost",
        "cred_reissue_damaged": "Damaged",
        "cred_reissue_photo_changed": "Photo changed",
        "cred_reissue_zone_change": "Zones changed",
        "cred_note": "Note",
        "cred_reissue_confirm": "I confirm: the old badge will no longer be accepted.",
        "cred_reissue_button": "Reissue the badge",
        "cred_back_badges": "Back to the badges",
        "cred_void_title": "Void badges still out there",
        "cred_void_text": "These badges were printed, then the person was replaced, their "
                          "application withdrawn or their accreditation revoked: the doors "
                          "refuse them. Recover each one at the desk (or from the delegation "
                          "that collected it) and destroy it.",
        "cred_void_where": "Where it is",
        "cred_void_why": "Why it is void",
        "cred_void_collected": "Collected by {name}, {date}",
        "cred_void_printed": "Printed on {date}, never handed over: destroy it at the desk",
        "cred_void_why_substituted": "Person replaced",
        "cred_void_why_withdrawn": "Accreditation withdrawn",
        "cred_void_why_revoked": "Accreditation revoked",
        "cred_pack_title": "Handing badges to delegations",
        "cred_pack_text": "Record who collected a delegation's printed badges.",
        "cred_collected_by": "Collected by",
        "cred_pack_button": "Record the collection",
        "cred_pack_count_one": "{count} printed badge to hand over",
        "cred_pack_count_other": "{count} printed badges to hand over",
        "cred_pack_none": "no printed badge to hand over",
        "cred_pack_none_text": "Nothing to hand over yet: a delegation's badges are handed over "
                               "once printed and marked so (print batch, above).",
        "cred_flash_printed_one": "{count} badge marked printed.",
        "cred_flash_printed_other": "{count} badges marked printed.",
        "cred_flash_reissued": "Badge reissued: {name}, new reference {reference}, "
                               "version {version}.",
        "cred_flash_reissued_no_reference": "Badge reissued: {name}, version {version}.",
        "cred_flash_pack_one": "Collection recorded for {name}: {count} badge.",
        "cred_flash_pack_other": "Collection recorded for {name}: {count} badges.",
        "cred_void_recover": "Mark as recovered",
        "cred_void_none_left": "No void badge still out there: every one was recovered.",
        "cred_recovered_title": "Void badges recovered",
        "cred_recovered_when": "Recovered",
        "cred_recovered_by": "{date}, by {name}",
        "cred_flash_recovered": "Void badge recovered: {name}. It is no longer listed as out "
                                "there.",
        "cred_flash_already_recovered": "This badge was already recorded as recovered: {name}. "
                                        "Nothing was recorded again.",
        "cred_err_not_void": "This badge is not void (or was never printed): there is nothing "
                             "to recover.",
        "cred_err_layout": "Choose a layout.",
        "cred_err_collected_batch": "Badges handed over are not printed again in a batch: "
                                    "reissue the badge concerned.",
        "cred_err_empty_batch": "No badge to print matches these filters.",
        "cred_err_no_ids": "No badge to mark printed.",
        "cred_err_batch_changed": "The badges to print changed since the page was shown: "
                                  "nothing was marked. Here is the batch as it is now; "
                                  "download it again before marking it printed.",
        "cred_err_unprintable": "Some badges of the list can no longer be printed; reload "
                                "the page.",
        "cred_err_reissue_reason": "Choose the reason for the reissue.",
        "cred_err_confirm": "Tick the confirmation.",
        "cred_err_not_reissuable": "This badge cannot be reissued: the accreditation is not "
                                   "approved or lacks clearance.",
        "cred_err_collected_by": "Say who collects the badges.",
        "cred_photo_required_title": "Photo before the badge",
        "cred_photo_required_text": "For the categories ticked, the person downloads their "
                                    "badge only once their photo is given (their page says "
                                    "so). The batches printed here are unchanged.",
        "cred_photo_required_legend": "Categories whose badge waits for the photo",
        "cred_photo_required_save": "Save the categories",
        "cred_flash_photo_required": "Categories whose badge waits for the photo saved.",
        "cred_err_photo_required": "Choose among the categories listed.",
        "cred_err_no_pack": "This delegation has no printed badge to hand over.",
        "cred_letters_by_status": "Letters by status",
        "cred_letter_requested": "Requested",
        "cred_letter_approved": "Approved",
        "cred_letter_refused": "Refused",
        "cred_letter_cancelled": "Cancelled",
        "cred_letter_all": "All",
        "cred_letter_state_requested": "Requested",
        "cred_letter_state_approved": "Approved",
        "cred_letter_state_refused": "Refused",
        "cred_letter_state_cancelled": "Cancelled",
        "cred_letter_decide_approve": "Approve (a numbered letter is mailed)",
        "cred_letter_decide_refuse": "Refuse",
        "cred_reason_to_refuse": "required to refuse",
        "cred_letter_reason_told": "A refusal is written to the person and, for a member of a "
                                   "delegation, to its focal points, with this reason as "
                                   "written.",
        "cred_letter_cancel_reason_told": "The person's page and, for a member of a delegation, "
                                          "its portal give this reason as written.",
        "cred_letter_pdf": "Letter no. {number} (PDF)",
        "cred_letter_cancel": "Cancel the letter",
        "cred_letter_cancel_button": "Cancel the letter",
        "cred_letters_empty": "No letter in this state.",
        "cred_letters_search": "Search (name, name in the passport)",
        "cred_letters_count_one": "{count} letter",
        "cred_letters_count_other": "{count} letters",
        "cred_letter_unsigned_host": "The letters are signed by the organisers for the Protocol "
                                     "Service: the host {name}, who would sign them, has no "
                                     "function to print under the name. Give the host's "
                                     "function in the conference's hosts, or a signatory and "
                                     "their title in “Letter text and signatory”.",
        "cred_text_title": "Letter text and signatory",
        "cred_text_intro": "What every visa invitation letter prints: the letterhead, the text in "
                           "French and in English, and who signs it. Letters already approved "
                           "keep the text they were signed with.",
        "cred_text_letterhead": "Letterhead",
        "cred_text_letterhead_hint": "The letter's first line: who writes (the organiser, a "
                                     "ministry).",
        "cred_text_signatory": "Signatory",
        "cred_text_signatory_hint": "A named person, with their title in each language: "
                                    "consulates expect a signatory they can reach.",
        "cred_text_signatory_name": "Signatory's name",
        "cred_text_signatory_title_fr": "Title in French",
        "cred_text_signatory_title_en": "Title in English",
        "cred_text_body_fr": "Letter text in French",
        "cred_text_body_en": "Letter text in English",
        "cred_text_body_hint": "One paragraph (a line break becomes a space), at most 2000 "
                               "characters. Names in braces are replaced with each letter's "
                               "details: see the list below.",
        "cred_text_placeholders": "What the text may name in braces",
        "cred_text_ph_passport_name": "the name as the passport prints it",
        "cred_text_ph_passport_number": "the passport number",
        "cred_text_ph_nationality": "the nationality after a label (“Belgian”)",
        "cred_text_ph_date_of_birth": "the date of birth",
        "cred_text_ph_consulate": "the consulate the letter is addressed to",
        "cred_text_ph_conference": "the conference's name, as it is",
        "cred_text_ph_dates": "the conference's dates",
        "cred_text_ph_venue": "the conference's venue",
        "cred_text_ph_of_the_conference": "“of the Conference…”, inside a sentence",
        "cred_text_ph_the_nationality": "the country with its article (“the United States”)",
        "cred_text_ph_of_nationality": "“a Belgian national”",
        "cred_text_ph_capacity": "what the person comes as (function and delegation, or "
                                 "outlet), after the passport number",
        "cred_text_save": "Save the letter text",
        "cred_text_saved": "Letter text saved: the next letters print it.",
        "cred_text_err_placeholder": "The text names {unknown}, which letters do not know. "
                                     "Names it may use: {known}.",
        "cred_text_err_braces": "A brace stands alone: each name is written between “{{” and "
                                "“}}”. Names it may use: {known}.",
        "cred_text_link": "Letter text and signatory",
        "cred_letter_language_fr": "French",
        "cred_letter_language_en": "English",
        "cred_letter_unsigned_title": "The letters' text names a signatory with no title in "
                                      "{language}: letters in {language} are signed by the "
                                      "organisers for the Protocol Service. Give the title in "
                                      "“Letter text and signatory”.",
        "cred_flash_letter_approve": "Letter approved and mailed: {name}.",
        "cred_flash_letter_refuse": "Letter refused: {name}.",
        "cred_flash_letter_cancel": "Letter cancelled: {name}.",
        "cred_err_letter_decided": "This letter was already decided.",
        "cred_err_letter_not_approved": "Only an approved letter can be cancelled.",
        "cred_letter_holder": "Accreditation",
        "cred_letter_own_country": "This consulate represents the country of the person's "
                                   "nationality ({country}): a visa is asked of another "
                                   "country's consulate. Refuse the letter, saying why, so "
                                   "that a corrected request can be made.",
        "cred_err_letter_holder_pending": "The accreditation is not approved yet ({status}): "
                                          "approve it first, or refuse the letter.",
        "cred_err_letter_holder_closed": "The accreditation is {status}: no letter is approved "
                                         "for it; refuse the letter.",
        "cred_err_letter_holder_summary": "Nothing was saved. A letter is approved only for an "
                                          "approved accreditation:",
        "cred_holder_pending_submitted": "under review",
        "cred_holder_pending_waitlisted": "on the waiting list",
        "cred_panel_title": "Credentials and clearance",
        "cred_photo_of": "Photo of {name}",
        "cred_documents": "Documents",
        "cred_documents_none": "No document asked for or received.",
        "cred_doc_required": "required",
        "cred_decision_photo": "No photo yet: this person's badge carries it and cannot be "
                               "downloaded before (the decision is still possible; the "
                               "approval mail asks for it).",
        "cred_decision_missing": "Required documents not received (the decision is still "
                                 "possible):",
        "cred_vetting": "Security clearance",
        "cred_vetting_now": "Status: {status}",
        "cred_vetting_set": "New status",
        "cred_vetting_reason_when": "required for refused and more information",
        "cred_vetting_button": "Record the status",
        "cred_identity_title": "Identity document and visa letter",
        "cred_identity_none": "No identity document has been given (neither for the security "
                              "check nor in a visa letter request).",
        "cred_identity_on_security": "See this person on the security page",
        "cred_visa_letter_none": "No visa letter requested.",
        "cred_visa_letter_latest": "Visa letter: {state} (request of {date}).",
        "cred_visa_letter_open": "See the request on the visa letters page",
        "cred_flash_vetting": "Vetting status recorded for {name}.",
        "cred_err_vetting_status": "Choose a status.",
        "vetting_not_required": "not required",
        "vetting_pending": "pending",
        "vetting_cleared": "cleared",
        "vetting_more_information": "more information asked",
        "vetting_refused": "refused",
    },
}
