"""What letters and invitations share in their wording: the conference's name as sender and
subject prefix (its ``short_name``, else its title), and French agreement with the reader (from
their ``salutation``, ``mrs`` | ``mr`` | ``neutral``, or their gender). Pure.

French agreement is a choice among three wordings a template gives (``agree(masculine,
feminine, neutral)``): "Vous êtes invité" / "Vous êtes invitée" / a wording that needs no
agreement ("Nous avons l'honneur de vous inviter"), the last whenever the form of address is not
known (docs/protocol.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from conference.protocol.elision import elides
from conference.types import Localized, single_spaces

__all__ = ["Agree", "Named", "agreement", "form_of_address", "in_sentence", "sender_name",
           "short_name", "subject_line", "with_short_name"]

Agree = Callable[[str, str, str], str]


class Named(Protocol):
    """A conference as its letters name it."""

    @property
    def title(self) -> Localized: ...

    @property
    def short_name(self) -> Localized | None: ...


def short_name(c: Named, language: str) -> str:
    """How letters and invitations name the conference in their sender and subject: the short
    name, or the title."""
    return (c.short_name or c.title).get(language)


def sender_name(c: Named, language: str) -> str:
    """The display name of the From address (and of an invitation's ORGANIZER): the short
    name, or the title, on one line, at most 120 characters."""
    return single_spaces(short_name(c, language))[:120]


def with_short_name(c: Named, language: str, subject: str) -> str:
    """The subject of an invitation: the short name first when there is one ("GA 2027 –
    Invitation: Opening, 5 Dec, 09:00"); single spaces (a no-break space stays), nothing
    leading or trailing."""
    if c.short_name is not None:
        subject = f"{c.short_name.get(language)} – {subject}"
    return single_spaces(subject)


def subject_line(c: Named, language: str, subject: str) -> str:
    """The subject of a letter: the short name first when there is one, else the title after
    (in French after a non-breaking space and a colon); single spaces, nothing leading or
    trailing. Runs of spaces, tabs and line breaks become one space; a non-breaking space
    stays (``str.split``, used before, took it for a space: the French colon lost it)."""
    subject = single_spaces(subject)
    if c.short_name is not None:
        text = with_short_name(c, language, subject)
    else:
        colon = "\u00a0:" if language == "fr" else ":"
        text = f"{subject}{colon} {c.title.get(language)}"
    return single_spaces(text)


# The French nouns a conference's title may begin with, and their article: such a title names
# the event itself ("la Conférence ministérielle…", "le Sommet…"); any other is introduced as
# "la conférence « … »".
_FRENCH_ARTICLES = {
    "conférence": "la ", "réunion": "la ", "rencontre": "la ", "session": "la ",
    "semaine": "la ", "journée": "la ", "table": "la ", "sommet": "le ", "forum": "le ",
    "colloque": "le ", "congrès": "le ", "dialogue": "le ", "séminaire": "le ",
    "symposium": "le ", "conseil": "le ", "assemblée": "l'", "atelier": "l'",
    "journées": "les ", "rencontres": "les ", "assises": "les ", "états": "les ",
}
_FRENCH_CONTRACTIONS = {("de", "le "): "du ", ("de", "les "): "des ",
                        ("à", "le "): "au ", ("à", "les "): "aux "}


def in_sentence(title: str, language: str, preposition: str = "") -> str:
    """A conference's title inside a sentence, with its article and the preposition before it
    (docs/outbox.md, "The conference inside a sentence"): "de la Conférence ministérielle…"
    (never "de la conférence Conférence ministérielle…"), "du Sommet…", "de la conférence
    « Global Alliance »"; in English "for the Ministerial Conference on…", and a title that
    begins with "The" keeps its own."""
    title = single_spaces(title)
    if language != "fr":
        phrase = title if title.startswith("The ") else f"the {title}"
        return f"{preposition} {phrase}" if preposition else phrase
    first, _, rest = title.partition(" ")
    lowered = first.casefold()
    if lowered in ("le", "la", "les") and rest:
        article, noun = f"{lowered} ", rest
    elif lowered.startswith(("l'", "l’")) and len(first) > 2:
        article, noun = "l'", title[2:]
    elif lowered in _FRENCH_ARTICLES:
        article, noun = _FRENCH_ARTICLES[lowered], title
    else:
        article, noun = "la ", f"conférence «\u00a0{title}\u00a0»"
    if not preposition:
        return f"{article}{noun}"
    contracted = _FRENCH_CONTRACTIONS.get((preposition, article))
    return f"{contracted}{noun}" if contracted else f"{preposition} {article}{noun}"


def of_name(name: str) -> str:
    """French "de" before a person's name, elided before a vowel or a mute h: "d'Anna
    Schneider", "d'Hélène Dubois", "de Jan Peeters", "de Hans Weber" (docs/protocol.md,
    "Elision before a name")."""
    return f"d'{name}" if elides(name) else f"de {name}"


def form_of_address(salutation: str | None, gender: str | None) -> str:
    """``mrs``, ``mr`` or ``neutral``: the salutation when it says one, else the gender when it
    is known."""
    if salutation in ("mrs", "mr"):
        return salutation
    return {"female": "mrs", "male": "mr"}.get(gender or "", "neutral")


def agreement(salutation: str | None, gender: str | None = None) -> Agree:
    """French agreement for a template: ``agree(masculine, feminine, neutral)`` picks by the
    person's form of address (the neutral wording when it is not known)."""
    form = form_of_address(salutation, gender)

    def agree(masculine: str, feminine: str, neutral: str) -> str:
        return {"mr": masculine, "mrs": feminine}.get(form, neutral)
    return agree
