"""What the door screen says of a badge that is no longer valid, in French and English: a badge
replaced (a reissue printed a newer one, or another person took its holder's place), or one of
an accreditation revoked or withdrawn, reads as such, with what the door staff do next, not a
bare status (found reading the door screen: « Une autre personne a pris la place de cette
accréditation. » said neither that the badge is void nor what to do)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from conference.badges.domain import check_character
from tests.browser.helpers import delegation, element, hidden, member, press, text, zone
from tests.conftest import Api
from tests.http.test_badge_production import _reissue
from tests.http.test_badges import _reference, _revoke
from tests.http.test_console import _scans, staff
from tests.http.test_lifecycle_substitution import person, substitute
from tests.http.test_workspaces import _setup, link_in
from tests.support import RecordingSMTP
from tests.unit.test_badges_domain import TO_AZERTY

DOOR = "/manage/alliance/door"

EXPECTED = {
    "superseded": {
        "fr": ("Badge remplacé\u00a0: un badge plus récent a été émis pour cette personne "
               "(réimpression)\u00a0; celui-ci n'est plus valable.",
               "Demandez le nouveau badge. Si la personne ne l'a pas, orientez-la vers le "
               "bureau des accréditations."),
        "en": ("Badge replaced: a newer badge was issued to this person (reprint); this one is "
               "no longer valid.",
               "Ask for the new badge. If the person does not have it, send them to the "
               "accreditation desk."),
    },
    "substituted": {
        "fr": ("Badge remplacé\u00a0: une autre personne a pris la place de son titulaire "
               "(remplacement)\u00a0; ce badge n'est plus valable.",
               "N'admettez personne avec ce badge. La personne qui a pris la place a son "
               "propre badge, à son nom\u00a0: demandez-le. Sinon, orientez la personne vers "
               "le bureau des accréditations."),
        "en": ("Badge replaced: another person took its holder's place (substitution); this "
               "badge is no longer valid.",
               "Admit no one on this badge. The person who took the place has a badge of their "
               "own, in their name: ask for it. Otherwise send the person to the accreditation "
               "desk."),
    },
    "revoked": {
        "fr": ("Accréditation révoquée\u00a0: ce badge n'est plus valable.",
               "N'admettez pas la personne. Orientez-la vers le bureau des accréditations."),
        "en": ("Accreditation revoked: this badge is no longer valid.",
               "Do not admit the person. Send them to the accreditation desk."),
    },
    "withdrawn": {
        "fr": ("Demande retirée\u00a0: ce badge n'est plus valable.",
               "N'admettez pas la personne. Orientez-la vers le bureau des accréditations."),
        "en": ("Application withdrawn: this badge is no longer valid.",
               "Do not admit the person. Send them to the accreditation desk."),
    },
}


async def test_a_void_badge_says_so_and_what_to_do_in_both_languages(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press", "minister"])
    be = await delegation(api, "NL")

    reprinted = await member(api, be, "Lambert")
    old_badge = await _reference(api, reprinted["id"])
    assert (await _reissue(api, reprinted["id"], reason="lost"))[0] == 200

    replaced = await member(api, be, "Maes")
    status, new = await substitute(api, replaced["id"],
                                   person(1, approve=True, reason="The minister sends a deputy."),
                                   "protocol")
    assert status == 201, new

    revoked = await press(api, 1, decision="approve")
    await _revoke(api, revoked["id"])
    withdrawn = await press(api, 2)
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{withdrawn['id']}/withdraw",
                                     role=withdrawn["access_token"], json={})
    assert status == 200, body

    badges = {"superseded": old_badge, "substituted": await _reference(api, replaced["id"]),
              "revoked": await _reference(api, revoked["id"]),
              "withdrawn": await _reference(api, withdrawn["id"])}
    for reason, badge in badges.items():
        for lang in ("fr", "en"):
            status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}",
                                                   zone="press-centre", badge=badge)
            assert status == 200, page
            said, action = (" ".join(words.split()) for words in EXPECTED[reason][lang])
            assert ("REFUSÉ" if lang == "fr" else "REFUSED") in element(page, "door-result")
            assert element(page, "door-reason") == said, (reason, lang)
            assert element(page, "door-action") == action, (reason, lang)
    assert [r["reason"] for r in await _scans(api)] == [
        r for r in badges for _ in ("fr", "en")]

    # an admitted badge has no instruction
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=await _reference(api, new["id"]))
    assert "ADMITTED" in element(page, "door-result")
    assert 'id="door-action"' not in page
    # the holder's country in the page's language, not the conference's (found in a user
    # test: "Holder: Sophie Wilmès – Official – Belgique" on the English page)
    assert "Netherlands" in element(page, "door-result") and "Pays-Bas" not in page
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=fr", zone="press-centre",
                                           badge=await _reference(api, new["id"]))
    assert "Pays-Bas" in element(page, "door-result")
    # the holder named with an epicene word (« Porteur : » of a woman, found in a user test)
    assert "Titulaire :" in element(page, "door-result") and "Porteur" not in page


async def test_the_header_names_the_account_without_an_inclusive_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The header said « Connecté(e) en tant que : Door Person »; a French administration
    writes « Compte : Door Person » (the English keeps "Signed in as: Door Person")."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    _, page, _ = await door.go("GET", f"{DOOR}?lang=fr")
    assert "Compte : Door Person" in text(page)  # text() collapses the no-break space
    assert "Compte\u00a0:" in page
    assert "(e)" not in text(page)
    _, page, _ = await door.go("GET", f"{DOOR}?lang=en")
    assert "Signed in as: Door Person" in text(page)


async def test_a_typed_short_reference_admits_and_a_mistyped_one_says_type_it_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The door staff type the short reference printed under the QR code (docs/credentials.md,
    "Short reference"); a typing mistake says so and what to do, in both languages, showing
    what was typed, never « falsifiée » (found in a user test: one mistyped character of the
    50-character reference answered « pas authentique (falsifiée ou altérée) »)."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    status, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    assert status == 200, states
    [short] = [s["short_reference"] for s in states["items"]]

    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-centre",
                                           badge=short.lower().replace("-", " "))
    assert status == 200, page
    assert "ADMIS" in element(page, "door-result")
    assert journalist["family_name"] in element(page, "door-result")
    assert "4F7K-92QX" in element(page, "badge-hint")  # the field says what may be typed

    wrong = short[:-1] + ("2" if short[-1] != "2" else "3")
    expected = {
        "fr": ("Référence mal saisie\u00a0: ce n'est pas une référence de badge valable (une "
               "lettre ou un chiffre ne correspond pas).",
               "Saisissez-la de nouveau, lettre par lettre, ou scannez le code QR. Si elle "
               "n'est toujours pas reconnue, orientez la personne vers le bureau des "
               "accréditations.",
               "Référence saisie\u00a0:"),
        "en": ("Reference mistyped: this is not a valid badge reference (a letter or digit "
               "does not match).",
               "Type it again, character by character, or scan the QR code. If it is still "
               "not recognised, send the person to the accreditation desk.",
               "Reference typed:"),
    }
    for lang, (said, action, typed) in expected.items():
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=wrong)
        assert status == 200, page
        # a reference not read is "check again" in amber, not REFUSED in red (found in a tryout
        # on the morning of a meeting: door staff read REFUSED as a refusal of the person)
        verdict = element(page, "door-result")
        assert ("À VÉRIFIER" if lang == "fr" else "CHECK AGAIN") in verdict
        assert "REFUS" not in verdict
        assert 'class="door-result door-recheck"' in page
        assert element(page, "door-reason") == " ".join(said.split())
        assert element(page, "door-action") == " ".join(action.split())
        assert element(page, "door-typed") == " ".join(f"{typed} {wrong}".split())
        assert "falsifi" not in page and "forged" not in page

    # a character too many is said as a wrong length (docs/workspaces.md, "Errors in sight")
    for lang, said in (("fr", "Référence mal saisie : une référence courte a 8 caractères "
                              "(celle-ci en a 9)."),
                       ("en", "Reference mistyped: a short reference has 8 characters (this "
                              "one has 9).")):
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=short + "7")
        assert status == 200, page
        assert element(page, "door-reason") == said, lang

    # a QR code's altered signed reference stays forged, and now says what to do
    genuine = await _reference(api, journalist["id"])
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=genuine[:-1] + ("A" if genuine[-1] != "A"
                                                                 else "B"))
    assert element(page, "door-reason") == "The badge reference is not genuine (forged or altered)."
    assert "REFUSED" in element(page, "door-result")  # a failed signature is a refusal
    assert "type the short reference printed under it" in element(page, "door-action")
    # a well-formed short reference that no badge carries: check again too
    body = next(b for b in ("2345678", "ABCDEFG", "ZZZZZZZ") if b != short.replace("-", "")[:7])
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=body + check_character(body))
    assert "CHECK AGAIN" in element(page, "door-result"), page
    assert "Check the reference on the badge" in element(page, "door-action")
    assert [r["reason"] for r in await _scans(api)] == [
        "granted", "mistyped_reference", "mistyped_reference", "mistyped_reference",
        "mistyped_reference", "forged_badge", "unknown_badge"]


async def test_the_language_link_keeps_the_zone_chosen(api: Api, smtp: RecordingSMTP) -> None:
    """Trying the door on a phone (1 December 2026): after a check the header's « English »
    led to the door with no zone chosen, and the next scan was refused by the browser for
    want of one. The link carries the zone of the check; the page it opens has it chosen."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    await zone(api, "plenary-hall", categories=["minister"])
    journalist = await press(api, decision="approve")
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=fr", zone="plenary-hall",
                                           badge=await _reference(api, journalist["id"]))
    assert status == 200, page
    link = re.search(r'<a href="([^"]+)"[^>]*id="switch-language"', page)
    assert link, page
    href = html.unescape(link.group(1))
    assert href == f"{DOOR}?zone=plenary-hall&lang=en", href
    status, page, _ = await door.go("GET", href)
    assert status == 200 and '<option value="plenary-hall" selected>' in page
    assert '<option value="press-centre" selected>' not in page
    # and back: the English page's link keeps it too
    link = re.search(r'<a href="([^"]+)"[^>]*id="switch-language"', page)
    assert link and "zone=plenary-hall" in html.unescape(link.group(1))


async def test_the_same_form_sent_again_records_the_scan_once(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Trying the door on a phone (1 December 2026): after a check, the phone's Back button (or
    a reload) sent the form again, and the same scan was recorded twice in the attendance the
    protocol service counts. Each form the page offers names its scan: sent again, it is
    answered again and recorded once; the page it answers offers a new scan, which records."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="en")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    badge = await _reference(api, journalist["id"])
    _, page, _ = await door.go("GET", f"{DOOR}?lang=en")
    form = {"csrf": hidden(page, "csrf"), "scan": hidden(page, "scan"), "zone": "press-centre",
            "badge": badge}
    status, first, _ = await door.go("POST", DOOR, form)
    assert status == 200 and "ADMITTED" in element(first, "door-result"), first
    status, again, _ = await door.go("POST", DOOR, form)  # Back, then "Confirm resubmission"
    assert status == 200 and "ADMITTED" in element(again, "door-result"), again
    assert [r["reason"] for r in await _scans(api)] == ["granted"]

    # the answer's own form is a new scan of the next person (here the same badge again)
    assert hidden(first, "scan") != form["scan"]
    status, page, _ = await door.go("POST", DOOR, {**form, "scan": hidden(first, "scan")})
    assert status == 200 and "ADMITTED" in element(page, "door-result")
    # a scan identifier sent with another badge is not the same form: recorded as well
    status, page, _ = await door.go("POST", DOOR, {**form, "badge": "ZZZZ-ZZZZ"})
    assert status == 200
    reasons = [r["reason"] for r in await _scans(api)]
    assert reasons[:2] == ["granted", "granted"] and len(reasons) == 3, reasons


async def test_a_qr_code_scanned_with_caps_lock_on_admits(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A USB scanner types the QR code as a keyboard would: with Caps Lock on at the door's
    computer every letter came in the other case, and every genuine badge was REFUSÉ « pas
    authentique (falsifiée ou altérée) » (docs/credentials.md, "Short reference"). Read with
    its case swapped back, it admits; an altered one is still refused."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    qr = await _reference(api, journalist["id"])
    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-centre",
                                           badge=qr.swapcase())
    assert status == 200, page
    assert "ADMIS" in element(page, "door-result")
    assert journalist["family_name"] in element(page, "door-result")
    altered = "0" if qr[-1] != "0" else "1"  # a digit: no case to swap back
    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-centre",
                                           badge=qr.swapcase()[:-1] + altered)
    assert status == 200, page
    assert "REFUSÉ" in element(page, "door-result")
    assert "pas authentique" in element(page, "door-reason")


async def test_a_qr_code_read_through_a_french_keyboard_admits_and_a_cut_one_is_scanned_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A scanner set for a US keyboard on the door's AZERTY computer typed « & » for « 1 »,
    « q » for « a », « : » for the dot: every genuine badge was REFUSÉ as a forgery. A code read
    in part (the scanner moved away) was REFUSÉ in red too, and the door staff sent the person
    away. Now the first admits, and the second is À VÉRIFIER in amber, "scan again" (docs/
    credentials.md, "Short reference"); ADMIS stands alone, without « Accès autorisé. »."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    qr = await _reference(api, journalist["id"])
    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-centre",
                                           badge=qr.translate(TO_AZERTY))
    assert status == 200, page
    assert "ADMIS" in element(page, "door-result")
    assert journalist["family_name"] in element(page, "door-result")
    assert 'id="door-reason"' not in page and "Accès autorisé" not in page

    expected = {
        "fr": ("À VÉRIFIER", "Ce qui a été lu n'est pas une référence de badge (lu en partie, ou "
               "un autre code).", "Scannez de nouveau le code QR du badge"),
        "en": ("CHECK AGAIN", "What was read is not a badge reference (read in part, or another "
               "code).", "Scan the badge's QR code again"),
    }
    for lang, (verdict, said, action) in expected.items():
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=qr[:35])
        assert status == 200, page
        assert verdict in element(page, "door-result") and "REFUS" not in page
        assert 'class="door-result door-recheck"' in page
        assert element(page, "door-reason") == said
        assert element(page, "door-action").startswith(action)
        assert "falsifi" not in page and "forged" not in page
    assert [r["reason"] for r in await _scans(api)] == [
        "granted", "unreadable_reference", "unreadable_reference"]


async def test_a_zone_the_badge_does_not_open_names_those_it_does(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Refused at a zone their badge does not open, a person asks where they may go: the door
    names the zones the badge opens, in the page's language, and the API's answer gives
    their codes (tried at the door: « son badge indique celles où elle peut entrer » sent the
    staff to read a badge printed before the zone was defined)."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    await zone(api, "press-room", categories=["press"])
    await zone(api, "lounge", categories=["minister"])
    journalist = await press(api, decision="approve")
    qr = await _reference(api, journalist["id"])
    status, answer, _ = await api.call("POST", "/api/v1/conferences/alliance/check-ins",
                                       role="protocol", json={"badge": qr, "zone": "lounge"})
    assert status == 200, answer
    assert (answer["reason"], answer["zones_granted"]) == (
        "zone_not_granted", ["press-centre", "press-room"])
    for lang, said, action in (
        ("fr", "Ce badge ouvre\u00a0: Zone press-centre, Zone press-room.",
         "N'admettez pas la personne dans cette zone\u00a0: indiquez-lui celles que son badge "
         "ouvre. En cas de doute, orientez-la vers le bureau des accréditations."),
        ("en", "This badge opens: Zone press-centre, Zone press-room.",
         "Do not admit the person to this zone: tell them the zones their badge opens. If in "
         "doubt, send them to the accreditation desk."),
    ):
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="lounge",
                                               badge=qr)
        assert status == 200, page
        assert element(page, "door-opens") == " ".join(said.split())
        assert element(page, "door-action") == " ".join(action.split())
    # admitted, or refused for another reason: no list
    status, answer, _ = await api.call("POST", "/api/v1/conferences/alliance/check-ins",
                                       role="protocol", json={"badge": qr, "zone": "press-room"})
    assert answer["admitted"] and answer["zones_granted"] == []
    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-room", badge=qr)
    assert 'id="door-opens"' not in page


async def test_a_scan_after_the_session_ended_signs_in_back_to_the_door_and_its_zone(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A door shift outlasts the session (8 hours without use): the next scan led to the
    sign-in page, and the sign-in to the list of workspaces, the door and its zone to find
    again (tried at the door). It now leads back to the door with the zone chosen; the scan
    itself is not recorded, and the badge is scanned again."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    _, page, _ = await door.go("GET", DOOR)
    csrf = hidden(page, "csrf")
    door.cookies.pop("session")  # the session ended
    scans_before = await _scans(api)
    status, _, resp = await door.go("POST", f"{DOOR}?lang=fr", {
        "csrf": csrf, "zone": "press-centre", "badge": await _reference(api, journalist["id"])})
    assert status == 303
    location = resp.headers["Location"]
    assert urlsplit(location).path == "/signin"
    assert parse_qs(urlsplit(location).query) == {
        "lang": ["fr"], "next": ["/manage/alliance/door?zone=press-centre"]}
    assert await _scans(api) == scans_before
    _, page, _ = await door.go("GET", location)
    assert hidden(page, "next") == "/manage/alliance/door?zone=press-centre"
    # signed in again: back at the door, the zone chosen, ready for the badge
    status, _, _ = await door.go("POST", "/signin?lang=fr", {
        "csrf": hidden(page, "csrf"), "email": "door@example.org",
        "next": hidden(page, "next")})
    assert status == 303
    [_, mail] = await smtp.wait_for(2, where=lambda m: "door@example.org" in m["To"])
    link = link_in(mail)
    _, page, _ = await door.go("GET", link)
    action = re.search(r'<form method="post" action="([^"]+)"', page)
    assert action
    status, _, resp = await door.go("POST", html.unescape(action.group(1)),
                                    {"csrf": hidden(page, "csrf")})
    assert status == 303
    assert resp.headers["Location"] == "/manage/alliance/door?zone=press-centre&lang=fr"
    status, page, _ = await door.go("GET", resp.headers["Location"])
    assert status == 200
    assert '<option value="press-centre" selected>' in page


async def test_the_zones_are_offered_by_name_the_code_only_to_tell_two_apart(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The zone list said « Salon des délégations (salon-delegations) », the name twice, cut on
    a phone (tried at the door at 390 px). Each zone is offered by its name; the code is added
    only where two zones share a name."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    for code, fr in (("press-centre", "Centre de presse"), ("gate-a", "Entrée"),
                     ("gate-b", "Entrée")):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/zones", role="protocol",
            json={"code": code, "name": {"fr": fr, "en": code}, "kind": "standard",
                  "grants": {"categories": ["press"], "sessions": [], "pools": []}})
        assert status == 201, created
    status, page, _ = await door.go("GET", f"{DOOR}?lang=fr")
    assert status == 200, page
    options = dict(re.findall(r'<option value="([a-z-]+)"[^>]*>([^<]*)</option>', page))
    assert options == {"press-centre": "Centre de presse", "gate-a": "Entrée (gate-a)",
                       "gate-b": "Entrée (gate-b)"}
