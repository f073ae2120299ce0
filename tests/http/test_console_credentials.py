"""The console's credentials pages over HTTP with a real PostgreSQL and SMTP server: badge
production (statuses, the batch PDF read back with pypdf, marking printed, a reissue with its
confirmation, a delegation's pack), visa letters (refuse, approve and the mailed PDF, cancel),
an application's vetting status, documents and photo; the documents a category gives, shown
missing and uploaded from the focal point's and the applicant's pages (multipart, no script);
every page and action refused to the press office, door staff and focal points."""

from __future__ import annotations

import io
import re
from typing import Any

import aiohttp
from pypdf import PdfReader

from tests.browser.helpers import element, hidden, member, text
from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_credentials import _pdf, image, put
from tests.http.test_workspaces import link_in
from tests.support import RecordingSMTP, body_text, current_token

M = "/manage/alliance"


async def _conference(api: Api, smtp: RecordingSMTP, **changes: Any
                      ) -> tuple[dict[str, Any], str]:
    """The conference (with ``changes``) and delegation BE; the focal point's sign-in link."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**changes))
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    return deleg, link_in(welcome)


async def _post(v: Visitor, path: str, page: str, data: dict[str, Any] | list[tuple[str, str]]
                ) -> tuple[int, str, Any]:
    fields = [("csrf", hidden(page, "csrf")),
              *(data.items() if isinstance(data, dict) else data)]
    v.api.client.session.cookie_jar.clear()
    headers = {"Cookie": "; ".join(f"{k}={c}" for k, c in v.cookies.items())}
    resp = await v.api.client.post(path, data=fields, headers=headers, allow_redirects=False)
    v.keep(resp)
    return resp.status, (await resp.read()).decode("latin-1"), resp


async def _upload(v: Visitor, action: str, token: str, data: bytes, media: str,
                  filename: str = "note.pdf") -> tuple[int, str, Any]:
    form = aiohttp.FormData()
    form.add_field("csrf", token)
    form.add_field("document", data, filename=filename, content_type=media)
    v.api.client.session.cookie_jar.clear()
    headers = {"Cookie": "; ".join(f"{k}={c}" for k, c in v.cookies.items())}
    resp = await v.api.client.post(action, data=form, headers=headers, allow_redirects=False)
    v.keep(resp)
    return resp.status, await resp.text(), resp


def printed_form(page: str) -> list[tuple[str, str]]:
    """The fields the page's "mark printed" form sends: its filters and its batch's mark."""
    start = page.index('id="printed-form"')
    form = page[start:page.index("</form>", start)]
    return [(name, hidden(form, name)) for name in ("delegation", "category", "status", "batch")]


def _form_token(page: str, form_id: str) -> str:
    """The CSRF token of one form of the page (the applicant's page signs each form apart)."""
    return hidden(page[page.index(f'id="{form_id}"'):], "csrf")


async def _states(api: Api) -> dict[str, dict[str, Any]]:
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                     role="protocol")
    assert status == 200, body
    return {b["family_name"]: b for b in body["items"]}


async def test_protocol_prints_a_batch_marks_it_printed_reissues_and_hands_over_the_pack(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp)
    people = [await member(api, be, name) for name in ("Peeters", "Janssens", "Maes")]
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert status == 200, page
    assert element(page, "badge-count") == "3 badges listed, 3 to print."
    for p in people:
        row = text(element(page, f"badge-{p['id']}"))
        assert "To print" in row and "v1" in row

    status, pdf, resp = await _post(v, f"{M}/badges/batch.pdf?lang=en", page,
                                    {"layout": "a6", "delegation": be["id"]})
    assert status == 200 and resp.content_type == "application/pdf"
    pages = PdfReader(io.BytesIO(await resp.read())).pages
    assert len(pages) == 3
    printed = " ".join(pg.extract_text() for pg in pages).upper()
    assert all(n.upper() in printed for n in ("Peeters", "Janssens", "Maes")), printed
    status, _, resp = await _post(v, f"{M}/badges/batch.pdf?lang=en", page, {"layout": "a4x4"})
    assert status == 200 and len(PdfReader(io.BytesIO(await resp.read())).pages) == 1
    status, answer, _ = await _post(v, f"{M}/badges/batch.pdf?lang=en", page, {"layout": "a5"})
    assert status == 422 and element(answer, "layout-error").endswith("Choose a layout.")

    # the page's form marks the batch its filters give (by its mark, not a list of ids); the
    # next batch to print is empty
    status, _, resp = await _post(v, f"{M}/badges/printed?lang=en", page,
                                  printed_form(page))
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "3 badges marked printed."
    assert {s["status"] for s in (await _states(api)).values()} == {"printed"}
    status, answer, _ = await _post(v, f"{M}/badges/batch.pdf?lang=en", page,
                                    {"layout": "a6", "status": "to_print"})
    assert status == 409 and "No badge to print matches" in element(answer, "form-error")
    status, answer, _ = await _post(v, f"{M}/badges/printed?lang=en", page,
                                    [("ids", "not-an-id")])
    assert status == 422 and "ids-error" in answer

    # a reissue asks for its reason and a confirmation, then raises the version
    first = people[0]
    status, form, _ = await v.go("GET", f"{M}/badges/{first['id']}/reissue?lang=en")
    assert status == 200 and "reissue-form" in form
    status, answer, _ = await _post(v, f"{M}/badges/{first['id']}/reissue?lang=en", form,
                                    {"reason": "lost"})
    assert status == 422 and element(answer, "confirm-error").endswith("Tick the confirmation.")
    status, answer, _ = await _post(v, f"{M}/badges/{first['id']}/reissue?lang=en", form,
                                    {"confirm": "yes"})
    assert status == 422 and "reason-error" in answer
    status, _, resp = await _post(v, f"{M}/badges/{first['id']}/reissue?lang=en", form,
                                  {"reason": "lost", "confirm": "yes", "note": "left in a taxi"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    states = await _states(api)
    assert (states["Peeters"]["badge_version"], states["Peeters"]["status"]) == (2, "to_print")
    # the confirmation gives the new short reference the badge prints under its QR code, the
    # one the door and the phone will be read: « Anna Peeters v2 » gave none (tryout)
    reference = states["Peeters"]["short_reference"]
    assert reference and len(reference) == 9, states["Peeters"]
    assert element(page, "flash") == \
        f"Badge reissued: Anna Peeters, new reference {reference}, version 2."
    row = text(element(page, f"badge-{first['id']}"))
    assert "v2" in row and "To print" in row

    # the pack: the two printed badges are handed over, not the one to print again
    status, answer, _ = await _post(v, f"{M}/badges/packs/{be['id']}?lang=en", page,
                                    {"collected_by": "  "})
    assert status == 422 and "Say who collects" in answer
    status, _, resp = await _post(v, f"{M}/badges/packs/{be['id']}?lang=en", page,
                                  {"collected_by": "Attaché Claes"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Collection recorded for Belgium: 2 badges."
    assert "Collected (Attaché Claes" in text(element(page, f"badge-{people[1]['id']}"))
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&status=collected")
    assert element(page, "badge-count") == "2 badges listed, 0 to print."
    assert "batch-form" not in page
    status, answer, _ = await _post(v, f"{M}/badges/batch.pdf?lang=en", page,
                                    {"layout": "a6", "status": "collected"})
    assert status == 422 and "reissue the badge" in element(answer, "form-error")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&status=printed")
    assert element(page, "badge-count") == "2 badges listed, 0 to print."
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&status=to_print")
    assert element(page, "badge-count") == "1 badge listed, 1 to print."
    status, answer, _ = await _post(v, f"{M}/badges/packs/{be['id']}?lang=en", page,
                                    {"collected_by": "Again"})
    assert status == 409 and "no printed badge to hand over" in answer


async def test_a_badge_lacking_clearance_is_listed_but_never_in_a_batch(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister"])
    minister = await member(api, be, "Peeters")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert "Awaiting clearance" in text(element(page, f"badge-{minister['id']}"))
    assert "mark-printed" not in page and f"reissue-{minister['id']}" not in page
    status, answer, _ = await _post(v, f"{M}/badges/batch.pdf?lang=en", page, {"layout": "a6"})
    assert status == 409


async def test_protocol_refuses_approves_and_cancels_visa_letters(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)
    letters = []
    for n in (1, 2):
        status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        json=press_body(n, language="en"))
        assert status == 201, acc
        # a visa letter is approved only for an approved accreditation
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{acc['id']}/decision", role="press_office",
            json={"decision": "approve"})
        assert status == 200, decided
        token = await current_token(api.db_url, acc["id"])
        status, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{acc['id']}/visa-letter", role=token,
            json={"passport_name": f"Marie Dupont{n}", "passport_number": f"X{n}",
                  "nationality": "CM", "date_of_birth": "1980-01-01",
                  "consulate": "Embassy of Belgium, Yaoundé"})
        assert status == 201, letter
        letters.append(letter)
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en")
    assert status == 200 and all(f"decide-{lt['id']}" in page for lt in letters)
    one, two = letters
    status, answer, _ = await _post(v, f"{M}/visa-letters/{one['id']}/decision?lang=en", page,
                                    {"decision": "refuse"})
    assert status == 422 and f"l-{one['id']}-reason-error" in answer
    status, _, resp = await _post(v, f"{M}/visa-letters/{one['id']}/decision?lang=en", page,
                                  {"decision": "refuse", "reason": "Passport expired"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Letter refused: Marie Dupont1."
    assert "Passport expired" in text(element(page, f"letter-{one['id']}"))

    status, _, resp = await _post(v, f"{M}/visa-letters/{two['id']}/decision?lang=en", page,
                                  {"decision": "approve"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Letter approved and mailed: Marie Dupont2."
    [mail] = await smtp.wait_for(1, where=lambda m: "dupont2" in m["To"] and any(
        p.get_content_type() == "application/pdf" for p in m.iter_attachments()))
    assert "letter" in body_text(mail).lower()
    status, letter, _ = await api.call("GET", f"/api/v1/visa-letters/{two['id']}",
                                       role="protocol")
    number = letter["number"]
    assert number in element(page, f"pdf-{two['id']}")
    resp = await api.client.get(f"{M}/visa-letters/{two['id']}/letter.pdf",
                                headers={"Cookie": "; ".join(
                                    f"{k}={c}" for k, c in v.cookies.items())})
    assert resp.status == 200 and (await resp.read()).startswith(b"%PDF")
    status, answer, _ = await _post(v, f"{M}/visa-letters/{two['id']}/decision?lang=en", page,
                                    {"decision": "approve"})
    assert status == 409 and "already decided" in element(answer, "form-error")

    status, answer, _ = await _post(v, f"{M}/visa-letters/{two['id']}/cancel?lang=en", page,
                                    {"reason": ""})
    assert status == 422 and f"l-{two['id']}-cancel_reason-error" in answer
    status, _, resp = await _post(v, f"{M}/visa-letters/{two['id']}/cancel?lang=en", page,
                                  {"reason": "Issued in error"})
    assert status == 303 and "status=cancelled" in resp.headers["Location"]
    status, body, _ = await api.call("GET", f"/v/{number}", headers={"Accept":
                                                                     "application/json"})
    assert status == 200 and body["valid"] is False
    resp = await api.client.get(f"{M}/visa-letters/{two['id']}/letter.pdf",
                                headers={"Cookie": "; ".join(
                                    f"{k}={c}" for k, c in v.cookies.items())})
    assert resp.status == 409


async def test_the_application_page_shows_and_sets_vetting_documents_and_photo(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister"],
                              documents_required={"minister": ["note_verbale"]})
    minister = await member(api, be, "Peeters", decision=None)
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{M}/accreditations/{minister['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200, page
    assert text(element(page, "documents-warning")) == (
        "Required documents not received (the decision is still possible): Note verbale.")
    assert "missing" in text(element(page, "doc-note_verbale"))
    assert element(page, "vetting-status") == "Status: pending"
    assert "console-no-photo" in page

    status, answer, _ = await _post(v, f"{path}/vetting?lang=en", page, {"status": "refused"})
    assert status == 422 and "vetting_reason-error" in answer
    status, answer, _ = await _post(v, f"{path}/vetting?lang=en", page, {"status": "nonsense"})
    assert status == 422 and "vetting_status-error" in answer
    status, _, resp = await _post(v, f"{path}/vetting?lang=en", page, {"status": "cleared"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Vetting status recorded for Anna Peeters."
    assert element(page, "vetting-status") == "Status: cleared"

    status, _ = await put(api, f"/api/v1/accreditations/{minister['id']}/documents/note_verbale",
                          _pdf(), "application/pdf", "protocol")
    assert status == 204
    status, _ = await put(api, f"/api/v1/accreditations/{minister['id']}/photo",
                          image(900, 1200), "image/jpeg", "protocol")
    assert status == 204
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert "documents-warning" not in page
    assert "received" in text(element(page, "doc-note_verbale"))
    assert f'src="{path}/photo"' in page
    # whose photo it is, never "your current photo" on an officer's page
    assert element(page, "console-photo-caption") == (
        f"The current photo of {minister['given_name']} {minister['family_name']} "
        "(900 × 1200 pixels)")
    cookie = {"Cookie": "; ".join(f"{k}={c}" for k, c in v.cookies.items())}
    resp = await api.client.get(f"{path}/documents/note_verbale", headers=cookie)
    assert resp.status == 200 and resp.content_type == "application/pdf"
    assert (await resp.read()).startswith(b"%PDF")
    resp = await api.client.get(f"{path}/photo", headers=cookie)
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    resp = await api.client.get(f"{path}/documents/press_card", headers=cookie)
    assert resp.status == 404
    resp = await api.client.get(f"{path}/documents/nonsense", headers=cookie)
    assert resp.status == 404
    # the decision is taken with the documents missing or not: informative only
    status, _, resp = await _post(v, f"{path}/decision?lang=en", page, {"decision": "approve"})
    assert status == 303


async def test_the_focal_point_and_the_applicant_give_the_documents_their_category_needs(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _conference(api, smtp, documents_required={
        "official": ["note_verbale"], "press": ["press_card"]})
    status, m, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    assert status == 201, m
    fp = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{m['id']}"
    status, page, _ = await fp.go("GET", f"{path}/credentials?lang=en")
    assert status == 200, page
    assert text(element(page, "doc-state-note_verbale")) == "Note verbale: missing"
    assert "document-form-press_card" not in page
    token = hidden(page, "csrf")
    action = f"{path}/documents/note_verbale?lang=en"
    png_named_pdf = image(10, 10, "PNG")
    status, answer, _ = await _upload(fp, action, token, png_named_pdf, "application/pdf")
    assert status == 422
    assert element(answer, "document_note_verbale-error").endswith(
        "The file's content does not match its type.")
    status, answer, _ = await _upload(fp, action, token, _pdf(user_password="1234"),
                                      "application/pdf")
    assert status == 422
    assert element(answer, "document_note_verbale-error").endswith(
        "This PDF is protected by a password: send it without one.")
    status, _, _ = await _upload(fp, action, "forged", _pdf(), "application/pdf")
    assert status == 403
    note = _pdf()  # once: the PDF carries the second it was made
    status, _, resp = await _upload(fp, action, token, note, "application/pdf")
    assert status == 303, resp
    status, page, _ = await fp.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Document received."
    assert text(element(page, "doc-state-note_verbale")) == "Note verbale: received"
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{m['id']}/documents",
                                     role="protocol")
    assert status == 200 and body["missing"] == [], body
    resp = await api.client.get(f"/api/v1/accreditations/{m['id']}/documents/note_verbale",
                                headers=api.auth("protocol"))
    assert (await resp.read()) == note

    # the applicant behind the private link, in French
    status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    json=press_body())
    assert status == 201, acc
    secret = await current_token(api.db_url, acc["id"])
    v = Visitor(api)
    status, page, _ = await v.go("GET", f"/a/{secret}/credentials?lang=fr")
    assert status == 200, page
    assert text(element(page, "doc-state-press_card")) == "Carte de presse : manquante"
    token = _form_token(page, "document-form-press_card")
    status, _, _ = await _upload(v, f"/a/{secret}/documents/press_card?lang=fr",
                                 hidden(page, "csrf"), _pdf(), "application/pdf")
    assert status == 403  # the photo form's token is not the document form's
    status, _, resp = await _upload(v, f"/a/{secret}/documents/press_card?lang=fr", token,
                                    image(600, 400), "image/jpeg", "card.jpg")
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert text(element(page, "doc-state-press_card")) == "Carte de presse : reçue"
    status, _, _ = await _upload(v, f"/a/{secret}/documents/nonsense?lang=fr", token, _pdf(),
                                 "application/pdf")
    assert status == 404


async def test_an_administrator_sets_the_documents_each_category_gives(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)
    path = "/api/v1/conferences/alliance/documents-required"
    body = {"documents_required": {"minister": ["note_verbale", "passport_copy"]}}
    status, _, _ = await api.call("PUT", path, role="protocol", json=body)
    assert status == 403
    status, answer, _ = await api.call("PUT", path, role="admin",
                                       json={"documents_required": {"minister": ["visa"]}})
    assert status == 422, answer
    status, answer, _ = await api.call("PUT", path, role="admin", json=body)
    assert status == 200 and answer == body
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["documents_required"] == body["documents_required"]


async def test_the_credentials_pages_are_refused_outside_the_protocol_office(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _conference(api, smtp)
    minister = await member(api, be, "Peeters")
    visitors = [await staff(api, smtp, "press@example.org", "press_office"),
                await staff(api, smtp, "door@example.org", "door"),
                await _signed_in(api, link)]
    for v in visitors:
        _, home, _ = await v.go("GET", "/workspaces")
        for path in ("/badges", "/visa-letters", f"/badges/{minister['id']}/reissue",
                     f"/accreditations/{minister['id']}/photo"):
            status, _, _ = await v.go("GET", f"{M}{path}")
            assert status == 403, (path, status)
        for path, data in (("/badges/batch.pdf", {"layout": "a6"}),
                           ("/badges/printed", {"ids": minister["id"]}),
                           (f"/badges/{minister['id']}/reissue",
                            {"reason": "lost", "confirm": "yes"}),
                           (f"/badges/packs/{be['id']}", {"collected_by": "X"}),
                           ("/badges/photo-required", {"photo_required": "press"}),
                           (f"/accreditations/{minister['id']}/vetting",
                            {"status": "cleared"})):
            status, _, _ = await _post(v, f"{M}{path}", home, data)
            assert status == 403, (path, status)
    states = await _states(api)
    assert (states["Peeters"]["status"], states["Peeters"]["badge_version"]) == ("to_print", 1)


async def test_the_press_desk_opens_the_press_card_and_warns_when_it_is_missing(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp, documents_required={"press": ["press_card"]})
    status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    json=press_body())
    assert status == 201, acc
    desk = await staff(api, smtp, "press@example.org", "press_office")
    path = f"{M}/press/{acc['id']}"
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert status == 200, page
    assert text(element(page, "documents-warning")).endswith("Press card.")
    status, _ = await put(api, f"/api/v1/accreditations/{acc['id']}/documents/press_card",
                          image(600, 400), "image/jpeg", "press_office")
    assert status == 204
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert "documents-warning" not in page and "received" in text(element(page, "doc-press_card"))
    desk.api.client.session.cookie_jar.clear()
    cookie = {"Cookie": "; ".join(f"{k}={c}" for k, c in desk.cookies.items())}
    resp = await api.client.get(f"{path}/documents/press_card", headers=cookie)
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    # the console's copy of the route is protocol's: the press office is refused it
    resp = await api.client.get(f"{M}/accreditations/{acc['id']}/documents/press_card",
                                headers=cookie, allow_redirects=False)
    assert resp.status == 403


async def test_an_erased_person_s_pages_open_without_their_credentials(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, documents_required={"minister": ["note_verbale"],
                                                             "press": ["press_card"]})
    minister = await member(api, be, "Peeters")
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                           json=press_body())
    assert status == 201, journalist
    for person in (minister, journalist):
        status, body, _ = await api.call(
            "DELETE", f"/api/v1/accreditations/{person['id']}/personal-data", role="admin")
        assert status in (200, 204), body
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/accreditations/{minister['id']}?lang=en")
    assert status == 200 and 'id="credentials"' not in page
    desk = await staff(api, smtp, "press@example.org", "press_office")
    status, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=en")
    assert status in (200, 404) and 'id="documents"' not in page


async def test_a_visa_letter_request_reads_in_words(api: Api, smtp: RecordingSMTP) -> None:
    """The request's card names the nationality as a country, the birth date as a date and
    its state in the singular ('Demandée'), not 'CM', '1980-01-01' and 'Demandées' (the tab's
    word) (found trying the product)."""
    await _conference(api, smtp)
    status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    json=press_body(1, language="fr"))
    assert status == 201, acc
    token = await current_token(api.db_url, acc["id"])
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{acc['id']}/visa-letter", role=token,
        json={"passport_name": "Marie Dupont", "passport_number": "X1", "nationality": "CM",
              "date_of_birth": "1980-05-04", "consulate": "Ambassade de Belgique, Yaoundé"})
    assert status == 201, letter
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await v.go("GET", f"{M}/visa-letters?lang=fr")
    card = text(element(page, f"letter-{letter['id']}"))
    assert "Cameroun" in card and "4 mai 1980" in card
    assert "CM" not in card.split() and "1980-05-04" not in card
    assert "ÉtatDemandée " in card  # <dt>État</dt><dd>Demandée</dd>
    _, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en")
    card = text(element(page, f"letter-{letter['id']}"))
    assert "Cameroon" in card and "4 May 1980" in card


async def test_the_credentials_page_is_titled_as_the_link_to_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test (1 December 2026): the link said « Photo, pièces à fournir et lettre
    d'invitation pour le visa », the page it opened « Photo et lettre d'invitation », though
    it also takes the identity document and the documents asked for."""
    be, link = await _conference(api, smtp, documents_required={"official": ["note_verbale"]},
                                 vetting_required=["official", "press"])
    status, m, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    assert status == 201, m
    fp = await _signed_in(api, link)
    status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    json=press_body())
    assert status == 201, acc
    secret = await current_token(api.db_url, acc["id"])
    v = Visitor(api)

    def h1(page: str) -> str:
        found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert found, page
        return " ".join(found.group(1).split()).replace("&#39;", "'")

    for language, words in (("fr", "Photo, pièces à fournir et lettre d'invitation pour le "
                                    "visa"),
                            ("en", "Photo, documents to give and visa invitation letter")):
        base = f"/delegation/alliance-be/members/{m['id']}"
        status, page, _ = await fp.go("GET", f"{base}?lang={language}")
        assert status == 200 and element(page, "credentials-link") == words, page
        status, page, _ = await fp.go("GET", f"{base}/credentials?lang={language}")
        assert status == 200 and h1(page) == words
        assert 'id="identity-form"' in page and "document-form-note_verbale" in page
        status, page, _ = await v.go("GET", f"/a/{secret}?lang={language}")
        assert status == 200 and element(page, "credentials-link") == words, page
        status, page, _ = await v.go("GET", f"/a/{secret}/credentials?lang={language}")
        assert status == 200 and h1(page) == words


async def test_the_status_and_member_pages_say_which_documents_are_still_to_give(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test (1 December 2026): the journalist's page said "to do" of the identity
    document only; nothing said the press card asked of the press was still missing until
    the press office wrote (docs/credentials.md, "Documents")."""
    be, link = await _conference(api, smtp, documents_required={
        "official": ["note_verbale"], "press": ["press_card"]})
    status, acc, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    json=press_body())
    assert status == 201, acc
    secret = await current_token(api.db_url, acc["id"])
    v = Visitor(api)
    status, page, _ = await v.go("GET", f"/a/{secret}?lang=fr")
    assert status == 200, page
    assert element(page, "documents-todo") == (
        "À faire : donnez les documents demandés (carte de presse) sur la page ci-dessous.")
    status, _ = await put(api, f"/api/v1/accreditations/{acc['id']}/documents/press_card",
                          _pdf(), "application/pdf", "admin")
    assert status == 204
    status, page, _ = await v.go("GET", f"/a/{secret}?lang=fr")
    assert status == 200 and 'id="documents-todo"' not in page

    status, m, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    assert status == 201, m
    fp = await _signed_in(api, link)
    status, page, _ = await fp.go("GET", f"/delegation/alliance-be/members/{m['id']}?lang=en")
    assert status == 200, page
    assert element(page, "documents-todo") == (
        "To do: give the documents asked for Jan Peeters (note verbale) on the page below.")
