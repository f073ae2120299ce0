"""Signing in leads back to the page asked for: a desk link opened while signed out goes to
``/signin?next=…``, the path rides in the mailed link and the POST that spends the link leads
there. Only this site's paths are taken: never another host (no open redirect). A real database
and a real SMTP server."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conference.people.domain import safe_next
from tests.browser.helpers import hidden
from tests.conftest import Api
from tests.http.test_workspaces import Visitor, link_in
from tests.http.test_workspaces_reasons import _conference
from tests.support import RecordingSMTP, body_text

EMAIL = "press@example.org"
PAGE = "/manage/alliance/press/reasons"


async def _staff(api: Api, smtp: RecordingSMTP) -> None:
    await _conference(api)
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": EMAIL, "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    await smtp.wait_for(1, where=lambda m: EMAIL in m["To"])  # the welcome


async def _ask_for_a_link(api: Api, smtp: RecordingSMTP, v: Visitor, signin: str) -> str:
    status, page, _ = await v.go("GET", signin)
    assert status == 200
    fields = {"csrf": hidden(page, "csrf"), "email": EMAIL}
    if 'name="next"' in page:
        fields["next"] = hidden(page, "next")
    status, _, _ = await v.go("POST", "/signin?lang=en", fields)
    assert status == 303
    [mail] = await smtp.wait_for(1, where=lambda m: EMAIL in m["To"]
                                 and m["Subject"] == "Your sign-in link")
    assert "evil" not in body_text(mail)
    return link_in(mail)


async def test_a_desk_page_opened_signed_out_is_where_the_sign_in_leads(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _staff(api, smtp)
    v = Visitor(api)
    status, _, resp = await v.go("GET", f"{PAGE}?lang=en&status=x")
    assert status == 303
    location = resp.headers["Location"]
    assert urlsplit(location).path == "/signin"
    assert parse_qs(urlsplit(location).query)["next"] == [f"{PAGE}?status=x"]

    link = await _ask_for_a_link(api, smtp, v, location)
    assert parse_qs(urlsplit(link).query)["next"] == [f"{PAGE}?status=x"]
    status, page, _ = await v.go("GET", link)
    assert status == 200
    action = re.search(r'id="signin-link-form"', page) and \
        re.search(r'<form method="post" action="([^"]+)"', page)
    assert action
    status, _, resp = await v.go("POST", action.group(1).replace("&amp;", "&"),
                                 {"csrf": hidden(page, "csrf")})
    assert status == 303
    assert resp.headers["Location"] == f"{PAGE}?status=x&lang=en"
    status, _, _ = await v.go("GET", resp.headers["Location"])
    assert status == 200  # signed in, on the page asked for


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/path", "/\\evil.example", "http:/evil",
    "javascript:alert(1)", "/signin/abc", " /workspaces", "/a\r\nLocation: x", "",
])
def test_only_a_path_on_this_site_is_a_next(target: str) -> None:
    assert safe_next(target) is None


def test_a_path_and_its_query_are_a_next() -> None:
    assert safe_next("/manage/alliance/press/0b6c?status=submitted&q=o%27brien") == \
        "/manage/alliance/press/0b6c?status=submitted&q=o%27brien"


async def test_a_link_spent_with_another_host_as_next_leads_to_the_workspaces(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _staff(api, smtp)
    v = Visitor(api)
    status, page, _ = await v.go("GET", "/signin?lang=en&next=//evil.example/x")
    assert status == 200 and 'name="next"' not in page
    link = await _ask_for_a_link(api, smtp, v, "/signin?lang=en&next=https://evil.example/")
    assert "evil" not in link
    status, page, _ = await v.go("GET", f"{link}?next=https://evil.example/")
    assert status == 200
    form = page[page.index('id="signin-link-form"') - 80:]
    assert "evil" not in form[:form.index("</form>")]
    status, _, resp = await v.go("POST", f"{link}?lang=en&next=//evil.example/",
                                 {"csrf": hidden(page, "csrf")})
    assert status == 303
    assert resp.headers["Location"].startswith("/workspaces?")


@pytest.mark.parametrize(("role", "workspace", "heading"), [
    ("press_office", "/manage/alliance/press", "Press office"),
    ("protocol", "/manage/alliance", None),
    ("door", "/manage/alliance/door", None),
    ("security", "/manage/alliance/security", None),
])
async def test_a_colleague_s_welcome_link_lands_on_the_workspace_of_the_role_granted(
    api: Api, smtp: RecordingSMTP, role: str, workspace: str, heading: str | None
) -> None:
    """The welcome of a new colleague opened the list of workspaces, where they looked for
    theirs: its link now lands on the workspace of the role granted, through the sign-in's
    ``next`` (this site's path only), followed from the mail the SMTP server received."""
    await _conference(api)
    email = f"{role}@example.org"
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Tove Ernst", "language": "en",
        "grants": [{"role": role, "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"])
    link = link_in(welcome)
    assert parse_qs(urlsplit(link).query)["next"] == [workspace]
    v = Visitor(api)
    status, page, _ = await v.go("GET", await _signed_in(v, link, f"{workspace}?lang=en"))
    assert status == 200, page  # signed in, in their own workspace
    if heading:
        assert f"<h1>{heading}</h1>" in page


async def test_a_focal_point_s_welcome_link_lands_on_the_delegation_it_names(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A focal point's welcome names the delegation ("Délégation : Belgique") and its link
    opened the list of workspaces (tryout as a focal point): it lands on that delegation's
    portal page, through the sign-in's ``next`` (a path of this site only), followed from the
    mail the SMTP server received."""
    from tests.http.conftest_programme import make_delegation

    await _conference(api)
    await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    link = link_in(welcome)
    query = parse_qs(urlsplit(link).query)
    assert query["next"] == ["/delegation/alliance-be"]
    assert safe_next(query["next"][0]) == "/delegation/alliance-be"
    v = Visitor(api)
    status, page, _ = await v.go("GET", await _signed_in(
        v, link, f"/delegation/alliance-be?lang={query['lang'][0]}"))
    assert status == 200, page  # signed in, on the delegation's portal
    assert "Belgi" in page and 'id="signin-form"' not in page


@pytest.mark.parametrize("asked", [None, f"{PAGE}?status=x"])
async def test_a_link_asked_for_on_a_french_page_lands_in_french(
    api: Api, smtp: RecordingSMTP, asked: str | None
) -> None:
    """Someone whose account is in English asked for a link from ``/signin?lang=fr`` and
    landed on ``/workspaces?lang=en``: the page they asked from chose French. Its language
    rides in the link as ``next`` does (``lang``), so the link's page and the landing speak
    it; the mail is in the account's language as every mail to them, and the account's
    language stays as it was (docs/workspaces.md, "Sign-in")."""
    await _staff(api, smtp)  # Tove Ernst, language "en"
    v = Visitor(api)
    signin = "/signin?lang=fr" + (f"&next={quote(asked)}" if asked else "")
    status, page, _ = await v.go("GET", signin)
    assert status == 200 and '<html lang="fr">' in page
    fields = {"csrf": hidden(page, "csrf"), "email": EMAIL}
    if asked:
        fields["next"] = hidden(page, "next")
    status, _, resp = await v.go("POST", "/signin?lang=fr", fields)
    assert status == 303 and resp.headers["Location"] == "/signin?lang=fr&done=sent"
    [mail] = await smtp.wait_for(1, where=lambda m: EMAIL in m["To"]
                                 and m["Subject"] == "Your sign-in link")  # the account's
    link = link_in(mail)
    assert parse_qs(urlsplit(link).query)["lang"] == ["fr"]
    status, page, _ = await v.go("GET", link)
    assert status == 200 and '<html lang="fr">' in page and "Me connecter" in page
    action = re.search(r'<form method="post" action="([^"]+)"', page)
    assert action
    status, _, resp = await v.go("POST", action.group(1).replace("&amp;", "&"),
                                 {"csrf": hidden(page, "csrf")})
    assert status == 303
    assert resp.headers["Location"] == (f"{asked}&lang=fr" if asked
                                        else "/workspaces?lang=fr&done=signed_in")
    status, page, landed = await v.go("GET", resp.headers["Location"])
    if not asked:  # one workspace (the press desk): straight to it, in French
        assert status == 303 and landed.headers["Location"] == "/manage/alliance/press?lang=fr"
        status, page, _ = await v.go("GET", landed.headers["Location"])
    assert status == 200 and '<html lang="fr">' in page, page
    # the account's language is unchanged: a later link is mailed in English, and the list of
    # workspaces opened without ``lang`` speaks it
    status, page, _ = await v.go("GET", "/workspaces")
    assert status == 200 and '<html lang="en">' in page
    status, _, _ = await Visitor(api).post_form("/signin?lang=fr", "/signin?lang=fr",
                                                email=EMAIL)
    assert status == 303
    await smtp.wait_for(2, where=lambda m: EMAIL in m["To"]
                        and m["Subject"] == "Your sign-in link")


async def _signed_in(v: Visitor, link: str, landing: str) -> str:
    """The welcome ``link`` followed and its sign-in form sent (it carries ``next``): the
    sign-in answers 303 to ``landing``, which is returned."""
    status, page, _ = await v.go("GET", link)
    assert status == 200
    action = re.search(r'<form method="post" action="([^"]+)"', page)
    assert action and "next=" in action.group(1)
    status, _, resp = await v.go("POST", action.group(1).replace("&amp;", "&"),
                                 {"csrf": hidden(page, "csrf")})
    assert status == 303
    assert resp.headers["Location"] == landing
    return str(resp.headers["Location"])


async def test_someone_with_one_workspace_lands_on_it_after_signing_in(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): door staff signing in from /signin on a
    phone landed on a list of one link; the welcome's link went to the door. One workspace:
    straight to it; the list stays where there are several."""
    await _staff(api, smtp)  # Tove Ernst: the press office of one conference
    v = Visitor(api)
    status, _, _ = await v.post_form("/signin?lang=en", "/signin?lang=en", email=EMAIL)
    assert status == 303
    [mail] = await smtp.wait_for(1, where=lambda m: EMAIL in m["To"]
                                 and m["Subject"] == "Your sign-in link")
    status, page, _ = await v.go("GET", link_in(mail))
    action = re.search(r'<form method="post" action="([^"]+)"', page)
    assert action
    status, _, resp = await v.go("POST", action.group(1).replace("&amp;", "&"),
                                 {"csrf": hidden(page, "csrf")})
    status, _, resp = await v.go("GET", resp.headers["Location"])
    assert (status, resp.headers["Location"]) == (303, "/manage/alliance/press?lang=en")
    # the list itself, asked for, is still there
    status, page, _ = await v.go("GET", "/workspaces?lang=en")
    assert status == 200 and 'id="workspace-list"' in page
