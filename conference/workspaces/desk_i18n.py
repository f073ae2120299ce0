"""The strings of the console's accreditations, delegations, publication preview and webhooks
pages, and of the press desk's pools page, in French and English (merged into the workspaces'
own, after the console's)."""

from __future__ import annotations

DESK: dict[str, dict[str, str]] = {
    "fr": {
        "acc_title": "Accréditations",
        "acc_search": "Rechercher (nom, adresse, média)",
        "acc_delegation": "Délégation",
        "acc_count_one": "{count} accréditation",
        "acc_count_other": "{count} accréditations",
        "acc_empty": "Aucune accréditation ne correspond.",
        "acc_pages": "Pages",
        "acc_prev": "Page précédente",
        "acc_next": "Page suivante",
        "acc_page_of": "Page {page} sur {pages}",
        "acc_on_press_desk": "Décider au bureau de presse",
        "console_all_accreditations": "Toutes les accréditations",
        "deleg_title": "Délégations",
        "deleg_focal_points": "Points focaux",
        "deleg_no_head": "Sans chef de délégation",
        "deleg_resend": "Renvoyer le courriel d'accueil à ce point focal",
        "deleg_resend_to": "Renvoyer le courriel d'accueil à ce point focal ({name})",
        "deleg_add_fp": "Ajouter un point focal",
        "deleg_add_fp_button": "Ajouter",
        "deleg_fp_name": "Nom du point focal",
        "deleg_fp_email": "Adresse électronique du point focal",
        "deleg_fp_language": "Langue du point focal (courriel d'accueil et espace)",
        "deleg_empty": "Aucune délégation pour l'instant.",
        "deleg_new": "Nouvelle délégation",
        "deleg_kind": "Type de délégation",
        "deleg_kind_country": "Un pays",
        "deleg_kind_organisation": "Une organisation",
        "deleg_country": "Pays",
        "deleg_for_country": "pour un pays",
        "deleg_org_name": "Nom de l'organisation",
        "deleg_org_type": "Type d'organisation",
        "deleg_for_org": "pour une organisation",
        "deleg_create": "Créer la délégation",
        "err_deleg_kind": "Choisissez un pays ou une organisation.",
        "err_deleg_exists": "Cette conférence a déjà cette délégation.",
        "err_fp_exists": "Cette adresse est déjà celle d'un point focal de la délégation.",
        "err_fp_language": "Choisissez l'une des langues de la conférence.",
        "err_write_reason": "Écrivez le motif.",
        "flash_delegation_created": "Délégation créée\u00a0: {name}. Le point focal reçoit un "
                                    "courriel d'accueil.",
        "flash_delegation_focal_point": "Point focal ajouté\u00a0: il reçoit un courriel "
                                        "d'accueil.",
        "flash_delegation_welcome": "Le courriel d'accueil, avec un nouveau lien de connexion, "
                                    "est envoyé.",
        "flash_delegation_welcome_to": "Le courriel d'accueil, avec un nouveau lien de "
                                       "connexion, est envoyé à {name}.",
        "org_type_international_organisation": "Organisation internationale",
        "org_type_eu_agency": "Agence de l'UE",
        "org_type_ngo": "ONG",
        "org_type_academia": "Monde académique",
        "org_type_private_sector": "Secteur privé",
        "publish_title": "Publier le programme",
        "console_publish": "Publier (aperçu)",
        "publish_clearance_refused": "Habilitation de sécurité refusée pour une présidence "
                                     "ou un orateur de séances à publier\u00a0:",
        "publish_clearance_refused_text": "La publication les garde sur la séance (ils ne "
                                          "reçoivent pas d'invitation et aucune porte ne les "
                                          "admettra)\u00a0: retirez-les d'abord de la séance "
                                          "si le protocole en décide ainsi.",
        "publish_latest": "Dernière version publiée\u00a0: {version}.",
        "publish_nothing": "Rien n'a changé depuis la dernière version publiée\u00a0: rien à "
                           "publier.",
        "publish_changes": "Changements de la version {version}",
        "publish_messages": "Ce que la publication enverra",
        "publish_kind": "Message",
        "publish_kind_invitation": "Invitations",
        "publish_kind_update": "Mises à jour",
        "publish_kind_cancellation": "Annulations",
        "publish_sample": "Exemple – {kind}",
        "publish_sample_text": "Texte du message",
        "publish_sample_ics": "Objet calendrier (iCalendar)",
        "publish_confirm_one": "Publier la version {version} enverra {count} message.",
        "publish_confirm_other": "Publier la version {version} enverra {count} messages.",
        "publish_button": "Publier la version {version}",
        "publish_err_no_preview": "Publiez depuis l'aperçu.",
        "publish_err_stale": "Le programme a changé depuis votre aperçu. Voici l'aperçu à "
                             "jour\u00a0: vérifiez-le et publiez à nouveau.",
        "flash_published": "Version {version} publiée\u00a0: les messages partent.",
        "change_added": "Ajoutée",
        "change_moved": "Déplacée",
        "change_re_roomed": "Changement de salle",
        "change_renamed": "Renommée",
        "change_cancelled": "Annulée",
        "change_details_changed": "Modifiée",
        "change_participants_added_one": "{count} participant ajouté",
        "change_participants_added_other": "{count} participants ajoutés",
        "change_participants_removed_one": "{count} participant retiré",
        "change_participants_removed_other": "{count} participants retirés",
        "change_participants_changed_one": "{count} participant change de rôle",
        "change_participants_changed_other": "{count} participants changent de rôle",
        "field_kind": "type",
        "field_press_access": "accès de la presse",
        "field_audience": "public",
        "field_royal_presence": "présence royale",
        "webhooks_title": "Webhooks",
        "webhooks_intro": "Les adresses qui reçoivent les événements de la conférence, signés "
                          "(HMAC-SHA256). Les créer\u00a0: l'API.",
        "webhooks_url": "Adresse",
        "webhooks_events": "Événements",
        "webhooks_created": "Créé le",
        "webhooks_delete": "Supprimer",
        "webhooks_none": "Aucun webhook.",
        "flash_webhook_deleted": "Webhook supprimé\u00a0; ses envois en attente sont annulés.",
        # the press desk's pools page (docs/workspaces.md, "Press pools")
        "pools_title": "Pools de presse",
        "pools_link": "Gérer les pools de presse",
        "pools_intro": "Un pool est un petit groupe de journalistes qui couvre une séance "
                       "réservée au pool pour les autres. Une zone peut admettre les membres "
                       "d'un pool. Un journaliste fait partie d'un seul pool au plus.",
        "pools_none": "Aucun pool pour l'instant.",
        "pools_count_one": "{count}\u00a0membre",
        "pools_count_other": "{count}\u00a0membres",
        "pools_remove": "Retirer",
        "pools_remove_label": "Retirer {name} du pool {pool}",
        "pools_f_member": "Journaliste accrédité à ajouter au pool {pool}",
        "pools_add": "Ajouter",
        "pools_no_candidates": "Aucun journaliste accrédité hors pool à ajouter.",
        "pools_clearance_refused": "habilitation refusée\u00a0: pas de badge",
        "pools_clearance_awaited": "habilitation attendue\u00a0: pas encore de badge",
        "pools_create_title": "Créer un pool",
        "pools_f_name": "Nom du pool",
        "pools_create": "Créer le pool",
        "pools_flash_created": "Pool créé.",
        "pools_flash_added": "{name} fait désormais partie du pool.",
        "pools_flash_removed": "{name} ne fait plus partie du pool.",
        "pools_err_name": "Donnez un nom au pool (200\u00a0caractères au plus, sur une ligne).",
        "pools_err_taken": "Un pool porte déjà ce nom\u00a0: choisissez-en un autre.",
        "pools_err_choose": "Choisissez un journaliste.",
        "pools_err_clearance_refused": "L'habilitation de sécurité de ce journaliste a été "
                                       "refusée\u00a0: il n'est ni invité ni admis, et ne "
                                       "peut rejoindre aucun pool.",
        "pools_err_not_approved": "Ce journaliste n'est pas accrédité (demande refusée, "
                                  "retirée ou révoquée)\u00a0: il ne peut rejoindre aucun "
                                  "pool.",
        "pools_err_not_press": "Choisissez un journaliste accrédité de cette conférence.",
        "pools_err_other_pool": "Ce journaliste fait déjà partie du pool {pool}\u00a0: "
                                "retirez-le d'abord de ce pool.",
        "pools_err_other_pool_unnamed": "Ce journaliste fait déjà partie d'un autre "
                                        "pool\u00a0: retirez-le d'abord de ce pool.",
        "pools_member_of": "Pool",
        "pools_in_none": "Dans aucun pool",
        "pools_candidate_awaited": "habilitation en attente",
        "pools_candidate_cleared": "habilitation accordée",
        "pools_sessions_title": "Séances couvertes",
        "pools_sessions_none": "Ce pool ne couvre aucune séance : ses membres ne sont "
                               "invités à aucune par le pool.",
        "pools_sessions_hint": "Les membres du pool reçoivent l'invitation d'agenda des séances "
                               "qu'il couvre, et son annulation quand ils quittent le pool ou "
                               "que la séance n'est plus couverte.",
        "pools_session_unlink": "Ne plus couvrir",
        "pools_session_unlink_label": "Ne plus couvrir {session} avec le pool {pool}",
        "pools_session_not_invited": "membres non invités : la séance n'est plus "
                                     "réservée au pool ni à une séance photo",
        "pools_session_cancelled": "séance annulée",
        "pools_f_session": "Séance que le pool {pool} couvre",
        "pools_cover": "Couvrir",
        "pools_no_sessions": "Aucune autre séance réservée au pool ou à une séance photo à "
                             "couvrir.",
        "pools_flash_linked": "Le pool couvre désormais {name}.",
        "pools_flash_unlinked": "Le pool ne couvre plus {name}.",
        "pools_err_choose_session": "Choisissez une séance.",
        "pools_err_session_access": "Cette séance n'est pas réservée au pool ni à une séance "
                                    "photo : un pool ne la couvre pas.",
        "pools_err_session_other": "Choisissez une séance de cette conférence.",
        "pools_err_session_cancelled": "Cette séance est annulée : un pool ne la couvre "
                                       "pas.",
        # letters not delivered (docs/workspaces.md, "Letters not delivered")
        "undelivered_mark": "Lettre non distribuée",
        "undelivered_filter": "Lettres non distribuées",
        "undelivered_filter_hint": "seulement les demandes de cet onglet dont une lettre "
                                   "n'est pas parvenue au journaliste",
        "undelivered_elsewhere_one": "{count} autre demande dans les autres onglets\u00a0: "
                                     "voir toutes les lettres non distribuées",
        "undelivered_elsewhere_other": "{count} autres demandes dans les autres onglets\u00a0: "
                                       "voir toutes les lettres non distribuées",
        "undelivered_title": "Lettres non distribuées",
        "undelivered_intro": "Ces lettres ne sont pas parvenues à {name}\u00a0: le journaliste "
                             "ignore ce qu'elles disaient.",
        "undelivered_written": "rédigée le {when}",
        "undelivered_reply": "Réponse du serveur de messagerie\u00a0: {reply}",
        "undelivered_reason_refused": "Le serveur de messagerie a refusé l'adresse {email}.",
        "undelivered_reason_deferred": "Le serveur de messagerie a différé la lettre à chaque "
                                       "essai\u00a0; les envois ont cessé.",
        "undelivered_reason_unreachable": "Le serveur de messagerie est resté injoignable à "
                                          "chaque essai\u00a0; les envois ont cessé.",
        "undelivered_reason_address": "L'adresse enregistrée, {email}, ne permet pas "
                                      "d'envoyer un courriel.",
        "undelivered_reason_unbuildable": "La lettre n'a pas pu être rédigée avec les données "
                                          "enregistrées (un nom ou une adresse qu'un courriel "
                                          "ne peut pas porter).",
        "undelivered_reason_other": "La lettre n'a pas pu être envoyée.",
        "undelivered_todo": "Que faire\u00a0: appelez le journaliste, ou joignez-le par son "
                            "média, pour lui dire ce que disait la lettre et vérifier avec lui "
                            "l'adresse qu'il a donnée. Une fois l'adresse ou le serveur "
                            "corrigé, le service du protocole peut renvoyer la lettre depuis la "
                            "page des opérations.",
        "letter_press_ack": "Accusé de réception de la demande",
        "letter_decision_approved": "Décision\u00a0: accréditation accordée",
        "letter_decision_rejected": "Décision\u00a0: demande refusée",
        "letter_decision_waitlisted": "Décision\u00a0: inscription sur la liste d'attente",
        "letter_revoked": "Retrait de l'accréditation",
        "letter_information_requested": "Demande d'informations complémentaires",
        "letter_link": "Nouveau lien vers la demande",
        "letter_withdrawn": "Confirmation du retrait",
        "letter_invitation": "Invitation à une séance",
        "letter_other": "Un courrier",
    },
    "en": {
        "acc_title": "Accreditations",
        "acc_search": "Search (name, address, outlet)",
        "acc_delegation": "Delegation",
        "acc_count_one": "{count} accreditation",
        "acc_count_other": "{count} accreditations",
        "acc_empty": "No accreditation matches.",
        "acc_pages": "Pages",
        "acc_prev": "Previous page",
        "acc_next": "Next page",
        "acc_page_of": "Page {page} of {pages}",
        "acc_on_press_desk": "Decide on the press desk",
        "console_all_accreditations": "All accreditations",
        "deleg_title": "Delegations",
        "deleg_focal_points": "Focal points",
        "deleg_no_head": "No head of delegation",
        "deleg_resend": "Send the welcome mail to this focal point again",
        "deleg_resend_to": "Send the welcome mail to this focal point again ({name})",
        "deleg_add_fp": "Add a focal point",
        "deleg_add_fp_button": "Add",
        "deleg_fp_name": "Focal point's name",
        "deleg_fp_email": "Focal point's email address",
        "deleg_fp_language": "Focal point's language (welcome mail and workspace)",
        "deleg_empty": "No delegation yet.",
        "deleg_new": "New delegation",
        "deleg_kind": "Kind of delegation",
        "deleg_kind_country": "A country",
        "deleg_kind_organisation": "An organisation",
        "deleg_country": "Country",
        "deleg_for_country": "for a country",
        "deleg_org_name": "Organisation's name",
        "deleg_org_type": "Kind of organisation",
        "deleg_for_org": "for an organisation",
        "deleg_create": "Create the delegation",
        "err_deleg_kind": "Choose a country or an organisation.",
        "err_deleg_exists": "This conference already has this delegation.",
        "err_fp_exists": "This address is already a focal point of the delegation.",
        "err_fp_language": "Choose one of the conference's languages.",
        "err_write_reason": "Write the reason.",
        "flash_delegation_created": "Delegation created: {name}. Its focal point is sent a "
                                    "welcome mail.",
        "flash_delegation_focal_point": "Focal point added: a welcome mail is on its way.",
        "flash_delegation_welcome": "The welcome mail, with a new sign-in link, is on its way.",
        "flash_delegation_welcome_to": "The welcome mail, with a new sign-in link, is on its "
                                       "way to {name}.",
        "org_type_international_organisation": "International organisation",
        "org_type_eu_agency": "EU agency",
        "org_type_ngo": "NGO",
        "org_type_academia": "Academia",
        "org_type_private_sector": "Private sector",
        "publish_title": "Publish the programme",
        "console_publish": "Publish (preview)",
        "publish_clearance_refused": "Security clearance refused for a chair or speaker of "
                                     "sessions about to be published:",
        "publish_clearance_refused_text": "Publishing keeps them on the session (they get no "
                                          "invitation and no door will admit them): take them "
                                          "off the session first if protocol so decides.",
        "publish_latest": "Latest published version: {version}.",
        "publish_nothing": "Nothing changed since the latest published version: nothing to "
                           "publish.",
        "publish_changes": "Changes in version {version}",
        "publish_messages": "What publication will send",
        "publish_kind": "Message",
        "publish_kind_invitation": "Invitations",
        "publish_kind_update": "Updates",
        "publish_kind_cancellation": "Cancellations",
        "publish_sample": "Sample – {kind}",
        "publish_sample_text": "The message's text",
        "publish_sample_ics": "Calendar object (iCalendar)",
        "publish_confirm_one": "Publishing version {version} will send {count} message.",
        "publish_confirm_other": "Publishing version {version} will send {count} messages.",
        "publish_button": "Publish version {version}",
        "publish_err_no_preview": "Publish from the preview.",
        "publish_err_stale": "The programme changed since your preview. Here is the preview as "
                             "it stands: check it and publish again.",
        "flash_published": "Version {version} published: the messages are on their way.",
        "change_added": "Added",
        "change_moved": "Moved",
        "change_re_roomed": "Room changed",
        "change_renamed": "Renamed",
        "change_cancelled": "Cancelled",
        "change_details_changed": "Changed",
        "change_participants_added_one": "{count} participant added",
        "change_participants_added_other": "{count} participants added",
        "change_participants_removed_one": "{count} participant removed",
        "change_participants_removed_other": "{count} participants removed",
        "change_participants_changed_one": "{count} participant in another role",
        "change_participants_changed_other": "{count} participants in another role",
        "field_kind": "kind",
        "field_press_access": "press access",
        "field_audience": "audience",
        "field_royal_presence": "royal presence",
        "webhooks_title": "Webhooks",
        "webhooks_intro": "The addresses that receive the conference's events, signed "
                          "(HMAC-SHA256). They are created through the API.",
        "webhooks_url": "Address",
        "webhooks_events": "Events",
        "webhooks_created": "Created",
        "webhooks_delete": "Delete",
        "webhooks_none": "No webhook.",
        "flash_webhook_deleted": "Webhook deleted; its queued deliveries are cancelled.",
        # the press desk's pools page (docs/workspaces.md, "Press pools")
        "pools_title": "Press pools",
        "pools_link": "Manage the press pools",
        "pools_intro": "A pool is a small group of journalists who cover a pool session for "
                       "the others. A zone may admit a pool's members. A journalist is in "
                       "one pool at most.",
        "pools_none": "No pool yet.",
        "pools_count_one": "{count} member",
        "pools_count_other": "{count} members",
        "pools_remove": "Remove",
        "pools_remove_label": "Remove {name} from the pool {pool}",
        "pools_f_member": "Approved journalist to add to the pool {pool}",
        "pools_add": "Add",
        "pools_no_candidates": "No approved journalist outside a pool to add.",
        "pools_clearance_refused": "clearance refused: no badge",
        "pools_clearance_awaited": "clearance awaited: no badge yet",
        "pools_create_title": "Create a pool",
        "pools_f_name": "Pool name",
        "pools_create": "Create the pool",
        "pools_flash_created": "Pool created.",
        "pools_flash_added": "{name} is now in the pool.",
        "pools_flash_removed": "{name} is no longer in the pool.",
        "pools_err_name": "Give the pool a name (200 characters at most, on one line).",
        "pools_err_taken": "A pool already has this name: choose another.",
        "pools_err_choose": "Choose a journalist.",
        "pools_err_clearance_refused": "This journalist's security clearance was refused: "
                                       "they are neither invited nor admitted, and cannot "
                                       "join a pool.",
        "pools_err_not_approved": "This journalist is not accredited (application rejected, "
                                  "withdrawn or revoked): they cannot join a pool.",
        "pools_err_not_press": "Choose an approved journalist of this conference.",
        "pools_err_other_pool": "This journalist is already in the pool {pool}: remove them "
                                "from it first.",
        "pools_err_other_pool_unnamed": "This journalist is already in another pool: remove "
                                        "them from it first.",
        "pools_member_of": "Pool",
        "pools_in_none": "In no pool",
        "pools_candidate_awaited": "clearance pending",
        "pools_candidate_cleared": "clearance granted",
        "pools_sessions_title": "Sessions covered",
        "pools_sessions_none": "This pool covers no session: the pool invites its members to "
                               "none.",
        "pools_sessions_hint": "The pool's members receive the calendar invitation of the "
                               "sessions it covers, and its cancellation when they leave the "
                               "pool or the session is no longer covered.",
        "pools_session_unlink": "Stop covering",
        "pools_session_unlink_label": "Stop covering {session} with the pool {pool}",
        "pools_session_not_invited": "members not invited: the session is no longer for the "
                                     "pool or a photo opportunity",
        "pools_session_cancelled": "session cancelled",
        "pools_f_session": "Session the pool {pool} covers",
        "pools_cover": "Cover",
        "pools_no_sessions": "No other session for the pool or a photo opportunity to cover.",
        "pools_flash_linked": "The pool now covers {name}.",
        "pools_flash_unlinked": "The pool no longer covers {name}.",
        "pools_err_choose_session": "Choose a session.",
        "pools_err_session_access": "This session is neither for the press pool nor a photo "
                                    "opportunity: a pool does not cover it.",
        "pools_err_session_other": "Choose a session of this conference.",
        "pools_err_session_cancelled": "This session is cancelled: a pool does not cover it.",
        # letters not delivered (docs/workspaces.md, "Letters not delivered")
        "undelivered_mark": "Letter not delivered",
        "undelivered_filter": "Letters not delivered",
        "undelivered_filter_hint": "only the applications of this tab with a letter that did "
                                   "not reach the journalist",
        "undelivered_elsewhere_one": "{count} more application in the other tabs: see every "
                                     "letter not delivered",
        "undelivered_elsewhere_other": "{count} more applications in the other tabs: see every "
                                       "letter not delivered",
        "undelivered_title": "Letters not delivered",
        "undelivered_intro": "These letters did not reach {name}: the journalist does not know "
                             "what they said.",
        "undelivered_written": "written on {when}",
        "undelivered_reply": "The mail server's reply: {reply}",
        "undelivered_reason_refused": "The mail server refused the address {email}.",
        "undelivered_reason_deferred": "The mail server deferred the letter at every attempt; "
                                       "sending has stopped.",
        "undelivered_reason_unreachable": "The mail server could not be reached at any "
                                          "attempt; sending has stopped.",
        "undelivered_reason_address": "The address on file, {email}, cannot be used to send "
                                      "mail.",
        "undelivered_reason_unbuildable": "The letter could not be written with the details on "
                                          "file (a name or an address that a mail cannot "
                                          "carry).",
        "undelivered_reason_other": "The letter could not be sent.",
        "undelivered_todo": "What to do: call the journalist, or reach them through their "
                            "outlet, to tell them what the letter said and check with them the "
                            "address they gave. Once the address or the server is put right, "
                            "the protocol service can send the letter again from the "
                            "operations page.",
        "letter_press_ack": "Acknowledgement of the application",
        "letter_decision_approved": "Decision: accreditation approved",
        "letter_decision_rejected": "Decision: application rejected",
        "letter_decision_waitlisted": "Decision: put on the waiting list",
        "letter_revoked": "Revocation of the accreditation",
        "letter_information_requested": "Request for more information",
        "letter_link": "New link to the application",
        "letter_withdrawn": "Confirmation of the withdrawal",
        "letter_invitation": "Invitation to a session",
        "letter_other": "A letter",
    },
}
