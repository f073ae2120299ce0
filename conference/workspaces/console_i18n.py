"""The protocol console's strings in French and English (merged into the workspaces' own)."""

from __future__ import annotations

CONSOLE: dict[str, dict[str, str]] = {
    "fr": {
        "manage_title": "Conférences",
        "manage_none": "Aucune conférence ne vous est confiée.",
        "manage_portals": "Les délégations dont vous êtes le point de contact ont leur "
                          "portail\u00a0:",
        "ws_door": "Contrôle des accès – {conference}",
        "door_title": "Contrôle des accès",
        "door_intro": "Choisissez la zone, puis scannez le code QR du badge ou saisissez la "
                      "référence courte imprimée dessous, et validez.",
        "door_badge": "Référence du badge",
        "door_zone": "Zone",
        "door_check": "Contrôler",
        "door_no_zones": "Cette conférence n'a encore aucune zone\u00a0: la porte ne peut rien "
                          "contrôler. Le service du protocole (ou un administrateur) les "
                          "définit, avec les catégories admises dans chacune, sur la page "
                          "Zones de la console\u00a0; cet écran les propose ensuite.",
        "door_admitted": "ADMIS",
        "door_refused": "REFUSÉ",
        "door_recheck": "À VÉRIFIER",
        "door_holder": "Titulaire",
        "door_again": "Ce badge a déjà servi à entrer dans cette zone le {when}\u00a0: "
                      "vérifiez que la personne est bien celle de la photo.",
        "door_again_no_photo": "Ce badge a déjà servi à entrer dans cette zone le {when}, et "
                               "il ne porte pas de photo\u00a0: vérifiez la pièce d'identité "
                               "de la personne, au nom du badge.",
        "door_late": "Ajout à la liste de sécurité après son arrêt (un remplacement, ou une "
                     "habilitation accordée depuis)\u00a0: cette personne ne figure pas sur la "
                     "liste remise à la police à l'arrêt.",
        "door_seated_late": "En retard pour «\u00a0{title}\u00a0»\u00a0: les invités devaient "
                            "être assis à {seated}, la séance commence à {starts} en présence "
                            "royale. Confiez la personne à un huissier, qui la conduit à sa "
                            "place.",
        "door_seated_started": "«\u00a0{title}\u00a0» a commencé à {starts} en présence royale "
                               "(invités assis à {seated})\u00a0: la personne attend qu'un "
                               "huissier la fasse entrer, sans traverser la salle.",
        "door_err_badge": "Saisissez ou scannez la référence du badge.",
        "door_err_zone": "Choisissez une zone.",
        "reason_granted": "Accès autorisé.",
        "reason_unknown_zone": "Cette conférence n'a pas de zone portant ce code.",
        "reason_forged_badge": "La référence du badge n'est pas authentique (falsifiée ou "
                               "altérée).",
        "reason_unknown_badge": "Le badge ne correspond à aucune accréditation de cette "
                                "conférence.",
        "reason_revoked": "Accréditation révoquée\u00a0: ce badge n'est plus valable.",
        "reason_withdrawn": "Demande retirée\u00a0: ce badge n'est plus valable.",
        "reason_not_approved": "L'accréditation n'est pas approuvée.",
        "reason_zone_not_granted": "Ce badge ne donne pas accès à cette zone.",
        "reason_not_on_security_list": "Le porteur ne figure pas sur la liste de sécurité.",
        "reason_press_not_in_pool": "Ce journaliste ne fait pas partie du pool admis.",
        "reason_substituted": "Badge remplacé\u00a0: une autre personne a pris la place de son "
                              "titulaire (remplacement)\u00a0; ce badge n'est plus valable.",
        "reason_not_cleared": "Habilitation de sécurité requise et absente, ou refusée.",
        "reason_superseded": "Badge remplacé\u00a0: un badge plus récent a été émis pour cette "
                             "personne (réimpression)\u00a0; celui-ci n'est plus valable.",
        # what the door staff do with a badge that is no longer valid (docs/workspaces.md,
        # "The door")
        "door_action_superseded": "Demandez le nouveau badge. Si la personne ne l'a pas, "
                                  "orientez-la vers le bureau des accréditations.",
        "door_action_substituted": "N'admettez personne avec ce badge. La personne qui a pris "
                                   "la place a son propre badge, à son nom\u00a0: demandez-le. "
                                   "Sinon, orientez la personne vers le bureau des "
                                   "accréditations.",
        "door_action_revoked": "N'admettez pas la personne. Orientez-la vers le bureau des "
                               "accréditations.",
        "door_action_withdrawn": "N'admettez pas la personne. Orientez-la vers le bureau des "
                                 "accréditations.",
        # a typed short reference (docs/credentials.md, "Short reference")
        "reason_mistyped_reference": "Référence mal saisie\u00a0: ce n'est pas une référence "
                                     "de badge valable (une lettre ou un chiffre ne "
                                     "correspond pas).",
        "reason_short_length": "Référence mal saisie\u00a0: une référence courte a "
                               "{length}\u00a0caractères (celle-ci en a {given}).",
        # short: on a phone the verdict stays in sight above the field (the field's hint says
        # what a reference looks like)
        "door_action_mistyped_reference": "Saisissez-la de nouveau, lettre par lettre, ou "
                                          "scannez le code QR. Si elle n'est toujours pas "
                                          "reconnue, orientez la personne vers le bureau des "
                                          "accréditations.",
        "door_action_forged_badge": "Scannez de nouveau le code QR, ou saisissez la référence "
                                    "courte imprimée dessous (8\u00a0caractères, par exemple "
                                    "4F7K-92QX). Si le badge est encore refusé, n'admettez pas "
                                    "la personne et orientez-la vers le bureau des "
                                    "accréditations.",
        "reason_unreadable_reference": "Ce qui a été lu n'est pas une référence de badge (lu en "
                                       "partie, ou un autre code).",
        "door_action_unreadable_reference": "Scannez de nouveau le code QR du badge, ou "
                                            "saisissez la référence courte imprimée dessous "
                                            "(8 caractères, par exemple 4F7K-92QX). Si "
                                            "cela se répète avec chaque badge, faites vérifier "
                                            "le lecteur (sa disposition de clavier). Aucune "
                                            "fraude n'est en cause.",
        "door_action_unknown_badge": "Vérifiez la référence sur le badge et saisissez-la de "
                                     "nouveau. Si le badge est encore refusé, orientez la "
                                     "personne vers le bureau des accréditations.",
        "reason_outside_hours": "Cette zone n'admet personne aujourd'hui.",
        "door_action_outside_hours": "N'admettez pas la personne aujourd'hui. En cas de doute, "
                                     "orientez-la vers le bureau des accréditations.",
        "door_action_not_cleared": "N'admettez pas la personne\u00a0: son habilitation de "
                                   "sécurité n'est pas accordée. Orientez-la vers le bureau des "
                                   "accréditations, qui joindra le service de sécurité.",
        "door_action_not_approved": "N'admettez pas la personne. Orientez-la vers le bureau des "
                                    "accréditations.",
        "door_action_zone_not_granted": "N'admettez pas la personne dans cette zone\u00a0: "
                                        "indiquez-lui celles que son badge ouvre. En cas de "
                                        "doute, orientez-la vers le bureau des accréditations.",
        "door_action_not_on_security_list": "N'admettez pas la personne à cette séance\u00a0: "
                                            "seules les personnes de la liste de sécurité y "
                                            "entrent. Orientez-la vers le service du protocole.",
        "door_action_press_not_in_pool": "N'admettez pas la personne à cette séance, réservée "
                                         "au pool de presse. Orientez-la vers le bureau de "
                                         "presse.",
        "reason_press_session_closed": "Une séance fermée à la presse se tient dans cette "
                                       "zone.",
        "door_closed_until": "Fermé à la presse jusqu'à {until}\u00a0: séance en cours, "
                             "«\u00a0{title}\u00a0».",
        "door_action_press_session_closed": "N'admettez pas la personne avant "
                                            "{until}\u00a0: elle peut attendre jusque-là.",
        # ... or go to a press centre, named, where the conference has one (docs/workspaces.md)
        "door_action_press_session_closed_centre": "N'admettez pas la personne avant "
                                                   "{until}\u00a0: elle peut attendre "
                                                   "jusque-là, ou se rendre dans la zone "
                                                   "{zones}.",
        "door_zone_name": "«\u00a0{name}\u00a0»",
        # a pool session, a photo opportunity (docs/credentials.md, "Sessions closed to the
        # press"): the action is the closed session's, with its time
        "reason_press_pool_only": "Une séance réservée au pool de presse se tient dans cette "
                                  "zone.",
        "reason_press_photo_only": "Une séance photo se tient dans cette zone\u00a0: "
                                   "photographes et équipes de tournage seulement.",
        "door_pool_until": "Réservé au pool de presse jusqu'à {until}\u00a0: séance en cours, "
                           "«\u00a0{title}\u00a0».",
        "door_photo_until": "Réservé aux photographes et aux équipes de tournage jusqu'à "
                            "{until}\u00a0: séance photo en cours, «\u00a0{title}\u00a0».",
        "door_action_press_pool_only": "N'admettez pas la personne avant la fin de la "
                                       "séance\u00a0: elle peut attendre jusque-là.",
        "door_action_pool_elsewhere": "N'admettez pas la personne par cette porte\u00a0: "
                                      "son pool de presse entre par la zone {zones}. "
                                      "Orientez-la "
                                      "vers cette entrée.",
        "door_action_press_photo_only": "N'admettez pas la personne avant la fin de la "
                                        "séance photo\u00a0: elle peut attendre jusque-là.",
        "door_action_unknown_zone": "Choisissez de nouveau la zone dans la liste, puis "
                                    "scannez le badge.",
        # the zones page (docs/workspaces.md, "Zones")
        "zones_title": "Zones",
        "zones_intro": "Les zones que la porte contrôle (salle plénière, centre de presse…)\u00a0: "
                       "qui y entre, et quels jours. Le contrôle des accès les propose dès "
                       "qu'elles sont définies.",
        "zones_list_caption": "Zones de la conférence",
        "zones_col_zone": "Zone",
        "zones_col_admits": "Admis",
        "zones_col_days": "Jours",
        "zones_admits_none": "Personne pour l'instant",
        "zones_sessions_one": "participants d'une séance",
        "zones_sessions_other": "participants de {count}\u00a0séances",
        "zones_pools_one": "un pool de presse",
        "zones_pools_other": "{count}\u00a0pools de presse",
        "zones_admits_more": "{before}\u00a0; {more}",
        "zones_none": "Aucune zone pour l'instant\u00a0: définissez la première ci-dessous.",
        "zones_to_door": "Aller au contrôle des accès",
        "zones_new": "Nouvelle zone",
        "zones_f_code": "Code",
        "zones_hint_code": "Lettres minuscules sans accents, chiffres et tirets, par exemple "
                           "salle-pleniere\u00a0; il ne change plus ensuite.",
        "zones_f_kind": "Type",
        "zones_kind_standard": "Zone ordinaire",
        "zones_kind_royal_perimeter": "Périmètre de présence royale (liste de sécurité)",
        "zones_f_name_fr": "Nom en français",
        "zones_f_name_en": "Nom en anglais",
        "zones_f_categories": "Catégories admises",
        "zones_f_opens_on": "Premier jour d'accès",
        "zones_f_closes_on": "Dernier jour d'accès",
        "zones_hint_opens_on": "Vide\u00a0: le premier jour de la conférence ({day}).",
        "zones_hint_closes_on": "Vide\u00a0: le dernier jour de la conférence ({day}).",
        "zones_create": "Créer la zone",
        "zones_save": "Enregistrer",
        "zones_back": "Retour aux zones",
        "zones_edit_title": "Zone «\u00a0{name}\u00a0»",
        "zones_kept_grants": "Les séances et pools de presse qui donnent accès à cette zone "
                             "restent inchangés.",
        "zones_flash_created": "Zone créée. Le contrôle des accès la propose désormais.",
        "zones_flash_changed": "Zone enregistrée.",
        "zones_err_code": "Saisissez un code en lettres minuscules sans accents, chiffres et "
                          "tirets (par exemple salle-pleniere).",
        "zones_err_code_taken": "Cette conférence a déjà une zone avec ce code.",
        "zones_err_date": "Saisissez une date (jour, mois, année).",
        "zones_err_days": "Avec ces jours, la zone n'admettrait personne\u00a0: le premier jour "
                          "doit précéder le dernier (et la fin de la conférence).",
        "zones_err_royal_category": "Un périmètre de présence royale admet selon la liste de "
                                    "sécurité\u00a0: ne cochez aucune catégorie.",
        "door_no_zones_link": "Définir les zones",
        "door_typed": "Référence saisie",
        "door_days": "Jours d'accès de cette zone\u00a0: du {first} au {last}.",
        "door_days_one": "Jour d'accès de cette zone\u00a0: le {day}.",
        "door_opens": "Ce badge ouvre\u00a0: {zones}.",
        "door_opens_none": "Ce badge n'ouvre aucune zone.",
        "door_badge_hint": "Code QR ou référence courte, par exemple 4F7K-92QX.",
        "console_title": "Console du protocole",
        "console_accreditations": "Accréditations",
        "console_category": "Catégorie",
        "console_total": "Total",
        "console_delegations": "Délégations",
        "console_with_head": "avec chef de délégation",
        "console_without_head": "sans chef de délégation",
        "console_press_pool": "Accréditations de presse",
        "console_press_pool_text_one": "{taken} place accordée sur {size}",
        "console_press_pool_text_other": "{taken} places accordées sur {size}",
        "console_sessions": "Séances",
        "console_published": "Version publiée",
        "console_not_published": "Programme non publié",
        "console_unpublished": "Le brouillon a changé depuis la dernière version publiée (un "
                               "remplaçant, une séance déplacée…)\u00a0: les agendas des "
                               "personnes invitées ne le reflètent qu'une fois publié.",
        "console_deliveries": "Courriels",
        "console_pending": "en attente",
        "console_failed": "en échec",
        "console_failed_events": "Événements en échec",
        "console_operations": "Exploitation",
        "console_door": "Contrôle des accès",
        "console_press_desk": "Bureau de presse",
        "ops_title": "Exploitation",
        "ops_deliveries": "Envois de courriels",
        "ops_status": "État",
        "ops_recipient": "Destinataire",
        "ops_template": "Modèle",
        "ops_subject": "Objet",
        "ops_attempts": "Tentatives",
        "ops_error": "Erreur",
        "ops_none": "Rien à afficher.",
        "ops_retry": "Réessayer",
        "ops_retry_all": "Réessayer tous les envois en échec",
        "ops_events": "Événements en échec",
        "ops_event_type": "Type",
        "ops_retry_event": "Réessayer l'événement",
        "ops_admin_only": "Seule l'administration peut relancer un envoi ou un événement.",
        "flash_retried_one": "{count} élément remis en file d'attente.",
        "flash_retried_other": "{count} éléments remis en file d'attente.",
        "delivery_pending": "En attente",
        "delivery_sent": "Envoyé",
        "delivery_failed": "En échec",
        "precedence_title": "Ordre de préséance",
        "precedence_csv": "Télécharger (CSV)",
        "precedence_tie_break": "Départage",
        "precedence_draw": "tirage",
        "precedence_tb_eu_protocol": "ordre protocolaire de l'UE",
        "precedence_tb_alphabetical": "ordre alphabétique",
        "precedence_tb_drawn": "tirage au sort",
        "precedence_drawn_start": "premier pays tiré au sort",
        "precedence_delegation": "Délégation",
        "precedence_head": "Chef de délégation",
        "precedence_without_head": "Délégations sans chef de délégation",
        "precedence_first_of_all": "Avant tous les invités",
        "precedence_patron": "Haut patronage",
        "precedence_host": "Hôte",
        "precedence_heads": "Chefs de délégation",
        "precedence_role": "Rôle",
    },
    "en": {
        "manage_title": "Conferences",
        "manage_none": "No conference is entrusted to you.",
        "manage_portals": "The delegations whose focal point you are have their portal:",
        "ws_door": "Door – {conference}",
        "door_title": "Door check",
        "door_intro": "Choose the zone, then scan the badge's QR code or type the short "
                      "reference printed under it, and confirm.",
        "door_badge": "Badge reference",
        "door_zone": "Zone",
        "door_check": "Check",
        "door_no_zones": "This conference has no zone yet: the door has nothing to check. "
                          "The protocol service (or an administrator) defines them, with the "
                          "categories each admits, on the console's Zones page; this screen "
                          "then offers them.",
        "door_admitted": "ADMITTED",
        "door_refused": "REFUSED",
        "door_recheck": "CHECK AGAIN",
        "door_holder": "Holder",
        "door_again": "This badge was already used to enter this zone on {when}: check that "
                      "the person is the one in the photo.",
        "door_again_no_photo": "This badge was already used to enter this zone on {when}, "
                               "and it carries no photo: check the person's identity "
                               "document against the name on the badge.",
        "door_late": "Added to the security list after it froze (a substitution, or a "
                     "clearance granted since): this person is not on the list the police were "
                     "given at the freeze.",
        "door_seated_late": "Late for “{title}”: guests were to be seated by {seated}, and "
                            "the session starts at {starts} in the royal presence. Hand the "
                            "person to an usher, who will take them to their seat.",
        "door_seated_started": "“{title}” began at {starts} in the royal presence (guests "
                               "seated by {seated}): the person waits until an usher takes "
                               "them in, without crossing the room.",
        "door_err_badge": "Type or scan the badge reference.",
        "door_err_zone": "Choose a zone.",
        "reason_granted": "Admitted.",
        "reason_unknown_zone": "This conference has no zone with that code.",
        "reason_forged_badge": "The badge reference is not genuine (forged or altered).",
        "reason_unknown_badge": "The badge names no accreditation of this conference.",
        "reason_revoked": "Accreditation revoked: this badge is no longer valid.",
        "reason_withdrawn": "Application withdrawn: this badge is no longer valid.",
        "reason_not_approved": "The accreditation is not approved.",
        "reason_zone_not_granted": "This badge does not open this zone.",
        "reason_not_on_security_list": "The holder is not on the security list.",
        "reason_press_not_in_pool": "This journalist is not in the admitted pool.",
        "reason_substituted": "Badge replaced: another person took its holder's place "
                              "(substitution); this badge is no longer valid.",
        "reason_not_cleared": "Security clearance is required and missing, or was refused.",
        "reason_superseded": "Badge replaced: a newer badge was issued to this person "
                             "(reprint); this one is no longer valid.",
        "door_action_superseded": "Ask for the new badge. If the person does not have it, send "
                                  "them to the accreditation desk.",
        "door_action_substituted": "Admit no one on this badge. The person who took the place "
                                   "has a badge of their own, in their name: ask for it. "
                                   "Otherwise send the person to the accreditation desk.",
        "door_action_revoked": "Do not admit the person. Send them to the accreditation desk.",
        "door_action_withdrawn": "Do not admit the person. Send them to the accreditation "
                                 "desk.",
        # a typed short reference (docs/credentials.md, "Short reference")
        "reason_mistyped_reference": "Reference mistyped: this is not a valid badge reference "
                                     "(a letter or digit does not match).",
        "reason_short_length": "Reference mistyped: a short reference has {length} "
                               "characters (this one has {given}).",
        "door_action_mistyped_reference": "Type it again, character by character, or scan the "
                                          "QR code. If it is still not recognised, send the "
                                          "person to the accreditation desk.",
        "door_action_forged_badge": "Scan the QR code again, or type the short reference "
                                    "printed under it (8 characters, for example 4F7K-92QX). "
                                    "If the badge is still refused, do not admit the person "
                                    "and send them to the accreditation desk.",
        "reason_unreadable_reference": "What was read is not a badge reference (read in part, "
                                       "or another code).",
        "door_action_unreadable_reference": "Scan the badge's QR code again, or type the short "
                                            "reference printed under it (8 characters, for "
                                            "example 4F7K-92QX). If this happens with every "
                                            "badge, have the scanner checked (its keyboard "
                                            "layout). This is not a forgery.",
        "door_action_unknown_badge": "Check the reference on the badge and type it again. If "
                                     "the badge is still refused, send the person to the "
                                     "accreditation desk.",
        "reason_outside_hours": "This zone admits no one today.",
        "door_action_outside_hours": "Do not admit the person today. If in doubt, send them to "
                                     "the accreditation desk.",
        "door_action_not_cleared": "Do not admit the person: their security clearance is "
                                   "not granted. Send them to the accreditation desk, which "
                                   "will contact the security service.",
        "door_action_not_approved": "Do not admit the person. Send them to the accreditation "
                                    "desk.",
        "door_action_zone_not_granted": "Do not admit the person to this zone: tell them the "
                                        "zones their badge opens. If in doubt, send them to the "
                                        "accreditation desk.",
        "door_action_not_on_security_list": "Do not admit the person to this session: only "
                                            "the people on the security list enter. Send them "
                                            "to the protocol service.",
        "door_action_press_not_in_pool": "Do not admit the person to this session, which is "
                                         "open to the press pool only. Send them to the press "
                                         "office.",
        "reason_press_session_closed": "A session closed to the press is being held in this "
                                       "zone.",
        "door_closed_until": "Closed to the press until {until}: session in progress, "
                             "\u201c{title}\u201d.",
        "door_action_press_session_closed": "Do not admit the person before {until}: they "
                                            "may wait until then.",
        "door_action_press_session_closed_centre": "Do not admit the person before {until}: "
                                                   "they may wait until then, or go to the "
                                                   "zone {zones}.",
        "door_zone_name": "\u201c{name}\u201d",
        "reason_press_pool_only": "A session open to the press pool only is being held in this "
                                  "zone.",
        "reason_press_photo_only": "A photo opportunity is being held in this zone: "
                                   "photographers and camera crews only.",
        "door_pool_until": "Press pool only until {until}: session in progress, "
                           "\u201c{title}\u201d.",
        "door_photo_until": "Photographers and camera crews only until {until}: photo "
                            "opportunity in progress, \u201c{title}\u201d.",
        "door_action_press_pool_only": "Do not admit the person before the session ends: they "
                                       "may wait until then.",
        "door_action_pool_elsewhere": "Do not admit the person through this door: their "
                                      "press pool goes in through the zone {zones}. Send them "
                                      "to that "
                                      "entrance.",
        "door_action_press_photo_only": "Do not admit the person before the photo opportunity "
                                        "ends: they may wait until then.",
        "door_action_unknown_zone": "Choose the zone from the list again, then scan the badge.",
        # the zones page (docs/workspaces.md, "Zones")
        "zones_title": "Zones",
        "zones_intro": "The zones the door checks (plenary hall, press centre…): who enters "
                       "each, and on which days. The door check offers them once defined.",
        "zones_list_caption": "The conference's zones",
        "zones_col_zone": "Zone",
        "zones_col_admits": "Admits",
        "zones_col_days": "Days",
        "zones_admits_none": "No one yet",
        "zones_sessions_one": "participants of one session",
        "zones_sessions_other": "participants of {count} sessions",
        "zones_pools_one": "one press pool",
        "zones_pools_other": "{count} press pools",
        "zones_admits_more": "{before}; {more}",
        "zones_none": "No zone yet: define the first one below.",
        "zones_to_door": "Go to the door check",
        "zones_new": "New zone",
        "zones_f_code": "Code",
        "zones_hint_code": "Lower-case letters without accents, digits and dashes, for example "
                           "plenary-hall; it cannot be changed afterwards.",
        "zones_f_kind": "Kind",
        "zones_kind_standard": "Ordinary zone",
        "zones_kind_royal_perimeter": "Royal-presence perimeter (security list)",
        "zones_f_name_fr": "Name in French",
        "zones_f_name_en": "Name in English",
        "zones_f_categories": "Categories admitted",
        "zones_f_opens_on": "First day of admission",
        "zones_f_closes_on": "Last day of admission",
        "zones_hint_opens_on": "Empty: the conference's first day ({day}).",
        "zones_hint_closes_on": "Empty: the conference's last day ({day}).",
        "zones_create": "Create the zone",
        "zones_save": "Save",
        "zones_back": "Back to the zones",
        "zones_edit_title": "Zone “{name}”",
        "zones_kept_grants": "The sessions and press pools that give access to this zone stay "
                             "as they are.",
        "zones_flash_created": "Zone created. The door check now offers it.",
        "zones_flash_changed": "Zone saved.",
        "zones_err_code": "Enter a code of lower-case letters without accents, digits and "
                          "dashes (for example plenary-hall).",
        "zones_err_code_taken": "This conference already has a zone with this code.",
        "zones_err_date": "Enter a date (day, month, year).",
        "zones_err_days": "With these days the zone would admit no one: the first day must "
                          "come before the last (and before the end of the conference).",
        "zones_err_royal_category": "A royal-presence perimeter admits by the security list: "
                                    "tick no category.",
        "door_no_zones_link": "Define the zones",
        "door_typed": "Reference typed",
        "door_days": "This zone admits from {first} to {last}.",
        "door_days_one": "This zone admits on {day} only.",
        "door_opens": "This badge opens: {zones}.",
        "door_opens_none": "This badge opens no zone.",
        "door_badge_hint": "QR code or short reference, for example 4F7K-92QX.",
        "console_title": "Protocol console",
        "console_accreditations": "Accreditations",
        "console_category": "Category",
        "console_total": "Total",
        "console_delegations": "Delegations",
        "console_with_head": "with a head of delegation",
        "console_without_head": "without a head of delegation",
        "console_press_pool": "Press accreditations",
        "console_press_pool_text_one": "{taken} of {size} places approved",
        "console_press_pool_text_other": "{taken} of {size} places approved",
        "console_sessions": "Sessions",
        "console_published": "Published version",
        "console_not_published": "Programme not published",
        "console_unpublished": "The draft changed since the latest published version (a "
                               "substitute, a session moved…): the invited people's calendars "
                               "show it only once it is published.",
        "console_deliveries": "Mail",
        "console_pending": "pending",
        "console_failed": "failed",
        "console_failed_events": "Failed events",
        "console_operations": "Operations",
        "console_door": "Door check",
        "console_press_desk": "Press office desk",
        "ops_title": "Operations",
        "ops_deliveries": "Mail deliveries",
        "ops_status": "Status",
        "ops_recipient": "Recipient",
        "ops_template": "Template",
        "ops_subject": "Subject",
        "ops_attempts": "Attempts",
        "ops_error": "Error",
        "ops_none": "Nothing to show.",
        "ops_retry": "Retry",
        "ops_retry_all": "Retry every failed delivery",
        "ops_events": "Failed events",
        "ops_event_type": "Type",
        "ops_retry_event": "Retry the event",
        "ops_admin_only": "Only an administrator may retry a delivery or an event.",
        "flash_retried_one": "{count} item queued again.",
        "flash_retried_other": "{count} items queued again.",
        "delivery_pending": "Pending",
        "delivery_sent": "Sent",
        "delivery_failed": "Failed",
        "precedence_title": "Order of precedence",
        "precedence_csv": "Download (CSV)",
        "precedence_tie_break": "Tie-break",
        "precedence_draw": "draw",
        "precedence_tb_eu_protocol": "EU protocol order",
        "precedence_tb_alphabetical": "alphabetical order",
        "precedence_tb_drawn": "drawn by lot",
        "precedence_drawn_start": "first country drawn by lot",
        "precedence_delegation": "Delegation",
        "precedence_head": "Head of delegation",
        "precedence_without_head": "Delegations without a head",
        "precedence_first_of_all": "Before every guest",
        "precedence_patron": "High patronage",
        "precedence_host": "Host",
        "precedence_heads": "Heads of delegation",
        "precedence_role": "Role",
    },
}
