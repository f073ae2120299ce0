"""The strings of the applicant's photo and visa letter page (``pages/credentials.py``), fr and
en, merged into the pages' catalogue by ``pages/i18n.py``."""

from __future__ import annotations

CREDENTIALS: dict[str, dict[str, str]] = {
    "fr": {
        # the visa letter's verification page, /v/{number}, read by consulates
        "verify_title": "Lettre d'invitation pour le visa n°\u00a0{number}",
        "verify_valid": "Lettre valable.",
        "verify_valid_text": "Elle a été délivrée par les organisateurs de la conférence et n'a "
                             "pas été annulée.",
        "verify_cancelled": "Lettre annulée.",
        "verify_cancelled_text": "Elle n'est plus valable\u00a0: les organisateurs l'ont "
                                 "annulée ou remplacée par une nouvelle lettre.",
        "verify_number": "Numéro",
        "verify_holder": "Titulaire (initiales)",
        "verify_nationality": "Nationalité",
        "verify_conference": "Conférence",
        "verify_dates": "Dates",
        "verify_venue": "Lieu",
        "verify_hint": "Pour protéger la personne, cette page ne montre que ses initiales et sa "
                       "nationalité\u00a0: comparez-les au passeport présenté.",
        "verify_not_found": "Aucune lettre d'invitation ne porte ce numéro. Vérifiez-le\u00a0; "
                            "une lettre dont les données ont été effacées après la conférence "
                            "n'est plus vérifiable.",
        "credentials_link": "Photo, pièces à fournir et lettre d'invitation pour le visa",
        "identity_todo": "À faire\u00a0: donnez votre pièce d'identité pour le contrôle de "
                         "sécurité\u00a0; sans elle, aucun badge ne peut être délivré.",
        "identity_todo_member": "À faire\u00a0: donnez la pièce d'identité de {name} pour le "
                                "contrôle de sécurité\u00a0; sans elle, aucun badge ne peut "
                                "être délivré.",
        "documents_todo": "À faire\u00a0: donnez les documents demandés ({kinds}) sur la page "
                          "ci-dessous.",
        "documents_todo_member": "À faire\u00a0: donnez les documents demandés pour {name} "
                                 "({kinds}) sur la page ci-dessous.",
        "photo_todo": "À faire\u00a0: donnez votre photo sur la page ci-dessous\u00a0; votre "
                      "badge la porte et ne peut pas être téléchargé avant.",
        # the page also takes the identity document and the documents asked for: named as
        # the link to it is
        "credentials_title": "Photo, pièces à fournir et lettre d'invitation pour le visa",
        "photo_title": "Photo du badge",
        "photo_text": "Une photo d'identité récente, de face, en JPEG ou PNG, de 5 Mo au plus, "
                      "d'au moins 600 × 800 pixels. Une photo qui n'est pas en portrait "
                      "(entre 3:4 et 4:5) est recadrée\u00a0; vous pouvez ensuite ajuster le "
                      "cadre. Ses métadonnées (position GPS, appareil) sont supprimées.",
        "photo_current": "Votre photo actuelle ({width} × {height} pixels)",
        "photo_none": "Aucune photo pour l'instant.",
        "photo": "Fichier de la photo",
        "photo_button": "Envoyer la photo",
        "photo_done": "Votre photo est enregistrée.",
        "photo_fitted": "La photo envoyée n'était pas au format portrait du badge (3:4)\u00a0: "
                        "elle a été recadrée et enregistrée. Vérifiez-la ci-dessous\u00a0; si le "
                        "visage n'est pas bien cadré, recadrez-la ou envoyez-en une autre.",
        # a photo at the minimum size: no box but the whole photo (docs/credentials.md)
        "photo_fitted_min": "La photo envoyée n'était pas au format portrait du badge "
                            "(3:4)\u00a0: elle a été recadrée au centre et enregistrée, à la "
                            "taille minimale (600 × 800 pixels), qui ne peut plus être "
                            "recadrée. Vérifiez-la ci-dessous\u00a0; si le visage n'est pas "
                            "bien cadré, envoyez une autre photo, plus grande ou déjà au format "
                            "portrait.",
        "photo_min": "Cette photo a la taille minimale (600 × 800 pixels)\u00a0: elle ne peut "
                     "pas être recadrée. Pour un autre cadrage, envoyez une autre photo, plus "
                     "grande ou déjà au format portrait.",
        "member_photo_current": "La photo actuelle de {name} ({width} × {height} pixels)",
        "member_photo_done": "La photo de {name} est enregistrée.",
        "member_visa_done": "La demande de lettre d'invitation pour {name} est transmise au "
                            "service du protocole, qui l'examine.",
        "crop_title": "Recadrer la photo",
        "crop_text": "Le cadre garde les proportions 3:4 du badge. Choisissez un cadrage tout "
                     "prêt, ou donnez le bord gauche, le bord supérieur et la largeur du cadre "
                     "en pixels de la photo ci-dessus ({width} × {height}).",
        # the box is taken in the photo as sent, kept beside the photo (docs/credentials.md)
        "crop_text_sent": "Le cadre garde les proportions 3:4 du badge et se prend dans la "
                          "photo telle que vous l'avez envoyée, affichée ci-dessous ({width} × "
                          "{height} pixels)\u00a0: un recadrage peut toujours être refait. "
                          "Choisissez un cadrage tout prêt, ou donnez le bord gauche, le bord "
                          "supérieur et la largeur du cadre en pixels de cette photo.",
        "crop_sent_caption": "La photo telle qu'envoyée ({width} × {height} pixels), dans "
                             "laquelle se prend le cadre",
        "crop_presets": "Cadrages tout prêts",
        "crop_centre": "Centrer (le plus grand cadre)",
        "crop_face": "Visage et épaules",
        "crop_custom": "Cadre sur mesure",
        "crop_x": "Bord gauche (pixels)",
        "crop_y": "Bord supérieur (pixels)",
        "crop_width": "Largeur (pixels\u00a0; la hauteur vaut 4/3 de la largeur)",
        "crop_button": "Recadrer",
        "crop_done": "La photo est recadrée.",
        "crop_number": "Indiquez un nombre entier de pixels, 0 ou plus.",
        "crop_too_small": "Le cadre doit mesurer au moins 600 pixels de large (et donc 800 "
                          "de haut)\u00a0: une photo de badge n'est pas plus petite.",
        "cred_errors_summary": "Rien n'a été enregistré. Corrigez les champs signalés\u00a0:",
        "photo_rule_max_size": "La photo dépasse 5 Mo.",
        "photo_rule_media_type": "La photo doit être un fichier JPEG ou PNG.",
        "photo_rule_content_mismatch": "Le contenu du fichier ne correspond pas à son type "
                                       "(par exemple un PNG renommé en .jpg).",
        "photo_rule_undecodable": "Cette image ne peut pas être lue.",
        "photo_rule_too_many_pixels": "Cette image est trop grande (plus de 50 mégapixels).",
        "photo_rule_min_dimensions": "La photo doit mesurer au moins 600 × 800 pixels.",
        "photo_rule_portrait_ratio": "La photo doit être en portrait, entre 3:4 et 4:5\u00a0; "
                                     "recadrez-la.",
        "photo_rule_outside": "Le cadre doit rester à l'intérieur de la photo.",
        "photo_rule_form": "Le formulaire n'a pas pu être lu.",
        "visa_title": "Lettre d'invitation pour le visa",
        "visa_text": "Si vous avez besoin d'un visa, demandez une lettre d'invitation. Le "
                     "service du protocole l'examine\u00a0; la lettre approuvée vous est envoyée "
                     "par courriel.",
        "visa_text_member": "Si {name} a besoin d'un visa, demandez ici une lettre d'invitation. "
                            "Le service du protocole l'examine\u00a0; la lettre approuvée est "
                            "envoyée par courriel à {name}.",
        "visa_state": "Votre demande du {when}\u00a0: {state}.",
        "visa_state_member": "La lettre d'invitation demandée pour {name} le {when}\u00a0: "
                             "{state}.",
        "visa_requested": "en cours d'examen",
        "visa_approved": "approuvée, lettre n°\u00a0{number} envoyée par courriel",
        "visa_done": "Votre demande de lettre d'invitation est transmise au service du "
                     "protocole, qui l'examine.",
        "visa_closed": "Aucune lettre ne peut être demandée pour une demande {status}.",
        "visa_refused": "Votre demande de lettre d'invitation du {when} n'a pas été "
                        "accordée par le service du protocole.",
        "visa_refused_member": "La demande de lettre d'invitation pour {name} du {when} n'a pas "
                               "été accordée par le service du protocole.",
        "visa_cancelled": "La lettre d'invitation n°\u00a0{number}, demandée le {when}, a été "
                          "annulée par le service du protocole\u00a0: elle ne vaut plus "
                          "auprès du consulat.",
        "visa_cancelled_member": "La lettre d'invitation n°\u00a0{number} pour {name}, demandée "
                                 "le {when}, a été annulée par le service du protocole\u00a0: "
                                 "elle ne vaut plus auprès du consulat.",
        "visa_refused_reason": "Motif\u00a0: {reason}",
        "visa_again": "Vous pouvez présenter une nouvelle demande, corrigée, ci-dessous.",
        "visa_again_member": "Une nouvelle demande, corrigée, peut être présentée ci-dessous "
                             "pour {name}.",
        "visa_ended_refused": "Votre demande de lettre d'invitation du {when} a été close avec "
                              "l'accréditation.",
        "visa_ended_refused_member": "La demande de lettre d'invitation pour {name} du {when} a "
                                     "été close avec l'accréditation.",
        "visa_ended_cancelled": "La lettre d'invitation n°\u00a0{number}, demandée le {when}, a "
                                "été annulée avec l'accréditation\u00a0: elle ne vaut plus "
                                "auprès du consulat.",
        "visa_ended_cancelled_member": "La lettre d'invitation n°\u00a0{number} pour {name}, "
                                       "demandée le {when}, a été annulée avec "
                                       "l'accréditation\u00a0: elle ne vaut plus auprès du "
                                       "consulat.",
        "upload_closed": "Cette demande est close (retirée, refusée ou révoquée)\u00a0: aucune "
                         "photo ni aucun document n'est plus accepté.",
        "photo_closed": "Aucune photo ne peut plus être envoyée pour une demande {status}.",
        "docs_closed": "Aucun document ne peut plus être envoyé pour une demande {status}.",
        "passport_name": "Nom complet, tel qu'il figure sur le passeport",
        "passport_number": "Numéro du passeport",
        "nationality": "Nationalité",
        "date_of_birth": "Date de naissance",
        "consulate": "Consulat ou ambassade où le visa sera demandé",
        "visa_button": "Demander la lettre",
        # a passport given for the security check is not asked again (docs/credentials.md,
        # "Visa invitation letters")
        "visa_from_passport": "La lettre reprend le {kind} que vous avez donné pour le contrôle "
                              "de sécurité\u00a0: il reste à indiquer le nom tel qu'il y "
                              "figure et le consulat.",
        "visa_from_passport_member": "La lettre reprend le {kind} donné pour {name} pour le "
                                     "contrôle de sécurité\u00a0: il reste à indiquer le nom "
                                     "tel qu'il y figure et le consulat.",
        "visa_passport_fix_before": "Le numéro, la nationalité et la date de naissance "
                                    "viennent du passeport donné plus haut\u00a0; pour les "
                                    "corriger,",
        "visa_passport_fix_link": "corrigez la pièce d'identité",
        # the name as in the passport given with it: only the consulate is left to give
        "visa_from_passport_name": "La lettre reprend le {kind} que vous avez donné pour le "
                                   "contrôle de sécurité, et le nom tel qu'il y figure\u00a0: "
                                   "il reste à indiquer le consulat.",
        "visa_from_passport_member_name": "La lettre reprend le {kind} donné pour {name} pour "
                                          "le contrôle de sécurité, et le nom tel qu'il y "
                                          "figure\u00a0: il reste à indiquer le consulat.",
        "visa_passport_fix_before_name": "Le nom, le numéro, la nationalité et la date de "
                                         "naissance viennent du passeport donné plus "
                                         "haut\u00a0; pour les corriger,",
        "visa_passport_closed_name": "Le nom, le numéro, la nationalité et la date de "
                                     "naissance viennent du passeport sur lequel le contrôle "
                                     "de sécurité a été fait\u00a0; pour les corriger, "
                                     "écrivez au service du protocole.",
        "visa_passport_closed": "Le numéro, la nationalité et la date de naissance viennent "
                                "du passeport sur lequel le contrôle de sécurité a été "
                                "fait\u00a0; pour les corriger, écrivez au service du "
                                "protocole.",
        "visa_date": "Indiquez une date valide (jour, mois, année).",
        "visa_birth": "La date de naissance doit être passée et postérieure à 1900.",
        # the country in brackets: no article to agree with it (« de Belgique », « des
        # États-Unis »); "given", not "your": the portal's focal point fills a member's
        "visa_own_country": "Ce consulat représente le pays de la nationalité indiquée "
                            "({country})\u00a0: un visa se demande au consulat d'un autre "
                            "pays. Indiquez le consulat du pays de destination, ou corrigez "
                            "la nationalité.",
        "back_to_status": "Retour à votre demande",
        "id_title": "Pièce d'identité pour le contrôle de sécurité",
        "id_text": "Le service de sécurité vérifie chaque personne de votre catégorie avant que "
                   "son badge soit imprimé. Donnez la pièce d'identité avec laquelle vous "
                   "voyagerez. Seuls le service du protocole et le service de sécurité la "
                   "lisent\u00a0; elle est effacée quelques jours après la conférence.",
        "id_text_member": "Le service de sécurité vérifie chaque personne de cette catégorie "
                          "avant que son badge soit imprimé. Donnez la pièce d'identité avec "
                          "laquelle {name} voyagera. Seuls le service du protocole et le service "
                          "de sécurité la lisent\u00a0; elle est effacée quelques jours après la "
                          "conférence.",
        "id_state": "Pièce enregistrée\u00a0: {kind} n°\u00a0{number}, nationalité {nationality}, "
                    "date de naissance {birth}.",
        # the name as in the document, when given: the person checks what security receives
        "id_state_named": "Pièce enregistrée\u00a0: {kind} n°\u00a0{number}, nom sur la pièce "
                          "{name}, nationalité {nationality}, date de naissance {birth}.",
        "id_from_visa": "Tant qu'aucune pièce n'est donnée ici, le service de sécurité reçoit "
                        "le passeport de la demande de lettre d'invitation.",
        "id_nationality": "Nationalité",
        "id_document_type": "Type de pièce",
        "id_document_number": "Numéro de la pièce",
        "id_name_in_document": "Nom complet, tel qu'il figure sur la pièce",
        "id_name_in_document_hint": "En lettres latines, comme sur la pièce. Pour un "
                                    "passeport, la demande de lettre de visa le reprend.",
        "id_date_of_birth": "Date de naissance",
        "id_type_passport": "Passeport",
        "id_type_identity_card": "Carte d'identité",
        "id_type_diplomatic_passport": "Passeport diplomatique",
        "id_button": "Enregistrer la pièce d'identité",
        "id_done": "Votre pièce d'identité est enregistrée.",
        "member_identity_done": "La pièce d'identité de {name} est enregistrée.",
        "id_closed_application": "Aucune pièce ne peut plus être donnée pour une demande "
                                 "{status}.",
        "id_closed_decided": "Le contrôle de sécurité est terminé\u00a0: la pièce sur laquelle il "
                             "repose ne change plus. Si elle a changé, écrivez au service du "
                             "protocole.",
        "id_closed_organiser": "Le service du protocole a enregistré cette pièce\u00a0: "
                               "demandez-lui de la modifier.",
        "id_choose_type": "Choisissez le type de pièce.",
        "id_number_keep": "Laissez vide pour garder le numéro enregistré, {number}.",
        # nothing given yet: the passport of the visa letter request (pages/credentials.py)
        "id_number_from_letter": "Laissez vide pour garder le numéro {number} de votre "
                                 "demande de lettre de visa.",
        "id_number_from_letter_member": "Laissez vide pour garder le numéro {number} de la "
                                        "demande de lettre de visa.",
        "id_number_letter_other_type": "Indiquez le numéro de cette pièce\u00a0: celui de la "
                                       "demande de lettre de visa est celui d'un passeport.",
        "id_number_new_type": "Indiquez le numéro de la nouvelle pièce\u00a0: le numéro "
                              "enregistré est celui d'une pièce d'un autre type.",
        "doc_note_verbale": "Note verbale",
        "doc_press_card": "Carte de presse",
        "doc_passport_copy": "Copie du passeport",
        # said of the kind above it: note verbale, carte de presse, copie du passeport, all
        # feminine ("Carte de presse : reçue")
        "doc_received": "reçue",
        "doc_missing": "manquante",
        "docs_title": "Documents demandés",
        "docs_text": "PDF, JPEG ou PNG, 10 Mo au plus.",
        # who asks: the security service, or protocol setting the status itself
        "asks_security": "le service de sécurité",
        "asks_protocol": "le service du protocole",
        # the passport copy asked with it, until received: once given, not asked again
        "docs_security_asks": "{office} demande des informations complémentaires pour "
                              "l'habilitation\u00a0:",
        "docs_security_asks_passport": "{office} demande des informations "
                                       "complémentaires pour l'habilitation, et une copie du "
                                       "passeport, à déposer ci-dessous\u00a0:",
        "docs_state": "{kind}\u00a0:",
        "docs_button": "Envoyer",
        "docs_done": "Document reçu.",
        # each document's own form: the file's label names the document and the types
        # taken, the button says what it sends (accessible names unique in the page)
        "docs_file": "{kind} (PDF, JPEG ou PNG)",
        "docs_upload_note_verbale": "Envoyer la note verbale",
        "docs_upload_press_card": "Envoyer la carte de presse",
        "docs_upload_passport_copy": "Envoyer la copie du passeport",
        "doc_rule_max_size": "Le document dépasse 10 Mo.",
        "doc_rule_media_type": "Le document doit être un PDF, un JPEG ou un PNG.",
        "doc_rule_content_mismatch": "Le contenu du fichier ne correspond pas à son type.",
        "doc_rule_undecodable": "Ce fichier est incomplet ou illisible.",
        "doc_rule_encrypted": "Ce PDF est protégé par un mot de passe\u00a0: envoyez-le sans "
                              "mot de passe.",
        "doc_rule_form": "Le formulaire n'a pas pu être lu.",
        "doc_rule_purged": "Les données de vérification ont été purgées\u00a0: plus aucun document "
                           "n'est accepté.",
    },
    "en": {
        # the visa letter's verification page, /v/{number}, read by consulates
        "verify_title": "Visa invitation letter no. {number}",
        "verify_valid": "Valid letter.",
        "verify_valid_text": "It was issued by the organisers of the conference and has not been "
                             "cancelled.",
        "verify_cancelled": "Cancelled letter.",
        "verify_cancelled_text": "It is no longer valid: the organisers cancelled it or replaced "
                                 "it with a new letter.",
        "verify_number": "Number",
        "verify_holder": "Holder (initials)",
        "verify_nationality": "Nationality",
        "verify_conference": "Conference",
        "verify_dates": "Dates",
        "verify_venue": "Venue",
        "verify_hint": "To protect the person, this page shows only their initials and "
                       "nationality: compare them with the passport presented.",
        "verify_not_found": "No invitation letter has this number. Check it; a letter whose "
                            "data were erased after the conference can no longer be verified.",
        "credentials_link": "Photo, documents to give and visa invitation letter",
        "identity_todo": "To do: give your identity document for the security check; without "
                         "it, no badge can be issued.",
        "identity_todo_member": "To do: give the identity document of {name} for the security "
                                "check; without it, no badge can be issued.",
        "documents_todo": "To do: give the documents asked for ({kinds}) on the page below.",
        "documents_todo_member": "To do: give the documents asked for {name} ({kinds}) on the "
                                 "page below.",
        "photo_todo": "To do: give your photo on the page below; your badge carries it and "
                      "cannot be downloaded before.",
        "credentials_title": "Photo, documents to give and visa invitation letter",
        "photo_title": "Badge photo",
        "photo_text": "A recent passport-style photo, facing the camera, JPEG or PNG, at most "
                      "5 MB, at least 600 × 800 pixels. A photo that is not a portrait "
                      "(between 3:4 and 4:5) is cropped to one; you can then adjust the box. "
                      "Its metadata (GPS position, camera) are removed.",
        "photo_current": "Your current photo ({width} × {height} pixels)",
        "photo_none": "No photo yet.",
        "photo": "Photo file",
        "photo_button": "Send the photo",
        "photo_done": "Your photo is saved.",
        "photo_fitted": "The photo sent was not in the badge's portrait shape (3:4): it has "
                        "been cropped and saved. Check it below; if the face is not well "
                        "framed, crop it again or send another one.",
        "photo_fitted_min": "The photo sent was not in the badge's portrait shape (3:4): it "
                            "has been cropped in the middle and saved, at the minimum size "
                            "(600 × 800 pixels), which cannot be cropped again. Check it "
                            "below; if the face is not well framed, send another photo, larger "
                            "or already in portrait shape.",
        "photo_min": "This photo is at the minimum size (600 × 800 pixels): it cannot be "
                     "cropped. For another framing, send another photo, larger or already in "
                     "portrait shape.",
        "member_photo_current": "The current photo of {name} ({width} × {height} pixels)",
        "member_photo_done": "The photo of {name} is saved.",
        "member_visa_done": "The request for an invitation letter for {name} has gone to the "
                            "protocol service, which reviews it.",
        "crop_title": "Crop the photo",
        "crop_text": "The box keeps the badge's 3:4 proportions. Choose a ready-made crop, or "
                     "give the left edge, the top edge and the width of the box in pixels of "
                     "the photo above ({width} × {height}).",
        "crop_text_sent": "The box keeps the badge's 3:4 proportions and is taken in the "
                          "photo as you sent it, shown below ({width} × {height} pixels): a "
                          "crop can always be done again. Choose a ready-made crop, or give "
                          "the left edge, the top edge and the width of the box in pixels of "
                          "that photo.",
        "crop_sent_caption": "The photo as sent ({width} × {height} pixels), in which the box "
                             "is taken",
        "crop_presets": "Ready-made crops",
        "crop_centre": "Centre (the largest box)",
        "crop_face": "Head and shoulders",
        "crop_custom": "Your own box",
        "crop_x": "Left edge (pixels)",
        "crop_y": "Top edge (pixels)",
        "crop_width": "Width (pixels; the height is 4/3 of the width)",
        "crop_button": "Crop",
        "crop_done": "The photo is cropped.",
        "crop_number": "Give a whole number of pixels, 0 or more.",
        "crop_too_small": "The box must be at least 600 pixels wide (and so 800 high): a "
                          "badge photo is no smaller.",
        "cred_errors_summary": "Nothing was saved. Please correct the fields marked:",
        "photo_rule_max_size": "The photo is larger than 5 MB.",
        "photo_rule_media_type": "The photo must be a JPEG or PNG file.",
        "photo_rule_content_mismatch": "The file's content does not match its type (a PNG "
                                       "renamed .jpg, for instance).",
        "photo_rule_undecodable": "This image cannot be read.",
        "photo_rule_too_many_pixels": "This image is too large (more than 50 megapixels).",
        "photo_rule_min_dimensions": "The photo must be at least 600 × 800 pixels.",
        "photo_rule_portrait_ratio": "The photo must be a portrait between 3:4 and 4:5; crop "
                                     "it.",
        "photo_rule_outside": "The box must stay inside the photo.",
        "photo_rule_form": "The form could not be read.",
        "visa_title": "Visa invitation letter",
        "visa_text": "If you need a visa, request an invitation letter. The protocol service "
                     "reviews it; the approved letter is sent to you by email.",
        "visa_text_member": "If {name} needs a visa, request an invitation letter here. The "
                            "protocol service reviews it; the approved letter is sent by email "
                            "to {name}.",
        "visa_state": "Your request of {when}: {state}.",
        "visa_state_member": "The invitation letter requested for {name} on {when}: {state}.",
        "visa_requested": "under review",
        "visa_approved": "approved, letter no. {number} sent by email",
        "visa_done": "Your request for an invitation letter has gone to the protocol service, "
                     "which reviews it.",
        "visa_closed": "No letter can be requested for a {status} application.",
        "visa_refused": "Your request for an invitation letter of {when} was not granted by "
                        "the protocol service.",
        "visa_refused_member": "The request for an invitation letter for {name} of {when} was "
                               "not granted by the protocol service.",
        "visa_cancelled": "Invitation letter no. {number}, requested on {when}, was cancelled by "
                          "the protocol service: it is no longer valid for the consulate.",
        "visa_cancelled_member": "Invitation letter no. {number} for {name}, requested on "
                                 "{when}, was cancelled by the protocol service: it is no longer "
                                 "valid for the consulate.",
        "visa_refused_reason": "Reason: {reason}",
        "visa_again": "You can make a new, corrected request below.",
        "visa_again_member": "A new, corrected request can be made below for {name}.",
        "visa_ended_refused": "Your request for an invitation letter of {when} was closed "
                              "with the accreditation.",
        "visa_ended_refused_member": "The request for an invitation letter for {name} of {when} "
                                     "was closed with the accreditation.",
        "visa_ended_cancelled": "Invitation letter no. {number}, requested on {when}, was "
                                "cancelled with the accreditation: it is no longer valid for "
                                "the consulate.",
        "visa_ended_cancelled_member": "Invitation letter no. {number} for {name}, requested on "
                                       "{when}, was cancelled with the accreditation: it is no "
                                       "longer valid for the consulate.",
        "upload_closed": "This application is closed (withdrawn, rejected or revoked): no "
                         "photo or document is accepted any more.",
        "photo_closed": "No photo can be sent any more for a {status} application.",
        "docs_closed": "No document can be sent any more for a {status} application.",
        "passport_name": "Full name, as in the passport",
        "passport_number": "Passport number",
        "nationality": "Nationality",
        "date_of_birth": "Date of birth",
        "consulate": "Consulate or embassy where the visa will be requested",
        "visa_button": "Request the letter",
        "visa_from_passport": "The letter takes the {kind} you gave for the security check: "
                              "only the name as it is written there and the consulate are "
                              "left to give.",
        "visa_from_passport_member": "The letter takes the {kind} given for {name} for the "
                                     "security check: only the name as it is written there and "
                                     "the consulate are left to give.",
        "visa_passport_fix_before": "The number, nationality and date of birth come from the "
                                    "passport given above; to correct them,",
        "visa_passport_fix_link": "correct the identity document",
        "visa_from_passport_name": "The letter takes the {kind} you gave for the security "
                                   "check, and the name as it is written there: only the "
                                   "consulate is left to give.",
        "visa_from_passport_member_name": "The letter takes the {kind} given for {name} for the "
                                          "security check, and the name as it is written "
                                          "there: only the consulate is left to give.",
        "visa_passport_fix_before_name": "The name, number, nationality and date of birth come "
                                         "from the passport given above; to correct them,",
        "visa_passport_closed_name": "The name, number, nationality and date of birth come "
                                     "from the passport the security check was made on; to "
                                     "correct them, write to the protocol service.",
        "visa_passport_closed": "The number, nationality and date of birth come from the "
                                "passport the security check was made on; to correct them, "
                                "write to the protocol service.",
        "visa_date": "Give a valid date (day, month, year).",
        "visa_birth": "The date of birth must be in the past and after 1900.",
        # the country as a sentence names it: "the United States" (pages/credentials.py)
        "visa_own_country": "This consulate represents {country}, the country of the "
                            "nationality given: a visa is asked of another country's consulate. "
                            "Give the consulate of the country of destination, or correct the "
                            "nationality.",
        "back_to_status": "Back to your application",
        "id_title": "Identity document for the security check",
        "id_text": "The security service checks everyone in your category before their badge "
                   "is printed. Give the identity document you will travel with. Only the "
                   "protocol service and the security service read it; it is deleted a few days "
                   "after the conference.",
        "id_text_member": "The security service checks everyone in this category before their "
                          "badge is printed. Give the identity document {name} will travel "
                          "with. Only the protocol service and the security service read it; it "
                          "is deleted a few days after the conference.",
        "id_state": "Recorded: {kind} no. {number}, nationality {nationality}, date of birth "
                    "{birth}.",
        "id_state_named": "Recorded: {kind} no. {number}, name in the document {name}, "
                          "nationality {nationality}, date of birth {birth}.",
        "id_from_visa": "Until a document is given here, the security service receives the "
                        "passport of the visa letter request.",
        "id_nationality": "Nationality",
        "id_document_type": "Type of document",
        "id_document_number": "Document number",
        "id_name_in_document": "Full name, as in the document",
        "id_name_in_document_hint": "In Latin letters, as in the document. For a passport, the "
                                    "visa letter request takes it.",
        "id_date_of_birth": "Date of birth",
        "id_type_passport": "Passport",
        "id_type_identity_card": "Identity card",
        "id_type_diplomatic_passport": "Diplomatic passport",
        "id_button": "Save the identity document",
        "id_done": "Your identity document is saved.",
        "member_identity_done": "The identity document of {name} is saved.",
        "id_closed_application": "No document can be given any more for a {status} "
                                 "application.",
        "id_closed_decided": "The security check is over: the document it rests on no longer "
                             "changes. If it has changed, write to the protocol service.",
        "id_closed_organiser": "The protocol service recorded this document: ask them to "
                               "change it.",
        "id_choose_type": "Choose the type of document.",
        "id_number_keep": "Leave empty to keep the recorded number, {number}.",
        "id_number_from_letter": "Leave empty to keep the number {number} from your visa "
                                 "letter request.",
        "id_number_from_letter_member": "Leave empty to keep the number {number} from the visa "
                                        "letter request.",
        "id_number_letter_other_type": "Give this document's number: the number of the visa "
                                       "letter request is a passport's.",
        "id_number_new_type": "Give the new document's number: the number recorded is that "
                              "of a document of another type.",
        "doc_note_verbale": "Note verbale",
        "doc_press_card": "Press card",
        "doc_passport_copy": "Passport copy",
        "doc_received": "received",
        "doc_missing": "missing",
        "docs_title": "Documents required",
        "docs_text": "PDF, JPEG or PNG, at most 10 MB.",
        "asks_security": "the security service",
        "asks_protocol": "the protocol service",
        "docs_security_asks": "{office} asks for more information for the clearance:",
        "docs_security_asks_passport": "{office} asks for more information for the "
                                       "clearance, and a copy of the passport, to be given "
                                       "below:",
        "docs_state": "{kind}:",
        "docs_button": "Upload",
        "docs_done": "Document received.",
        "docs_file": "{kind} (PDF, JPEG or PNG)",
        "docs_upload_note_verbale": "Send the note verbale",
        "docs_upload_press_card": "Send the press card",
        "docs_upload_passport_copy": "Send the passport copy",
        "doc_rule_max_size": "The document is larger than 10 MB.",
        "doc_rule_media_type": "The document must be a PDF, JPEG or PNG file.",
        "doc_rule_content_mismatch": "The file's content does not match its type.",
        "doc_rule_undecodable": "This file is incomplete or cannot be read.",
        "doc_rule_encrypted": "This PDF is protected by a password: send it without one.",
        "doc_rule_form": "The form could not be read.",
        "doc_rule_purged": "The vetting data were purged: documents are no longer taken.",
    },
}
