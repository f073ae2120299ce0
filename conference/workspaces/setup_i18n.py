"""The new conference form's strings in French and English (merged into the workspaces' own;
docs/workspaces.md, "A new conference")."""

from __future__ import annotations

NB = "\u00a0"

SETUP: dict[str, dict[str, str]] = {
    "fr": {
        "staff_title": "Équipe de la conférence",
        "staff_intro": "Les personnes qui travaillent sur cette conférence et ce que chacune "
                       "peut ouvrir. Une personne ajoutée reçoit un courriel de bienvenue avec "
                       "un lien de connexion, dans sa langue.",
        "staff_none": "Personne pour l'instant, à part les administrateurs de toutes les "
                      "conférences.",
        "staff_add": "Ajouter une personne",
        "staff_add_button": "Ajouter et envoyer le courriel de bienvenue",
        "staff_back": "Retour à la console",
        "staff_f_name": "Nom",
        "staff_f_email": "Adresse électronique",
        "staff_f_role": "Rôle",
        "staff_f_language": "Langue des courriels et de l'espace de travail",
        "staff_role_protocol": "Protocole (la console)",
        "staff_role_press_office": "Bureau de presse",
        "staff_role_security": "Service de sécurité",
        "staff_role_door": "Contrôle des accès",
        "staff_role_admin": "Administration de cette conférence",
        "staff_language_fr": "Français",
        "staff_err_already": "Cette personne a déjà ce rôle («\u00a0{role}\u00a0»)\u00a0: "
                             "aucun courriel n'est envoyé. Pour un nouveau lien, elle le "
                             "demande sur la page de connexion.",
        "staff_language_en": "Anglais",
        "staff_added": "Accès ouvert à {name}\u00a0: {role}. Le courriel de bienvenue part "
                       "avec un lien de connexion.",
        "staff_added_known": "Accès ouvert à {name}\u00a0: {role}. L'adresse était déjà connue "
                             "sous ce nom, qui est gardé (le nom saisi, «\u00a0{old}\u00a0», "
                             "n'est pas repris). Le courriel de bienvenue part avec un lien de "
                             "connexion.",
        "staff_role_pick": "— Choisir un rôle —",
        "err_staff_role": "Choisissez le rôle de cette personne.",
        "setup_title": "Nouvelle conférence",
        "setup_new": "Créer une conférence",
        "setup_none_yet": "Aucune conférence pour l'instant.",
        "setup_intro": "Tout ce qu'une conférence demande avant que les délégations, la presse "
                       "et le programme n'y entrent. Les dates et heures sont celles du lieu de "
                       "la conférence.",
        "setup_legend_conference": "La conférence",
        "setup_legend_venue": "Lieu et dates",
        "setup_legend_patron": "Haut patronage",
        "setup_legend_press": "Presse et sécurité",
        "setup_legend_protocol": "Protocole",
        "setup_legend_privacy": "Protection des données",
        "settings_title": "Détails de la conférence",
        "settings_intro": "Corrigez ici les titres, le lieu, les jours, le fuseau horaire, les "
                          "langues, le haut patronage, les hôtes, l'inscription de la presse, "
                          "les porte-parole et la protection des données. L'identifiant et "
                          "l'ordre des délégations restent ceux de la création. L'arrêt de la "
                          "liste de sécurité se règle avec les échéances.",
        "settings_f_first_language": "Première langue (la référence)",
        "settings_legend_languages": "Langues de la conférence",
        "settings_hint_languages": "Une langue peut toujours être ajoutée\u00a0; elle ne peut "
                                   "plus être retirée dès qu'une accréditation, un point focal "
                                   "ou un courrier est dans cette langue. La première langue ne "
                                   "change plus une fois le programme publié.",
        "settings_hint_timezone": "Les heures déjà saisies (séances, inscription de la presse, "
                                  "échéances) gardent leur heure locale dans le fuseau corrigé. "
                                  "Le fuseau ne change plus une fois le programme publié.",
        "settings_timezone_published": "Le programme est publié\u00a0: les invitations sont "
                                       "parties avec ces heures, le fuseau horaire ne change "
                                       "plus. Déplacez plutôt les séances.",
        "setup_hint_date": "Une date, par exemple le 15\u00a0avril 2027\u00a0: choisie dans le "
                           "calendrier, ou écrite 2027-04-15 (AAAA-MM-JJ) si le navigateur "
                           "n'en affiche pas.",
        "settings_hint_days": "Corriger les jours ne déplace pas les séances\u00a0: celles qui "
                              "tomberaient en dehors doivent d'abord être déplacées.",
        "settings_err_no_language": "Cochez au moins une langue.",
        "settings_err_first_not_ticked": "La première langue doit être l'une des langues "
                                         "cochées.",
        "settings_err_dates_order": "Le dernier jour ne peut pas précéder le premier.",
        "settings_err_places_below_approved_one": "{count} place du pool de presse est déjà "
                                                  "accordée\u00a0: il ne peut en compter moins. "
                                                  "Retirez d'abord une accréditation au bureau "
                                                  "de presse.",
        "settings_err_places_below_approved_other": "{count} places du pool de presse sont déjà "
                                                    "accordées\u00a0: il ne peut en compter "
                                                    "moins. Retirez d'abord des accréditations "
                                                    "au bureau de presse.",
        "settings_err_session": "«\u00a0{title}\u00a0» ({when})",
        "settings_err_sessions_outside_one": "{count} séance du programme tomberait en dehors "
                                             "de ces jours\u00a0: {sessions}. Déplacez-la ou "
                                             "annulez-la d'abord.",
        "settings_err_sessions_outside_other": "{count} séances du programme tomberaient en "
                                               "dehors de ces jours\u00a0: {sessions}. "
                                               "Déplacez-les ou annulez-les d'abord.",
        "settings_err_press_after_end": "L'inscription de la presse se clôt le {when}, après le "
                                        "dernier jour\u00a0: avancez sa clôture d'abord, ou "
                                        "avec les jours.",
        "settings_err_security_list_after_end": "L'arrêt de la liste de sécurité ({when}) "
                                                "tombe après le dernier jour\u00a0: avancez-le "
                                                "d'abord sur la page des échéances.",
        "settings_err_timezone_published": "Le programme est publié\u00a0: les invitations sont "
                                           "parties avec ces heures, le fuseau horaire ne "
                                           "change plus.",
        "settings_err_timezone_no_such_time": "{what}\u00a0: {when} n'existe pas dans ce "
                                              "fuseau (changement d'heure)\u00a0; déplacez-la "
                                              "d'abord.",
        "settings_err_timezone_clash": "Dans ce fuseau, la séance «\u00a0{what}\u00a0» "
                                       "chevaucherait une autre réservation de sa salle ou "
                                       "d'un participant\u00a0; déplacez-la d'abord.",
        "settings_err_first_language_published": "Le programme est publié\u00a0: il a été "
                                                 "écrit, avec ses invitations, dans la première "
                                                 "langue, qui ne change plus.",
        # a language named inside a sentence: in lower case in French
        "settings_lang_in_text_fr": "français",
        "settings_lang_in_text_en": "anglais",
        "settings_err_language_in_use": "Cette langue ({language}) ne peut plus être "
                                        "retirée\u00a0: {counts}.",
        "settings_in_use_accreditations_one": "{count} accréditation dans cette langue",
        "settings_in_use_accreditations_other": "{count} accréditations dans cette langue",
        "settings_in_use_focal_points_one": "{count} point focal dans cette langue",
        "settings_in_use_focal_points_other": "{count} points focaux dans cette langue",
        "settings_in_use_letters_one": "{count} courrier envoyé dans cette langue",
        "settings_in_use_letters_other": "{count} courriers envoyés dans cette langue",
        "settings_language_added_one": "Langue ajoutée\u00a0: {language}. Ses textes n'avaient "
                                       "jamais été montrés\u00a0: vérifiez-les ici (titres, "
                                       "lieu, nom court, haut patronage, fonctions des hôtes, "
                                       "responsable du traitement) et, dans le programme, le "
                                       "titre de chaque séance\u00a0; {count} séance a le même "
                                       "titre que dans la première langue.",
        "settings_language_added_other": "Langue ajoutée\u00a0: {language}. Ses textes "
                                         "n'avaient jamais été montrés\u00a0: vérifiez-les ici "
                                         "(titres, lieu, nom court, haut patronage, fonctions "
                                         "des hôtes, responsable du traitement) et, dans le "
                                         "programme, le titre de chaque séance\u00a0; {count} "
                                         "séances ont le même titre que dans la première "
                                         "langue.",
        "settings_save": "Enregistrer les détails",
        "settings_saved": "Détails de la conférence enregistrés.",
        "settings_calendar_note_one": "Modifier le lieu, un titre, le nom court ou le haut "
                                      "patronage envoie une invitation mise à jour à chaque "
                                      "personne invitée à une séance publiée ({count} "
                                      "invitation envoyée à ce jour).",
        "settings_calendar_note_other": "Modifier le lieu, un titre, le nom court ou le haut "
                                        "patronage envoie une invitation mise à jour à chaque "
                                        "personne invitée à une séance publiée ({count} "
                                        "invitations envoyées à ce jour).",
        "settings_calendar_note_none": "Modifier le lieu, un titre, le nom court ou le haut "
                                       "patronage envoie une invitation mise à jour à chaque "
                                       "personne invitée à une séance publiée\u00a0; aucune "
                                       "invitation n'a encore été envoyée.",
        "settings_calendar_updating_one": "Les agendas des personnes invitées sont en cours de "
                                          "mise à jour\u00a0: {count} invitation mise à jour "
                                          "est en cours d'envoi.",
        "settings_calendar_updating_other": "Les agendas des personnes invitées sont en cours "
                                            "de mise à jour\u00a0: {count} invitations mises à "
                                            "jour sont en cours d'envoi.",
        "setup_f_presidency": "Présidence du Conseil de l'UE",
        "setup_hint_presidency": "Dans l'ordre protocolaire de l'UE, l'État qui la tient passe "
                                 "avant les autres États membres.",
        "setup_err_presidency": "Cet État n'est pas membre de l'UE le premier jour de la "
                                "conférence.",
        "setup_f_privacy_controller": "Responsable du traitement en français",
        "setup_f_privacy_controller_en": "Responsable du traitement en anglais",
        "setup_hint_controller_en": "S'il se nomme autrement en anglais («\u00a0European "
                                    "Commission, DG Migration and Home Affairs\u00a0»)\u00a0; "
                                    "vide\u00a0: le même nom dans les deux langues.",
        "setup_f_privacy_dpo_email": "Adresse du délégué à la protection des données",
        "setup_hint_controller": "L'institution qui répond des données personnelles, par "
                                 "exemple «\u00a0Commission européenne, DG Migration et affaires "
                                 "intérieures\u00a0». Vide (dans les deux langues)\u00a0: la "
                                 "notice de confidentialité nomme le titre de la conférence.",
        "setup_hint_dpo": "Vide\u00a0: la notice donne l'adresse des organisateurs.",
        "setup_err_controller": "Indiquez le responsable du traitement de ce délégué.",
        "setup_f_languages": "Langues (la première est celle de la conférence)",
        "setup_languages_fr_en": "Français, puis anglais",
        "setup_languages_en_fr": "Anglais, puis français",
        "setup_languages_fr": "Français seulement",
        "setup_languages_en": "Anglais seulement",
        "setup_f_title_fr": "Titre en français",
        "setup_f_title_en": "Titre en anglais",
        "setup_f_short_fr": "Nom court en français",
        "setup_f_short_en": "Nom court en anglais",
        "setup_f_slug": "Identifiant dans les adresses",
        "setup_f_organiser_email": "Adresse électronique des organisateurs",
        "setup_f_venue_fr": "Lieu en français",
        "setup_f_venue_en": "Lieu en anglais",
        "setup_f_venue_address": "Adresse du lieu",
        "setup_f_timezone": "Fuseau horaire",
        "setup_f_starts_on": "Premier jour",
        "setup_f_ends_on": "Dernier jour",
        "setup_f_patron_name": "Nom du haut patronage",
        "setup_f_patron_title": "Titre royal",
        "setup_f_patron_style_fr": "Appellation en français",
        "setup_f_patron_style_en": "Appellation en anglais",
        "setup_patron_queen": "Reine",
        "setup_patron_king": "Roi",
        "setup_none": "— Aucun —",
        "setup_host_n": "Hôte {n}",
        "setup_f_host_name": "Nom",
        "setup_f_host_rank": "Rang",
        "setup_f_host_function_fr": "Fonction en français",
        "setup_f_host_function_en": "Fonction en anglais",
        "setup_f_press_opens_at": "Ouverture de l'inscription de la presse",
        "setup_f_press_closes_at": "Clôture de l'inscription de la presse",
        "setup_f_pool_capacity": "Places de presse",
        "setup_f_security_list_deadline": "Arrêt de la liste de sécurité",
        "setup_spokesperson_n": "Porte-parole {n}",
        "setup_add_host": "Ajouter un hôte",
        "setup_add_spokesperson": "Ajouter un porte-parole",
        "setup_full_host": "Le formulaire compte le nombre maximal d'hôtes\u00a0: {n}.",
        "setup_full_spokesperson": "Le formulaire compte le nombre maximal de "
                                   "porte-parole\u00a0: {n}.",
        "setup_f_spokesperson_name": "Nom",
        "setup_f_spokesperson_phone": "Téléphone",
        "setup_f_spokesperson_email": "Adresse électronique",
        "setup_f_tie_break": "Ordre des délégations de même rang",
        "setup_tie_break_eu_protocol": "Ordre protocolaire de l'UE",
        "setup_tie_break_alphabetical": "Ordre alphabétique",
        "setup_tie_break_drawn": "Tirage au sort",
        "setup_hint_other_language": "Obligatoire dans la première langue de la conférence\u00a0"
                                     "; vide dans la seconde\u00a0: le même que dans la "
                                     "première.",
        "setup_hint_short": "Nom de l'expéditeur et début de l'objet des courriels "
                            "(«\u00a0Alliance 2027\u00a0»). Vide\u00a0: le titre.",
        "setup_hint_slug": "Lettres minuscules sans accent, chiffres et tirets, par exemple "
                           "alliance-2027. Il ne change plus ensuite.",
        "setup_hint_organiser": "Expéditeur des courriels et contact de la notice de "
                                "confidentialité.",
        "setup_hint_timezone": "Celui du lieu\u00a0: toutes les heures de la conférence y sont "
                               "saisies et affichées (Europe/Malta pour La Valette, par "
                               "exemple).",
        "setup_hint_patron": "Le haut patronage précède tout le monde dans l'ordre protocolaire. "
                             "Laissez vide s'il n'y en a pas.",
        "setup_hint_patron_style": "Comme les lettres le nomment, par exemple «\u00a0S.M. la "
                                   "Reine Paola de Belgique\u00a0».",
        "setup_hint_hosts": "Les hôtes suivent le haut patronage, dans l'ordre donné ici.",
        "setup_hint_moments": "Date et heure au lieu de la conférence.",
        "setup_hint_capacity": "Nombre de journalistes accrédités au plus\u00a0: une fois "
                               "atteint, les demandes suivantes sont refusées.",
        "setup_hint_security_list": "Après cette date, personne n'est ajouté à une séance en "
                                    "présence royale. Vide\u00a0: la liste n'est jamais arrêtée.",
        "setup_hint_spokespersons": "Les demandes de la presse leur sont signalées, et le "
                                    "formulaire de la presse donne leurs coordonnées.",
        "setup_hint_phone": "Au format international, par exemple +32 2 298 09 63.",
        "setup_create": "Créer la conférence",
        "setup_back": "Retour aux conférences",
        "setup_created": "Conférence créée. Ajoutez maintenant les salles, les délégations et "
                         "le programme.",
        "setup_err_first_language": "Obligatoire dans la première langue de la conférence.",
        "setup_err_timezone": "Fuseau horaire inconnu (exemple\u00a0: Europe/Brussels).",
        "setup_err_date": "Une date, AAAA-MM-JJ.",
        "setup_err_capacity": "Un nombre entier de 0 à 100000.",
        "setup_err_ends_before": "Le dernier jour ne peut pas précéder le premier.",
        "setup_err_closes_before": "La clôture doit suivre l'ouverture.",
        "setup_err_patron_style": "Indiquez comment les lettres nomment le haut patronage.",
        "setup_err_patron_name": "Indiquez le nom, ou videz les autres champs du haut "
                                 "patronage.",
        "setup_err_host_name": "Indiquez le nom de l'hôte, ou videz ses autres champs.",
        "setup_err_phone_required": "Le numéro de téléphone est obligatoire pour un "
                                    "porte-parole.",
        "setup_err_phone": "Numéro de téléphone non valide (format international, par exemple "
                           "+32 2 298 09 63).",
        "setup_err_slug": "De 2 à 63 lettres minuscules sans accent, chiffres ou tirets, "
                          "commençant par une lettre ou un chiffre.",
        "setup_err_slug_taken": "Une conférence porte déjà l'identifiant «\u00a0{slug}\u00a0»\u00a0"
                                ": choisissez-en un autre.",
    },
    "en": {
        "staff_title": "Conference staff",
        "staff_intro": "The people working on this conference and what each may open. A person "
                       "added is sent a welcome mail with a sign-in link, in their language.",
        "staff_none": "Nobody yet, besides the administrators of every conference.",
        "staff_add": "Add a person",
        "staff_add_button": "Add and send the welcome mail",
        "staff_back": "Back to the console",
        "staff_f_name": "Name",
        "staff_f_email": "Email address",
        "staff_f_role": "Role",
        "staff_f_language": "Language of their mail and workspace",
        "staff_role_protocol": "Protocol (the console)",
        "staff_role_press_office": "Press office",
        "staff_role_security": "Security service",
        "staff_role_door": "Door",
        "staff_role_admin": "Administrator of this conference",
        "staff_language_fr": "French",
        "staff_language_en": "English",
        "staff_err_already": "This person already has this role (\"{role}\"): no mail is "
                             "sent. For a new link, they ask for one on the sign-in page.",
        "staff_added": "{name} added to the staff: {role}. The welcome mail goes with a sign-in "
                       "link.",
        "staff_added_known": "{name} added to the staff: {role}. The address was already known "
                             "under this name, which is kept (the name typed, \"{old}\", is not "
                             "used). The welcome mail goes with a sign-in link.",
        "staff_role_pick": "— Choose a role —",
        "err_staff_role": "Choose this person's role.",
        "setup_title": "New conference",
        "setup_new": "Create a conference",
        "setup_none_yet": "No conference yet.",
        "setup_intro": "Everything a conference needs before delegations, the press and the "
                       "programme come in. Dates and times are those of the conference's "
                       "venue.",
        "setup_legend_conference": "The conference",
        "setup_legend_venue": "Venue and dates",
        "setup_legend_patron": "High patronage",
        "setup_legend_press": "Press and security",
        "setup_legend_protocol": "Protocol",
        "setup_legend_privacy": "Data protection",
        "settings_title": "Conference details",
        "settings_intro": "Correct here the titles, the venue, the days, the time zone, the "
                          "languages, the patron, the hosts, the press registration, the "
                          "spokespersons and data protection. The identifier and the order of "
                          "delegations stay as created. The security list deadline is set with "
                          "the deadlines.",
        "settings_f_first_language": "First language (the reference)",
        "settings_legend_languages": "The conference's languages",
        "settings_hint_languages": "A language may always be added; it can no longer be removed "
                                   "once an accreditation, a focal point or a letter is in it. "
                                   "The first language no longer changes once the programme is "
                                   "published.",
        "settings_hint_timezone": "The times already typed (sessions, press registration, "
                                  "deadlines) keep their local time in the corrected zone. The "
                                  "zone no longer changes once the programme is published.",
        "settings_timezone_published": "The programme is published: the invitations went out "
                                       "with these times, the time zone no longer changes. "
                                       "Move the sessions instead.",
        "setup_hint_date": "A date, for example 15 April 2027: picked in the calendar, or "
                           "written 2027-04-15 (YYYY-MM-DD) where the browser shows none.",
        "settings_hint_days": "Correcting the days does not move the sessions: any that would "
                              "fall outside them must be moved first.",
        "settings_err_no_language": "Tick at least one language.",
        "settings_err_first_not_ticked": "The first language must be one of those ticked.",
        "settings_err_dates_order": "The last day cannot come before the first.",
        "settings_err_places_below_approved_one": "{count} journalist is already approved in "
                                                  "the press pool: it cannot have fewer places. "
                                                  "Revoke an accreditation on the press desk "
                                                  "first.",
        "settings_err_places_below_approved_other": "{count} journalists are already approved "
                                                    "in the press pool: it cannot have fewer "
                                                    "places. Revoke accreditations on the press "
                                                    "desk first.",
        "settings_err_session": "“{title}” ({when})",
        "settings_err_sessions_outside_one": "{count} session of the programme would fall "
                                             "outside these days: {sessions}. Move or cancel it "
                                             "first.",
        "settings_err_sessions_outside_other": "{count} sessions of the programme would fall "
                                               "outside these days: {sessions}. Move or cancel "
                                               "them first.",
        "settings_err_press_after_end": "The press registration closes on {when}, after the last "
                                        "day: bring its closing forward first, or with the "
                                        "days.",
        "settings_err_security_list_after_end": "The security list deadline ({when}) falls after "
                                                "the last day: bring it forward first on the "
                                                "deadlines page.",
        "settings_err_timezone_published": "The programme is published: the invitations went "
                                           "out with these times, the time zone no longer "
                                           "changes.",
        "settings_err_timezone_no_such_time": "{what}: {when} does not exist in this zone (the "
                                              "clocks change); move it first.",
        "settings_err_timezone_clash": "In this zone the session “{what}” would overlap another "
                                       "booking of its room or of a participant; move it first.",
        "settings_err_first_language_published": "The programme is published: it was written, "
                                                 "with its invitations, in the first language, "
                                                 "which no longer changes.",
        "settings_lang_in_text_fr": "French",
        "settings_lang_in_text_en": "English",
        "settings_err_language_in_use": "This language ({language}) can no longer be removed: "
                                        "{counts}.",
        "settings_in_use_accreditations_one": "{count} accreditation in this language",
        "settings_in_use_accreditations_other": "{count} accreditations in this language",
        "settings_in_use_focal_points_one": "{count} focal point in this language",
        "settings_in_use_focal_points_other": "{count} focal points in this language",
        "settings_in_use_letters_one": "{count} letter sent in this language",
        "settings_in_use_letters_other": "{count} letters sent in this language",
        "settings_language_added_one": "Language added: {language}. Its texts were never shown "
                                       "before: check them here (titles, venue, short name, "
                                       "patron, hosts' functions, data controller) and, in the "
                                       "programme, each session's title; {count} session has the "
                                       "same title as in the first language.",
        "settings_language_added_other": "Language added: {language}. Its texts were never "
                                         "shown before: check them here (titles, venue, short "
                                         "name, patron, hosts' functions, data controller) and, "
                                         "in the programme, each session's title; {count} "
                                         "sessions have the same title as in the first "
                                         "language.",
        "settings_save": "Save the details",
        "settings_saved": "Conference details saved.",
        "settings_calendar_note_one": "Changing the venue, a title, the short name or the "
                                      "patron sends an updated invitation to everyone invited "
                                      "to a published session ({count} invitation sent so "
                                      "far).",
        "settings_calendar_note_other": "Changing the venue, a title, the short name or the "
                                        "patron sends an updated invitation to everyone "
                                        "invited to a published session ({count} invitations "
                                        "sent so far).",
        "settings_calendar_note_none": "Changing the venue, a title, the short name or the "
                                       "patron sends an updated invitation to everyone invited "
                                       "to a published session; no invitation has been sent "
                                       "yet.",
        "settings_calendar_updating_one": "The attendees' calendars are being updated: "
                                          "{count} updated invitation is being sent.",
        "settings_calendar_updating_other": "The attendees' calendars are being updated: "
                                            "{count} updated invitations are being sent.",
        "setup_f_presidency": "Presidency of the Council of the EU",
        "setup_hint_presidency": "In EU protocol order, the state holding it comes before the "
                                 "other member states.",
        "setup_err_presidency": "This state is not an EU member on the conference's first day.",
        "setup_f_privacy_controller": "Data controller in French",
        "setup_f_privacy_controller_en": "Data controller in English",
        "setup_hint_controller_en": "If it is named otherwise in English (\"European "
                                    "Commission, DG Migration and Home Affairs\"); empty: the "
                                    "same name in both languages.",
        "setup_f_privacy_dpo_email": "Data protection officer's address",
        "setup_hint_controller": "The institution answering for the personal data, for "
                                 "example \"Commission européenne, DG Migration et affaires "
                                 "intérieures\". Empty (in both languages): the privacy notice "
                                 "names the conference's title.",
        "setup_hint_dpo": "Empty: the notice gives the organisers' address.",
        "setup_err_controller": "Name the data controller this officer works for.",
        "setup_f_languages": "Languages (the first is the conference's)",
        "setup_languages_fr_en": "French, then English",
        "setup_languages_en_fr": "English, then French",
        "setup_languages_fr": "French only",
        "setup_languages_en": "English only",
        "setup_f_title_fr": "Title in French",
        "setup_f_title_en": "Title in English",
        "setup_f_short_fr": "Short name in French",
        "setup_f_short_en": "Short name in English",
        "setup_f_slug": "Identifier in addresses",
        "setup_f_organiser_email": "Organisers' email address",
        "setup_f_venue_fr": "Venue in French",
        "setup_f_venue_en": "Venue in English",
        "setup_f_venue_address": "Venue's address",
        "setup_f_timezone": "Time zone",
        "setup_f_starts_on": "First day",
        "setup_f_ends_on": "Last day",
        "setup_f_patron_name": "Patron's name",
        "setup_f_patron_title": "Royal title",
        "setup_f_patron_style_fr": "Style in French",
        "setup_f_patron_style_en": "Style in English",
        "setup_patron_queen": "Queen",
        "setup_patron_king": "King",
        "setup_none": "— None —",
        "setup_host_n": "Host {n}",
        "setup_f_host_name": "Name",
        "setup_f_host_rank": "Rank",
        "setup_f_host_function_fr": "Function in French",
        "setup_f_host_function_en": "Function in English",
        "setup_f_press_opens_at": "Press registration opens",
        "setup_f_press_closes_at": "Press registration closes",
        "setup_f_pool_capacity": "Press places",
        "setup_f_security_list_deadline": "Security list deadline",
        "setup_spokesperson_n": "Spokesperson {n}",
        "setup_add_host": "Add a host",
        "setup_add_spokesperson": "Add a spokesperson",
        "setup_full_host": "The form holds the most hosts a conference may have: {n}.",
        "setup_full_spokesperson": "The form holds the most spokespersons a conference may "
                                   "have: {n}.",
        "setup_f_spokesperson_name": "Name",
        "setup_f_spokesperson_phone": "Phone",
        "setup_f_spokesperson_email": "Email address",
        "setup_f_tie_break": "Order of delegations of the same rank",
        "setup_tie_break_eu_protocol": "EU protocol order",
        "setup_tie_break_alphabetical": "Alphabetical order",
        "setup_tie_break_drawn": "Drawn by lot",
        "setup_hint_other_language": "Required in the conference's first language; empty in the "
                                     "second: the same as in the first.",
        "setup_hint_short": "The sender's name and the start of the mail's subjects (\"Alliance "
                            "2027\"). Empty: the title.",
        "setup_hint_slug": "Lower-case letters without accents, digits and hyphens, for example "
                           "alliance-2027. It does not change afterwards.",
        "setup_hint_organiser": "The mail's sender and the privacy notice's contact.",
        "setup_hint_timezone": "The venue's time zone: every time of the conference is typed "
                               "and shown in it (Europe/Malta for Valletta, for example).",
        "setup_hint_patron": "The patron comes before everybody in the order of precedence. "
                             "Leave empty if there is none.",
        "setup_hint_patron_style": "As letters name the patron, for example \"S.M. la Reine "
                                   "Paola de Belgique\".",
        "setup_hint_hosts": "The hosts follow the patron, in the order given here.",
        "setup_hint_moments": "Date and time at the conference's venue.",
        "setup_hint_capacity": "The most journalists approved: once reached, further "
                               "applications are refused.",
        "setup_hint_security_list": "After this date nobody is added to a royal-presence "
                                    "session. Empty: the list is never frozen.",
        "setup_hint_spokespersons": "They are told of press applications, and the press form "
                                    "gives their contact details.",
        "setup_hint_phone": "In international format, for example +32 2 298 09 63.",
        "setup_create": "Create the conference",
        "setup_back": "Back to the conferences",
        "setup_created": "Conference created. Now add its rooms, delegations and programme.",
        "setup_err_first_language": "Required in the conference's first language.",
        "setup_err_timezone": "Unknown time zone (for example: Europe/Brussels).",
        "setup_err_date": "A date, YYYY-MM-DD.",
        "setup_err_capacity": "A whole number from 0 to 100000.",
        "setup_err_ends_before": "The last day cannot come before the first.",
        "setup_err_closes_before": "Registration must close after it opens.",
        "setup_err_patron_style": "Say how letters name the patron.",
        "setup_err_patron_name": "Give the name, or empty the patron's other fields.",
        "setup_err_host_name": "Give the host's name, or empty the host's other fields.",
        "setup_err_phone_required": "A spokesperson's phone number is required.",
        "setup_err_phone": "Not a valid phone number (international format, for example "
                           "+32 2 298 09 63).",
        "setup_err_slug": "2 to 63 lower-case letters without accents, digits or hyphens, "
                          "starting with a letter or a digit.",
        "setup_err_slug_taken": "A conference already has the identifier \"{slug}\": choose "
                                "another.",
    },
}
