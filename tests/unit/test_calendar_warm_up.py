"""A worker loads, when it starts, what its first invitations would otherwise wait for."""

from __future__ import annotations

from conference.calendar.invitations import warm_up
from conference.mail import render


def test_warm_up_compiles_the_invitation_texts_and_is_cheap_the_second_time() -> None:
    warm_up()
    cached = {str(k): v for k, v in render._ENV.cache.items()}  # noqa: SLF001
    assert any("fr/invitation.txt" in k for k in cached)
    assert any("en/invitation.txt" in k for k in cached)
    warm_up()  # everything is loaded: only the sample message is built again
    again = {str(k): v for k, v in render._ENV.cache.items()}  # noqa: SLF001
    # the same compiled templates, none compiled again (the time it saves is in bench/, not
    # in a timed test that a loaded machine fails)
    assert all(again[k] is template for k, template in cached.items())
