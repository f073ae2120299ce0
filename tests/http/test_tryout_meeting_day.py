"""What a tryout of the meeting's eve and morning found on the credentials pages and the
delegation portal (2 December 2026), over HTTP with a real PostgreSQL and SMTP server: the
words a protocol officer and a focal point read, and where a refused form says why."""

from __future__ import annotations

import asyncio
import html
import re

from tests.browser.helpers import element, member, press, zone
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import _scans, _setup, _signed_in, staff
from tests.http.test_console_credentials import M, _conference, _post, printed_form
from tests.http.test_credentials import image
from tests.support import RecordingSMTP


def _first_option(page: str, select_id: str) -> str:
    match = re.search(rf'<select id="{select_id}"[^>]*><option value="">([^<]*)</option>', page)
    assert match, f"no select #{select_id}"
    return match.group(1)


async def test_the_badges_filters_say_all_in_the_gender_of_their_label(
    api: Api, smtp: RecordingSMTP
) -> None:
    # « État : Toutes » (tried as protocol): état is masculine, délégation and catégorie not
    be, _ = await _conference(api, smtp)
    await member(api, be, "Peeters")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert status == 200, page
    assert _first_option(page, "status") == "Tous"
    assert _first_option(page, "delegation") == "Toutes"
    assert _first_option(page, "category") == "Toutes"
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert [_first_option(page, s) for s in ("delegation", "category", "status")] == ["All"] * 3
    assert element(page, "badge-count") == "1 badge listed, 1 to print."


async def _summary(page: str) -> list[tuple[str, str]]:
    """The error summary's lines under the title: (the link's target, its text), from a page
    ``_post`` read as latin-1."""
    page = page.encode("latin-1").decode("utf-8")
    box = page[page.index('id="error-summary"'):]
    box = box[:box.index("</div>")]
    return [(href, re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", line))).strip())
            for href, line in re.findall(r'<li><a href="#([^"]+)">(.*?)</li>', box, re.S)]


async def test_a_visa_letter_refused_decision_is_named_under_the_title(
    api: Api, smtp: RecordingSMTP
) -> None:
    # a decision sent without choosing, or for a member not yet approved, reopened the list at
    # its top on a phone with the only error a screen below (tried as protocol)
    be, _ = await _conference(api, smtp)
    minister = await member(api, be, "Peeters", decision=None)  # under review
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/visa-letter",
        role=minister["access_token"],
        json={"passport_name": "PEETERS Anna", "passport_number": "EN1",
              "nationality": "CD", "date_of_birth": "1970-01-01",
              "consulate": "Embassy of Belgium, Kinshasa"})
    assert status == 201, letter
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=fr")
    p = f"l-{letter['id']}-"
    assert f"/visa-letters/{letter['id']}/decision?lang=fr#main" in page
    assert f"/visa-letters/{letter['id']}/cancel" not in page  # requested, not approved
    status, answer, _ = await _post(v, f"{M}/visa-letters/{letter['id']}/decision?lang=fr",
                                    page, {"decision": ""})
    assert status == 422
    assert await _summary(answer) == [
        (f"{p}approve", "Décision – Anna Peeters – Choisissez une décision.")]
    assert f'id="{p}approve"' in answer
    status, answer, _ = await _post(v, f"{M}/visa-letters/{letter['id']}/decision?lang=en",
                                    page, {"decision": "refuse"})
    assert status == 422
    assert await _summary(answer) == [
        (f"{p}reason", "Written reason – Anna Peeters – Write the reason.")]
    status, answer, _ = await _post(v, f"{M}/visa-letters/{letter['id']}/decision?lang=en",
                                    page, {"decision": "approve"})
    assert status == 409
    [(target, line)] = await _summary(answer)
    assert target == f"{p}approve" and line.startswith("Decision – Anna Peeters – ")
    assert "not approved yet" in line, line


async def test_a_reissue_refused_names_its_fields_under_the_title(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp)
    minister = await member(api, be, "Peeters")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{M}/badges/{minister['id']}/reissue"
    status, form, _ = await v.go("GET", f"{path}?lang=fr")
    assert status == 200 and f'action="{path}?lang=fr#main"' in form
    status, answer, _ = await _post(v, f"{path}?lang=fr", form, {"reason": "lost"})
    assert status == 422
    assert await _summary(answer) == [
        ("confirm", "Je confirme\u00a0: l'ancien badge ne sera plus accepté. – "
                    "Cochez la confirmation.")]
    status, answer, _ = await _post(v, f"{path}?lang=en", form, {})
    assert status == 422
    assert [target for target, _ in await _summary(answer)] == ["reason-lost", "confirm"]


async def test_the_delegation_s_list_says_whose_badge_is_ready(
    api: Api, smtp: RecordingSMTP
) -> None:
    # the evening before, the focal point read « Accordée » for every member and had to open
    # each one to learn whose badge was ready and whose waited for the security check
    be, link = await _conference(api, smtp, vetting_required=["official"])
    minister = await member(api, be, "Peeters")
    official = await member(api, be, "Maes", category="official", rank="senior_official")
    refused = await member(api, be, "Claes", category="official", rank="senior_official")
    pending = await member(api, be, "Janssens", decision=None)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{refused['id']}/vetting/status", role="protocol",
        json={"status": "refused", "reason": "Not cleared."})
    assert status == 200, body
    status, badges, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    assert status == 200, badges
    ref = {b["accreditation_id"]: b["short_reference"] for b in badges["items"]}
    fp = await _signed_in(api, link)
    status, page, _ = await fp.go("GET", "/delegation/alliance-be?lang=en")
    assert status == 200, page
    assert element(page, f"member-badge-{minister['id']}") == (
        f"Badge ready: {ref[minister['id']]} (no photo)")
    assert element(page, f"member-badge-{official['id']}") == "Badge after the security check"
    # a refusal says it in its own words, and a member under review has no badge yet
    assert f"member-badge-{refused['id']}" not in page
    assert element(page, f"member-refused-{refused['id']}") == "Clearance refused: no badge"
    assert f"member-badge-{pending['id']}" not in page

    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{official['id']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200, body
    status, body, _ = await api.call(
        "PUT", f"/api/v1/accreditations/{minister['id']}/photo", role="protocol",
        data=image(600, 800, "JPEG"), headers={"Content-Type": "image/jpeg"})
    assert status in (200, 204), body
    status, page, _ = await fp.go("GET", "/delegation/alliance-be?lang=fr")
    # element() reads the no-break space before the colon as a space
    assert element(page, f"member-badge-{minister['id']}") == (
        f"Badge prêt : {ref[minister['id']]}")
    assert element(page, f"member-badge-{official['id']}") == (
        f"Badge prêt : {ref[official['id']]} (sans photo)")
    assert f"Badge prêt\u00a0: {ref[minister['id']]}" in page


async def test_a_letter_closed_with_its_accreditation_says_why_in_words(
    api: Api, smtp: RecordingSMTP
) -> None:
    # the console's list said « Motif : accreditation substituted », the recorded reason
    be, _ = await _conference(api, smtp)
    minister = await member(api, be, "Peeters", decision=None)
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/visa-letter",
        role=minister["access_token"],
        json={"passport_name": "PEETERS Anna", "passport_number": "EN1",
              "nationality": "CD", "date_of_birth": "1970-01-01",
              "consulate": "Embassy of Belgium, Kinshasa"})
    assert status == 201, letter
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{minister['id']}/revoke",
                                     role="protocol", json={"reason": "Left the government."})
    assert status == 200, body
    for _ in range(100):  # the worker's consumer closes the letter
        status, closed, _ = await api.call("GET", f"/api/v1/visa-letters/{letter['id']}",
                                           role="protocol")
        if closed["status"] != "requested":
            break
        await asyncio.sleep(0.1)
    assert (closed["status"], closed["reason"]) == ("refused", "accreditation revoked")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=fr&status=all")
    assert element(page, f"letter-reason-{letter['id']}") == (
        "Fin de l'accréditation (révocation)")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en&status=refused")
    assert element(page, f"letter-reason-{letter['id']}") == (
        "The accreditation ended (revoked)")


async def test_a_closed_member_s_page_asks_no_check_of_a_filing_no_one_can_change(
    api: Api, smtp: RecordingSMTP
) -> None:
    # a member substituted or withdrawn kept « veuillez vérifier la catégorie » on their page
    be, link = await _conference(api, smtp)
    official = await member(api, be, "Claes", category="official", rank="minister",
                            decision=None)
    fp = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{official['id']}?lang=en"
    status, page, _ = await fp.go("GET", path)
    assert status == 200 and "rank-warning" in page
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{official['id']}/withdraw",
                                     role=official["access_token"])
    assert status == 200, body
    status, page, _ = await fp.go("GET", path)
    assert status == 200 and element(page, "main").count("Withdrawn")
    assert "rank-warning" not in page and "check the category" not in page.lower()


async def test_a_reference_sent_without_a_zone_stays_in_its_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    # door staff typed a reference by hand and forgot the zone: the answer named the zone but
    # emptied the field, and the reference had to be typed again
    await _setup(api, smtp)
    await zone(api, "press-centre", categories=["press"])
    door = await staff(api, smtp, "door@example.org", "door")
    status, page, _ = await door.post_form("/manage/alliance/door", "/manage/alliance/door",
                                           zone="", badge="4f7k 92qx")
    assert status == 422 and 'id="zone-error"' in page and 'id="badge-error"' not in page
    assert re.search(r'<input type="text" id="badge" name="badge" value="4f7k 92qx"', page)
    assert await _scans(api) == []
    # after a check, the field is empty for the next badge
    status, page, _ = await door.post_form("/manage/alliance/door", "/manage/alliance/door",
                                           zone="press-centre", badge="4f7k 92qx")
    assert status == 200 and "CHECK AGAIN" in page
    assert re.search(r'<input type="text" id="badge" name="badge" required', page)


async def test_a_reissued_badge_s_reference_typed_as_printed_is_read(
    api: Api, smtp: RecordingSMTP
) -> None:
    # a reissued badge prints « 8ASQ-35CJ · v3 » under its QR code: typed so, the door said
    # "8 characters (this one has 11)" and "type it as printed", which had been done
    await _setup(api, smtp)
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/badge/reissue", role="protocol",
        json={"reason": "lost"})
    assert status == 200, body
    status, badges, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    [state] = badges["items"]
    assert state["badge_version"] == 2
    ref = state["short_reference"]
    door = await staff(api, smtp, "door@example.org", "door")
    for typed in (f"{ref} · v2", f"{ref.lower()} v2", f"{ref.replace('-', '')}V2"):
        status, page, _ = await door.post_form(
            "/manage/alliance/door", "/manage/alliance/door?lang=en", zone="press-centre",
            badge=typed)
        assert status == 200 and "ADMITTED" in element(page, "door-result"), typed
    # a reference that is not one stays as typed, and is answered as such
    wrong = ref[:-1] + ("0" if ref[-1] != "0" else "1")
    status, page, _ = await door.post_form(
        "/manage/alliance/door", "/manage/alliance/door?lang=en", zone="press-centre",
        badge=f"{wrong} · v2")
    assert "CHECK AGAIN" in element(page, "door-result")
    assert element(page, "door-typed") == f"Reference typed: {wrong} · v2"
    assert [r["reason"] for r in await _scans(api)] == ["granted"] * 3 + ["mistyped_reference"]


async def test_the_focal_point_reads_the_member_s_approved_visa_letter(
    api: Api, smtp: RecordingSMTP
) -> None:
    # the portal said « approuvée, lettre n° … envoyée par courriel »: the PDF went to the
    # member alone, and the focal point who had asked for it could not read it
    be, link = await _conference(api, smtp)
    minister = await member(api, be, "Peeters")
    other = await member(api, be, "Maes")
    fp = await _signed_in(api, link)
    for who in (minister, other):
        status, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{who['id']}/visa-letter",
            role=who["access_token"],
            json={"passport_name": f"{who['family_name'].upper()} Anna", "passport_number": "EN1",
                  "nationality": "CD", "date_of_birth": "1970-01-01",
                  "consulate": "Embassy of Belgium, Kinshasa"})
        assert status == 201, letter
        who["letter"] = letter
    path = f"/delegation/alliance-be/members/{minister['id']}"
    status, page, _ = await fp.go("GET", f"{path}/credentials?lang=en")
    assert status == 200 and "visa-pdf" not in page
    status, _, _ = await fp.go("GET", f"{path}/visa-letter.pdf")
    assert status == 409
    status, decided, _ = await api.call(
        "POST", f"/api/v1/visa-letters/{minister['letter']['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    status, page, _ = await fp.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "visa-pdf") == f"Télécharger la lettre n° {decided['number']} (PDF)"
    assert f'href="{path}/visa-letter.pdf"' in page
    resp = await api.client.get(f"{path}/visa-letter.pdf", headers={"Cookie": "; ".join(
        f"{k}={c}" for k, c in fp.cookies.items())})
    assert resp.status == 200 and resp.content_type == "application/pdf"
    assert (await resp.read()).startswith(b"%PDF")
    assert decided["number"] in resp.headers["Content-Disposition"]
    # the other member's letter, still requested: no letter to read
    status, _, _ = await fp.go("GET", f"/delegation/alliance-be/members/{other['id']}"
                                      "/visa-letter.pdf")
    assert status == 409


async def test_each_delegation_s_pack_says_how_many_badges_it_holds(
    api: Api, smtp: RecordingSMTP
) -> None:
    # Belgium's only badge was reissued (lost): the officer opened Belgium, typed who collects,
    # and only then read "no printed badge to hand over"
    be, _ = await _conference(api, smtp, vetting_required=["official"])
    fr = await make_delegation(api, country="FR")
    people = [await member(api, be, name) for name in ("Peeters", "Maes")]
    await member(api, be, "Claes", category="official", rank="senior_official")  # no clearance
    await member(api, fr, "Martin")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert element(page, f"pack-count-{be['id']}") == "no printed badge to hand over"
    assert f'id="pack-{be["id"]}"' not in page
    assert "once printed and marked so" in element(page, f"pack-none-{be['id']}")
    status, _, resp = await _post(v, f"{M}/badges/printed?lang=en", page, printed_form(page))
    assert status == 303, resp
    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert element(page, f"pack-count-{be['id']}") == "2 badges imprimés à remettre"
    assert element(page, f"pack-count-{fr['id']}") == "1 badge imprimé à remettre"
    assert f'id="pack-{be["id"]}"' in page and f"pack-none-{be['id']}" not in page
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{people[0]['id']}/badge/reissue", role="protocol",
        json={"reason": "lost"})
    assert status == 200, body
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert element(page, f"pack-count-{be['id']}") == "1 printed badge to hand over"
