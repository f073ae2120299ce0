"""The list of participants as CSV and as an HTML page for organisers (jinja2, escaped)."""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Environment, select_autoescape

from conference import csvfile
from conference.lifecycle import tabular
from conference.lifecycle.models import ParticipantsList

CSV_COLUMNS = ("position", "delegation", "head", "styled_name", "family_name", "given_name",
               "rank", "function", "category")

_WORDS = {
    "en": {"heading": "List of participants", "head": "head of delegation",
           "patron": "Under the high patronage of {patron}", "host": "Host", "hosts": "Hosts",
           "page": "page {n} of {nb}"},
    "fr": {"heading": "Liste des participants", "head": "chef de délégation",
           "patron": "Sous le haut patronage de {patron}", "host": "Hôte", "hosts": "Hôtes",
           "page": "page {n} sur {nb}"},
}


def words(language: str) -> dict[str, str]:
    """The list's own words in its language (the PDF's and the API's page)."""
    return _WORDS.get(language, _WORDS["en"])


_PAGE = Environment(autoescape=select_autoescape(default=True)).from_string("""<!doctype html>
<html lang="{{ listing.language }}"><head><meta charset="utf-8">
<title>{{ title }}</title></head>
<body><h1>{{ title }}</h1>
{% if listing.version %}<p>Version {{ listing.version }}, {{ listing.released_at }}</p>{% endif %}
{% if listing.patron or listing.hosts %}<section id="patron-and-hosts">
{% if listing.patron %}<p id="patron">{{ w.patron.format(patron=listing.patron) }}</p>{% endif %}
{% if listing.hosts %}<h2>{{ w.hosts if listing.hosts|length > 1 else w.host }}</h2><ul id="hosts">
{% for h in listing.hosts %}<li>{{ h.styled_name or h.name }}
{%- if h.function %}, {{ h.function }}{% endif %}</li>
{% endfor %}</ul>{% endif %}</section>
{% endif %}
{% for d in listing.delegations %}<section id="d-{{ d.delegation_id }}">
<h2>{{ d.position }}. {{ d.delegation }}</h2><ol>
{% for m in d.members %}<li{% if m.head %} class="head"{% endif %}>{% if m.head %}<strong>{{
 m.styled_name }}</strong>{% else %}{{ m.styled_name }}{% endif %}{% if m.function %}, {{
 m.function }}{% endif %}</li>
{% endfor %}</ol></section>
{% endfor %}</body></html>
""")


def participants_csv(listing: ParticipantsList, *, delimiter: str = csvfile.FOR_PROGRAMS,
                     words: csvfile.Words | None = None,
                     titles: Mapping[str, str] | None = None) -> bytes:
    """The list as CSV: the API's with commas; the console's download for people with ";" and
    the codes also in words (docs/lifecycle.md, "CSV files")."""
    rows = [[str(d.position), d.delegation, "yes" if m.head else "", m.styled_name,
             m.family_name, m.given_name, m.rank.value if m.rank else "", m.function or "",
             m.category.value]
            for d in listing.delegations for m in d.members]
    return tabular.write_csv(CSV_COLUMNS, rows, delimiter=delimiter, words=words,
                             titles=titles)


def participants_html(listing: ParticipantsList, title: str) -> str:
    return _PAGE.render(listing=listing, title=title, w=words(listing.language))
