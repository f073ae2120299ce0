"""The protocol console speaks to people in their words and their language: form errors name
the field in words, never pydantic's; codes are shown as words; country and delegation names,
styles of address and category labels follow the page's language (QA round)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.browser.helpers import element, member, text
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

BASE = "/manage/alliance"


def _error(page: str, field: str) -> str:
    return element(page, f"{field}-error")


async def test_delegation_form_errors_are_words_in_the_page_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, required, email in (
            ("fr", "obligatoire", "Adresse électronique non valide"),
            ("en", "required", "Not a valid email address")):
        url = f"{BASE}/delegations?lang={lang}"
        status, page, _ = await protocol.post_form(
            url, url, kind="organisation", organisation_name="",
            organisation_type="international_organisation", focal_point_name="Greta Lind",
            focal_point_email="greta.lind@")
        assert status == 422, page
        name_error = _error(page, "organisation_name")
        mail_error = _error(page, "focal_point_email")
        assert required in name_error, name_error
        assert email in mail_error, mail_error
        for raw in ("String should", "value is not a valid", "@-sign"):
            assert raw not in text(page)


async def test_an_administrator_reaches_every_conference_from_the_workspaces(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    for path in ("/workspaces", "/manage"):
        status, page, resp = await admin.go("GET", f"{path}?lang=en")
        assert status == 200, page
        assert resp.headers["Content-Type"].startswith("text/html")
        listing = element(page, "links-alliance")
        for label in ("Protocol console", "Press office desk", "Door check"):
            assert label in listing, listing
        for link in (BASE, f"{BASE}/press", f"{BASE}/door"):
            assert f'href="{link}?lang=en"' in page, link
    # protocol of one conference: its console and door, not the press desk
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage?lang=fr")
    assert status == 200
    assert "Console du protocole" in element(page, "links-alliance")
    assert f'href="{BASE}/press?lang=fr"' not in page


async def test_every_for_a_hint_of_the_delegation_form_is_styled_alike(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{BASE}/delegations?lang=en")
    assert status == 200
    form = page[page.index('id="delegation-form"'):]
    for hint in ("for a country", "for an organisation"):
        assert form.count(f"({hint})") == form.count(f'<span class="optional">({hint})</span>')
    assert ('<label for="organisation_name">Organisation&#39;s name '
            '<span class="optional">(for an organisation)</span></label>') in form


async def test_codes_are_shown_as_words_on_precedence_statistics_and_security(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    await member(api, be, "Reynders", rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, tie_break, labels in (
            ("en", "Tie-break: EU protocol order",
             ("Approved", "Badge presented", "Women", "Men")),
            ("fr", "Départage : ordre protocolaire de l'UE",
             ("Accréditation accordée", "Badge présenté", "Femmes", "Hommes"))):
        status, page, _ = await protocol.go("GET", f"{BASE}/precedence?lang={lang}")
        assert status == 200, page
        assert element(page, "tie-break") == tie_break
        assert "eu_protocol" not in text(page)
        status, page, _ = await protocol.go("GET", f"{BASE}/statistics?lang={lang}")
        assert status == 200, page
        for label in labels:
            assert f'<th scope="row">{label}</th>' in page, label
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", f"{BASE}/security?lang=en")
    assert status == 200, page
    scripts = page[page.index('<details id="for-scripts">'):]
    before = page[:page.index('<details id="for-scripts">')]
    assert "accreditation_id" not in text(before) and "/api/v1" not in text(before)
    assert "/api/v1/conferences/alliance/vetting.csv" in scripts and "accreditation_id" in scripts
    assert "<details open" not in page


async def test_the_staff_category_reads_personnel_in_french(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{BASE}?lang=fr")
    assert status == 200, page
    assert f'<a href="{BASE}/accreditations?lang=fr&amp;category=staff">Personnel</a>' in page
    status, page, _ = await protocol.go("GET", f"{BASE}/accreditations?lang=fr")
    assert '<option value="staff">Personnel</option>' in page


async def test_country_lists_give_the_long_english_names(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, console_form, _ = await protocol.go("GET", f"{BASE}/delegations?lang=en")
    assert status == 200
    status, press_form, _ = await api.call("GET", "/alliance/press?lang=en")
    assert status == 200
    for page in (console_form, press_form):
        assert '<option value="BA">Bosnia and Herzegovina</option>' in page
        assert '<option value="KN">Saint Kitts and Nevis</option>' in page
        assert '<option value="CG">Republic of the Congo</option>' in page
        assert '<option value="HK">Hong Kong</option>' in page
        assert "&amp;" not in page[page.index('<option value="AF"'):][:20000]


async def test_delegations_and_styles_of_address_follow_the_page_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    await member(api, be, "Reynders", rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, country, style, other in (("en", "Belgium", "H.E. Anna Reynders", "Belgique"),
                                        ("fr", "Belgique", "Son Excellence Anna Reynders",
                                         "Belgium")):
        status, page, _ = await protocol.go("GET", f"{BASE}/statistics?lang={lang}")
        assert status == 200, page
        assert f'<th scope="row">{country}</th><td class="num" id="by-delegation-{be["id"]}">' \
            in page
        status, page, _ = await protocol.go("GET", f"{BASE}/precedence?lang={lang}")
        assert country in element(page, "precedence") and style in element(page, "precedence")
        status, page, _ = await protocol.go("GET", f"{BASE}/participants?lang={lang}")
        listing = element(page, f"d-{be['id']}")
        assert listing == f"1. {country}", listing
        assert style in text(page) and other not in text(page)
        assert f'href="{BASE}/participants.pdf?lang={lang}"' in page
    resp = await protocol.api.client.get(f"{BASE}/participants.pdf?lang=en", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200 and resp.headers["Content-Type"] == "application/pdf"
    pdf = await resp.read()
    words = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "List of participants" in words and "Belgium" in words and "H.E. Anna" in words
    # the API keeps its contract: the conference's language
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/participants",
                                     role="protocol")
    assert status == 200 and body["delegations"][0]["delegation"] == "Belgique"


async def test_the_console_counts_the_press_pool_in_words_that_agree(
    api: Api, smtp: RecordingSMTP
) -> None:
    """'1 place accordée sur 40', '0 place…', '2 places accordées…' as the press desk's counter
    says it, not 'place(s) prise(s)' (found trying the product)."""
    from tests.browser.helpers import press

    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", f"{BASE}?lang=fr")
    assert element(page, "press-pool").startswith("0 place accordée sur ")
    for n in range(2):
        await press(api, n, decision="approve")
    _, page, _ = await protocol.go("GET", f"{BASE}?lang=fr")
    assert element(page, "press-pool").startswith("2 places accordées sur ")
    _, page, _ = await protocol.go("GET", f"{BASE}?lang=en")
    assert element(page, "press-pool").startswith("2 of ")
    assert "(s)" not in element(page, "press-pool")
