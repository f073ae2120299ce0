"""The delegation lifecycle's pages over HTTP with a real database and SMTP server: a focal point
substitutes a member, after a confirmation page (refused after the changes deadline with a form
message, another delegation's member refused), imports a CSV (the check names the bad row's field
and writes nothing; the import button applies; a row beyond the quota is named) and downloads the
members; another delegation's focal point is refused (403). Protocol edits a delegation's quota, the
deadlines and the default quotas (errors named by field), imports for any delegation, reads the list
of participants (HTML, PDF, CSV) and the statistics; a focal point opens none of them."""

from __future__ import annotations

import base64
import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.browser.helpers import element, hidden, member
from tests.conftest import Api, press_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_workspaces import _setup, link_in
from tests.support import RecordingSMTP

HEADER = "Courriel,Prénom,Nom,Catégorie,Rang,Fonction\n"
PORTAL = "/delegation/alliance-be"


def rows(*lines: str) -> bytes:
    return (HEADER + "".join(line + "\n" for line in lines)).encode()


GOOD = ["a.peeters@example.org,Anna,Peeters,fonctionnaire,official,Conseillère",
        "b.claes@example.org,Bart,Claes,expert,expert,",
        "c.janssens@example.org,Chloé,Janssens,expert,expert,",
        "d.maes@example.org,Dirk,Maes,expert,expert,",
        "e.wouters@example.org,Eva,Wouters,fonctionnaire,official,Attachée"]


async def upload(v: Visitor, page_path: str, action: str, data: bytes, name: str = "m.csv",
                 **fields: str) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", page_path)
    form = aiohttp.FormData()
    form.add_field("csrf", hidden(page, "csrf"))
    form.add_field("step", "check")
    for key, value in fields.items():
        form.add_field(key, value)
    form.add_field("file", data, filename=name, content_type="text/csv")
    return await v.go("POST", action, form)  # type: ignore[arg-type]


async def apply(v: Visitor, action: str, preview: str) -> tuple[int, str, Any]:
    """The import button's form as the check's answer gives it (the header's language control
    carries the same file in a form of its own, a check again)."""
    form = re.search(r'<form [^>]*id="apply-form"[^>]*>(.*?)</form>', preview, re.S)
    assert form, "no import button"
    fields = {n: hidden(form.group(1), n) for n in ("csrf", "step", "filename",
                                                    "content_type", "content")}
    if 'name="delegation" value=' in form.group(1):
        fields["delegation"] = hidden(form.group(1), "delegation")
    return await v.go("POST", action, fields)


async def members_of(api: Api, deleg: dict[str, Any]) -> dict[str, str]:
    status, page, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={deleg['id']}"
               "&limit=100", role="protocol")
    assert status == 200, page
    return {a["email"]: a["status"] for a in page["items"]}


async def test_a_focal_point_substitutes_a_member_until_the_deadline(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    fr = await make_delegation(api, "FR")
    old = await member(api, be, "Reynders", rank="foreign_minister")
    stranger = await member(api, fr, "Fabius", rank="foreign_minister")
    focal = await _signed_in(api, link)
    status, page, _ = await focal.go("GET", f"{PORTAL}?lang=en")
    assert status == 200 and f'href="{PORTAL}/substitute?lang=en"' in page

    status, page, _ = await focal.go("GET", f"{PORTAL}/substitute?lang=en&member={old['id']}")
    assert status == 200 and "Anna Reynders" in page and "Fabius" not in page
    # the function is taken word for word when left empty: the form says to check it
    assert "Check it where the title has a gender" in element(page, "function-hint")
    # Bad fields are named; another delegation's member cannot be picked.
    status, page, _ = await focal.post_form(
        f"{PORTAL}/substitute", f"{PORTAL}/substitute?lang=en", member=old["id"],
        given_name="Sophie", family_name="", email="not-an-address", language="fr")
    assert status == 422, page
    assert 'id="family_name-error"' in page and 'id="email-error"' in page
    status, page, _ = await focal.post_form(
        f"{PORTAL}/substitute", f"{PORTAL}/substitute?lang=en", member=stranger["id"],
        given_name="Sophie", family_name="Wilmès", email="sophie@example.org", language="fr")
    assert status == 422 and 'id="member-error"' in page
    assert (await members_of(api, fr))[stranger["email"]] == "approved"

    # The form's POST asks for a confirmation (nothing written yet); confirming substitutes.
    status, page, _ = await focal.post_form(
        f"{PORTAL}/substitute", f"{PORTAL}/substitute?lang=en", member=old["id"],
        given_name="Sophie", family_name="Wilmès", email="sophie@example.org", language="fr",
        reason="The minister is kept in Brussels.")
    assert status == 200, page
    assert element(page, "confirm-who") == \
        f"Sophie Wilmès will replace {old['given_name']} {old['family_name']}."
    assert (await members_of(api, be))[old["email"]] == "approved"
    status, page, resp = await focal.go("POST", f"{PORTAL}/substitute?lang=en", {
        **{n: hidden(page, n) for n in ("csrf", "member", "given_name", "family_name",
                                        "email", "language", "gender", "rank", "function",
                                        "reason")}, "confirm": "1"})
    assert status == 303, page
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert status == 200 and "Sophie Wilmès" in page and "The minister is kept" in page
    # the page says it was done, and whom it replaced
    assert element(page, "flash") == (f"Substitution recorded: Sophie Wilmès replaces "
                                      f"{old['given_name']} {old['family_name']}. A mail tells "
                                      f"{old['given_name']} {old['family_name']} so.")
    # each history names the other person of the substitution
    old_name = f"{old['given_name']} {old['family_name']}"
    assert f"in place of {old_name}" in element(page, "history")
    status, page, _ = await focal.go("GET", f"{PORTAL}/members/{old['id']}?lang=en")
    assert status == 200 and "Sophie Wilmès in their place" in element(page, "history")
    assert await members_of(api, be) == {old["email"]: "substituted",
                                         "sophie@example.org": "submitted"}

    # After the changes deadline the form says so; nothing changes.
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    status, body, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                     role="protocol", json={"nominations_close_at": past,
                                                            "changes_close_at": past})
    assert status == 200, body
    status, page, _ = await focal.post_form(
        f"{PORTAL}/substitute", f"{PORTAL}/substitute?lang=en",
        member=await _id_of(api, be, "sophie@example.org"),
        given_name="Paul", family_name="Magnette", email="paul@example.org", language="fr")
    assert status == 409, page
    # the page as it is once closed: the notice, no form, no "possible until" a date gone by
    # (both, one under the other, tried as a focal point, 5 December 2026)
    assert element(page, "closed").startswith("Changes and substitutions closed on")
    assert 'id="substitute-form"' not in page and 'id="changes-close"' not in page
    assert "paul@example.org" not in await members_of(api, be)
    # so is the registration form sent after nominations closed: no empty form to send again
    status, page, _ = await focal.post_form(
        f"{PORTAL}/members/new", f"{PORTAL}/members?lang=en", category="expert",
        given_name="Paul", family_name="Magnette", email="paul@example.org", language="fr",
        gender="male", rank="expert", function="Adviser")
    assert status == 409, page
    assert element(page, "closed").startswith("Registrations closed on")
    assert 'id="member-form"' not in page
    # Nor does an import go in after the nominations deadline.
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   rows(GOOD[0]))
    assert status == 409 and "Nominations closed on" in element(page, "form-error")
    assert "a.peeters@example.org" not in await members_of(api, be)

    # Another delegation's focal point is refused every page of this one.
    fr_focal = await _focal_point(api, smtp, "fp-fr@example.org")
    for path in ("/substitute", "/import", "/members.csv", "/members.xlsx"):
        status, _, _ = await fr_focal.go("GET", PORTAL + path)
        assert status == 403, path
    status, _, _ = await fr_focal.go("POST", f"{PORTAL}/substitute", {"member": old["id"]})
    assert status == 403


async def _id_of(api: Api, deleg: dict[str, Any], email: str) -> str:
    status, page, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={deleg['id']}",
        role="protocol")
    return str(next(a["id"] for a in page["items"] if a["email"] == email))


async def _focal_point(api: Api, smtp: RecordingSMTP, email: str) -> Visitor:
    # the welcome, not the letters about the delegation's members that also reach them
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"]
                                    and "/signin/" in str(m.get_body(("plain",))))
    return await _signed_in(api, link_in(welcome))


async def test_a_focal_point_checks_imports_and_downloads_members(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    status, body, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                     role="protocol", json={"quotas": {"expert": 3}})
    assert status == 200, body
    focal = await _signed_in(api, link)
    bad = list(GOOD)
    bad[2] = "c.janssens@example,Chloé,Janssens,expert,expert,"
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   rows(*bad))
    assert status == 422, page
    assert "1 row with errors" in element(page, "preview-summary")
    # each row says whom it names: name, email, category (in the reader's words)
    assert element(page, "row-4").startswith(
        "4 Chloé Janssens c.janssens@example Expert error email:")
    assert 'id="apply-form"' not in page
    assert await members_of(api, be) == {}
    # a fourth expert in a file of four, none filed yet: the places the file's rows above it
    # take are said as such
    status, page, _ = await upload(
        focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
        rows(*GOOD, "f.dupont@example.org,Fanny,Dupont,expert,expert,"))
    assert status == 422, page
    assert "“Expert” quota reached (3 of 3 places taken, 3 of them by this file)" in element(
        page, "row-7")

    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   rows(*GOOD))
    assert status == 200, page
    assert "5 to create" in element(page, "preview-summary")
    assert element(page, "row-2") == "2 Anna Peeters a.peeters@example.org Official create"
    _, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", rows(*GOOD))
    assert element(page, "row-2") == \
        "2 Anna Peeters a.peeters@example.org Fonctionnaire création"
    assert "<th scope=\"col\">Personne</th>" in page
    assert base64.b64decode(hidden(page, "content")) == rows(*GOOD)
    status, _, resp = await apply(focal, f"{PORTAL}/import?lang=en", page)
    assert status == 303
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert "Import done: 5 created" in element(page, "flash")
    assert set(await members_of(api, be)) == {line.split(",")[0] for line in GOOD}

    # A fourth expert is beyond the quota of three: the row says so, in French too.
    status, page, _ = await upload(
        focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
        rows(*GOOD, "f.dupont@example.org,Fanny,Dupont,expert,expert,"))
    assert status == 422
    # (tried as a focal point, 2 December 2026: "catégorie : quota atteint : 3 places prises
    # sur 3", two colons, the file's own rows counted unsaid, and no way on); the three are
    # the members filed already, which the file's rows repeat unchanged: no row of the file
    # takes a place, and none is said to
    assert element(page, "row-7").endswith(
        "catégorie : quota « Expert » atteint (3 places prises sur 3)")
    assert element(page, "quota-way") == (
        "Des lignes dépassent le quota de leur catégorie. Pour une place de plus, adressez-vous "
        "au service du protocole (organiser@example.org) ; sinon, retirez ces lignes du "
        "fichier ou changez leur catégorie.")
    assert len(await members_of(api, be)) == 5

    status, text, resp = await focal.go("GET", f"{PORTAL}/members.csv")
    assert status == 200 and resp.headers["Content-Type"].startswith("text/csv")
    # headed in the page's language with the member form's labels, which the import reads
    # back (below), and named by the conference and the delegation (it was
    # « alliance-accreditations.csv », for every delegation alike; tryout)
    assert text.splitlines()[0].lstrip("\ufeff").startswith(
        "Adresse électronique;Prénom;Nom;Catégorie;Rang protocolaire;"), text
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="accreditations-alliance-belgique.csv"'
    _, english, resp = await focal.go("GET", f"{PORTAL}/members.csv?lang=en")
    assert english.splitlines()[0].lstrip("\ufeff").startswith(
        "Email address;Given name;Family name;Category;Protocol rank;"), english
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="accreditations-alliance-belgium.csv"'
    assert "a.peeters@example.org" in text and text.count("@example.org") == 5
    # in words, as the member form names them and the import reads them back (a tryout read
    # the codes « official;senior_official;…;Mr » under French headers)
    assert "\nc.janssens@example.org;Chloé;Janssens;Expert;Expert ou experte;;;;Anglais;;BE;" \
        in text, text
    assert "\nc.janssens@example.org;Chloé;Janssens;Expert;Expert;;;;English;;BE;" in english, \
        english
    resp = await focal.api.client.get(f"{PORTAL}/members.xlsx", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in focal.cookies.items())})
    assert resp.status == 200
    sheet = load_workbook(io.BytesIO(await resp.read())).active
    assert sheet is not None and sheet.max_row == 6
    assert [[c.value for c in row][:9] for row in sheet.iter_rows(min_row=2)
            if row[0].value == "a.peeters@example.org"] == [[
                "a.peeters@example.org", "Anna", "Peeters", "Fonctionnaire", "Fonctionnaire",
                "Conseillère", None, None, "Anglais"]]

    # The export imported back changes nothing.
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   text.encode())
    assert status == 200
    # nothing to write: said, and no button to "import these 5 rows" (tryout, 4 December 2026)
    assert element(page, "preview-summary") == (
        "Nothing to import: the 5 rows are the same as what is already saved.")
    assert 'id="apply-form"' not in page
    # No file, or a file that is no table, is a form error on the file.
    status, page, _ = await focal.post_form(f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                            step="check")
    assert status == 422 and 'id="file-error"' in page
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   b"name;phone\nx;y\n")
    assert status == 422 and "email" in element(page, "file-error")


async def test_a_quota_lowered_below_the_places_taken_is_said_in_words(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Belgium has two ministers; its minister quota set to one is accepted (no one loses their
    place) and the quotas page says so in words, above the table and in the cell (found trying
    the product: '2 / 1' in bold was all it showed)."""
    be, _ = await _setup(api, smtp)
    await member(api, be, "Reynders", rank="foreign_minister")
    await member(api, be, "Dewael", rank="minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/quotas?lang=en")
    assert 'id="over-quota"' not in page
    edit = f"/manage/alliance/quotas/{be['id']}"
    status, _, resp = await protocol.post_form(edit, edit, minister="1")
    assert status == 303
    status, page, _ = await protocol.go("GET", "/manage/alliance/quotas?lang=en")
    assert element(page, "over-quota") == (
        "1 delegation is now over its quota: its members keep their places, but no one else "
        "can be filed in the category concerned.")
    assert element(page, "places-BE-minister") == "2 / 1 * (1 over the quota)"
    status, page, _ = await protocol.go("GET", "/manage/alliance/quotas?lang=fr")
    assert element(page, "over-quota").startswith("1 délégation dépasse désormais son quota : ")
    assert element(page, "places-BE-minister") == "2 / 1 * (1 au-delà du quota)"


async def test_protocol_edits_quotas_and_deadlines_and_reads_the_lists(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    fr = await make_delegation(api, "FR")
    await member(api, be, "Reynders", rank="foreign_minister")
    await member(api, fr, "Fabius", rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance")
    assert status == 200 and 'href="/manage/alliance/quotas?lang=en"' in page

    # Quotas: Belgium's own minister quota.
    status, page, _ = await protocol.go("GET", "/manage/alliance/quotas")
    assert status == 200, page
    assert element(page, "places-BE-minister") == "1 / no limit"
    edit = f"/manage/alliance/quotas/{be['id']}"
    status, page, _ = await protocol.post_form(edit, edit, minister="-2", official="x")
    assert status == 422 and 'id="minister-error"' in page and 'id="official-error"' in page
    status, _, resp = await protocol.post_form(edit, edit, minister="1", expert="4")
    assert status == 303
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert "Quotas of Belgium saved." in element(page, "flash")
    assert element(page, "places-BE-minister") == "1 / 1 *"
    assert element(page, "places-BE-expert") == "0 / 4 *"
    status, _, _ = await protocol.go(
        "GET", "/manage/alliance/quotas/00000000-0000-0000-0000-000000000000")
    assert status == 404
    # The focal point is now refused a second minister.
    status, refusal, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role=be["focal_point_token"],
        json={"category": "minister", "given_name": "Ann", "family_name": "Two",
              "email": "two@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "minister", "function": "Minister"})
    assert status == 409 and refusal["allowed"] == 1

    # Deadlines: substitutions may not close before nominations; the default quotas.
    status, page, _ = await protocol.post_form(
        "/manage/alliance/deadlines", "/manage/alliance/deadlines",
        nominations_close_at="2031-05-01T18:00", changes_close_at="2031-04-30T18:00")
    assert status == 422 and 'id="changes_close_at-error"' in page
    status, page, _ = await protocol.post_form(
        "/manage/alliance/deadlines", "/manage/alliance/deadlines",
        nominations_close_at="2031-05-01 18:00", changes_close_at="tomorrow")
    assert status == 422 and 'id="changes_close_at-error"' in page
    status, _, resp = await protocol.post_form(
        "/manage/alliance/deadlines", "/manage/alliance/deadlines",
        nominations_close_at="2031-05-01T18:00", changes_close_at="2031-05-08T12:00",
        official="3")
    assert status == 303
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance",
                                           role="protocol")
    assert conference["nominations_close_at"].startswith("2031-05-01T16:00:00")  # CEST
    assert conference["quotas"] == {"minister": None, "official": 3, "expert": None,
                                    "staff": None}
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert 'value="2031-05-08T12:00"' in page and 'id="flash"' in page

    # Import for any delegation (the delegation chosen in the form).
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import", rows(*GOOD[:2]),
                                   delegation=fr["id"])
    assert status == 200, page
    # the console's check names whom each row names, as the portal's does
    assert element(page, "row-2").startswith("2 Anna Peeters a.peeters@example.org")
    status, _, resp = await apply(protocol, "/manage/alliance/import", page)
    assert status == 303
    assert {"a.peeters@example.org", "b.claes@example.org"} <= set(await members_of(api, fr))

    # The list of participants and the statistics.
    status, page, _ = await protocol.go("GET", "/manage/alliance/participants")
    assert status == 200 and "Reynders" in page and "Fabius" in page
    assert page.index("Reynders") < page.index("Fabius")
    resp = await protocol.api.client.get("/manage/alliance/participants.pdf", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200 and resp.headers["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(await resp.read())).pages)
    assert "Reynders" in text
    status, listed, _ = await protocol.go("GET", "/manage/alliance/participants.csv")
    assert status == 200 and "Fabius" in listed
    status, page, _ = await protocol.go("GET", "/manage/alliance/statistics")
    assert status == 200, page
    assert element(page, "by-category-minister") == "2"
    assert element(page, "by-category-official") == "1"
    assert element(page, "by-status-approved") == "2"
    assert element(page, "funnel-approved") == "2"
    assert element(page, "by-country-FR") == "3"

    focal = await _signed_in(api, link)
    for path in ("quotas", "deadlines", "import", "participants", "participants.pdf",
                 "statistics", f"quotas/{be['id']}"):
        status, _, _ = await focal.go("GET", f"/manage/alliance/{path}")
        assert status == 403, path
    status, _, _ = await focal.go("POST", edit, {"minister": "9"})
    assert status == 403


async def test_the_import_check_names_each_row_s_error_in_the_page_s_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The import's own messages (an address twice, staff, a rejected member, a person of
    another delegation) read in French on the French page, not in English (found trying the
    product)."""
    be, link = await _setup(api, smtp)
    rejected = await member(api, be, "Maes", decision=None)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{rejected['id']}/decision", role="protocol",
        json={"decision": "reject", "reason": "Not eligible"})
    assert status == 200, body
    fr = await make_delegation(api, country="FR")
    other = await member(api, fr, "Martin", decision=None)
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                           json=press_body(7))
    assert status == 201, journalist
    focal = await _signed_in(api, link)
    data = rows(GOOD[0], GOOD[0].replace("Anna", "Anne"),
                "s.staff@example.org,Sam,Staff,personnel,expert,",
                f"{rejected['email']},Jan,Maes,expert,expert,",
                f"{other['email']},Jean,Martin,expert,expert,",
                f"{journalist['email']},Marie,Presse,expert,expert,")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", data)
    assert status == 422, page
    assert element(page, "row-3").endswith(
        "courriel : la même adresse figure déjà ligne 2")
    assert element(page, "row-4").endswith(
        "catégorie : le personnel est accrédité par les organisateurs")
    assert element(page, "row-5").endswith(
        "courriel : l'accréditation de cette personne est refusée")
    # another delegation's member and a journalist alike: the address is taken, and no more
    # (as the member form says), neither whose nor in which category (found trying the product)
    for row in ("row-6", "row-7"):
        assert element(page, row).endswith(
            "courriel : cette adresse ne peut pas servir à une nouvelle demande ; adressez-vous "
            "au service du protocole"), element(page, row)  # spaces normalised
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", data)
    assert element(page, "row-3").endswith("email: the same address is already on row 2")
    assert element(page, "row-5").endswith("email: this person's accreditation is rejected")


async def test_a_focal_point_s_import_changes_no_member_already_decided(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The portal's edit form refuses a member after the decision (a substitution replaces
    them); an import by the focal point did not: it made an approved official a minister, and
    the badge then opened the ministers' zones. Now that row is an error and nothing is
    written; an unchanged row stays unchanged, and protocol's import still amends (found
    trying the product)."""
    be, link = await _setup(api, smtp)
    approved = await member(api, be, "Peeters", category="official", rank="official")
    pending = await member(api, be, "Claes", category="official", rank="official",
                           decision=None)
    focal = await _signed_in(api, link)
    as_minister = rows(f"{approved['email']},Anna,Peeters,ministre,minister,Minister")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   as_minister)
    assert status == 422, page
    assert ("courriel : l'accréditation de cette personne est accordée : elle ne peut plus être "
            "modifiée ; remplacez la personne ou adressez-vous au service du protocole"
            ) in element(page, "row-2")
    assert 'id="apply-form"' not in page
    same = rows(f"{approved['email']},Anna,Peeters,fonctionnaire,official,Minister",
                f"{pending['email']},Anna,Claes,expert,expert,Minister")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", same)
    assert status == 200, page
    assert element(page, "row-2").endswith("unchanged")
    assert "update" in element(page, "row-3")  # still waiting for the decision: amended
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={be['id']}",
        role="protocol",
        data=as_minister, headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert [r["outcome"] for r in body["rows"]] == ["update"], body
    status, acc, _ = await api.call("GET", f"/api/v1/accreditations/{approved['id']}",
                                    role="protocol")
    assert acc["category"] == "official"


async def test_a_column_the_file_does_not_have_changes_nothing(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A file without the salutation or language column left a member already accredited
    without their gender ('forme d'adresse' changed) and in the conference's first language:
    a column the file does not have now keeps the member's value; an empty cell still clears
    it (found trying the product)."""
    be, link = await _setup(api, smtp)
    status, minister, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Anna", "family_name": "Peeters",
              "email": "anna@example.org", "language": "en", "gender": "female",
              "delegation_id": be["id"], "rank": "expert", "function": "Adviser"})
    assert status == 201, minister
    focal = await _signed_in(api, link)
    same = rows("anna@example.org,Anna,Peeters,expert,expert,Adviser")  # no salutation, language
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", same)
    assert status == 200, page
    assert element(page, "row-2").endswith("unchanged"), element(page, "row-2")
    changed = (HEADER.rstrip("\n") + ",Civilité\n"
               "anna@example.org,Anna,Peeters,expert,expert,Senior adviser,\n").encode()
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   changed)
    assert status == 200, page
    details = element(page, "row-2")
    assert "function" in details and "salutation" in details  # the empty cell clears it
    assert "language" not in details


async def test_the_import_check_words_every_error_from_its_code_in_the_page_s_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The header row's and the file's errors were English inside a French sentence ("Ce
    fichier ne peut pas être importé : courriel : named twice…"), and so were a row's
    delegation errors: each now reads in the page's language, from its code (found trying
    the product)."""
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    header = b"Courriel,E-mail,Nom\nx@example.org,x@example.org,X\n"
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", header)
    assert status == 422, page
    assert element(page, "file-error") == (  # "Erreur :" said to screen readers
        "Erreur : Ce fichier ne peut pas être importé : deux colonnes pour « courriel » : "
        "« Courriel » et « E-mail » ; aucune colonne « prénom » dans la ligne d'en-tête ; "
        "aucune colonne « catégorie » dans la ligne d'en-tête.")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", header)
    assert element(page, "file-error") == (
        "Error: This file cannot be imported: two columns for “email”: “Courriel” and “E-mail”; no "
        "“given name” column in the header row; no “category” column in the header row.")
    for lang, words in (("fr", "Ce fichier ne peut pas être importé : ce n'est pas un fichier "
                                "XLSX lisible."),
                        ("en", "This file cannot be imported: not a readable XLSX file.")):
        status, page, _ = await upload(focal, f"{PORTAL}/import",
                                       f"{PORTAL}/import?lang={lang}", b"PK\x03\x04garbage",
                                       name="members.xlsx")
        assert status == 422, page
        assert element(page, "file-error").endswith(words), element(page, "file-error")
    for lang, words in (("fr", "Ce fichier ne peut pas être importé : le fichier est vide."),
                        ("en", "This file cannot be imported: the file is empty.")):
        status, page, _ = await upload(focal, f"{PORTAL}/import",
                                       f"{PORTAL}/import?lang={lang}", b"\n \n")
        assert status == 422, page
        assert element(page, "file-error").endswith(words), element(page, "file-error")

    # A row's errors, each in the page's language: the delegation's (the console's import
    # into each row's delegation), a minister's rank, a date.
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    data = ("Courriel,Prénom,Nom,Catégorie,Rang,Fonction,Délégation,En fonction depuis\n"
            "a@example.org,Anna,Peeters,expert,expert,,XX,\n"
            "b@example.org,Bart,Claes,expert,expert,,,\n"
            "c@example.org,Chloé,Janssens,ministre,,Ministre,BE,\n"
            "d@example.org,Dirk,Maes,expert,expert,,BE,hier\n"
            "pas-une-adresse,Eva,Wouters,expert,expert,,BE,\n").encode()
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=fr", data)
    assert status == 422, page
    assert element(page, "row-2").endswith(
        "délégation : aucune délégation « XX » dans cette conférence")
    assert element(page, "row-3").endswith(
        "délégation : obligatoire (nom ou code ISO du pays, ou nom de l'organisation)")
    assert element(page, "row-4").endswith("rang : obligatoire pour la catégorie ministre")
    assert element(page, "row-5").endswith(
        "en fonction depuis : une date : AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA")
    # in lower case after the column's name, like the others (it read « courriel : Adresse
    # électronique non valide », tryout of 4 December 2026)
    assert element(page, "row-6").endswith(
        "courriel : adresse électronique non valide (exemple : prenom.nom@exemple.org).")
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=en", data)
    assert element(page, "row-2").endswith("delegation: no delegation “XX” in this conference")
    assert element(page, "row-3").endswith(
        "delegation: required (the country's name or ISO code, or the organisation's name)")
    assert element(page, "row-4").endswith("rank: required for the category minister")
    assert element(page, "row-5").endswith(
        "in office since: a date: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY")


async def test_namesakes_are_told_apart_by_their_address(api: Api, smtp: RecordingSMTP) -> None:
    """Two members of one name (a user test registered "Annelies Verlinden" twice, at two
    addresses) read the same in the portal's list and the substitution's choice: both give the
    address of each, and only of those."""
    be, link = await _setup(api, smtp)
    first = await member(api, be, "Verlinden")
    status, second, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol", json={
            "category": "minister", "given_name": "Ánna", "family_name": "VERLINDEN",
            "email": "a.verlinden@example.be", "language": "en", "delegation_id": be["id"],
            "rank": "minister", "function": "Minister"})
    assert status == 201, second
    other = await member(api, be, "Peeters")
    focal = await _signed_in(api, link)
    status, page, _ = await focal.go("GET", f"{PORTAL}?lang=en")
    assert element(page, f"namesake-{first['id']}") == first["email"]
    assert element(page, f"namesake-{second['id']}") == "a.verlinden@example.be"
    assert f'id="namesake-{other["id"]}"' not in page
    status, page, _ = await focal.go("GET", f"{PORTAL}/substitute?lang=en")
    assert f"Anna Verlinden ({first['email']}) – " in page
    assert "(a.verlinden@example.be) – " in page
    assert "Anna Peeters – " in page


async def test_a_member_filed_by_import_says_so_in_words_in_the_history(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test (1 December 2026): the history of a member filed by the import gave the
    code "import" as its reason, on the French page as on the English one."""
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   rows(GOOD[0]))
    assert status == 200, page
    status, page, _ = await apply(focal, f"{PORTAL}/import?lang=fr", page)
    assert status == 303, page
    [acc] = [a for a in (await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={be['id']}",
        role="protocol"))[1]["items"] if a["email"] == "a.peeters@example.org"]
    for language, words in (("fr", "Demande déposéePar import"),
                            ("en", "Application submittedBy import")):
        status, page, _ = await focal.go("GET", f"{PORTAL}/members/{acc['id']}?lang={language}")
        assert status == 200, page
        assert words in element(page, "history"), page



async def test_the_member_form_s_labels_are_read_as_the_import_s_headers(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): a spreadsheet headed with the member form's
    own labels ("Prénom(s)", "Rang protocolaire", "Fonction (intitulé officiel)", "Langue de
    correspondance", "Forme d'adresse") had those columns ignored, the minister's rank with
    them, and the language defaulted. They are read, in French and in English."""
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    # the page says what a row must have, and that the form's labels are read
    status, page, _ = await focal.go("GET", f"{PORTAL}/import?lang=en")
    assert element(page, "import-required") == (
        "Each row gives at least the email, the given name, the family name and the category, "
        "and for a minister or an official also the rank and the function. The registration "
        "form's labels (“Protocol rank”, “Language for correspondence”…) are read as headers "
        "too.")
    french = ("Catégorie;Prénom(s);Nom de famille;Adresse électronique;Langue de "
              "correspondance;Forme d'adresse;Rang protocolaire;Fonction (intitulé officiel)\n"
              "Ministre;Sophie;Wilmès;s.wilmes@example.org;Anglais;Madame;Ministre;"
              "Ministre des Affaires étrangères\n").encode()
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   french)
    assert status == 200, page
    assert 'id="column-warnings"' not in page
    assert element(page, "row-2") == \
        "2 Sophie Wilmès s.wilmes@example.org Ministre création"
    status, _, resp = await apply(focal, f"{PORTAL}/import?lang=fr", page)
    assert status == 303
    _, listed, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={be['id']}",
        role="protocol")
    [sophie] = listed["items"]
    assert (sophie["rank"], sophie["language"], sophie["gender"], sophie["function"]) == (
        "minister", "en", "female", "Ministre des Affaires étrangères")

    english = (b"Category,Given name(s),Family name,Email address,Language for "
               b"correspondence,Form of address,Protocol rank,Function (official title)\n"
               b"Official,Jan,Peeters,j.peeters@example.org,French,Mr,Senior official,"
               b"Director\n")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   english)
    assert status == 200, page
    assert 'id="column-warnings"' not in page and "1 to create" in element(page,
                                                                          "preview-summary")


async def test_the_export_names_a_woman_expert_experte_and_reads_back_unchanged(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: the French download said « Expert » of Élodie N'Guessan-Lefèvre, whom the
    portal and the console call « Experte »; the import reads « Experte » back as the same
    category, so the file still changes nothing when imported again."""
    be, link = await _setup(api, smtp)
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Élodie", "family_name": "N'Guessan-Lefèvre",
              "email": "elodie@example.org", "language": "fr", "delegation_id": be["id"],
              "gender": "female"})
    assert status == 201, body
    focal = await _signed_in(api, link)
    status, text, _ = await focal.go("GET", f"{PORTAL}/members.csv")
    assert status == 200
    row = next(line for line in text.splitlines() if line.startswith("elodie@example.org"))
    assert row.split(";")[3] == "Experte", row
    status, english, _ = await focal.go("GET", f"{PORTAL}/members.csv?lang=en")
    row = next(line for line in english.splitlines() if line.startswith("elodie@example.org"))
    assert row.split(";")[3] == "Expert", row
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   text.encode())
    assert status == 200, page
    assert element(page, "preview-summary").startswith("Rien à importer"), element(
        page, "preview-summary")
