"""The columns of the console's and the portal's CSV downloads, titled in the file's language
(docs/lifecycle.md, "CSV files"): a download for people is headed wholly in the page's
language; a column followed by its words is headed by its words' header and "(code)"
(``csvfile.write``). The delegation's export is headed with the member form's labels, which
its import reads back (``lifecycle.domain._ALIASES``)."""

from __future__ import annotations

TITLES: dict[str, dict[str, str]] = {
    "fr": {
        "position": "N° d'ordre", "delegation": "Délégation", "country": "Pays (code ISO)",
        "head": "Chef de délégation", "function": "Fonction", "name": "Nom et titre",
        "function_fr": "Fonction en français", "function_en": "Fonction en anglais",
        "styled_name": "Nom et titre", "family_name": "Nom", "given_name": "Prénom",
        "accreditation_id": "Identifiant de l'accréditation", "seat": "Place",
        "from_audience_left": "Place depuis la gauche de la salle",
        "in_place_of": "En remplacement de", "date_of_birth": "Date de naissance",
        "document_number": "Numéro de la pièce d'identité", "pool": "Pool",
        "outlet": "Média", "email": "Adresse électronique", "category": "Catégorie",
        "rank": "Rang protocolaire", "language": "Langue de correspondance",
        "salutation": "Civilité", "in_office_since": "En fonction depuis",
    },
    "en": {
        "position": "Order", "delegation": "Delegation", "country": "Country (ISO code)",
        "head": "Head of delegation", "function": "Function", "name": "Name as styled",
        "function_fr": "Function in French", "function_en": "Function in English",
        "styled_name": "Name as styled", "family_name": "Family name",
        "given_name": "Given name", "accreditation_id": "Accreditation ID", "seat": "Seat",
        "from_audience_left": "Place from the audience's left", "in_place_of": "In place of",
        "date_of_birth": "Date of birth", "document_number": "Identity document number",
        "pool": "Pool", "outlet": "Outlet", "email": "Email address", "category": "Category",
        "rank": "Protocol rank", "language": "Language for correspondence",
        "salutation": "Salutation", "in_office_since": "In office since",
    },
}


def column_titles(language: str) -> dict[str, str]:
    """Each column's title in ``language`` (fr or en; English otherwise)."""
    return TITLES.get(language, TITLES["en"])
