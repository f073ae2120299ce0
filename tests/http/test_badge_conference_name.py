"""The conference's name on a printed badge, read back from the batch's PDF. A ministerial
meeting's full title is long ("Alliance mondiale contre les abus sexuels commis contre des
enfants via internet : réunion ministérielle de suivi"): the band held two lines of it and
dropped the rest without a mark, so a badge named another meeting ("… via internet :"). The
badge now prints the title when it fits, else the conference's short name, else the title in
smaller type over three lines (the badge PNG does the same)."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import delegation, member
from tests.conftest import Api, conference_body
from tests.http.test_badge_production import _pages_text, _pdf

TITLE = {"fr": "Alliance mondiale contre les abus sexuels commis contre des enfants via "
               "internet : réunion ministérielle de suivi",
         "en": "Global Alliance against Child Sexual Abuse Online: ministerial follow-up "
               "meeting"}
SHORT = {"fr": "Alliance mondiale – suivi", "en": "Global Alliance follow-up"}


async def _badge_text(api: Api, **changes: Any) -> str:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(title=TITLE, **changes))
    assert status == 201, body
    fr = await delegation(api, "FR")
    await member(api, fr, "Barrot")  # language en
    status, pdf = await _pdf(api, layout="a6")
    assert status == 200, pdf
    [page] = _pages_text(pdf)
    return " ".join(page.split())


async def test_a_long_title_gives_way_to_the_short_name_on_the_badge(api: Api) -> None:
    text = await _badge_text(api, short_name=SHORT)
    assert SHORT["en"] in text
    assert "Online: ministerial" not in text  # no title cut short


async def test_a_long_title_without_a_short_name_prints_whole(api: Api) -> None:
    text = await _badge_text(api)
    assert TITLE["en"] in text


async def test_a_title_that_fits_is_printed_as_it_is(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(short_name=SHORT))
    assert status == 201, body
    await member(api, await delegation(api, "FR"), "Barrot")
    status, pdf = await _pdf(api, layout="a4x4")
    assert status == 200, pdf
    text = " ".join(_pages_text(pdf)[0].split())
    assert "Global Alliance: meeting" in text and SHORT["en"] not in text
