"""The delegation lifecycle pages' strings in French and English (merged into the workspaces'
own): substitution, import and export in the portal; quotas, deadlines, import, the list of
participants and the statistics in the console."""

from __future__ import annotations

LIFECYCLE: dict[str, dict[str, str]] = {
    "fr": {
        "lc_links_title": "Gérer la délégation",
        "lc_substitute_title": "Remplacer un membre",
        "lc_substitute_intro": "La nouvelle personne prend la place du membre remplacé\u00a0: sa "
                               "catégorie, sa place dans le quota et ses séances. Le badge du "
                               "membre remplacé est refusé à l'entrée dès la validation.",
        "lc_changes_close": "Remplacements possibles jusqu'au",
        "lc_f_member": "Membre remplacé",
        "lc_new_person": "La nouvelle personne",
        "lc_f_rank_hint": "Laissez vide\u00a0: le rang et la fonction du membre remplacé.",
        "lc_f_function_hint": "Laissez vide\u00a0: la fonction du membre remplacé, telle quelle. "
                              "Vérifiez-la si elle s'accorde (Directrice, Directeur).",
        "lc_f_function_lang_hint": "Laissez vide\u00a0: celle du membre remplacé quand la "
                                   "fonction reste la sienne, aucune sinon.",
        # the console's form, filled with the member's function (docs/workspaces.md,
        # "Substituting a member")
        "lc_f_function_hint_console": "La fonction du membre remplacé, déjà inscrite\u00a0: "
                                      "elle est reprise telle quelle si vous ne la changez "
                                      "pas. Vérifiez-la si elle s'accorde (Directrice, "
                                      "Directeur).",
        "lc_f_function_hint_console_none": "Le membre remplacé n'a pas de fonction "
                                           "inscrite\u00a0: donnez celle de la nouvelle "
                                           "personne, si elle en a une.",
        "lc_confirm_function_kept": "La fonction du membre remplacé est reprise telle quelle "
                                    "pour {new}\u00a0: «\u00a0{function}\u00a0». Si elle ne "
                                    "convient pas, modifiez-la avant de confirmer.",
        "lc_f_reason": "Motif",
        "lc_substitute_button": "Vérifier le remplacement",
        "lc_substitute_steps": "Une page de confirmation suit\u00a0: rien n'est enregistré avant "
                               "que vous confirmiez le remplacement.",
        "lc_confirm_title": "Confirmer le remplacement",
        "lc_confirm_who": "{new} remplacera {old}.",
        "lc_confirm_nothing_yet": "Rien n'est encore enregistré\u00a0: vérifiez ce qui suit, "
                                  "puis confirmez.",
        "lc_confirm_effects": "Dès la confirmation",
        "lc_confirm_visa_approved": "La lettre d'invitation pour le visa n°\u00a0{number} de "
                                    "{old} est annulée\u00a0: elle ne vaut plus auprès du "
                                    "consulat. {new} peut en demander une à son nom.",
        "lc_confirm_visa_requested": "La demande de lettre d'invitation pour le visa de {old} "
                                     "est close. {new} peut en demander une à son nom.",
        "lc_confirm_old_approved": "{old} perd son accréditation\u00a0: son badge est refusé à "
                                   "toutes les entrées et ses invitations aux séances sont "
                                   "retirées de son agenda.",
        # the card itself stays out there: the desk recovers it (docs/credentials.md, "Void
        # badges")
        "lc_confirm_old_badge": "Si un badge a déjà été imprimé pour {old}, il est à rendre à "
                                "l'accueil, qui le détruit.",
        "lc_confirm_old_pending": "La demande d'accréditation déposée pour {old} est "
                                  "close\u00a0: elle ne pourra plus être accordée.",
        "lc_confirm_place": "{new} prend la place laissée par {old}\u00a0: même catégorie, "
                            "même place dans le quota de la délégation, mêmes rôles dans les "
                            "séances.",
        "lc_confirm_examined": "La demande déposée pour {new} est ensuite examinée par le "
                               "service du protocole, comme toute demande\u00a0: pas de "
                               "badge avant qu'elle soit accordée.",
        "lc_confirm_focal": "Les points focaux de la délégation en sont informés par courriel, "
                            "avec le lien vers la page du nouveau membre dans leur portail.",
        "lc_confirm_mail": "Un courriel informe {old} du remplacement\u00a0; {new} reçoit par "
                           "courriel l'accusé de réception de sa demande, avec son lien "
                           "personnel.",
        "lc_confirm_final": "Un remplacement est définitif\u00a0: il ne peut pas être annulé. "
                            "Revenir en arrière demanderait de déposer une nouvelle demande "
                            "pour {old}.",
        "lc_confirm_details": "Ce que vous avez saisi",
        "lc_confirm_inherited": "comme le membre remplacé",
        "lc_confirm_inherited_function": "comme le membre remplacé, telle quelle\u00a0; à "
                                         "accorder s'il le faut, Directrice ou Directeur",
        "lc_confirm_button": "Confirmer le remplacement",
        "lc_edit_button": "Modifier",
        "lc_err_changes_closed": "Les remplacements sont clos depuis le {date}\u00a0: seul le "
                                 "service du protocole peut encore remplacer un membre.",
        "lc_err_pick_member": "Choisissez le membre à remplacer.",
        "lc_err_nominations_closed": "Les inscriptions sont closes depuis le {date}\u00a0: seul le "
                                     "service du protocole peut encore ajouter ou modifier des "
                                     "membres.",
        "lc_err_already_replaced": "{new} a déjà pris la place de {old}\u00a0: rien d'autre "
                                   "n'a été fait.",
        "lc_err_not_substitutable": "Ce membre ne peut plus être remplacé (statut\u00a0: "
                                    "{status}).",
        "lc_err_reason_required": "Indiquez le motif\u00a0: les remplacements sont clos.",
        "lc_no_members": "Aucun membre ne peut être remplacé pour l'instant.",
        "lc_flash_substituted": "Remplacement enregistré\u00a0: {new} remplace {old}. Un courriel "
                                "l'annonce à {old}.",
        "lc_yes": "Oui",
        "lc_confirm_approve": "Accréditation accordée d'emblée",
        "lc_f_approve": "Accréditer la nouvelle personne dès le remplacement (son badge et "
                        "les invitations aux séances suivent)",
        "lc_console_substitute_title": "Remplacer ce membre",
        "lc_console_substitute_intro": "Pour mettre une autre personne à la place de ce membre "
                                       "(un ministre empêché, remplacé par son adjoint)\u00a0: "
                                       "elle reçoit sa catégorie, sa place dans le quota de la "
                                       "délégation, ses séances et son rôle. Le badge de ce "
                                       "membre est refusé à l'entrée dès la confirmation.",
        "lc_f_reason_hint_closed": "Obligatoire\u00a0: les remplacements sont clos depuis le "
                                   "{date}. Le motif reste dans l'historique.",
        "lc_f_reason_seen": "Le point focal de la délégation voit ce motif, dans l'historique "
                            "du membre.",
        "lc_confirm_approved": "L'accréditation de {new} est accordée dès la "
                               "confirmation\u00a0: un badge à son nom, qui ouvre les mêmes "
                               "zones, et les invitations aux séances publiées auxquelles sa "
                               "place l'appelle.",
        "lc_confirm_approved_vetted": "L'accréditation de {new} est accordée dès la "
                                      "confirmation\u00a0: les invitations aux séances publiées "
                                      "auxquelles sa place l'appelle, puis un badge à son nom, qui "
                                      "ouvre les mêmes zones, une fois l'habilitation de sécurité "
                                      "accordée (ci-dessous).",
        "lc_confirm_mail_approved": "Un courriel informe {old} du remplacement\u00a0; {new} "
                                    "reçoit par courriel la lettre d'accréditation, avec son "
                                    "lien personnel, où se trouvera son badge, puis une "
                                    "invitation par séance.",
        "lc_confirm_parts": "{new} prend la place de {old} sur {sessions}\u00a0: son "
                            "invitation à ce titre part quand le service du protocole publie "
                            "de nouveau le programme.",
        "lc_confirm_part": "«\u00a0{session}\u00a0» ({role})",
        "lc_confirm_royal_participant": "La liste de sécurité de la séance "
                                        "«\u00a0{session}\u00a0» est arrêtée depuis le "
                                        "{date}\u00a0: {new} y figurera comme ajout après "
                                        "l'arrêt\u00a0; envoyez la liste à jour à la Maison "
                                        "royale et à la police.",
        "lc_confirm_royal_audience": "La liste de sécurité de la séance "
                                     "«\u00a0{session}\u00a0» est arrêtée depuis le "
                                     "{date}\u00a0: {new} n'y figurera pas. La porte du "
                                     "périmètre royal ne laissera pas entrer cette personne, et "
                                     "aucune invitation à cette séance ne lui sera envoyée.",
        "lc_confirm_clearance": "La catégorie «\u00a0{category}\u00a0» demande une habilitation de "
                                "sécurité\u00a0: aucun badge pour {new} avant qu'elle soit "
                                "accordée par le service de sécurité.",
        "lc_err_substitute_reason": "Indiquez le motif\u00a0: les remplacements sont clos "
                                    "depuis le {date}\u00a0; le protocole remplace encore, avec "
                                    "un motif.",
        "lc_err_substitute_approve": "Seul le remplaçant d'un membre accrédité est accrédité "
                                     "d'emblée (statut du membre\u00a0: {status}).",
        "lc_err_substitute_quota_one": "Le quota de la délégation est atteint\u00a0: {count} "
                                       "place prise sur {allowed}.",
        "lc_err_substitute_quota_other": "Le quota de la délégation est atteint\u00a0: {count} "
                                         "places prises sur {allowed}.",
        "lc_import_title": "Importer des membres",
        "lc_import_intro": "Un fichier CSV ou XLSX, une personne par ligne. Les colonnes sont "
                           "reconnues par leur en-tête, en français ou en anglais\u00a0: courriel, "
                           "prénom, nom, catégorie, rang, fonction, langue, civilité, "
                           "délégation, en fonction depuis. Une personne déjà inscrite est "
                           "reconnue par son adresse électronique.",
        # what a row must have, said before the file is made (docs/lifecycle.md, "Import")
        "lc_import_required": "Chaque ligne donne au moins le courriel, le prénom, le nom et "
                              "la catégorie, et pour un ministre ou un fonctionnaire, aussi le "
                              "rang et la fonction. Les en-têtes du formulaire d'inscription "
                              "(«\u00a0Rang protocolaire\u00a0», «\u00a0Langue de "
                              "correspondance\u00a0»…) sont reconnus aussi.",
        "lc_import_steps": "Vérifiez d'abord le fichier\u00a0: rien n'est enregistré avant que "
                           "vous "
                           "confirmiez l'import.",
        "lc_f_file": "Fichier (CSV ou XLSX)",
        "lc_f_delegation": "Délégation",
        "lc_each_row": "Celle de chaque ligne (colonne «\u00a0délégation\u00a0»)",
        "lc_delegation_hint": "Celle de toutes les lignes du fichier. «\u00a0Celle de chaque "
                              "ligne\u00a0» demande une colonne «\u00a0délégation\u00a0».",
        "lc_check_button": "Vérifier le fichier",
        "lc_apply_button_one": "Importer cette ligne",
        "lc_apply_button_other": "Importer ces {count} lignes",
        "lc_preview_title": "Vérification du fichier {name}",
        "lc_preview_errors_one": "{count} ligne en erreur\u00a0: corrigez le fichier et "
                                 "vérifiez-le "
                                 "de nouveau. Rien n'a été enregistré.",
        "lc_preview_errors_other": "{count} lignes en erreur\u00a0: corrigez le fichier et "
                                   "vérifiez-le de nouveau. Rien n'a été enregistré.",
        "lc_preview_nothing_one": "Rien à importer\u00a0: la ligne est identique à ce qui est "
                                  "déjà enregistré.",
        "lc_preview_nothing_other": "Rien à importer\u00a0: les {count} lignes sont identiques "
                                    "à ce qui est déjà enregistré.",
        "lc_preview_ok": "Aucune erreur\u00a0: {create}, {update}, {unchanged}. Rien n'est encore "
                         "enregistré.",
        "lc_n_create_one": "{count} création",
        "lc_n_create_other": "{count} créations",
        "lc_n_update_one": "{count} mise à jour",
        "lc_n_update_other": "{count} mises à jour",
        "lc_n_unchanged_one": "{count} ligne inchangée",
        "lc_n_unchanged_other": "{count} lignes inchangées",
        "lc_row": "Ligne",
        "lc_who": "Personne",
        "lc_outcome": "Résultat",
        "lc_details": "Détails",
        "lc_outcome_create": "création",
        "lc_outcome_update": "mise à jour",
        "lc_outcome_unchanged": "inchangée",
        "lc_outcome_error": "erreur",
        "lc_changed": "modifié\u00a0: {fields}",
        # one colon in the row's details ("catégorie : …"): the numbers in brackets, and what
        # they count, the file's earlier rows with the members already filed
        "lc_err_quota_one": "quota «\u00a0{category}\u00a0» atteint ({used} place prise sur "
                            "{allowed})",
        "lc_err_quota_other": "quota «\u00a0{category}\u00a0» atteint ({used} places prises sur "
                              "{allowed})",
        "lc_err_quota_file_one": "quota «\u00a0{category}\u00a0» atteint ({used} place prise "
                                 "sur {allowed}, par une ligne de ce fichier)",
        "lc_err_quota_file_other": "quota «\u00a0{category}\u00a0» atteint ({used} places "
                                   "prises sur {allowed}, dont {in_file} par ce fichier)",
        "lc_quota_way": "Des lignes dépassent le quota de leur catégorie. Pour une place de "
                        "plus, adressez-vous au service du protocole ({email})\u00a0; sinon, "
                        "retirez ces lignes du fichier ou changez leur catégorie.",
        "lc_err_required": "obligatoire",
        "lc_err_formula": "la cellule contient une formule dont la valeur n'a pas été "
                          "enregistrée\u00a0: enregistrez le fichier dans Excel ou LibreOffice "
                          "pour que ses valeurs soient conservées, ou tapez la valeur",
        "lc_err_label": "valeur inconnue\u00a0; indiquez l'un de\u00a0: {labels}",
        "lc_err_twice": "la même adresse figure déjà ligne {row}",
        "lc_err_other_delegation": "cette adresse ne peut pas servir à une nouvelle demande\u00a0;"
                                   " adressez-vous au service du protocole",
        "lc_err_press": "cette personne est accréditée comme presse",
        "lc_err_status": "l'accréditation de cette personne est {status}",
        "lc_err_decided": "l'accréditation de cette personne est {status}\u00a0: elle ne peut "
                          "plus être modifiée\u00a0; remplacez la personne ou adressez-vous au "
                          "service du protocole",
        "lc_err_staff": "le personnel est accrédité par les organisateurs",
        "lc_err_own_delegation": "un point focal n'importe que dans sa propre délégation",
        "lc_err_required_for": "obligatoire pour la catégorie {category}",
        "lc_err_date": "une date\u00a0: AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA",
        "lc_err_no_such_date": "cette date n'existe pas ({day} {month})",
        "lc_err_no_such_month": "cette date n'existe pas (pas de tel mois)",
        # French and English are the correspondence's languages, not always the conference's
        # (a conference held in one language still writes in either)
        "lc_err_language": "la correspondance se fait en français ou en anglais seulement\u00a0; "
                           "indiquez l'un de\u00a0: {labels}",
        "lc_err_delegation_required": "obligatoire (nom ou code ISO du pays, ou nom de "
                                      "l'organisation)",
        "lc_err_no_delegation": "aucune délégation «\u00a0{delegation}\u00a0» dans cette "
                                "conférence",
        "lc_err_missing_column": "aucune colonne «\u00a0{column}\u00a0» dans la ligne d'en-tête",
        "lc_err_named_twice": "deux colonnes pour «\u00a0{column}\u00a0»\u00a0: "
                              "«\u00a0{first}\u00a0» et "
                              "«\u00a0{second}\u00a0»",
        "lc_err_unknown_column": "la correspondance nomme une colonne inconnue, "
                                 "«\u00a0{column}\u00a0»",
        "lc_err_mapping": "la correspondance doit être un objet JSON (en-tête tel qu'écrit → "
                          "colonne)",
        "lc_err_empty": "le fichier est vide",
        "lc_err_no_header": "aucune ligne d'en-tête dans les lignes 1 à {rows}\u00a0: les colonnes "
                            "courriel, prénom, nom et catégorie doivent être nommées (en "
                            "français ou en anglais) dans une ligne d'en-tête, au-dessus des "
                            "membres",
        "lc_err_no_rows": "le fichier n'a que sa ligne d'en-tête\u00a0: aucun membre en dessous",
        "lc_err_too_many_rows": "plus de {max} lignes",
        "lc_err_not_a_table": "envoyez un fichier CSV ou XLSX",
        "lc_err_not_csv": "ce n'est pas un fichier CSV lisible",
        "lc_err_not_xlsx": "ce n'est pas un fichier XLSX lisible",
        "lc_err_no_such_delegation": "cette délégation n'existe pas dans cette conférence",
        "lc_err_no_delegation_column": "il n'a pas de colonne «\u00a0délégation\u00a0»\u00a0; "
                                       "choisissez la délégation de toutes ses lignes (ou "
                                       "ajoutez la colonne)",
        "lc_f_file_hint": "CSV ou XLSX, {size} au plus.",
        "lc_err_too_large": "Le fichier dépasse {size}.",
        "lc_warn_columns": "Des colonnes du fichier ne sont pas importées\u00a0:",
        "lc_warn_unknown_column": "Colonne non reconnue\u00a0: «\u00a0{header}\u00a0» "
                                  "(ignorée).",
        "lc_warn_did_you_mean": "Vouliez-vous dire «\u00a0{suggestion}\u00a0»\u00a0?",
        "lc_warn_rows": "Des lignes sont à vérifier (elles seront importées telles quelles)\u00a0:",
        "lc_warn_row": "Ligne {row}, {name}\u00a0: {warning}",
        "lc_row_warn_fit": "à vérifier\u00a0: rang et catégorie (voir ci-dessus)",
        "lc_row_warn_names": "à vérifier\u00a0: prénom et nom inversés\u00a0? (voir ci-dessus)",
        "lc_row_warn_capitals": "à vérifier\u00a0: nom en capitales (voir ci-dessus)",
        "lc_warn_capitals_family_name": "le nom «\u00a0{name}\u00a0» est tout en capitales, et "
                                        "les lettres et les listes impriment les noms tels "
                                        "qu'ils sont saisis («\u00a0Madame ĆOSIĆ\u00a0»)\u00a0: "
                                        "écrivez-le comme il s'écrit, une capitale au début "
                                        "seulement («\u00a0Ćosić\u00a0»)",
        "lc_warn_capitals_given_name": "le prénom et le nom sont tout en capitales, et les "
                                       "lettres et les listes impriment les noms tels qu'ils "
                                       "sont saisis («\u00a0Monsieur DUPONT\u00a0»)\u00a0: "
                                       "écrivez-les comme ils s'écrivent, une capitale au début "
                                       "seulement («\u00a0Jean-Baptiste Dupont\u00a0»)",
        "lc_warn_fit_category": "le rang «\u00a0{rank}\u00a0» est un rang ministériel, mais la "
                                "catégorie est «\u00a0{category}\u00a0»\u00a0; une personnalité "
                                "de rang ministériel est accréditée dans la catégorie "
                                "«\u00a0Ministre\u00a0»\u00a0: vérifiez la catégorie.",
        "lc_warn_fit_rank": "la catégorie «\u00a0Ministre\u00a0» avec le rang «\u00a0{rank}"
                            "\u00a0»\u00a0; un fonctionnaire ou un expert est accrédité dans "
                            "la catégorie «\u00a0Fonctionnaire\u00a0» ou «\u00a0Expert\u00a0»"
                            "\u00a0: vérifiez le rang et la catégorie.",
        "lc_warn_names_swapped": "le prénom «\u00a0{given_name}\u00a0» est en capitales, comme "
                                 "l'est d'ordinaire le nom de famille\u00a0: prénom et nom "
                                 "sont-ils inversés\u00a0?",
        "lc_err_file": "Choisissez un fichier CSV ou XLSX.",
        "lc_err_unreadable": "Ce fichier ne peut pas être importé\u00a0: {detail}.",
        "lc_err_changed": "Le fichier a changé depuis sa vérification\u00a0: vérifiez-le de "
                          "nouveau.",
        "lc_flash_imported": "Import effectué\u00a0: {create}, {update}, {unchanged}.",
        "lc_flash_warned_one": "{count} ligne importée était signalée à vérifier (rang et "
                               "catégorie, ou prénom et nom)\u00a0: voyez la fiche du membre.",
        "lc_flash_warned_other": "{count} lignes importées étaient signalées à vérifier (rang et "
                                 "catégorie, ou prénom et nom)\u00a0: voyez la fiche des "
                                 "membres.",
        "lc_n_created_one": "{count} création",
        "lc_n_created_other": "{count} créations",
        "lc_n_updated_one": "{count} mise à jour",
        "lc_n_updated_other": "{count} mises à jour",
        "lc_export_csv": "Télécharger les membres (CSV)",
        "lc_export_xlsx": "Télécharger les membres (XLSX)",
        "lc_col_row": "ligne",
        "lc_col_body": "fichier",
        "lc_col_mapping": "correspondance",
        "lc_col_email": "courriel",
        "lc_col_given_name": "prénom",
        "lc_col_family_name": "nom",
        "lc_col_category": "catégorie",
        "lc_col_rank": "rang",
        "lc_col_function": "fonction",
        "lc_col_language": "langue",
        "lc_col_gender": "civilité",
        "lc_col_salutation": "civilité",
        "lc_col_delegation": "délégation",
        "lc_col_delegation_id": "délégation",
        "lc_col_in_office_since": "en fonction depuis",
        "lc_console_nav": "Délégations",
        "lc_quotas_title": "Quotas des délégations",
        "lc_quotas_intro": "Places de chaque délégation par catégorie\u00a0: prises / autorisées. "
                           "Un champ laissé vide suit le quota par défaut de la conférence "
                           "(modifiable avec les échéances).",
        "lc_places": "{used} / {allowed}",
        "lc_own_marker": "*\u00a0: quota propre à la délégation.",
        "lc_over_quota_one": "{count}\u00a0délégation dépasse désormais son quota\u00a0: ses "
                             "membres gardent leur place, mais personne d'autre ne peut y être "
                             "inscrit dans la catégorie concernée.",
        "lc_over_quota_other": "{count}\u00a0délégations dépassent désormais leur quota\u00a0: "
                               "leurs membres gardent leur place, mais personne d'autre ne peut "
                               "y être inscrit dans les catégories concernées.",
        "lc_over_mark": "({n} au-delà du quota)",
        "lc_uncapped": "sans limite",
        "lc_default": "par défaut\u00a0: {value}",
        "lc_save": "Enregistrer",
        "lc_edit_quotas": "Quotas propres à {name}",
        "lc_flash_quotas": "Quotas de {name} enregistrés.",
        "lc_err_quota_value": "Un nombre entier de 0 à 10000, ou vide.",
        "lc_deadlines_title": "Échéances et quotas par défaut",
        "lc_deadlines_intro": "Jusqu'à la clôture des inscriptions, les points focaux inscrivent "
                              "leurs membres\u00a0; jusqu'à la clôture des modifications et "
                              "remplacements, ils modifient un membre encore en attente de "
                              "décision et remplacent un membre. Ensuite, seul le protocole "
                              "agit, avec un motif.",
        "lc_f_nominations_close_at": "Clôture des inscriptions",
        "lc_f_changes_close_at": "Clôture des modifications et remplacements",
        "lc_f_security_list_deadline": "Arrêt de la liste de sécurité",
        "lc_f_press_registration_closes_at": "Clôture des accréditations de presse",
        "lc_warnings_title": "Enregistré, mais à revoir\u00a0:",
        "lc_warnings_title_seen": "À revoir\u00a0:",
        "lc_warn_passed": "{field}\u00a0: le {when}, déjà passé. Les points focaux ne peuvent "
                          "plus rien y faire depuis.",
        "lc_warn_after_conference": "{field}\u00a0: le {when}, après la fin de la conférence, "
                                    "le {other}.",
        "lc_warn_after_changes": "{field}\u00a0: le {when}, après la clôture des modifications "
                                 "et remplacements, le {other}. Un membre inscrit entre les "
                                 "deux ne pourrait plus être remplacé.",
        "lc_warn_before_nominations": "{field}\u00a0: le {when}, avant la clôture des "
                                      "inscriptions, le {other}. Un membre inscrit ensuite ne "
                                      "pourra être ajouté à une séance en présence royale.",
        "lc_warn_before_nominations_open": "{field}\u00a0: le {when}, avant la clôture des "
                                           "inscriptions\u00a0: faute de date, elles se "
                                           "clôturent avec la conférence, le {other}. Un membre "
                                           "inscrit ensuite ne pourra être ajouté à une séance "
                                           "en présence royale.",
        "lc_deadline_hint": "Date et heure de la conférence ({zone}). Vide\u00a0: pas d'échéance.",
        # one sentence: the security list's own words and the deadlines' said "Vide" twice
        "lc_deadline_hint_security": "Date et heure de la conférence ({zone}) après lesquelles "
                                     "personne n'est plus ajouté à une séance en présence "
                                     "royale\u00a0; laissée vide, la liste n'est jamais arrêtée.",
        "lc_default_quotas": "Quotas par défaut (places par délégation)",
        "lc_err_datetime": "Une date et une heure, AAAA-MM-JJ HH:MM.",
        "lc_err_no_such_time": "Cette heure n'existe pas ce jour-là (changement "
                               "d'heure)\u00a0: choisissez-en une autre.",
        "lc_err_changes_before": "Ne peut précéder la clôture des inscriptions.",
        "lc_flash_deadlines": "Échéances et quotas par défaut enregistrés.",
        "lc_announce_title": "Informer les points focaux",
        "lc_announce_text": "Les points focaux ont reçu leur accès à la création de leur "
                            "délégation, souvent avant que les échéances et les quotas soient "
                            "fixés. Envoyez à chacun son message d'accès à nouveau, avec un "
                            "nouveau lien de connexion et les échéances et places de sa "
                            "délégation telles qu'elles sont maintenant.",
        "lc_announce_button": "Envoyer les échéances et les places à tous les points focaux",
        "lc_flash_announced_one": "Échéances et places envoyées à {count}\u00a0point focal "
                                  "({delegations}).",
        "lc_flash_announced_other": "Échéances et places envoyées à {count}\u00a0points focaux "
                                    "({delegations}).",
        "lc_n_delegations_one": "{count}\u00a0délégation",
        "lc_n_delegations_other": "{count}\u00a0délégations",
        "lc_participants_title": "Liste des participants",
        "lc_participants_intro": "Les membres approuvés, délégations dans l'ordre protocolaire, "
                                 "chef de délégation en tête.",
        "lc_download_pdf": "Télécharger en PDF",
        "lc_download_csv": "Télécharger en CSV",
        "lc_participants_none": "Aucun participant approuvé pour l'instant.",
        "lc_head": "chef de délégation",
        "lc_patron": "Sous le haut patronage de {patron}",
        "lc_host": "Hôte",
        "lc_hosts": "Hôtes",
        "lc_statistics_title": "Statistiques",
        "lc_by_category": "Accréditations en cours par catégorie",
        "lc_by_status": "Accréditations par statut",
        "lc_by_country": "Accréditations en cours par pays",
        "lc_by_delegation": "Accréditations en cours par délégation",
        "lc_heads": "Chefs de délégation",
        "lc_funnel": "Accréditations accordées, badges présentés, entrées",
        "lc_count": "Nombre",
        "lc_country": "Pays",
        "lc_no_country": "Sans pays",
        "lc_heads_women": "Femmes",
        "lc_heads_men": "Hommes",
        "lc_heads_not_stated": "Non précisé",
        "lc_funnel_approved": "Accréditation accordée",
        "lc_funnel_badged": "Badge présenté",
        "lc_funnel_checked_in": "Entrés au moins une fois",
        # the delegation import (docs/lifecycle.md, "Importing delegations")
        "di_link": "Importer des délégations depuis un tableur",
        "di_title": "Importer des délégations",
        "di_intro": "Un fichier CSV ou XLSX, une délégation par ligne\u00a0: le pays (son code "
                    "ISO, par exemple BE) ou l'organisation et son type, le point focal (nom, "
                    "adresse électronique, langue) et, si vous le souhaitez, les places de la "
                    "délégation par catégorie (vide\u00a0: celles de la conférence). Les "
                    "en-têtes sont reconnus en français et en anglais.",
        "di_rule": "Une délégation qui existe déjà (même pays, même organisation) n'est pas "
                   "créée une seconde fois\u00a0: ses places sont mises à jour, et une adresse "
                   "qui n'est pas celle d'un de ses points focaux est ajoutée comme point focal. "
                   "Chaque nouveau point focal reçoit son message d'accueil, comme pour une "
                   "délégation créée à la main. Le fichier est importé en entier ou pas du "
                   "tout\u00a0: une seule ligne en erreur, et rien n'est enregistré.",
        "di_template": "Pour commencer, téléchargez les délégations actuelles dans les colonnes "
                       "de l'import\u00a0:",
        "di_download_csv": "Délégations en CSV",
        "di_download_xlsx": "Délégations en XLSX",
        "di_step": "Que faire du fichier\u00a0?",
        "di_step_check": "Vérifier seulement (rien n'est enregistré)",
        "di_step_apply": "Importer (rien n'est enregistré si une ligne est en erreur)",
        "di_submit": "Envoyer le fichier",
        "di_report_title": "Fichier {name}",
        "di_applied": "Fichier importé\u00a0: {create}, {update}, {unchanged}.",
        "di_delegation": "Délégation",
        "di_none": "Aucune délégation dans ce fichier.",
        "di_changed_places": "places modifiées",
        "di_changed_focal_point": "point focal ajouté",
        "di_col_country": "Pays",
        "di_col_organisation": "Organisation",
        "di_col_organisation_type": "Type d'organisation",
        "di_col_focal_point_name": "Nom du point focal",
        "di_col_focal_point_email": "Courriel du point focal",
        "di_col_focal_point_language": "Langue du point focal",
        "di_col_places_minister": "Places ministre",
        "di_col_places_official": "Places fonctionnaire",
        "di_col_places_expert": "Places expert",
        "di_col_places_staff": "Places personnel",
        "di_col_row": "Ligne",
        "di_err_required": "obligatoire",
        "di_err_country_required": "obligatoire (le code ISO du pays, ou le nom de "
                                   "l'organisation dans la colonne «\u00a0Organisation\u00a0»)",
        "di_err_both": "une ligne donne un pays ou une organisation, pas les deux",
        "di_err_country": "code de pays ISO inconnu (par exemple BE, FR)",
        "di_err_invalid": "valeur non valide",
        "di_err_email": "adresse électronique non valide",
        "di_err_too_long": "trop long ({max}\u00a0caractères au plus)",
        "di_err_not_a_label_organisation_type": "valeur inconnue (international_organisation, "
                                                "eu_agency, ngo, academia, private_sector, ou "
                                                "organisation internationale, agence de l'UE, "
                                                "ONG, monde académique, secteur privé)",
        "di_err_not_a_label_focal_point_language": "fr ou en (français, anglais)",
        "di_err_places": "un nombre entier de places, de 0 à 10\u00a0000 (vide\u00a0: celles de "
                         "la conférence)",
        "di_err_twice": "déjà à la ligne {row}",
        "di_err_exists": "cette délégation existe déjà",
        "di_err_conference_language": "la conférence n'utilise pas cette langue",
        "di_err_fixed": "diffère de celui de la délégation ({type})\u00a0; un import ne le "
                        "change pas",
        "di_file_no_header": "aucune ligne d'en-tête dans les lignes 1 à {rows}\u00a0: nommez "
                             "les colonnes Pays (ou Organisation), Nom du point focal et "
                             "Courriel du point focal",
        "di_file_no_rows": "le fichier n'a que sa ligne d'en-tête\u00a0: aucune délégation en "
                           "dessous",
        "di_file_empty": "le fichier est vide",
        "di_file_too_many_rows": "plus de {max}\u00a0lignes",
        "di_file_not_xlsx": "ce n'est pas un fichier XLSX lisible",
        "di_file_not_csv": "ce n'est pas un fichier CSV lisible",
    },
    "en": {
        "lc_links_title": "Managing the delegation",
        "lc_substitute_title": "Substitute a member",
        "lc_substitute_intro": "The new person takes the place of the member replaced: their "
                               "category, their place in the quota and their sessions. The "
                               "replaced member's badge is refused at the door from the moment "
                               "you confirm.",
        "lc_changes_close": "Substitutions possible until",
        "lc_f_member": "Member replaced",
        "lc_new_person": "The new person",
        "lc_f_rank_hint": "Leave empty: the rank and function of the member replaced.",
        "lc_f_function_hint": "Leave empty: the function of the member replaced, word for word. "
                              "Check it where the title has a gender (Directrice, Directeur).",
        "lc_f_function_lang_hint": "Leave empty: the member replaced's while the function "
                                   "stays theirs, none otherwise.",
        "lc_f_function_hint_console": "The function of the member replaced, filled in: it is "
                                      "kept as written unless you change it. Check it where "
                                      "the title has a gender (Directrice, Directeur).",
        "lc_f_function_hint_console_none": "The member replaced has no function on record: "
                                           "give the new person's, if they have one.",
        "lc_confirm_function_kept": "{new} will be listed with the function of the member "
                                    "replaced, as written: “{function}”. If it does not fit, "
                                    "change it before confirming.",
        "lc_f_reason": "Reason",
        "lc_substitute_button": "Review the substitution",
        "lc_substitute_steps": "A confirmation page follows: nothing is saved until you confirm "
                               "the substitution.",
        "lc_confirm_title": "Confirm the substitution",
        "lc_confirm_who": "{new} will replace {old}.",
        "lc_confirm_nothing_yet": "Nothing is saved yet: check what follows, then confirm.",
        "lc_confirm_effects": "Once you confirm",
        "lc_confirm_visa_approved": "Visa invitation letter no. {number} of {old} is cancelled: "
                                    "it is no longer valid for the consulate. {new} can request "
                                    "one in their own name.",
        "lc_confirm_visa_requested": "The request for a visa invitation letter for {old} is "
                                     "closed. {new} can request one in their own name.",
        "lc_confirm_old_approved": "{old}'s accreditation is cancelled: their badge is refused "
                                   "at every door and their invitations to sessions are "
                                   "removed from their calendar.",
        "lc_confirm_old_badge": "If a badge was already printed for {old}, it is to be handed "
                                "back at the desk, which destroys it.",
        "lc_confirm_old_pending": "{old}'s application is closed: it can no longer be "
                                  "approved.",
        "lc_confirm_place": "{new} takes {old}'s place: the same category, the same place in "
                            "the delegation's quota, the same roles in the sessions.",
        "lc_confirm_examined": "{new}'s application is then examined by the protocol "
                               "service like any other: no badge until it is approved.",
        "lc_confirm_focal": "The delegation's focal points are told by mail, with a link to "
                            "the new member's page in their portal.",
        "lc_confirm_mail": "A mail tells {old} of the substitution; {new} receives the "
                           "acknowledgement of their application by mail, with their private "
                           "link.",
        "lc_confirm_final": "A substitution is final: it cannot be undone. Going back would "
                            "take a new application in {old}'s name.",
        "lc_confirm_details": "What you entered",
        "lc_confirm_inherited": "as the member replaced",
        "lc_confirm_inherited_function": "as the member replaced, word for word; adjust a "
                                         "title that has a gender, Directrice or Directeur",
        "lc_confirm_button": "Confirm the substitution",
        "lc_edit_button": "Change",
        "lc_err_changes_closed": "Substitutions closed on {date}: only the protocol service "
                                 "may replace a member now.",
        "lc_err_pick_member": "Choose the member to replace.",
        "lc_err_nominations_closed": "Nominations closed on {date}: only the protocol service "
                                     "may add or edit members now.",
        "lc_err_already_replaced": "{new} has already taken {old}'s place: nothing more was "
                                   "done.",
        "lc_err_not_substitutable": "This member can no longer be replaced (status: {status}).",
        "lc_err_reason_required": "Give the reason: substitutions are closed.",
        "lc_no_members": "No member can be replaced yet.",
        "lc_flash_substituted": "Substitution recorded: {new} replaces {old}. A mail tells "
                                "{old} so.",
        "lc_yes": "Yes",
        "lc_confirm_approve": "Approved at once",
        "lc_f_approve": "Approve the new person at once (their badge and the invitations to "
                        "the sessions follow)",
        "lc_console_substitute_title": "Substitute this member",
        "lc_console_substitute_intro": "To put another person in this member's place (a "
                                       "minister prevented, replaced by a deputy): they take "
                                       "the category, the place in the delegation's quota, the "
                                       "sessions and the role. This member's badge is refused "
                                       "at the door from the moment you confirm.",
        "lc_f_reason_hint_closed": "Required: substitutions closed on {date}. The reason stays "
                                   "in the history.",
        "lc_f_reason_seen": "The delegation's focal point sees this reason, in the member's "
                            "history.",
        "lc_confirm_approved": "{new} is approved at once: a badge in their name, opening the "
                               "same zones, and the invitations to the published sessions "
                               "their place calls them to.",
        "lc_confirm_approved_vetted": "{new} is approved at once: the invitations to the "
                                      "published sessions their place calls them to, then a "
                                      "badge in their name, opening the same zones, once the "
                                      "security clearance is granted (below).",
        "lc_confirm_mail_approved": "A mail tells {old} of the substitution; {new} receives "
                                    "the approval letter by mail, with their private link, "
                                    "where their badge will be, then one invitation per "
                                    "session.",
        "lc_confirm_parts": "{new} takes {old}'s part on {sessions}: the invitation as such "
                            "goes out when the protocol service next publishes the programme.",
        "lc_confirm_part": "“{session}” ({role})",
        "lc_confirm_royal_participant": "The security list of the session “{session}” has "
                                        "been frozen since {date}: {new} will be on it as an "
                                        "addition after the freeze; send the list as it is "
                                        "then to the Royal Household and the police.",
        "lc_confirm_royal_audience": "The security list of the session “{session}” has been "
                                     "frozen since {date}: {new} will not be on it. The royal "
                                     "perimeter's door will not let them in, and no "
                                     "invitation to that session will be sent to them.",
        "lc_confirm_clearance": "The category “{category}” needs security clearance: no badge "
                                "for {new} until the security service grants it.",
        "lc_err_substitute_reason": "Give the reason: substitutions closed on {date}; protocol "
                                    "still substitutes, with a reason.",
        "lc_err_substitute_approve": "Only the substitute of an approved member is approved "
                                     "at once (the member's status: {status}).",
        "lc_err_substitute_quota_one": "The delegation's quota is reached: {count} of "
                                       "{allowed} places taken.",
        "lc_err_substitute_quota_other": "The delegation's quota is reached: {count} of "
                                         "{allowed} places taken.",
        "lc_import_title": "Import members",
        "lc_import_intro": "A CSV or XLSX file, one person per row. Columns are recognised by "
                           "their header, in English or French: email, given name, family "
                           "name, category, rank, function, language, salutation, delegation, "
                           "in office since. A person already registered is recognised by "
                           "their email address.",
        "lc_import_required": "Each row gives at least the email, the given name, the family "
                              "name and the category, and for a minister or an official also "
                              "the rank and the function. The registration form's labels "
                              "(“Protocol rank”, “Language for correspondence”…) are read as "
                              "headers too.",
        "lc_import_steps": "Check the file first: nothing is saved until you confirm the "
                           "import.",
        "lc_f_file": "File (CSV or XLSX)",
        "lc_f_delegation": "Delegation",
        "lc_each_row": "Each row's own (the “delegation” column)",
        "lc_delegation_hint": "The delegation of every row of the file. “Each row's own” "
                              "needs a “delegation” column.",
        "lc_check_button": "Check the file",
        "lc_apply_button_one": "Import this row",
        "lc_apply_button_other": "Import these {count} rows",
        "lc_preview_title": "Check of the file {name}",
        "lc_preview_errors_one": "{count} row with errors: correct the file and check it "
                                 "again. Nothing was saved.",
        "lc_preview_errors_other": "{count} rows with errors: correct the file and check it "
                                   "again. Nothing was saved.",
        "lc_preview_nothing_one": "Nothing to import: the row is the same as what is already "
                                  "saved.",
        "lc_preview_nothing_other": "Nothing to import: the {count} rows are the same as what "
                                    "is already saved.",
        "lc_preview_ok": "No errors: {create}, {update}, {unchanged}. Nothing is saved yet.",
        "lc_n_create_one": "{count} to create",
        "lc_n_create_other": "{count} to create",
        "lc_n_update_one": "{count} to update",
        "lc_n_update_other": "{count} to update",
        "lc_n_unchanged_one": "{count} unchanged",
        "lc_n_unchanged_other": "{count} unchanged",
        "lc_row": "Row",
        "lc_who": "Person",
        "lc_outcome": "Outcome",
        "lc_details": "Details",
        "lc_outcome_create": "create",
        "lc_outcome_update": "update",
        "lc_outcome_unchanged": "unchanged",
        "lc_outcome_error": "error",
        "lc_changed": "changed: {fields}",
        "lc_err_quota_one": "“{category}” quota reached ({used} of {allowed} place taken)",
        "lc_err_quota_other": "“{category}” quota reached ({used} of {allowed} places taken)",
        "lc_err_quota_file_one": "“{category}” quota reached ({used} of {allowed} place taken, "
                                 "by a row of this file)",
        "lc_err_quota_file_other": "“{category}” quota reached ({used} of {allowed} places "
                                   "taken, {in_file} of them by this file)",
        "lc_quota_way": "Some rows go beyond their category's quota. For one more place, "
                        "contact the protocol service ({email}); otherwise, remove those rows "
                        "from the file or change their category.",
        "lc_err_required": "required",
        "lc_err_formula": "the cell holds a formula with no saved value: save the file in "
                          "Excel or LibreOffice so that its values are kept, or type the value",
        "lc_err_label": "unknown value; give one of: {labels}",
        "lc_err_twice": "the same address is already on row {row}",
        "lc_err_other_delegation": "this address cannot be used for a new application; "
                                   "please contact the protocol service",
        "lc_err_press": "this person is accredited as press",
        "lc_err_status": "this person's accreditation is {status}",
        "lc_err_decided": "this person's accreditation is {status}: it can no longer be "
                          "changed; substitute the person or ask the protocol service",
        "lc_err_staff": "staff are accredited by the organisers",
        "lc_err_own_delegation": "a focal point imports into their own delegation only",
        "lc_err_required_for": "required for the category {category}",
        "lc_err_date": "a date: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY",
        "lc_err_no_such_date": "not a real date ({day} {month})",
        "lc_err_no_such_month": "not a real date (no such month)",
        "lc_err_language": "correspondence is in French or English only; give one of: {labels}",
        "lc_err_delegation_required": "required (the country's name or ISO code, or the "
                                      "organisation's name)",
        "lc_err_no_delegation": "no delegation “{delegation}” in this conference",
        "lc_err_missing_column": "no “{column}” column in the header row",
        "lc_err_named_twice": "two columns for “{column}”: “{first}” and “{second}”",
        "lc_err_unknown_column": "the mapping names an unknown column, “{column}”",
        "lc_err_mapping": "the mapping must be a JSON object (header as written → column)",
        "lc_err_empty": "the file is empty",
        "lc_err_no_header": "no header row in rows 1 to {rows}: the columns email, given name, "
                            "family name and category (or courriel, prénom, nom, catégorie) "
                            "must be named in a header row, above the members",
        "lc_err_no_rows": "the file has its header row only: no member under it",
        "lc_err_too_many_rows": "more than {max} rows",
        "lc_err_not_a_table": "send a CSV or XLSX file",
        "lc_err_not_csv": "not a readable CSV file",
        "lc_err_not_xlsx": "not a readable XLSX file",
        "lc_err_no_such_delegation": "no such delegation in this conference",
        "lc_err_no_delegation_column": "it has no “delegation” column; choose the delegation "
                                       "of all its rows (or add the column)",
        "lc_f_file_hint": "CSV or XLSX, at most {size}.",
        "lc_err_too_large": "The file is larger than {size}.",
        "lc_warn_columns": "Some of the file's columns are not imported:",
        "lc_warn_unknown_column": "Unrecognised column: “{header}” (ignored).",
        "lc_warn_did_you_mean": "Did you mean “{suggestion}”?",
        "lc_warn_rows": "Some rows need a second look (they will be imported as they are):",
        "lc_warn_row": "Row {row}, {name}: {warning}",
        "lc_row_warn_fit": "to check: rank and category (see above)",
        "lc_row_warn_names": "to check: given and family name swapped? (see above)",
        "lc_row_warn_capitals": "to check: name in capitals (see above)",
        "lc_warn_capitals_family_name": "the family name “{name}” is all in capitals, and "
                                        "letters and lists print names as typed (“Dear Ms "
                                        "ĆOSIĆ”): write it as it is spelt, capitals at the "
                                        "start only (“Ćosić”)",
        "lc_warn_capitals_given_name": "the given and family names are all in capitals, and "
                                       "letters and lists print names as typed (“Dear Mr "
                                       "DUPONT”): write them as they are spelt, capitals at "
                                       "the start only (“Jean-Baptiste Dupont”)",
        "lc_warn_fit_category": "the rank “{rank}” is a ministerial rank, but the category is "
                                "“{category}”; a person of ministerial rank is accredited in "
                                "the category “Minister”: check the category.",
        "lc_warn_fit_rank": "the category “Minister” with the rank “{rank}”; an official or an "
                            "expert is accredited in the category “Official” or “Expert”: "
                            "check the rank and the category.",
        "lc_warn_names_swapped": "the given name “{given_name}” is in capitals, as family names "
                                 "usually are: are the given name and the family name swapped?",
        "lc_err_file": "Choose a CSV or XLSX file.",
        "lc_err_unreadable": "This file cannot be imported: {detail}.",
        "lc_err_changed": "The file changed since it was checked: check it again.",
        "lc_flash_imported": "Import done: {create}, {update}, {unchanged}.",
        "lc_flash_warned_one": "{count} imported row was flagged for a second look (rank and "
                               "category, or given and family name): see the member's page.",
        "lc_flash_warned_other": "{count} imported rows were flagged for a second look (rank "
                                 "and category, or given and family name): see the members' "
                                 "pages.",
        "lc_n_created_one": "{count} created",
        "lc_n_created_other": "{count} created",
        "lc_n_updated_one": "{count} updated",
        "lc_n_updated_other": "{count} updated",
        "lc_export_csv": "Download the members (CSV)",
        "lc_export_xlsx": "Download the members (XLSX)",
        "lc_col_row": "row",
        "lc_col_body": "file",
        "lc_col_mapping": "mapping",
        "lc_col_email": "email",
        "lc_col_given_name": "given name",
        "lc_col_family_name": "family name",
        "lc_col_category": "category",
        "lc_col_rank": "rank",
        "lc_col_function": "function",
        "lc_col_language": "language",
        "lc_col_gender": "salutation",
        "lc_col_salutation": "salutation",
        "lc_col_delegation": "delegation",
        "lc_col_delegation_id": "delegation",
        "lc_col_in_office_since": "in office since",
        "lc_console_nav": "Delegations",
        "lc_quotas_title": "Delegation quotas",
        "lc_quotas_intro": "Each delegation's places by category: taken / allowed. A field left "
                           "empty follows the conference's default quota (edited with the "
                           "deadlines).",
        "lc_places": "{used} / {allowed}",
        "lc_own_marker": "*: the delegation's own quota.",
        "lc_over_quota_one": "{count} delegation is now over its quota: its members keep their "
                             "places, but no one else can be filed in the category concerned.",
        "lc_over_quota_other": "{count} delegations are now over their quota: their members keep "
                               "their places, but no one else can be filed in the categories "
                               "concerned.",
        "lc_over_mark": "({n} over the quota)",
        "lc_uncapped": "no limit",
        "lc_default": "default: {value}",
        "lc_save": "Save",
        "lc_edit_quotas": "Quotas of {name}",
        "lc_flash_quotas": "Quotas of {name} saved.",
        "lc_err_quota_value": "A whole number from 0 to 10000, or empty.",
        "lc_deadlines_title": "Deadlines and default quotas",
        "lc_deadlines_intro": "Until nominations close, focal points register their members; "
                              "until changes and substitutions close, they edit a member still "
                              "waiting for the decision and replace a member. Afterwards only "
                              "protocol acts, with a reason.",
        "lc_f_nominations_close_at": "Nominations close",
        "lc_f_changes_close_at": "Changes and substitutions close",
        "lc_f_security_list_deadline": "Security list deadline",
        "lc_f_press_registration_closes_at": "Press registration closes",
        "lc_warnings_title": "Saved, but worth a second look:",
        "lc_warnings_title_seen": "Worth a second look:",
        "lc_warn_passed": "{field}: {when}, already past. Focal points can no longer do what it "
                          "closes.",
        "lc_warn_after_conference": "{field}: {when}, after the conference ends on {other}.",
        "lc_warn_after_changes": "{field}: {when}, after changes and substitutions close on "
                                 "{other}. A member registered in between could no longer be "
                                 "replaced.",
        "lc_warn_before_nominations": "{field}: {when}, before nominations close on {other}. A "
                                      "member registered later cannot be added to a "
                                      "royal-presence session.",
        "lc_warn_before_nominations_open": "{field}: {when}, before nominations close: with no "
                                           "date set, they close with the conference on "
                                           "{other}. A member registered later cannot be added "
                                           "to a royal-presence session.",
        "lc_deadline_hint": "Date and time at the conference ({zone}). Empty: no deadline.",
        "lc_deadline_hint_security": "Date and time at the conference ({zone}) after which "
                                     "nobody is added to a royal-presence session; left "
                                     "empty, the list is never frozen.",
        "lc_default_quotas": "Default quotas (places per delegation)",
        "lc_err_datetime": "A date and a time, YYYY-MM-DD HH:MM.",
        "lc_err_no_such_time": "This time does not exist on that day (the clocks "
                               "change): choose another.",
        "lc_err_changes_before": "Cannot be before nominations close.",
        "lc_flash_deadlines": "Deadlines and default quotas saved.",
        "lc_announce_title": "Tell the focal points",
        "lc_announce_text": "The focal points received their access when their delegation was "
                            "created, often before the deadlines and quotas were set. Mail "
                            "each their access letter again, with a new sign-in link and their "
                            "delegation's deadlines and places as they now stand.",
        "lc_announce_button": "Mail the deadlines and places to every focal point",
        "lc_flash_announced_one": "Deadlines and places mailed to {count} focal point "
                                  "({delegations}).",
        "lc_flash_announced_other": "Deadlines and places mailed to {count} focal points "
                                    "({delegations}).",
        "lc_n_delegations_one": "{count} delegation",
        "lc_n_delegations_other": "{count} delegations",
        "lc_participants_title": "List of participants",
        "lc_participants_intro": "The approved members, delegations in order of precedence, "
                                 "heads of delegation first.",
        "lc_download_pdf": "Download as PDF",
        "lc_download_csv": "Download as CSV",
        "lc_participants_none": "No approved participant yet.",
        "lc_head": "head of delegation",
        "lc_patron": "Under the high patronage of {patron}",
        "lc_host": "Host",
        "lc_hosts": "Hosts",
        "lc_statistics_title": "Statistics",
        "lc_by_category": "Live accreditations by category",
        "lc_by_status": "Accreditations by status",
        "lc_by_country": "Live accreditations by country",
        "lc_by_delegation": "Live accreditations by delegation",
        "lc_heads": "Heads of delegation",
        "lc_funnel": "Approved, badges presented, checked in",
        "lc_count": "Count",
        "lc_country": "Country",
        "lc_no_country": "No country",
        "lc_heads_women": "Women",
        "lc_heads_men": "Men",
        "lc_heads_not_stated": "Not stated",
        "lc_funnel_approved": "Approved",
        "lc_funnel_badged": "Badge presented",
        "lc_funnel_checked_in": "Admitted at least once",
        # the delegation import (docs/lifecycle.md, "Importing delegations")
        "di_link": "Import delegations from a spreadsheet",
        "di_title": "Import delegations",
        "di_intro": "A CSV or XLSX file, one delegation per row: the country (its ISO code, e.g. "
                    "BE) or the organisation and its type, the focal point (name, email address, "
                    "language) and, if you wish, the delegation's places by category (empty: the "
                    "conference's). Headers are recognised in English and French.",
        "di_rule": "A delegation that already exists (same country, same organisation) is not "
                   "created again: its places are updated, and an address that is not one of its "
                   "focal points' is added as a focal point. Each new focal point gets their "
                   "welcome mail, as for a delegation created by hand. The file is imported "
                   "whole or not at all: one row with an error, and nothing is saved.",
        "di_template": "To start, download the current delegations in the import's columns:",
        "di_download_csv": "Delegations as CSV",
        "di_download_xlsx": "Delegations as XLSX",
        "di_step": "What to do with the file?",
        "di_step_check": "Check only (nothing is saved)",
        "di_step_apply": "Import (nothing is saved if a row has an error)",
        "di_submit": "Send the file",
        "di_report_title": "File {name}",
        "di_applied": "File imported: {create}, {update}, {unchanged}.",
        "di_delegation": "Delegation",
        "di_none": "No delegation in this file.",
        "di_changed_places": "places changed",
        "di_changed_focal_point": "focal point added",
        "di_col_country": "Country",
        "di_col_organisation": "Organisation",
        "di_col_organisation_type": "Organisation type",
        "di_col_focal_point_name": "Focal point name",
        "di_col_focal_point_email": "Focal point email",
        "di_col_focal_point_language": "Focal point language",
        "di_col_places_minister": "Places minister",
        "di_col_places_official": "Places official",
        "di_col_places_expert": "Places expert",
        "di_col_places_staff": "Places staff",
        "di_col_row": "Row",
        "di_err_required": "required",
        "di_err_country_required": "required (the country's ISO code, or the organisation's name "
                                   "in the Organisation column)",
        "di_err_both": "a row gives a country or an organisation, not both",
        "di_err_country": "unknown ISO country code (e.g. BE, FR)",
        "di_err_invalid": "invalid value",
        "di_err_email": "not a valid email address",
        "di_err_too_long": "too long (at most {max} characters)",
        "di_err_not_a_label_organisation_type": "unknown value (international_organisation, "
                                                "eu_agency, ngo, academia, private_sector, or "
                                                "international organisation, EU agency, NGO, "
                                                "academia, private sector)",
        "di_err_not_a_label_focal_point_language": "fr or en (French, English)",
        "di_err_places": "a whole number of places from 0 to 10,000 (empty: the conference's)",
        "di_err_twice": "also on row {row}",
        "di_err_exists": "this delegation already exists",
        "di_err_conference_language": "the conference does not use this language",
        "di_err_fixed": "differs from the delegation's ({type}); an import does not change it",
        "di_file_no_header": "no header row in rows 1 to {rows}: name the columns Country (or "
                             "Organisation), Focal point name and Focal point email",
        "di_file_no_rows": "the file has its header row only: no delegation under it",
        "di_file_empty": "the file is empty",
        "di_file_too_many_rows": "more than {max} rows",
        "di_file_not_xlsx": "not a readable XLSX file",
        "di_file_not_csv": "not a readable CSV file",
    },
}
