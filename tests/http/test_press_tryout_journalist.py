"""What a journalist met applying for accreditation on a phone (tried as a journalist,
2 December 2026; docs/privacy.md, "The notice")."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import Api, press_body
from tests.support import RecordingSMTP, body_text, current_token


async def test_the_privacy_link_of_an_english_letter_opens_the_notice_in_english(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A freelance photographer from Poland applies in English from a phone set to Polish: the
    data-protection link at the foot of her acknowledgement opened the notice in French."""
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                  json=press_body(language="en"))
    assert status == 201
    [ack] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    match = re.search(r"https://conference\.test(/alliance/privacy\S*)", body_text(ack))
    assert match is not None
    resp = await api.client.get(match.group(1), headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    page = await resp.text()
    assert resp.status == 200
    assert '<html lang="en"' in page


async def test_a_journalist_is_not_told_the_withdrawal_ends_at_the_approval(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """Her acknowledgement says she may withdraw once accredited if she cannot come; her page
    said "until it is approved or rejected", so she would not have freed her place."""
    for language, said in (("en", "if you cannot come after all"),
                           ("fr", "si vous ne pouvez finalement pas venir")):
        _, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            json=press_body(1 if language == "en" else 2, language=language))
        resp = await api.client.get(f"/a/{created['access_token']}?lang={language}")
        page = await resp.text()
        assert resp.status == 200
        assert "until it is approved or rejected" not in page
        assert "ni accordée ni refusée" not in page
        assert said in page


async def _credentials_page(api: Api) -> tuple[str, str]:
    from tests.browser.helpers import press
    from tests.conftest import conference_body

    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    resp = await api.client.get(f"{path}/credentials?lang=en")
    assert resp.status == 200
    return path, await resp.text()


def _csrf(page: str, form_id: str) -> str:
    import html

    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', page, re.S)
    assert form is not None
    match = re.search(r'name="csrf" value="([^"]*)"', form.group(0))
    assert match is not None
    return html.unescape(match.group(1))


async def test_the_identity_form_lists_its_errors_in_the_forms_order(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Sent empty on a phone, the summary listed the nationality, the form's first field, last:
    the journalist scrolled down, then up again."""
    path, page = await _credentials_page(api)
    resp = await api.client.post(f"{path}/identity-document?lang=en",
                                 data={"csrf": _csrf(page, "identity-form")},
                                 allow_redirects=False)
    assert resp.status == 422
    page = await resp.text()
    summary = page[page.index('<ul', page.index('id="error-summary"')):]
    summary = summary[:summary.index("</ul>")]
    links = re.findall(r'href="#([a-z_]+)"', summary)
    assert links == ["id_nationality", "id_document_type", "id_document_number",
                     "id_date_of_birth"]


async def test_the_visa_form_does_not_ask_again_what_the_identity_document_gave(
    api: Api, smtp: RecordingSMTP
) -> None:
    """She gave her passport for the security check; the visa letter form just below asked
    her nationality, date of birth and passport number again, empty."""
    path, page = await _credentials_page(api)
    resp = await api.client.post(f"{path}/identity-document?lang=en", data={
        "csrf": _csrf(page, "identity-form"), "id_nationality": "PL",
        "id_document_type": "passport", "id_document_number": "ZZ1234567",
        "id_date_of_birth": "1990-04-12"})
    assert resp.status == 200
    page = await resp.text()
    visa = re.search(r'<form[^>]*id="visa-form".*?</form>', page, re.S)
    assert visa is not None
    form = visa.group(0)
    # the passport is recalled above the form, not asked again (docs/credentials.md, "Visa
    # invitation letters"; tests/http/test_visa_from_passport.py)
    for name in ("passport_number", "nationality", "date_of_birth"):
        assert f'name="{name}"' not in form, name
    assert 'id="visa-passport"' in page


async def test_a_replaced_private_link_is_not_called_a_missing_page(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The link of her first mail, replaced by the one she asked for again, opened "Page not
    found": she took the site for broken. The page says the link is not valid, and why."""
    for language, title in (("fr", "Lien non valable"), ("en", "Link not valid")):
        resp = await api.client.get(f"/a/{'x' * 43}?lang={language}")
        page = await resp.text()
        assert resp.status == 404
        assert f"<h1>{title}</h1>" in page
        assert "Page" not in page[page.index("<h1>"):page.index("</h1>")]


async def test_a_replaced_private_link_leads_to_where_it_can_be_asked_for_again(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The page of a replaced link named the place to get a new one ("Lost your link?" on the
    conference's press page) but did not link it: on a phone she had to find the conference's
    address herself. It links the lost-link page of each conference whose press registration
    has opened and which has not ended; not one whose registration is still to open."""
    from tests.conftest import conference_body

    later = conference_body("later-meeting", title={"fr": "Réunion ultérieure",
                                                    "en": "A later meeting"})
    later["press_registration"]["opens_at"] = later["press_registration"]["closes_at"]
    later["press_registration"]["closes_at"] = later["starts_on"] + "T09:00:00+01:00"
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=later))[0] == 201
    for language, title in (("fr", "Alliance mondiale : réunion"),
                            ("en", "Global Alliance: meeting")):
        resp = await api.client.get(f"/a/{'x' * 43}?lang={language}")
        page = await resp.text()
        assert resp.status == 404
        links = re.findall(r'<ul id="link-again">(.*?)</ul>', page, re.S)
        assert links, page
        found = re.findall(r'<a href="([^"]+)">([^<]+)</a>', links[0])
        assert found == [(f"/alliance/press/link?lang={language}", title)], found
        form = await api.client.get(found[0][0])
        assert form.status == 200
        assert 'id="link-form"' in await form.text()


async def test_the_privacy_notice_names_the_identity_card_the_form_takes(
    api: Api, conference: dict[str, Any]
) -> None:
    """Her page takes a passport or an identity card for the security check; the notice said
    only "(passport)", and a Belgian journalist with her identity card wondered which to give."""
    for language, said in (("en", "identity document (passport or identity card)"),
                           ("fr", "pièce d&#39;identité (passeport ou carte d&#39;identité)")):
        resp = await api.client.get(f"/alliance/privacy?lang={language}")
        assert resp.status == 200
        assert said in await resp.text()


async def test_the_press_card_hint_speaks_to_a_freelance(
    api: Api, conference: dict[str, Any]
) -> None:
    """"Or the reference of your editor's accreditation letter": a freelance photographer has
    no editor, and no press card in every country; the hint says what she may give instead."""
    for language, said in (("en", "for freelances, from the outlet that sends you"),
                           ("fr", "pour les pigistes, du média qui vous envoie")):
        resp = await api.client.get(f"/alliance/press?lang={language}")
        page = await resp.text()
        assert resp.status == 200
        assert said in page
        assert "editor&#39;s accreditation letter" not in page


async def test_a_withdrawn_application_offers_no_document_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """After withdrawing, her page said no photo, letter or identity document could be given
    any more, yet still offered "Upload: Press card", which would be refused."""
    from tests.browser.helpers import press
    from tests.conftest import conference_body

    status, body, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(documents_required={"press": ["press_card"]}))
    assert status == 201, body
    created = await press(api, language="en")
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/withdraw", role=token)
    assert status == 200, body
    token = await current_token(api.db_url, created["id"])
    resp = await api.client.get(f"/a/{token}/credentials?lang=en")
    page = await resp.text()
    assert resp.status == 200
    assert 'id="document-form-press_card"' not in page
    assert "No document can be sent any more for a withdrawn application." in page
