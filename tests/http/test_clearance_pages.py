"""What the pages say of a badge that clearance withholds, and what the officer sees before
deciding or revoking (docs/credentials.md, "What the person is told"; user test of 1 December
2026, findings 2 and 8). A person refused clearance, or still waiting for it, was offered a
badge link that answered 409 with an English sentence naming an internal value, on French
pages; the decision forms said nothing of the clearance; the revocation form did not say in
which language the reason would be mailed."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, member, press, text
from tests.conftest import Api
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_console_credentials import M, _conference
from tests.support import RecordingSMTP, current_token


async def _vetting(api: Api, person: dict[str, Any], status: str) -> None:
    answer = await api.call("POST", f"/api/v1/accreditations/{person['id']}/vetting/status",
                            role="protocol", json={"status": status, "reason": "Avis"})
    assert answer[0] == 200, answer


async def test_a_withheld_badge_is_said_in_the_pages_language_instead_of_a_link(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _conference(api, smtp, vetting_required=["minister"])
    waiting = await member(api, be, "Hartley")
    refused = await member(api, be, "Chappaz")
    asked = await member(api, be, "Dendias")
    cleared = await member(api, be, "Wouters")
    await _vetting(api, refused, "refused")
    await _vetting(api, asked, "more_information")
    await _vetting(api, cleared, "cleared")
    visitor = Visitor(api)

    # the applicant's page
    _, page, _ = await visitor.go("GET", f"/a/{refused['access_token']}?lang=fr")
    assert "badge-link" not in page
    assert element(page, "badge-withheld") == (
        "Aucun badge ne peut vous être délivré : l'habilitation de sécurité qu'il requiert n'a"
        " pas été accordée.")
    for person in (waiting, asked):
        _, page, _ = await visitor.go("GET", f"/a/{person['access_token']}?lang=en")
        assert "badge-link" not in page
        assert element(page, "badge-withheld") == (
            "Your badge will be available on this page once the security check is complete.")
    _, page, _ = await visitor.go("GET", f"/a/{cleared['access_token']}?lang=fr")
    assert "badge-withheld" not in page and 'id="badge-link"' in page
    # an old link: a page in the page's language, never the API's English sentence
    status, page, _ = await visitor.go("GET", f"/a/{refused['access_token']}/badge?lang=fr")
    assert status == 409
    assert "Aucun badge ne peut vous être délivré" in text(page), text(page)
    assert "vetting" not in page and "No badge without" not in page
    status, page, _ = await visitor.go("GET", f"/a/{asked['access_token']}/badge?lang=fr")
    assert status == 409
    assert ("Votre badge n'est pas encore disponible : il le sera une fois le contrôle de"
            " sécurité terminé.") in text(page), text(page)

    # the portal's member page
    portal = await _signed_in(api, link)
    base = "/delegation/alliance-be/members"
    # the list of members says the refusal beside "Approved" (a user test saw "Approved" only)
    _, page, _ = await portal.go("GET", "/delegation/alliance-be?lang=en")
    assert element(page, f"member-refused-{refused['id']}") == "Clearance refused: no badge"
    assert f"member-refused-{cleared['id']}" not in page
    _, page, _ = await portal.go("GET", f"{base}/{refused['id']}?lang=fr")
    assert "badge-link" not in page and 'id="feed-link"' in page
    assert element(page, "badge-withheld") == (
        "Aucun badge ne peut être délivré : l'habilitation de sécurité qu'il requiert n'a pas"
        " été accordée.")
    _, page, _ = await portal.go("GET", f"{base}/{asked['id']}?lang=en")
    assert "badge-link" not in page
    assert element(page, "badge-withheld") == (
        "The badge will be available here once the security check is complete.")
    _, page, _ = await portal.go("GET", f"{base}/{cleared['id']}?lang=en")
    assert "badge-withheld" not in page and 'id="badge-link"' in page
    status, page, _ = await portal.go("GET", f"{base}/{waiting['id']}/badge?lang=fr")
    assert status == 409
    assert ("Pas encore de badge : il sera disponible une fois le contrôle de sécurité"
            " terminé.") in text(page), text(page)
    assert "vetting" not in page


async def test_the_decision_forms_say_the_clearance_before_anyone_approves(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister", "press"])
    refused = await member(api, be, "Chappaz", decision=None)
    asked = await member(api, be, "Dendias", decision=None)
    waiting = await member(api, be, "Hartley", decision=None)
    expert = await member(api, be, "Peeters", category="expert", rank="expert", decision=None)
    await _vetting(api, refused, "refused")
    await _vetting(api, asked, "more_information")
    officer = await staff(api, smtp, "protocol@example.org", "protocol")

    async def warning(person: dict[str, Any], lang: str) -> str:
        status, page, _ = await officer.go("GET", f"{M}/accreditations/{person['id']}"
                                                  f"?lang={lang}")
        assert status == 200 and 'id="decision-form"' in page
        return element(page, "clearance-warning")

    assert await warning(refused, "fr") == (
        "Habilitation de sécurité refusée : si l'accréditation est accordée, aucun badge ne"
        " pourra être délivré et aucune invitation aux séances ne sera envoyée.")
    # (protocol recorded it: said as protocol's, test_console_application_page.py)
    assert await warning(asked, "en") == (
        "Security clearance: the protocol service asked for more information. If the"
        " accreditation is approved, the badge is issued only once the check is complete.")
    assert await warning(waiting, "en") == (
        "Security clearance pending: if the accreditation is approved, the badge is issued"
        " only once the security check is complete.")
    _, page, _ = await officer.go("GET", f"{M}/accreditations/{expert['id']}?lang=en")
    assert 'id="decision-form"' in page and "clearance-warning" not in page

    # the press desk, for a journalist whose clearance is awaited
    journalist = await press(api, 1)
    desk = await staff(api, smtp, "press@example.org", "press_office", language="fr")
    status, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=fr")
    assert status == 200
    assert element(page, "clearance-warning") == (
        "Habilitation de sécurité en attente : si l'accréditation est accordée, le badge ne"
        " sera délivré qu'une fois le contrôle de sécurité terminé.")


async def test_the_press_desk_says_a_refused_clearance_beside_the_approval(
    api: Api, smtp: RecordingSMTP
) -> None:
    """An approved journalist whose clearance was then refused read « Accordée » in green on
    the press desk, with a badge reference, the refusal only in the history (a tryout, 4
    December 2026): the clearance is said beside the status."""
    await _conference(api, smtp, vetting_required=["press"])
    journalist = await press(api, 1, decision="approve")
    desk = await staff(api, smtp, "press@example.org", "press_office", language="fr")
    status, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=fr")
    assert status == 200
    assert element(page, "clearance") == (
        "En attente : pas de badge avant la fin du contrôle.")
    await _vetting(api, journalist, "refused")
    for lang, said in (("fr", "Refusée : aucun badge ne peut être délivré."),
                       ("en", "Refused: no badge can be issued.")):
        status, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang={lang}")
        assert status == 200
        assert element(page, "status") == ("Accordée" if lang == "fr" else "Approved")
        assert element(page, "clearance") == said
    await _vetting(api, journalist, "cleared")
    _, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=en")
    assert 'id="clearance"' not in page  # nothing withholds the badge: nothing to say


async def test_a_journalist_refused_clearance_is_offered_no_calendar_and_no_badge_to_void(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Approved, then refused clearance: the page said « No badge can be issued to you », then
    offered a personal calendar (empty: nobody refused is invited) and a withdrawal promising
    that « Your badge will no longer be valid and your invitations … cancelled » (a tryout, 4
    December 2026)."""
    await _conference(api, smtp, vetting_required=["press"])
    journalist = await press(api, 1, decision="approve", language="en")
    visitor = Visitor(api)

    async def page() -> str:
        token = await current_token(api.db_url, journalist["id"])
        status, body, _ = await visitor.go("GET", f"/a/{token}?lang=en")
        assert status == 200, body
        return body

    before = await page()  # clearance awaited: invited, so the calendar is there
    assert 'id="feed-webcal"' in before
    assert element(before, "withdraw-text").startswith(
        "If you will not come, withdraw your accreditation: your place in the press pool goes "
        "to another journalist. Your badge will no longer be valid")
    await _vetting(api, journalist, "refused")
    await smtp.wait_for(1, where=lambda m: str(m["Subject"]).startswith(
        "Security clearance not granted"))
    after = await page()
    assert 'id="feed-webcal"' not in after
    assert element(after, "badge-withheld").startswith("No badge can be issued to you")
    assert element(after, "withdraw-text") == (
        "If you will not come, withdraw your accreditation: your place in the press pool goes "
        "to another journalist. Withdrawal is final.")


async def test_the_revocation_forms_say_in_which_language_the_reason_is_mailed(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp)
    schneider = await member(api, be, "Schneider", category="official", rank="ambassador")
    officer = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    _, page, _ = await officer.go("GET", f"{M}/accreditations/{schneider['id']}?lang=fr")
    assert element(page, "revoke-language") == (
        "Le courriel est rédigé en anglais : écrivez le motif en anglais.")
    assert ("Le point focal de la délégation en est informé aussi, par un courriel qui"
            " cite ce motif tel quel.") in element(page, "revoke_reason-hint")

    journalist = await press(api, 2, decision="approve", language="fr")
    desk = await staff(api, smtp, "press@example.org", "press_office")
    _, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=en")
    assert element(page, "revoke-language") == (
        "The mail is written in French: write the reason in French.")
    assert "focal point" not in element(page, "revoke_reason-hint")


async def test_a_member_s_revocation_form_points_to_the_substitution_instead(
    api: Api, smtp: RecordingSMTP
) -> None:
    """At 8:00 a minister cancels and the deputy comes: the console's application page offered
    only "Revoke", which would mail the minister a revocation and hand nothing over to the
    deputy (found trying the product on the day of a meeting). The form says what to do
    instead; a journalist's revocation form does not."""
    be, _ = await _conference(api, smtp)
    minister = await member(api, be, "Schneider")
    officer = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    _, page, _ = await officer.go("GET", f"{M}/accreditations/{minister['id']}?lang=fr")
    assert element(page, "substitute-instead") == (
        "Pour mettre une autre personne à la place de ce membre (un ministre empêché, remplacé "
        "par son adjoint), ne révoquez pas : remplacez-le plus haut (« Remplacer ce membre »), "
        "ce qui transmet sa place, ses séances et son rôle. Une révocation met fin à "
        "l'accréditation, annoncée comme telle par courriel, et ne transmet rien.")
    _, page, _ = await officer.go("GET", f"{M}/accreditations/{minister['id']}?lang=en")
    assert element(page, "substitute-instead").startswith(
        "To put another person in this member's place (a minister prevented, replaced by a "
        "deputy), do not revoke: substitute them above (“Substitute this member”)")
    journalist = await press(api, 2, decision="approve", language="fr")
    desk = await staff(api, smtp, "press@example.org", "press_office")
    _, page, _ = await desk.go("GET", f"{M}/press/{journalist['id']}?lang=en")
    assert 'id="revoke-form"' in page and "substitute-instead" not in page
