"""A focal point's language, chosen by the protocol office (docs/workspaces.md, "Delegations"):
over the API and on the console's forms, the welcome mail that arrives at the SMTP server is in
that language and the focal point's portal opens in it; without a choice, the conference's
first language as before; a language the conference does not use is refused naming the field."""

from __future__ import annotations

import re
from email.message import EmailMessage
from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import _signed_in, staff
from tests.http.test_workspaces import link_in
from tests.support import RecordingSMTP, body_text

DELEGATIONS = "/api/v1/conferences/alliance/delegations"
BASE = "/manage/alliance"


async def _conference(api: Api, **changes: Any) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**changes))
    assert status == 201, body


async def _welcome(smtp: RecordingSMTP, address: str) -> EmailMessage:
    [welcome] = await smtp.wait_for(1, where=lambda m: address in str(m["To"]))
    return welcome


def _is_english(welcome: EmailMessage) -> None:
    assert str(welcome["Subject"]).endswith("Your access to the Global Alliance: meeting"), \
        welcome["Subject"]
    assert welcome["Content-Language"] == "en"
    assert "You have been given access" in body_text(welcome)
    # the role and the delegation on lines of their own (they once ran together)
    assert "\nRole: focal point\nDelegation: " in body_text(welcome).replace("\r\n", "\n")


def _is_french(welcome: EmailMessage) -> None:
    subject = str(welcome["Subject"])
    assert "Votre accès à la conférence «\u00a0Alliance mondiale" in subject, subject
    assert welcome["Content-Language"] == "fr"
    assert "Un accès vous a été ouvert" in body_text(welcome)
    lines = body_text(welcome).replace("\r\n", "\n")
    assert "\nRôle\u00a0: point focal\nDélégation\u00a0: " in lines


def _options(page: str, select_id: str) -> list[tuple[str, str, str]]:
    """The options of a select: (value, " selected" or "", label)."""
    found = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    assert found, select_id
    return re.findall(r'<option value="(\w+)"( selected)?>([^<]+)</option>', found.group(1))


async def _portal_language(api: Api, welcome: EmailMessage, slug: str) -> str:
    """The language the focal point's portal opens in, once signed in with the mail's link."""
    focal = await _signed_in(api, link_in(welcome))
    status, page, _ = await focal.go("GET", f"/delegation/{slug}")
    assert status == 200, page
    found = re.search(r'<html lang="(\w+)"', page)
    assert found
    return found.group(1)


async def test_a_delegation_created_with_english_welcomes_its_focal_point_in_english(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)  # fr, then en
    status, created, _ = await api.call("POST", DELEGATIONS, role="protocol", json={
        "kind": "country", "country": "IE",
        "focal_point": {"name": "Aoife Byrne", "email": "aoife@example.org", "language": "en"}})
    assert status == 201, created
    assert "language" not in created["focal_point"]  # the answer is as before
    welcome = await _welcome(smtp, "aoife@example.org")
    _is_english(welcome)
    # a focal point is an official outside the organisers: opened as the letters about
    # their members open to them, not as a colleague ("Bonjour Aoife Byrne,")
    assert body_text(welcome).splitlines()[0] == "Dear Aoife Byrne,"
    assert await _portal_language(api, welcome, "alliance-ie") == "en"
    # without a language: the conference's first, as before
    await make_delegation(api, country="BE")
    welcome = await _welcome(smtp, "fp-be@example.org")
    _is_french(welcome)
    assert body_text(welcome).splitlines()[0] == "Madame, Monsieur,"
    assert await _portal_language(api, welcome, "alliance-be") == "fr"


async def test_a_language_the_conference_does_not_use_is_refused_naming_the_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, languages=["fr"])
    for language in ("en", "de"):
        status, problem, resp = await api.call("POST", DELEGATIONS, role="protocol", json={
            "kind": "country", "country": "IE",
            "focal_point": {"name": "Aoife Byrne", "email": "aoife@example.org",
                            "language": language}})
        assert status == 422, problem
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert [e["field"] for e in problem["errors"]] == ["focal_point.language"], problem
    _, delegations, _ = await api.call("GET", DELEGATIONS, role="admin")
    assert delegations["items"] == []  # nothing was created
    assert smtp.to("aoife@example.org") == []


async def test_the_console_forms_choose_the_focal_points_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    be = await make_delegation(api, country="BE")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    url = f"{BASE}/delegations"
    status, page, _ = await protocol.go("GET", url)
    assert status == 200, page
    # labelled selects, the conference's languages named in the page's language, its first
    # language chosen
    assert re.search(r'<label for="focal_point_language">[^<]+</label>', page)
    assert _options(page, "focal_point_language") == [
        ("fr", " selected", "Français"), ("en", "", "Anglais")]
    assert f'<label for="fp-{be["id"]}-language">' in page
    # a language that is no choice re-shows the form with the field's error
    status, page, _ = await protocol.post_form(
        url, url, kind="country", country="IE", focal_point_name="Aoife Byrne",
        focal_point_email="aoife@example.org", focal_point_language="de")
    assert status == 422
    assert element(page, "focal_point_language-error").startswith("Erreur")
    assert 'name="csrf"' in page
    # a new delegation, its focal point in English
    status, _, resp = await protocol.post_form(
        url, url, kind="country", country="IE", focal_point_name="Aoife Byrne",
        focal_point_email="aoife@example.org", focal_point_language="en")
    assert status == 303, resp
    welcome = await _welcome(smtp, "aoife@example.org")
    _is_english(welcome)
    assert await _portal_language(api, welcome, "alliance-ie") == "en"
    # another focal point of BE, in English too
    status, _, resp = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Bea Second", email="bea@example.org",
        language="en")
    assert status == 303, resp
    _is_english(await _welcome(smtp, "bea@example.org"))
    # a form without a language (an older page): the conference's first
    status, _, resp = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Chris Third", email="chris@example.org")
    assert status == 303, resp
    _is_french(await _welcome(smtp, "chris@example.org"))


async def test_the_console_refuses_a_language_the_conference_does_not_use(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, languages=["fr"])
    be = await make_delegation(api, country="BE")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")  # in English
    url = f"{BASE}/delegations"
    status, page, _ = await protocol.go("GET", url)
    assert _options(page, "focal_point_language") == [("fr", " selected", "French")]
    assert _options(page, f"fp-{be['id']}-language") == [("fr", " selected", "French")]
    status, page, _ = await protocol.post_form(
        url, url, kind="country", country="IE", focal_point_name="Aoife Byrne",
        focal_point_email="aoife@example.org", focal_point_language="en")
    assert status == 422
    assert element(page, "focal_point_language-error") == \
        "Error: Choose one of the conference's languages."
    status, page, _ = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Bea Second", email="bea@example.org",
        language="en")
    assert status == 422
    assert element(page, f"fp-{be['id']}-language-error") == \
        "Error: Choose one of the conference's languages."
    assert '<details open>' in page
    _, delegations, _ = await api.call("GET", DELEGATIONS, role="admin")
    assert [d["country"] for d in delegations["items"]] == ["BE"]
    assert smtp.to("aoife@example.org") == [] and smtp.to("bea@example.org") == []


async def test_the_welcome_mails_links_open_pages_in_the_mails_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    # a user test: a French focal point with an English browser, signed out, followed "Votre
    # espace" to an English sign-in page, and the spent link said so in English
    await _conference(api)
    await make_delegation(api, country="BE")  # its focal point is written to in French
    welcome = _welcome_text(await _welcome(smtp, "fp-be@example.org"))
    workspace = re.search(r"Votre espace\u00a0: https://conference\.test(\S+)", welcome)
    assert workspace and workspace.group(1) == "/delegation/alliance-be?lang=fr", welcome
    assert "https://conference.test/signin?lang=fr " in welcome
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    status, page, resp = await api.call("GET", workspace.group(1), headers=english)
    assert status == 200 and resp.url.path == "/signin" and resp.url.query["lang"] == "fr"
    assert '<html lang="fr">' in page
    link = link_in(await _welcome(smtp, "fp-be@example.org"))
    assert link.endswith("?next=%2Fdelegation%2Falliance-be&lang=fr")  # lands on the portal
    await _signed_in(api, link)  # spent
    status, page, _ = await api.call("GET", link, headers=english)
    assert status == 404 and '<html lang="fr">' in page, page


def _welcome_text(message: EmailMessage) -> str:
    return body_text(message).replace("\r\n", "\n")
