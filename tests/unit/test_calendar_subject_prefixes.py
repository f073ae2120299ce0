"""The French subjects of calendar messages begin with nouns: « Retirée de votre agenda : Point
de presse » put a feminine participle before a masculine title (found trying the product as the
press would, 1 December 2026); « Annulé : Séance d'ouverture » the reverse."""

from __future__ import annotations

from conference.calendar.invitations import SUBJECT_PREFIXES


def test_the_french_prefixes_agree_with_any_title() -> None:
    assert SUBJECT_PREFIXES["fr"] == ("Invitation", "Mise à jour", "Annulation",
                                      "Retrait de votre agenda")
    assert SUBJECT_PREFIXES["en"] == ("Invitation", "Updated", "Cancelled",
                                      "Removed from your calendar")
