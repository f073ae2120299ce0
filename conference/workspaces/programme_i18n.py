"""The programme builder's and the protocol views' strings in French and English (merged into
the workspaces' own)."""

from __future__ import annotations

PROGRAMME: dict[str, dict[str, str]] = {
    "fr": {
        "prog_title": "Programme (brouillon)",
        "prog_days": "Jours de la conférence",
        "prog_grid_label": "Grille du {day}\u00a0: salles en colonnes, heures en lignes",
        "prog_no_rooms": "Cette conférence n'a encore aucune salle\u00a0: ajoutez-en une "
                         "ci-dessous.",
        "prog_free": "Nouvelle séance",
        "prog_free_label": "Nouvelle séance, {room}, {day} de {starts} à {ends}",
        "prog_cancelled_sessions": "Séances annulées",
        "prog_room_add": "Ajouter une salle",
        "prog_room_name_fr": "Nom en français",
        "prog_room_name_en": "Nom en anglais",
        "prog_room_same_fr": "Laissé vide, le nom en anglais sert aussi en français.",
        "prog_room_same_en": "Laissé vide, le nom en français sert aussi en anglais.",
        "prog_room_capacity": "Places assises",
        "prog_room_added": "Salle «\u00a0{name}\u00a0» ajoutée.",
        "prog_rooms": "Salles",
        "prog_session_new": "Nouvelle séance",
        "prog_session_saved": "Séance enregistrée.",
        "prog_session_moved": "Séance déplacée\u00a0: {when}.",
        "prog_move": "Déplacer la séance (sa durée est gardée)",
        "prog_move_later": "{minutes}\u00a0min plus tard",
        "prog_move_earlier": "{minutes}\u00a0min plus tôt",
        "prog_move_button": "Déplacer",
        "prog_f_move_minutes": "Déplacer la séance",
        "prog_err_move": "Choisissez de combien de minutes déplacer la séance.",
        "prog_err_stale": "Cette séance a été modifiée par quelqu'un d'autre après l'ouverture "
                          "de cette page\u00a0: vos modifications n'ont pas été enregistrées. "
                          "Le formulaire la montre telle qu'elle est maintenant\u00a0; "
                          "refaites-y vos modifications.",
        "prog_session_cancelled": "Séance annulée.",
        "prog_unpublished": "Pas encore publié\u00a0: le brouillon a changé depuis la version "
                            "{version} publiée. Les participants et les invités ne reçoivent "
                            "ces changements, et leur agenda n'est mis à jour, qu'à la "
                            "publication du programme.",
        "prog_unpublished_link": "Vérifier et publier la version {next}",
        "prog_substitute_unpublished": "Pas encore publié\u00a0: la version {version} publiée "
                                       "du programme ne nomme pas encore {name} à sa place. "
                                       "Les participants et les invités ne reçoivent ce "
                                       "changement, et leur agenda n'est mis à jour, qu'à la "
                                       "publication du programme.",
        "prog_as_of": "État au {moment}",
        "prog_listed_one": "{count} personne sur la liste",
        "prog_listed_other": "{count} personnes sur la liste",
        "prog_f_title_fr": "Titre en français",
        "prog_f_title_en": "Titre en anglais",
        "prog_f_kind": "Type de séance",
        "prog_f_room_id": "Salle",
        "prog_f_day": "Jour",
        "prog_f_starts": "Début (hh:mm)",
        "prog_f_ends": "Fin (hh:mm)",
        "prog_times_in": "Heures de la conférence ({zone}).",
        "prog_ends_next_day": "Une fin avant le début est celle du lendemain (après minuit).",
        "prog_f_press_access": "Accès de la presse",
        "prog_f_audience": "Catégories invitées",
        "prog_f_royal_presence": "En présence royale",
        "prog_save": "Enregistrer",
        "prog_session_edit": "Modifier la séance",
        "prog_create": "Créer la séance",
        "prog_cancel_session": "Annuler cette séance",
        "prog_cancel_title": "Annuler la séance «\u00a0{title}\u00a0»\u00a0?",
        "prog_cancel_text": "La séance restera dans le brouillon comme annulée\u00a0; à la "
                            "prochaine "
                            "publication, ses participants recevront une annulation. Cela ne "
                            "peut pas être défait.",
        "prog_cancel_confirm": "Oui, annuler la séance",
        "prog_keep": "Non, revenir à la séance",
        "prog_is_cancelled": "Cette séance est annulée\u00a0; elle ne peut plus être modifiée.",
        "prog_errors_summary": "Rien n'a été enregistré. Corrigez les champs signalés\u00a0:",
        "prog_err_time": "Indiquez une heure au format hh:mm (par exemple 09:30).",
        "prog_err_invalid": "Valeur non valide.",
        "prog_err_conflict": "Refusé\u00a0: la séance entre en conflit avec une autre.",
        "prog_conflict_room": "{room} est déjà occupée à ce moment par «\u00a0{title}\u00a0» "
                              "({when}).",
        "prog_conflict_person": "{who} participe déjà à «\u00a0{title}\u00a0» ({room}, {when}).",
        "prog_conflict_seated": "Les invités de cette séance, en présence royale, sont assis dès "
                                "{time}\u00a0: elle occupe la salle et ses participants à partir "
                                "de cette heure.",
        "prog_conflict_theirs_seated": ", invités assis dès {time}",
        "prog_err_end_before_start": "La fin doit suivre le début.",
        "prog_err_outside": "En dehors des dates de la conférence.",
        "prog_err_no_such_time": "Cette heure n'existe pas ce jour-là (on avance les "
                                 "horloges d'une heure)\u00a0: choisissez-en une autre.",
        "prog_err_royal_press": "En présence royale, la presse n'est admise qu'en pool, pour une "
                                "séance photo, ou pas du tout.",
        "prog_err_room_taken": "Cette conférence a déjà une salle de ce nom.",
        "prog_err_room_taken_fr": "Cette conférence a déjà une salle de ce nom en français.",
        "prog_err_room_taken_en": "Cette conférence a déjà une salle de ce nom en anglais.",
        "prog_err_capacity": "Un nombre entier de places, de 1 à 100 000.",
        "prog_participants": "Participants",
        "prog_participants_none": "Personne n'est encore inscrit à cette séance.",
        "prog_role": "Rôle",
        "prog_role_chair": "Présidence",
        "prog_role_speaker": "Orateur",
        "prog_role_attendee": "Participant",
        "prog_role_audience": "Dans l'assistance",
        "prog_remove": "Retirer",
        "prog_remove_label": "Retirer {name}",
        "prog_remove_title": "Retirer {name} de la séance\u00a0?",
        "prog_overlaps_title": "Au même moment, pour le même public\u00a0:",
        "prog_overlap": "«\u00a0{title}\u00a0» ({when}), où sont aussi invités\u00a0: {audience}.",
        "prog_remove_who": "{name} figure sur «\u00a0{session}\u00a0» ({when}), rôle\u00a0: "
                           "{role}.",
        "prog_remove_calendar_held": "Cette séance est dans l'agenda de {name}\u00a0: la prochaine "
                                     "publication du programme le mettra à jour.",
        "prog_remove_calendar_none": "{name} n'a pas encore reçu l'invitation de cette "
                                     "séance\u00a0: rien ne lui sera envoyé.",
        "prog_remove_confirm": "Retirer {name}",
        "prog_remove_keep": "Garder {name} sur la séance",
        "prog_participant_removed_named": "{name} ne figure plus sur la séance.",
        "prog_add": "Ajouter",
        "prog_add_label": "Ajouter {name}",
        "prog_search": "Rechercher une personne accréditée (nom)",
        "prog_search_button": "Rechercher",
        "prog_search_none": "Aucune accréditation approuvée ne correspond.",
        "prog_already_on": "déjà à cette séance ({role})",
        "prog_search_results": "Résultats de la recherche",
        "prog_participant_added": "Ajout à la séance\u00a0: {name}.",
        "prog_participant_removed": "Participant retiré.",
        "prog_err_one_chair": "Cette séance a déjà une présidence\u00a0: faites d'abord de la "
                              "présidence actuelle un orateur («\u00a0Changer le rôle\u00a0» "
                              "dans la liste des participants).",
        "prog_change_role": "Changer le rôle",
        "prog_change_role_label": "Changer le rôle de {name}",
        "prog_role_of": "Rôle de {name}",
        "prog_role_changed": "Nouveau rôle de {name}\u00a0: {role}.",
        "prog_err_not_on_session": "Cette personne n'est plus sur la séance.",
        "prog_participants_error": "Participants\u00a0:",
        "prog_err_frozen": "La liste de sécurité est arrêtée depuis {deadline}\u00a0: plus "
                           "personne "
                           "ne peut être ajouté à une séance en présence royale.",
        "prog_err_royal_rule": "Seules les accréditations approuvées peuvent participer à une "
                               "séance en présence royale.",
        "prog_err_not_eligible": "Cette accréditation ne peut pas participer à une séance.",
        "prog_err_clearance_refused_chair": "{name} ne peut pas présider cette séance\u00a0: "
                                            "son habilitation de sécurité a été refusée. "
                                            "Veuillez choisir une autre personne ou demander "
                                            "au service de sécurité de réexaminer "
                                            "l'habilitation.",
        "prog_err_clearance_refused_speaker": "{name} ne peut pas prendre la parole à cette "
                                              "séance\u00a0: son habilitation de sécurité a été "
                                              "refusée. Veuillez choisir une autre personne ou "
                                              "demander au service de sécurité de réexaminer "
                                              "l'habilitation.",
        "prog_clearance_pending_mark": "(habilitation de sécurité en attente)",
        "prog_views": "Vues protocolaires",
        "prog_speaking_order": "Ordre des orateurs",
        "prog_seating": "Plan de table",
        "prog_security_list": "Liste de sécurité",
        "prog_csv": "Télécharger (CSV)",
        "prog_print_hint": "Imprimez cette page\u00a0: seul son contenu est imprimé.",
        "prog_part_patron_arrival": "Arrivée",
        "prog_part_welcome": "Mot d'accueil",
        "prog_part_speech": "Intervention",
        "prog_position": "Rang",
        "prog_part": "Moment",
        "prog_name": "Nom",
        "prog_delegation": "Délégation",
        "prog_delegation_or_outlet": "Délégation ou média",
        "prog_seat": "Place",
        "prog_seat_text": "0\u00a0: la présidence\u00a0; +n à sa droite, \u2212n à sa gauche "
                          "(vu de la présidence).",
        "prog_from_audience": "Vu de la salle, de gauche à droite",
        "prog_no_speakers": "Aucun orateur pour l'instant.",
        "prog_no_chair": "La séance n'a pas de présidence\u00a0: le plan de table la demande.",
        "prog_deadline": "Liste arrêtée le {deadline}",
        "prog_deadline_future": "La liste sera arrêtée le {deadline}",
        "prog_no_deadline": "Aucune date limite n'est fixée pour la liste de sécurité.",
        "prog_frozen": "La date limite est passée\u00a0: la liste est arrêtée.",
        "prog_open": "Elle reste ouverte jusque-là.",
        "prog_late_title": "Liste modifiée après son arrêt\u00a0:",
        "prog_late_text_one": "{count} personne y figure depuis une décision prise après la "
                              "date limite (un remplacement ou une habilitation de sécurité). "
                              "La liste envoyée à la Maison royale et à la police lors de "
                              "l'arrêt ne la nomme pas\u00a0: envoyez-leur la liste à jour.",
        "prog_late_text_many": "{count} personnes y figurent depuis une décision prise après la "
                               "date limite (un remplacement ou une habilitation de sécurité). "
                               "La liste envoyée à la Maison royale et à la police lors de "
                               "l'arrêt ne les nomme pas\u00a0: envoyez-leur la liste à jour.",
        "prog_late_mark": "Ajout après l'arrêt de la liste",
        "prog_awaiting_title": "Pas sur la liste\u00a0: habilitation de sécurité en attente",
        "prog_awaiting_text": "Ces personnes y figureraient, mais leur catégorie demande une "
                              "habilitation de sécurité qui n'est pas encore accordée\u00a0: "
                              "aucune porte ne les admet. Elles rejoignent la liste dès "
                              "l'habilitation accordée (après l'arrêt de la liste, comme ajout "
                              "à signaler).",
        "prog_late_in_place_of": "en remplacement de {name}",
        "prog_late_column": "Ajout après l'arrêt",
        "prog_late_true": "oui",
        "prog_late_false": "non",
        "prog_not_royal": "Seules les séances en présence royale ont une liste de sécurité.",
        "prog_family_name": "Nom de famille",
        "prog_given_name": "Prénom(s)",
        "prog_seated_by": "Invités installés avant {time}",
        "prog_warning": "Attention\u00a0:",
        "prog_press_kept_out_closed": "aucun journaliste n'est invité. La presse figure dans "
                                      "le public, mais la séance est fermée à la presse.",
        "prog_press_kept_out_pool": "aucun journaliste n'est invité au titre du public. "
                                    "La presse y figure, mais la séance n'admet que le pool de "
                                    "presse, dont les membres sont invités par le pool qui "
                                    "couvre la séance ou en étant ajoutés comme participants.",
        "prog_press_way_open": "Ouvrez-la à la presse, ou retirez la presse du public.",
        "prog_press_way_royal": "Faites-en une séance photo, ou retirez la presse du public.",
        "prog_clearance_refused_mark": "Habilitation refusée \u2013 retirez cette personne de "
                                       "la séance",
        "prog_clearance_refused_short": "(habilitation refusée)",
        "prog_clearance_refused_title": "Habilitation de sécurité refusée\u00a0:",
        "prog_clearance_refused_text": "Le plan de table et l'ordre des orateurs placent encore "
                                       "ces personnes, mais aucune porte ne les admettra. "
                                       "Retirez-les de la séance (Retirer, dans la liste des "
                                       "participants de la séance) ou faites réexaminer leur "
                                       "habilitation.",
        "prog_back_grid": "Retour à la grille",
        "console_programme": "Programme",
    },
    "en": {
        "prog_title": "Programme (draft)",
        "prog_days": "Conference days",
        "prog_grid_label": "Grid of {day}: rooms in columns, times in rows",
        "prog_no_rooms": "This conference has no room yet: add one below.",
        "prog_free": "New session",
        "prog_free_label": "New session, {room}, {day} from {starts} to {ends}",
        "prog_cancelled_sessions": "Cancelled sessions",
        "prog_room_add": "Add a room",
        "prog_room_name_fr": "Name in French",
        "prog_room_name_en": "Name in English",
        "prog_room_same_fr": "If left empty, the English name is used in French too.",
        "prog_room_same_en": "If left empty, the French name is used in English too.",
        "prog_room_capacity": "Seats",
        "prog_room_added": "Room “{name}” added.",
        "prog_rooms": "Rooms",
        "prog_session_new": "New session",
        "prog_session_saved": "Session saved.",
        "prog_session_moved": "Session moved: {when}.",
        "prog_move": "Move the session (its length kept)",
        "prog_move_later": "{minutes} min later",
        "prog_move_earlier": "{minutes} min earlier",
        "prog_move_button": "Move",
        "prog_f_move_minutes": "Move the session",
        "prog_err_move": "Choose by how many minutes to move the session.",
        "prog_err_stale": "Someone else changed this session after you opened this page: your "
                          "changes were not saved. The form shows it as it is now; make your "
                          "changes again.",
        "prog_session_cancelled": "Session cancelled.",
        "prog_unpublished": "Not published yet: the draft changed since published version "
                            "{version}. Participants and guests receive these changes, and "
                            "their calendars are updated, only when the programme is "
                            "published.",
        "prog_unpublished_link": "Check and publish version {next}",
        "prog_substitute_unpublished": "Not published yet: published version {version} of the "
                                       "programme does not name {name} in their place yet. "
                                       "Participants and guests receive this change, and their "
                                       "calendars are updated, only when the programme is "
                                       "published.",
        "prog_as_of": "As of {moment}",
        "prog_listed_one": "{count} person on the list",
        "prog_listed_other": "{count} people on the list",
        "prog_f_title_fr": "Title in French",
        "prog_f_title_en": "Title in English",
        "prog_f_kind": "Kind of session",
        "prog_f_room_id": "Room",
        "prog_f_day": "Day",
        "prog_f_starts": "Starts (hh:mm)",
        "prog_f_ends": "Ends (hh:mm)",
        "prog_times_in": "Times at the conference ({zone}).",
        "prog_ends_next_day": "An end before the start is on the next day (past midnight).",
        "prog_f_press_access": "Press access",
        "prog_f_audience": "Categories invited",
        "prog_f_royal_presence": "Royal presence",
        "prog_save": "Save",
        "prog_session_edit": "Change the session",
        "prog_create": "Create the session",
        "prog_cancel_session": "Cancel this session",
        "prog_cancel_title": "Cancel the session “{title}”?",
        "prog_cancel_text": "The session stays in the draft as cancelled; at the next "
                            "publication its participants are sent a cancellation. This cannot "
                            "be undone.",
        "prog_cancel_confirm": "Yes, cancel the session",
        "prog_keep": "No, back to the session",
        "prog_is_cancelled": "This session is cancelled; it can no longer be changed.",
        "prog_errors_summary": "Nothing was saved. Please correct the fields marked:",
        "prog_err_time": "Give a time as hh:mm (for example 09:30).",
        "prog_err_invalid": "Invalid value.",
        "prog_err_conflict": "Refused: the session clashes with another.",
        "prog_conflict_room": "{room} is already taken at that time by “{title}” ({when}).",
        "prog_conflict_person": "{who} is already on “{title}” ({room}, {when}).",
        "prog_conflict_seated": "The guests of this royal-presence session are seated from "
                                "{time}: it holds the room and its participants from then.",
        "prog_conflict_theirs_seated": ", guests seated from {time}",
        "prog_err_end_before_start": "The end must come after the start.",
        "prog_err_outside": "Outside the conference's dates.",
        "prog_err_no_such_time": "This time does not exist on that day (the clocks go "
                                 "forward an hour): choose another.",
        "prog_err_royal_press": "With royal presence the press is admitted only as a pool, for a "
                                "photo opportunity, or not at all.",
        "prog_err_room_taken": "This conference already has a room with this name.",
        "prog_err_room_taken_fr": "This conference already has a room with this name in French.",
        "prog_err_room_taken_en": "This conference already has a room with this name in "
                                  "English.",
        "prog_err_capacity": "A whole number of seats, from 1 to 100,000.",
        "prog_participants": "Participants",
        "prog_participants_none": "Nobody is on this session yet.",
        "prog_role": "Role",
        "prog_role_chair": "Chair",
        "prog_role_speaker": "Speaker",
        "prog_role_attendee": "Attendee",
        "prog_role_audience": "In the audience",
        "prog_remove": "Remove",
        "prog_remove_label": "Remove {name}",
        "prog_remove_title": "Take {name} off the session?",
        "prog_overlaps_title": "At the same time, for the same audience:",
        "prog_overlap": "“{title}” ({when}), to which these are invited too: {audience}.",
        "prog_remove_who": "{name} is on “{session}” ({when}), role: {role}.",
        "prog_remove_calendar_held": "This session is in {name}'s calendar: the next publication "
                                     "of the programme will update it.",
        "prog_remove_calendar_none": "{name} has not received this session's invitation yet: "
                                     "nothing will be sent.",
        "prog_remove_confirm": "Take {name} off",
        "prog_remove_keep": "Keep {name} on the session",
        "prog_participant_removed_named": "{name} was taken off the session.",
        "prog_add": "Add",
        "prog_add_label": "Add {name}",
        "prog_search": "Search an accredited person (name)",
        "prog_search_button": "Search",
        "prog_search_none": "No approved accreditation matches.",
        "prog_already_on": "already on this session ({role})",
        "prog_search_results": "Search results",
        "prog_participant_added": "{name} added to the session.",
        "prog_participant_removed": "Participant removed.",
        "prog_err_one_chair": "This session already has a chair: make the current chair a "
                              "speaker first (“Change role” in the list of participants).",
        "prog_change_role": "Change role",
        "prog_change_role_label": "Change the role of {name}",
        "prog_role_of": "Role of {name}",
        "prog_role_changed": "{name} is now {role}.",
        "prog_err_not_on_session": "This person is no longer on the session.",
        "prog_participants_error": "Participants:",
        "prog_err_frozen": "The security list froze on {deadline}: nobody may be added to a "
                           "royal-presence session any more.",
        "prog_err_royal_rule": "Only approved accreditations may be on a royal-presence "
                               "session.",
        "prog_err_not_eligible": "This accreditation cannot be put on a session.",
        "prog_err_clearance_refused_chair": "{name} cannot chair this session: their security "
                                            "clearance was refused. Please choose another "
                                            "person, or ask the security service to review "
                                            "the clearance first.",
        "prog_err_clearance_refused_speaker": "{name} cannot speak at this session: their "
                                              "security clearance was refused. Please choose "
                                              "another person, or ask the security service to "
                                              "review the clearance first.",
        "prog_clearance_pending_mark": "(security clearance pending)",
        "prog_views": "Protocol views",
        "prog_speaking_order": "Speaking order",
        "prog_seating": "Seating plan",
        "prog_security_list": "Security list",
        "prog_csv": "Download (CSV)",
        "prog_print_hint": "Print this page: only its content is printed.",
        "prog_part_patron_arrival": "Arrival",
        "prog_part_welcome": "Welcome",
        "prog_part_speech": "Speech",
        "prog_position": "Order",
        "prog_part": "Part",
        "prog_name": "Name",
        "prog_delegation": "Delegation",
        "prog_delegation_or_outlet": "Delegation or media outlet",
        "prog_seat": "Seat",
        "prog_seat_text": "0: the chair; +n on the chair's right, \u2212n on the left (as the "
                          "chair sees it).",
        "prog_from_audience": "As the audience sees it, from left to right",
        "prog_no_speakers": "No speaker yet.",
        "prog_no_chair": "The session has no chair: the seating plan needs one.",
        "prog_deadline": "List frozen on {deadline}",
        "prog_deadline_future": "The list will be frozen on {deadline}",
        "prog_no_deadline": "No deadline is set for the security list.",
        "prog_frozen": "The deadline has passed: the list is frozen.",
        "prog_open": "Until then it stays open.",
        "prog_late_title": "List changed after its freeze:",
        "prog_late_text_one": "{count} person is on it through a substitution, or a security "
                              "clearance, decided after the deadline. The list sent to the "
                              "Royal Household and the police at the freeze does not name "
                              "them: send them the list as it is now.",
        "prog_late_text_many": "{count} people are on it through a substitution, or a security "
                               "clearance, decided after the deadline. The list sent to the "
                               "Royal Household and the police at the freeze does not name "
                               "them: send them the list as it is now.",
        "prog_late_mark": "Added after the list froze",
        "prog_awaiting_title": "Not on the list: security clearance pending",
        "prog_awaiting_text": "These people would be on it, but their category needs a "
                              "security clearance that is not granted yet: no door admits "
                              "them. They join the list once cleared (after the freeze, as an "
                              "addition to report).",
        "prog_late_in_place_of": "in place of {name}",
        "prog_late_column": "Added after the freeze",
        "prog_late_true": "yes",
        "prog_late_false": "no",
        "prog_not_royal": "Only royal-presence sessions have a security list.",
        "prog_family_name": "Family name",
        "prog_given_name": "Given name(s)",
        "prog_seated_by": "Guests seated by {time}",
        "prog_warning": "Warning:",
        "prog_press_kept_out_closed": "no journalist is invited. The press is in the audience, "
                                      "but the session is closed to the press.",
        "prog_press_kept_out_pool": "no journalist is invited as audience. The press is in "
                                    "the audience, but the session admits the press pool only, "
                                    "whose members are invited by the press pool that "
                                    "covers it or by being put on it as participants.",
        "prog_press_way_open": "Open it to the press, or take the press out of its audience.",
        "prog_press_way_royal": "Make it a photo opportunity, or take the press out of its "
                                "audience.",
        "prog_clearance_refused_mark": "Clearance refused \u2013 take them off this session",
        "prog_clearance_refused_short": "(clearance refused)",
        "prog_clearance_refused_title": "Security clearance refused:",
        "prog_clearance_refused_text": "The head table and the speaking order still place these "
                                       "people, but no door will admit them. Take them off the "
                                       "session (Remove, in the session's list of "
                                       "participants) or have their clearance reviewed.",
        "prog_back_grid": "Back to the grid",
        "console_programme": "Programme",
    },
}
