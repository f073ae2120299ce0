"""A worker loads, when it starts, what its first invitations would otherwise wait for."""

from __future__ import annotations

import time

from conference.calendar.invitations import warm_up
from conference.mail import render


def test_warm_up_compiles_the_invitation_texts_and_is_cheap_the_second_time() -> None:
    warm_up()
    cached = {str(k) for k in render._ENV.cache.keys()}  # noqa: SLF001
    assert any("fr/invitation.txt" in k for k in cached)
    assert any("en/invitation.txt" in k for k in cached)
    started = time.perf_counter()
    warm_up()  # everything is loaded: only the sample message is built again
    assert time.perf_counter() - started < 0.05
