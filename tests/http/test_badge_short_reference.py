"""The badge's short reference (docs/credentials.md, "Short reference"): printed large under the
QR code of the PNG and of the print batch, typed at the door in any case, with spaces, dashes
and the usual confusions (O for 0, I or L for 1); a typing mistake is ``mistyped_reference``,
never ``forged_badge``; a well-formed reference of no badge is ``unknown_badge``; reissued,
revoked badges keep their refusals; the migration gives every existing badge its reference."""

from __future__ import annotations

import io
import re
from typing import Any

import asyncpg
from pypdf import PdfReader

from conference.badges.domain import SHORT_ALPHABET, check_character
from conference.db.migrate import migrate
from tests.browser.helpers import BASE, delegation, member, press, scan, zone
from tests.conftest import Api

SHORT = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")


async def _states(api: Api) -> dict[str, dict[str, Any]]:
    resp = await api.client.get(f"{BASE}/badges", headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    return {s["accreditation_id"]: s for s in (await resp.json())["items"]}


async def _batch_text(api: Api, **query: str) -> list[str]:
    resp = await api.client.get(f"{BASE}/badges.pdf", params=query, headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    return [p.extract_text() for p in PdfReader(io.BytesIO(await resp.read())).pages]


def _one_wrong(code: str, at: int) -> str:
    """The reference with one character replaced by another of the alphabet."""
    raw = code.replace("-", "")
    other = SHORT_ALPHABET[(SHORT_ALPHABET.index(raw[at]) + 7) % 32]
    return raw[:at] + other + raw[at + 1:]


async def test_the_short_reference_printed_on_the_badge_is_typed_at_the_door(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    short = (await _states(api))[acc["id"]]["short_reference"]
    assert SHORT.fullmatch(short), short
    [page] = await _batch_text(api)
    assert short in page  # printed under the QR code, in large type

    raw = short.replace("-", "")
    confused = raw.replace("0", "O").replace("1", "l")
    for typed in (short, short.lower(), raw, f" {raw[:4]} {raw[4:]} ", confused,
                  confused.lower(), raw.replace("1", "I")):
        result = await scan(api, typed, "press-centre")
        assert (result["admitted"], result["reason"]) == (True, "granted"), typed
        assert result["holder"]["accreditation_id"] == acc["id"]


async def test_a_mistyped_short_reference_says_type_it_again_never_forged(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    short = (await _states(api))[acc["id"]]["short_reference"]
    raw = short.replace("-", "")
    mistakes = [_one_wrong(short, i) for i in range(8)]
    # two neighbours swapped: the first pair the check character catches. Swapping "88"
    # changes nothing, and the weights 1, 3, 5… let a swap of two values 16 apart through
    # (docs/credentials.md: "most swaps of two neighbours"); it then finds no badge.
    at = next(i for i in range(7)
              if (SHORT_ALPHABET.index(raw[i]) - SHORT_ALPHABET.index(raw[i + 1])) % 16)
    swapped = raw[:at] + raw[at + 1] + raw[at] + raw[at + 2:]
    mistakes += [swapped, raw[:-1], raw + "7", raw[:4] + "U" + raw[5:]]
    for typed in mistakes:
        result = await scan(api, typed, "press-centre")
        assert (result["admitted"], result["reason"], result["holder"]) == (
            False, "mistyped_reference", None), typed
        assert "type it again" in result["detail"]

    # a well-formed reference (its check character matches) that no badge carries
    body = next(b for b in ("2345678", "ABCDEFG", "ZZZZZZZ") if b != raw[:7])
    result = await scan(api, body + check_character(body), "press-centre")
    assert (result["admitted"], result["reason"]) == (False, "unknown_badge")

    # the QR code's signed reference keeps its meaning: altered, it is forged
    result = await scan(api, "WMVTG8ejRti_D3q86ApTlg.Ll3g03jd-WtU1u5womkKLtG3GLM", "press-centre")
    assert result["reason"] == "forged_badge"

    conn = await asyncpg.connect(api.db_url)
    try:
        reasons = [r["reason"] for r in await conn.fetch(
            "SELECT reason FROM check_in ORDER BY id")]
    finally:
        await conn.close()
    assert reasons[:len(mistakes)] == ["mistyped_reference"] * len(mistakes)


async def test_short_references_of_reissued_and_revoked_badges_are_refused_as_their_qr(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "plenary-hall", categories=["minister"])
    be = await delegation(api, "BE")
    m = await member(api, be, "Lambert")
    first = (await _states(api))[m["id"]]["short_reference"]
    assert (await scan(api, first, "plenary-hall"))["admitted"] is True

    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{m['id']}/badge/reissue",
                                     role="protocol", json={"reason": "lost"})
    assert status == 200, body
    second = (await _states(api))[m["id"]]["short_reference"]
    assert second != first
    result = await scan(api, first, "plenary-hall")
    assert (result["admitted"], result["reason"]) == (False, "superseded")
    assert (await scan(api, second, "plenary-hall"))["admitted"] is True
    [page] = await _batch_text(api)
    assert f"{second} · v2" in page

    other = await member(api, be, "Peeters")
    short = (await _states(api))[other["id"]]["short_reference"]
    assert len({first, second, short}) == 3
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{other['id']}/revoke",
                                     role="protocol", json={"reason": "Misconduct."})
    assert status == 200, body
    result = await scan(api, short, "plenary-hall")
    assert (result["admitted"], result["reason"]) == (False, "revoked")


async def test_the_migration_gives_every_existing_badge_its_short_reference(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "plenary-hall", categories=["minister"])
    be = await delegation(api, "BE")
    kept = await member(api, be, "Lambert")
    reissued = await member(api, be, "Peeters")
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{reissued['id']}/badge/reissue", role="protocol",
        json={"reason": "damaged"})
    assert status == 200, body
    # the database as it was before migration 0047, with the same badges
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("""
            DROP TABLE badge_code;
            DROP FUNCTION badge_code_on_approval, badge_code_on_reissue CASCADE;
            DROP FUNCTION badge_code_assign, badge_code_new;
            DELETE FROM schema_migration WHERE name LIKE '0047%';""")
        applied = await migrate(conn)
        assert [n for n in applied if n.startswith("0047")], applied
        rows = await conn.fetch("SELECT accreditation_id::text AS id, version, code "
                                "FROM badge_code")
    finally:
        await conn.close()
    by_id = {r["id"]: (r["version"], r["code"]) for r in rows}
    assert by_id[kept["id"]][0] == 1 and by_id[reissued["id"]][0] == 2
    for who in (kept, reissued):
        code = by_id[who["id"]][1]
        assert check_character(code[:7]) == code[7]
        result = await scan(api, code, "plenary-hall")
        assert (result["admitted"], result["holder"]["accreditation_id"]) == (True, who["id"])
