"""A file beyond what a page's form takes is said on that page, in the reader's language, never
as the API's problem+json (a user test: a focal point's 1.7 MB CSV on the import page showed
`{"type": ".../too-large", ...}` in English on a French page); the API keeps its 413 problem.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from tests.browser.helpers import element, hidden, text
from tests.conftest import Api
from tests.http.test_console import _signed_in
from tests.http.test_lifecycle_pages import GOOD, PORTAL, members_of, rows, upload
from tests.http.test_workspaces import _setup
from tests.http.test_workspaces_security import (
    PAGE,
    _conference_with_a_member,
    _people,
    _security_officer,
)
from tests.support import RecordingSMTP

MB = 1024 * 1024


def padded(size: int) -> bytes:
    """A members file of good rows, padded with blank lines to ``size`` bytes."""
    data = rows(*GOOD)
    return data + b"\n" * (size - len(data))


async def test_a_file_beyond_the_limit_is_said_on_the_import_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    # the limit is said beside the file field beforehand
    _, page, _ = await focal.go("GET", f"{PORTAL}/import?lang=fr")
    assert element(page, "file-hint") == "CSV ou XLSX, 1 Mo au plus."
    assert 'aria-describedby="file-hint"' in page
    for size, lang, words in ((int(1.7 * MB), "fr", "Erreur : Le fichier dépasse 1 Mo."),
                              (20 * MB, "en", "Error: The file is larger than 1 MB."),
                              (MB + 1, "en", "Error: The file is larger than 1 MB.")):
        status, page, resp = await upload(focal, f"{PORTAL}/import",
                                          f"{PORTAL}/import?lang={lang}", padded(size))
        assert status == 413, page[:300]
        assert resp.content_type == "text/html"  # the page, not a problem+json
        assert element(page, "file-error") == words
        assert 'id="import-form"' in page and 'id="apply-form"' not in page
    assert await members_of(api, be) == {}
    # a file of exactly the limit is read (and checked as any other)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   padded(MB))
    assert status == 200, element(page, "file-error") if "file-error" in page else ""
    assert "5 to create" in element(page, "preview-summary")

    # The import button carries the file it was shown: a larger one sent there is refused
    # on the form as well (the form-encoded body is not the API's 413).
    status, page, resp = await focal.go("POST", f"{PORTAL}/import?lang=fr", {
        "csrf": hidden(page, "csrf"), "step": "apply", "filename": "m.csv",
        "content_type": "text/csv", "content": "QUFB" * (MB // 2)})
    assert status == 413 and resp.content_type == "text/html"
    assert element(page, "file-error") == "Erreur : Le fichier dépasse 1 Mo."
    assert await members_of(api, be) == {}


async def test_the_console_import_says_the_limit_too(api: Api, smtp: RecordingSMTP) -> None:
    from tests.http.test_console import staff

    be, _ = await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/import?lang=en")
    assert element(page, "file-hint") == "CSV or XLSX, at most 1 MB."
    status, page, resp = await upload(protocol, "/manage/alliance/import",
                                      "/manage/alliance/import?lang=fr", padded(2 * MB))
    assert status == 413 and resp.content_type == "text/html"
    assert element(page, "file-error") == "Erreur : Le fichier dépasse 1 Mo."
    assert await members_of(api, be) == {}


async def test_the_api_import_keeps_its_413_problem(api: Api, smtp: RecordingSMTP) -> None:
    await _setup(api, smtp)
    for accept in ("application/json", "text/html"):
        status, body, resp = await api.call(
            "POST", "/api/v1/conferences/alliance/imports?dry_run=true", role="protocol",
            data=padded(2 * MB), headers={"Content-Type": "text/csv", "Accept": accept})
        assert status == 413, body
        assert resp.content_type == "application/problem+json"
        assert body["type"].endswith("/too-large") and "1048576 bytes" in body["detail"]


async def test_a_results_file_beyond_the_limit_is_said_on_the_security_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The security page's upload took 5 MB on paper, but the service's body limit (1 MB)
    answered first, with the API's problem+json."""
    await _conference_with_a_member(api)
    for lang, hint, words, pending in (
            ("fr", "CSV, 5 Mo au plus.", "Le fichier dépasse 5 Mo.", "En attente"),
            ("en", "CSV, at most 5 MB.", "The file is larger than 5 MB.", "Pending")):
        v = await _security_officer(api, smtp, lang)
        _, page, _ = await v.go("GET", f"{PAGE}?lang={lang}")
        assert element(page, "file-hint") == hint
        _, csv_text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
        filled = csv_text.replace(";pending;", ";cleared;").encode()
        form = aiohttp.FormData()
        form.add_field("csrf", hidden(page, "csrf"))
        form.add_field("file", filled + b"\r\n" * (3 * MB), filename="results.csv",
                       content_type="text/csv")
        status, page, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang={lang}", form)
        assert status == 413 and resp.content_type == "text/html", page[:300]
        assert element(page, "form-error") == words
        assert _people(page) == {"Peeters, Jan": pending}  # nothing recorded


async def test_any_other_page_form_beyond_the_limit_gets_a_page_with_a_way_back(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A form whose handler sets no limit of its own (the substitution form): a page in the
    reader's language naming the limit, with a link back to the form, not the problem."""
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    for lang, words, back in (
            ("fr", "Ce que vous avez envoyé dépasse 1 Mo, le plus que ce formulaire accepte. "
                   "Rien n'a été enregistré.", "Revenir au formulaire"),
            ("en", "What you sent is larger than 1 MB, the most this form accepts. Nothing "
                   "was saved.", "Back to the form")):
        _, page, _ = await focal.go("GET", f"{PORTAL}/substitute?lang={lang}")
        data: dict[str, Any] = {"csrf": hidden(page, "csrf"), "reason": "x" * (2 * MB)}
        status, page, resp = await focal.go("POST", f"{PORTAL}/substitute?lang={lang}", data)
        assert status == 413 and resp.content_type == "text/html", page[:300]
        assert element(page, "error-message") == words
        assert element(page, "error-back") == back
        assert f'href="{PORTAL}/substitute"' in page
        assert "too-large" not in text(page)
