"""How the data-protection notice words what varies by conference, alike in the letters' footer
and on the privacy page (docs/privacy.md, "The notice"). Pure.

- The controller is the one configured (``privacy.controller_names`` in the reader's language,
  else ``privacy.controller``), else the conference itself, by its title: never an address in
  place of a name.
- A retention period is written in years when it is a whole number of years ("2 years",
  "1 an"), else in days ("180 days"); beyond :data:`UNLIMITED_DAYS` it is effectively
  unlimited (a historical record) and the notice says the data is kept until it is erased.
"""

from __future__ import annotations

from typing import Final, Protocol

from conference.types import Localized, single_spaces

__all__ = ["UNLIMITED_DAYS", "Notified", "controller_name", "retention_period"]

UNLIMITED_DAYS: Final = 3650
"""Beyond ten years a retention period is written as "until erased"."""


class _Privacy(Protocol):
    @property
    def controller(self) -> str: ...

    @property
    def controller_names(self) -> Localized | None: ...


class Notified(Protocol):
    """A conference as its data-protection notice names it."""

    @property
    def title(self) -> Localized: ...

    @property
    def privacy(self) -> _Privacy | None: ...


def controller_name(c: Notified, language: str) -> str:
    """The configured controller, else the conference's title (single spaces)."""
    if c.privacy is not None:
        names = c.privacy.controller_names
        return single_spaces(names.get(language) if names is not None
                             else c.privacy.controller)
    return single_spaces(c.title.get(language))


def retention_period(days: int, language: str) -> str | None:
    """"180 days" / "180 jours", "2 years" / "2 ans", "1 year" / "1 an"; None when the period is
    effectively unlimited (more than :data:`UNLIMITED_DAYS`)."""
    fr = language[:2] == "fr"
    if days > UNLIMITED_DAYS:
        return None
    if days >= 365 and days % 365 == 0:
        years = days // 365
        unit = ("an" if years == 1 else "ans") if fr else ("year" if years == 1 else "years")
        return f"{years} {unit}"
    unit = ("jour" if days <= 1 else "jours") if fr else ("day" if days == 1 else "days")
    return f"{days} {unit}"
