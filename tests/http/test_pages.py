"""The pages for people over HTTP: the press form (fr/en, CSRF, errors beside their fields,
window, pool, duplicates), the application behind the private link (history, withdrawal, feed
and badge after approval) and the public programme."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from PIL import Image

from conference.signing import load_signer
from tests.browser.helpers import (
    BASE,
    at,
    element,
    hidden,
    press,
    publish,
    room,
    session,
    text,
)
from tests.conftest import Api, conference_body
from tests.support import RecordingSMTP, body_text, current_token

FORM = {"given_name": "Marie", "family_name": "Dupont", "email": "marie.dupont@example.org",
        "language": "fr", "outlet": "Le Soir", "press_card_number": "BE-1000",
        "role": "journalist", "country": "BE"}


async def _get(api: Api, path: str, **headers: str) -> tuple[int, str, Any]:
    resp = await api.client.get(path, headers=headers, allow_redirects=False)
    return resp.status, await resp.text(), resp


async def _post(api: Api, path: str, data: dict[str, str]) -> tuple[int, str, Any]:
    resp = await api.client.post(path, data=data, allow_redirects=False)
    return resp.status, await resp.text(), resp


async def _submit(api: Api, lang: str = "fr", **changes: str) -> tuple[int, str, Any]:
    """The form filled and sent, as a browser does: a filing's 303 is followed to its answer
    (post, redirect, get); a refusal is the form again."""
    _, page, _ = await _get(api, f"/alliance/press?lang={lang}")
    form = {**FORM, **changes, "csrf": hidden(page, "csrf")}
    status, page, resp = await _post(api, f"/alliance/press?lang={lang}", form)
    if status == 303:
        assert resp.headers["Location"] == f"/alliance/press/received?lang={lang}"
        return await _get(api, resp.headers["Location"])
    return status, page, resp


async def _count(api: Api) -> int:
    conn = await asyncpg.connect(api.db_url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM accreditation"))
    finally:
        await conn.close()


# --- the press form ---------------------------------------------------------------------------


async def test_the_form_is_in_french_with_the_window_and_labels(
    api: Api, conference: dict[str, Any]
) -> None:
    status, page, resp = await _get(api, "/alliance/press?lang=fr")
    assert status == 200
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="fr">' in page
    assert "Inscriptions ouvertes du" in element(page, "window")
    assert "Places dans le pool de presse : 10." in element(page, "window")
    for name in ("given_name", "family_name", "email", "language", "outlet",
                 "press_card_number", "role", "country"):
        assert f'<label for="{name}">' in page, name
        assert f'id="{name}" name="{name}"' in page, name
    assert "Sous le haut patronage de S.M. la Reine Paola de Belgique" in text(page)
    assert 'href="/alliance/press?lang=en"' in page
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    cookie = resp.cookies["csrf"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"


async def test_the_language_follows_the_browser_and_the_link(
    api: Api, conference: dict[str, Any]
) -> None:
    _, page, _ = await _get(api, "/alliance/press", **{"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in page and "Registration is open from" in page
    _, page, _ = await _get(api, "/alliance/press", **{"Accept-Language": "de, fr;q=0.5"})
    assert '<html lang="fr">' in page
    _, page, _ = await _get(api, "/alliance/press?lang=en", **{"Accept-Language": "fr"})
    assert '<html lang="en">' in page and "Country of the outlet" in page


async def test_the_answer_to_a_filing_is_a_page_a_reload_shows_again_without_filing(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    # a user test: reloading the answer asked to send the form again, which then said the
    # address had applied already; the answer is now its own page (post, redirect, get)
    _, page, _ = await _get(api, "/alliance/press?lang=en")
    status, _, resp = await _post(api, "/alliance/press?lang=en",
                                  {**FORM, "csrf": hidden(page, "csrf")})
    assert status == 303 and resp.headers["Location"] == "/alliance/press/received?lang=en"
    cookie = resp.cookies["press_done"]
    assert cookie["httponly"] and cookie["path"] == "/alliance/press"
    assert "marie.dupont" not in resp.headers["Location"]
    for _ in range(2):  # the answer, then a reload of it
        status, done, _ = await _get(api, "/alliance/press/received?lang=en")
        assert status == 200 and element(done, "done") == "Application received"
        assert "marie.dupont@example.org" in done
    assert await _count(api) == 1
    # in the other language, and without the cookie (another browser): the answer in general
    status, done, _ = await _get(api, "/alliance/press/received?lang=fr")
    assert "marie.dupont@example.org" in done and "Demande reçue" in done
    api.client.session.cookie_jar.clear()
    status, done, _ = await _get(api, "/alliance/press/received?lang=en")
    assert status == 200 and "marie.dupont" not in done
    assert "the acknowledgement went to the address you gave" in done


async def test_submitting_the_form_files_the_application_like_the_api(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    status, page, resp = await _submit(api)
    assert status == 200, text(page)
    assert resp.headers["Cache-Control"] == "no-store"
    assert element(page, "done") == "Demande reçue"
    shown = text(page)
    assert "Michele Cercone, +32 2 298 09 63, michele.cercone@example.org" in shown
    assert "Le bureau du porte-parole examine votre demande." in shown
    assert "/a/" not in page  # the private link comes by mail (each letter replaces it)
    assert "courriel" in element(page, "private-link-mailed")

    status, listed, _ = await api.call("GET", f"{BASE}/accreditations", role="press_office")
    [acc] = listed["items"]
    assert (acc["given_name"], acc["family_name"], acc["status"], acc["language"]) == (
        "Marie", "Dupont", "submitted", "fr")
    assert acc["press"] == {"outlet": "Le Soir", "press_card_number": "BE-1000",
                            "role": "journalist", "country": "BE"}
    [notice] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert notice["Subject"].startswith("Demande d'accréditation presse reçue")
    assert "Michele Cercone, +32 2 298 09 63" in body_text(notice)
    assert re.search(r"https://conference\.test/a/[\w-]{40,}", body_text(notice))
    await smtp.wait_for(2, where=lambda m: m["Subject"].startswith("Nouvelle demande"))
    conn = await asyncpg.connect(api.db_url)
    try:
        assert await conn.fetchval("SELECT type FROM domain_event ORDER BY id DESC LIMIT 1") == (
            "accreditation.submitted")
    finally:
        await conn.close()


async def test_a_post_without_a_valid_csrf_token_files_nothing(
    api: Api, conference: dict[str, Any]
) -> None:
    await _get(api, "/alliance/press")  # the browser holds the cookie
    status, page, _ = await _post(api, "/alliance/press?lang=en", FORM)
    assert status == 403
    assert "The form expired or could not be verified" in element(page, "form-message")
    assert 'value="Le Soir"' in page  # what was typed is kept
    status, _, _ = await _post(api, "/alliance/press", {**FORM, "csrf": "forged.token"})
    assert status == 403
    assert await _count(api) == 0


async def test_a_token_is_bound_to_its_cookie(
    api: Api, conference: dict[str, Any], settings: Any
) -> None:
    _, page, _ = await _get(api, "/alliance/press")
    token = hidden(page, "csrf")
    api.client.session.cookie_jar.clear()
    await _get(api, "/alliance/press")  # another browser: another cookie
    status, _, _ = await _post(api, "/alliance/press", {**FORM, "csrf": token})
    assert status == 403
    assert await _count(api) == 0


async def test_invalid_fields_are_named_beside_each_field(
    api: Api, conference: dict[str, Any]
) -> None:
    status, page, _ = await _submit(api, email="not-an-email", outlet="", role="")
    assert status == 422
    for name in ("email", "outlet", "role"):
        block = re.search(rf'<div class="field has-error">\s*<label for="{name}">.*?</div>',
                          page, re.S)
        assert block, name
        assert f'id="{name}-error"' in block.group(0)
        assert f'aria-describedby="{name}-error"' in block.group(0) or \
            f'{name}-error"' in block.group(0)
        assert 'aria-invalid="true"' in block.group(0)
    assert "Adresse électronique non valide" in element(page, "email-error")
    assert element(page, "outlet-error") == "Erreur : Ce champ est obligatoire."
    assert 'value="not-an-email"' in page
    assert 'href="#email"' in element_html(page, "error-summary")
    assert await _count(api) == 0


def element_html(page: str, element_id: str) -> str:
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', page, re.S)
    assert match
    return match.group(2)


async def test_a_line_break_in_a_name_is_refused_beside_the_field(
    api: Api, conference: dict[str, Any]
) -> None:
    status, page, _ = await _submit(api, lang="en", given_name="Marie\r\nBcc: x@example.org")
    assert status == 422
    assert element(page, "given_name-error") == "Error: No line breaks or control characters."


async def test_an_invisible_character_pasted_with_a_name_is_worded_in_the_page_s_language(
    api: Api, conference: dict[str, Any]
) -> None:
    """A zero-width space (copied with a name from a web page) is refused beside the field in
    the reader's words, not in pydantic's English with the character's Unicode name."""
    status, page, _ = await _submit(api, lang="fr", family_name="Du\u200brand")
    assert status == 422
    assert element(page, "family_name-error") == (
        "Erreur : Ce champ contient un caractère invisible, souvent copié avec le texte :"
        " retapez-le.")
    assert "U+200B" not in page and "Value error" not in page
    status, page, _ = await _submit(api, lang="en", family_name="Du\u200brand")
    assert element(page, "family_name-error") == (
        "Error: This field holds an invisible character, often copied with the text:"
        " type it again.")
    status, page, _ = await _submit(api, lang="fr", family_name="   ")
    assert element(page, "family_name-error") == "Erreur : Ce champ est obligatoire."
    assert await _count(api) == 0


async def test_a_second_application_is_a_clear_message(
    api: Api, conference: dict[str, Any]
) -> None:
    assert (await _submit(api))[0] == 200
    status, page, _ = await _submit(api, family_name="Durand")
    assert status == 409
    assert "Une demande existe déjà pour cette adresse électronique" in element(
        page, "email-error")
    assert await _count(api) == 1


async def test_a_closed_window_shows_no_form_and_refuses_a_post(
    api: Api, conference: dict[str, Any]
) -> None:
    _, page, _ = await _get(api, "/alliance/press?lang=en")
    form = {**FORM, "csrf": hidden(page, "csrf")}  # a page opened before the window closed
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("UPDATE conference SET press_opens_at = $1, press_closes_at = $2",
                           datetime.now(UTC) - timedelta(days=10),
                           datetime.now(UTC) - timedelta(days=1))
    finally:
        await conn.close()
    status, page, _ = await _get(api, "/alliance/press?lang=en")
    assert status == 200
    assert element(page, "window").startswith("Press registration closed on")
    assert "press-form" not in page
    # not "Media attendance is subject to registration" under a closed window, and whom to ask
    # (found in a user test: the closed page gave no contact)
    assert 'id="press-intro"' not in page
    assert "michele.cercone@example.org" in page and "+32 2 298 09 63" in text(page)
    status, page, _ = await _post(api, "/alliance/press?lang=en", form)
    assert status == 409
    # one sentence that agrees with the line above it: closed, nothing filed (it said "not
    # open: it is open from … to …" under "closed on …")
    message = element(page, "form-message")
    assert message.startswith("Your application was not filed: press registration closed on ")
    assert "open from" not in message
    assert element(page, "window").startswith("Press registration closed on")
    status, page, _ = await _post(api, "/alliance/press?lang=fr", form)
    assert status == 409
    assert element(page, "form-message").startswith(
        "Votre demande n'a pas été enregistrée : les inscriptions presse ont fermé le ")
    # a form sent before the window opens (none is shown then) says when it opens
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("UPDATE conference SET press_opens_at = $1, press_closes_at = $2",
                           datetime.now(UTC) + timedelta(days=1),
                           datetime.now(UTC) + timedelta(days=10))
    finally:
        await conn.close()
    status, page, _ = await _post(api, "/alliance/press?lang=en", form)
    assert status == 409
    assert element(page, "form-message").startswith(
        "Your application was not filed: press registration opens on ")
    assert await _count(api) == 0


async def test_a_full_pool_is_a_clear_message(api: Api) -> None:
    body = conference_body()
    body["press_registration"]["pool_capacity"] = 1
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=body))[0] == 201
    # a form opened while a place was free, sent once the pool has filled: refused, said
    _, page, _ = await _get(api, "/alliance/press?lang=en")
    await press(api, 7, decision="approve")
    form = {**FORM, "csrf": hidden(page, "csrf")}
    status, page, _ = await _post(api, "/alliance/press?lang=en", form)
    assert status == 409
    assert element(page, "form-message") == (
        "All places in the press pool are taken: no new applications are accepted.")


async def test_unknown_conference_is_an_html_404(api: Api) -> None:
    for path in ("/nowhere/press?lang=en", "/nowhere/programme?lang=en"):
        status, page, resp = await _get(api, path)
        assert status == 404 and resp.content_type == "text/html"
        assert "There is no conference at this address." in text(page)


async def test_names_are_escaped(api: Api, conference: dict[str, Any]) -> None:
    created = await press(api, given_name="<script>alert(1)</script>", language="en")
    _, page, _ = await _get(api, f"/a/{created['access_token']}")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- the application behind the private link --------------------------------------------------


async def test_the_private_page_shows_history_and_withdraws(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api)
    path = f"/a/{created['access_token']}"
    status, page, resp = await _get(api, path)
    assert status == 200 and '<html lang="fr">' in page  # the applicant's language
    assert resp.headers["Cache-Control"] == "no-store"
    assert element(page, "status") == "Reçue, en cours d'examen"
    assert "Demande déposée" in element(page, "history")
    assert "feed-https" not in page and "badge-link" not in page
    form = {"csrf": hidden(page, "csrf"), "reason": "Je ne peux\r\npas venir."}
    # The button asks first; nothing is withdrawn until the confirmation.
    status, page, _ = await _post(api, f"{path}/withdraw?lang=fr", form)
    assert status == 200 and element(page, "confirm-title") == "Confirmer le retrait"
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                               role="press_office")
    assert acc["status"] == "submitted"
    form = {"csrf": hidden(page, "csrf"), "reason": hidden(page, "reason"), "confirm": "yes"}
    status, _, resp = await _post(api, f"{path}/withdraw?lang=fr", form)
    assert status == 303
    assert resp.headers["Location"] == f"{path}?lang=fr&done=withdrawn"
    status, page, _ = await _get(api, resp.headers["Location"])
    assert element(page, "status") == "Retirée"
    assert element(page, "status-message") == "Votre demande est retirée."
    assert "Demande retirée Je ne peux pas venir." in element(page, "history")
    assert "withdraw-form" not in page
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                               role="press_office")
    assert acc["status"] == "withdrawn"
    assert acc["history"][-1]["actor"].startswith("applicant:")


async def test_withdrawal_needs_the_csrf_token(api: Api, conference: dict[str, Any]) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    await _get(api, path)
    status, page, _ = await _post(api, f"{path}/withdraw", {"reason": ""})
    assert status == 403
    assert "The form expired" in element(page, "status-message")
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                               role="press_office")
    assert acc["status"] == "submitted"


async def test_a_decided_application_cannot_be_withdrawn_from_a_stale_page(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    _, page, _ = await _get(api, path)
    token = hidden(page, "csrf")
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                   role="press_office", json={"decision": "reject", "reason": "Full."})
    # the form of the page loaded before the decision, sent from the link the decision's letter
    # gave (the letter replaces the link: the old one answers 404 once it is written)
    fresh = await current_token(api.db_url, created["id"])
    status, page, _ = await _post(api, f"/a/{fresh}/withdraw", {"csrf": token})
    assert status == 409
    assert element(page, "status-message") == (
        "This application can no longer be withdrawn: it is rejected.")


async def test_after_approval_the_page_gives_the_feed_and_the_badge(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, decision="approve", language="en")
    path = f"/a/{created['access_token']}"
    _, page, _ = await _get(api, path)
    assert element(page, "status") == "Approved"
    # a journalist who will not come may still withdraw (test_press_withdrawal_after_approval.py)
    assert element(page, "withdraw-title") == "Withdraw my accreditation"
    conn = await asyncpg.connect(api.db_url)
    try:
        signer = await load_signer(conn)
    finally:
        await conn.close()
    token = signer.sign_bytes("feed", __import__("uuid").UUID(created["id"]).bytes)
    assert element(page, "feed-https").endswith(
        f"https://conference.test/api/v1/calendar/{token}.ics")
    assert f'href="webcal://conference.test/api/v1/calendar/{token}.ics"' in page
    status, png, resp = await _get_bytes(api, f"{path}/badge")
    assert status == 200 and resp.content_type == "image/png"
    assert Image.open(io.BytesIO(png)).size == (1240, 1748)


async def _get_bytes(api: Api, path: str) -> tuple[int, bytes, Any]:
    resp = await api.client.get(path)
    return resp.status, await resp.read(), resp


async def test_no_badge_before_approval(api: Api, conference: dict[str, Any]) -> None:
    created = await press(api, language="en")
    status, page, resp = await _get(api, f"/a/{created['access_token']}/badge")
    assert status == 409 and resp.content_type == "text/html"


async def test_an_unknown_private_link_is_a_404_page(api: Api, conference: dict[str, Any]
                                                     ) -> None:
    for path in ("/a/not-a-token", f"/a/{'x' * 300}", "/a/not-a-token/badge"):
        status, page, resp = await _get(api, path + "?lang=en")
        assert status == 404 and resp.content_type == "text/html", path
        assert "This link is not (or no longer) valid." in text(page)
    status, _, _ = await _post(api, "/a/not-a-token/withdraw", {"csrf": "x"})
    assert status == 404
    # An organiser's token is no private link.
    status, _, _ = await _get(api, f"/a/{api.tokens['admin']}")
    assert status == 404


# --- the public programme ---------------------------------------------------------------------


async def test_the_programme_before_publication(api: Api, conference: dict[str, Any]) -> None:
    status, page, _ = await _get(api, "/alliance/programme?lang=en")
    assert status == 200
    assert element(page, "not-published") == "The programme has not been published yet."
    assert element(page, "subscribe-https") == "iCalendar file (https)"


async def test_the_programme_lists_the_published_version_by_day_and_time(
    api: Api, conference: dict[str, Any]
) -> None:
    hall, annex = await room(api), await room(api, "Salle Schuman", 80)
    opening = await session(api, hall, at(conference, 9), at(conference, 10, 30),
                            royal_presence=True, press_access="pool")
    await session(api, annex, at(conference, 11), at(conference, 12),
                  title={"fr": "Table ronde", "en": "Round table"}, kind="expert_panel",
                  press_access="closed", audience=["expert"])
    await session(api, hall, at(conference, 9, day=1), at(conference, 10, day=1),
                  title={"fr": "Conférence de presse", "en": "Press conference"},
                  kind="press_conference", audience=["press"])
    await session(api, annex, at(conference, 15), at(conference, 16),
                  title={"fr": "Brouillon", "en": "Draft only"})  # published below, then:
    await publish(api)
    status, page, _ = await _get(api, "/alliance/programme?lang=fr")
    assert status == 200
    shown = text(page)
    assert "Version 1, publiée le" in element(page, "version")
    first, second = element(page, "day-1"), element(page, "day-2")
    assert first.startswith(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                             "dimanche"))
    assert second != first
    day1 = page.split('id="day-2"')[0]
    assert day1.index(f'id="session-{opening["id"]}"') < day1.index(">Salle Schuman</td>")
    royal = element(page, f"session-{opening['id']}")
    assert royal.startswith("09:00 – 10:30 Séance d'ouverture Séance plénière")
    assert royal.endswith("Salle plénière Presse : pool uniquement")
    assert "En présence de S.M. la Reine Paola de Belgique" in royal
    assert "Invités installés avant 08:45" in royal
    assert "Presse : pool uniquement" in royal
    assert "Fermée à la presse" in shown and "Ouverte à la presse" in shown
    assert "Conférence de presse" in page.split('id="day-2"')[1]
    assert ('href="webcal://conference.test/api/v1/conferences/alliance/programme.ics"'
            in page)
    assert 'href="https://conference.test/api/v1/conferences/alliance/programme.ics"' in page
    # a calendar is subscribed to with an application, not "in" it (tryout, 2 December 2026)
    assert element(page, "subscribe-webcal") == \
        "S'abonner avec mon application d'agenda (webcal)"
    _, page, _ = await _get(api, "/alliance/programme?lang=en")
    assert element(page, "subscribe-webcal") == "Subscribe with my calendar app (webcal)"
    assert "In the presence of H.M. Queen Paola of Belgium" in text(page)
    assert "programme.ics?lang=en" in page


async def test_a_cancelled_session_is_marked(api: Api, conference: dict[str, Any]) -> None:
    hall = await room(api)
    s = await session(api, hall, at(conference, 9), at(conference, 10))
    await publish(api)
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{s['id']}/cancel", role="protocol")
    assert status == 200
    await publish(api)
    _, page, _ = await _get(api, "/alliance/programme?lang=en")
    assert "<del>Opening session</del>" in page
    assert "Cancelled" in element(page, f"session-{s['id']}")
    assert "Version 2" in element(page, "version")


async def test_the_style_sheet_is_served(api: Api) -> None:
    status, css, resp = await _get(api, "/static/pages.css")
    assert status == 200 and resp.content_type == "text/css" and "outline" in css


# --- the data-protection notice and the lost link ---------------------------------------------


PRIVACY = {"controller": "Commission européenne, DG Commerce", "dpo_email": "dpo@example.org",
           "purposes": {"fr": "Accréditer la presse.", "en": "Accrediting the press."}}


async def test_privacy_notice_on_its_page_the_form_confirmation_and_status(api: Api) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body(privacy=PRIVACY, retention_days=90))
    assert status == 201
    status, page, _ = await _get(api, "/alliance/privacy?lang=en")
    assert status == 200
    assert element(page, "privacy-controller") == "Commission européenne, DG Commerce"
    assert element(page, "privacy-dpo") == "dpo@example.org"
    assert element(page, "privacy-purposes") == "Accrediting the press."
    assert element(page, "privacy-retention").startswith("The data is erased 90 days after")
    status, page, _ = await _get(api, "/alliance/privacy?lang=fr")
    assert element(page, "privacy-title") == "Protection des données personnelles"
    _, form, _ = await _get(api, "/alliance/press?lang=fr")
    assert "Responsable du traitement : Commission européenne, DG Commerce." in element(
        form, "privacy-notice")
    assert 'href="/alliance/privacy?lang=fr"' in form
    status, done, _ = await _submit(api)
    assert status == 200 and "/alliance/privacy?lang=fr" in element(done, "privacy-notice") + done
    conn = await asyncpg.connect(api.db_url)
    try:
        aid = await conn.fetchval("SELECT id::text FROM accreditation")
    finally:
        await conn.close()
    token = await current_token(api.db_url, aid)
    _, mine, _ = await _get(api, f"/a/{token}")
    assert "90 jours" in element(mine, "privacy-notice")


async def test_lost_link_is_mailed_again_with_the_same_answer_for_anyone(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    status, _, _ = await _submit(api)
    assert status == 200
    await smtp.wait_for(1, where=lambda m: "marie.dupont@" in str(m["To"]))
    answers = []
    for email in ("marie.dupont@example.org", "nobody@example.org"):
        _, page, _ = await _get(api, "/alliance/press/link?lang=fr")
        status, page, _ = await _post(api, "/alliance/press/link?lang=fr",
                                      {"csrf": hidden(page, "csrf"), "email": email})
        assert status == 200
        answers.append(element(page, "link-message"))
    assert answers[0] == answers[1] and answers[0].startswith("Si une demande existe")
    [letter] = await smtp.wait_for(1, where=lambda m: "Votre lien privé" in m["Subject"])
    assert "marie.dupont@example.org" in str(letter["To"])
    link = re.search(r"https://conference.test(/a/\S+)", body_text(letter))
    assert link is not None
    status, page, _ = await _get(api, link.group(1))
    assert status == 200 and element(page, "status") == "Reçue, en cours d'examen"
    assert not [m for m in smtp.messages if "nobody@" in str(m["To"])]


async def test_lost_link_requests_are_rate_limited_per_address(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    await _submit(api)
    for _ in range(5):
        _, page, _ = await _get(api, "/alliance/press/link?lang=en")
        status, page, _ = await _post(api, "/alliance/press/link?lang=en", {
            "csrf": hidden(page, "csrf"), "email": "Marie.Dupont@example.org"})
        assert status == 200 and element(page, "link-message").startswith("If there is")
    letters = await smtp.wait_for(1, where=lambda m: "Votre lien privé" in m["Subject"])
    await asyncio.sleep(1.5)
    assert len([m for m in smtp.messages if "Votre lien privé" in m["Subject"]]) == 1 == len(
        letters)


async def test_the_answer_says_the_badge_waits_for_the_security_check_where_the_press_is_vetted(
    api: Api
) -> None:
    """Step 3 of the form's answer said "once accredited … you print your badge from your
    page"; where the press is vetted the badge waits for the security check, as the letters
    say (a tryout, 4 December 2026)."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    for lang, said in (
            ("fr", "Une fois votre accréditation accordée, vous recevez les invitations aux "
                   "séances ouvertes à la presse et votre lien d'agenda personnel. Une fois le "
                   "contrôle de sécurité terminé, vous imprimez votre badge depuis votre page."),
            ("en", "Once accredited, you receive invitations to the sessions open to the press "
                   "and your personal calendar link. Once the security check is complete, you "
                   "print your badge from your page.")):
        status, done, _ = await _get(api, f"/alliance/press/received?lang={lang}")
        assert status == 200
        assert element(done, "next-3") == said
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("UPDATE conference SET vetting_required = '{}'")
    finally:
        await conn.close()
    _, done, _ = await _get(api, "/alliance/press/received?lang=en")
    assert element(done, "next-3").endswith(
        "your personal calendar link, and you print your badge from your page.")
