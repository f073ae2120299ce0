"""What the letters say, read on a real SMTP server as the applicant or the office receiving
them would read it: the approval letter tells the truth about the programme, each letter comes
from and names the right office, the data-protection footer reads as a sentence, one form of
opening and closing per language."""

from __future__ import annotations

import asyncio
import html
import re
from datetime import UTC, datetime
from email.header import decode_header, make_header
from typing import Any

from conference import demo
from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.support import RecordingSMTP, body_text

PUBLISH = "/api/v1/conferences/alliance/programme/publish"


async def _apply(api: Api, n: int = 0, **changes: Any) -> dict[str, Any]:
    """A press application; two people of one test differ by ``n`` (their press cards too)."""
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        json=press_body(n, **changes))
    assert status == 201, created
    return dict(created)


async def _approve(api: Api, accreditation_id: str) -> None:
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation_id}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, answer


def _subject(part: str) -> Any:
    return lambda m: part in str(m["Subject"])


async def _approval_letters(api: Api, smtp: RecordingSMTP) -> tuple[Any, Any]:
    """Two journalists approved, one writing in English, one in French: their approval
    letters, in that order."""
    en = await _apply(api, 1, language="en", email="en@example.org")
    fr = await _apply(api, 2, language="fr", email="fr@example.org", family_name="Martin")
    await _approve(api, en["id"])
    await _approve(api, fr["id"])
    [en_letter] = await smtp.wait_for(1, where=_subject("approved"))
    [fr_letter] = await smtp.wait_for(1, where=_subject("accordée"))
    return en_letter, fr_letter


async def test_approval_before_publication_says_invitations_will_follow(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    en_letter, fr_letter = await _approval_letters(api, smtp)
    assert "will follow once the programme is published" in body_text(en_letter)
    assert "suivront dès la publication du programme" in body_text(fr_letter)


async def test_approval_after_publication_says_invitations_follow_separately(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10),
                       audience=["press", "minister"])
    status, body, _ = await api.call("POST", PUBLISH, role="protocol")
    assert status == 201, body
    en_letter, fr_letter = await _approval_letters(api, smtp)
    assert ("Your invitations to the sessions you attend follow in separate messages."
            in body_text(en_letter))
    assert "once the programme is published" not in body_text(en_letter)
    assert ("Vos invitations aux séances auxquelles vous assistez suivent dans des messages "
            "séparés." in body_text(fr_letter))
    assert "dès la publication" not in body_text(fr_letter)


async def test_a_journalist_s_approval_letter_says_how_to_get_the_badge_and_to_bring_id(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The letter said nothing of the badge: only the application page did."""
    en_letter, fr_letter = await _approval_letters(api, smtp)
    en_text, fr_text = (" ".join(body_text(m).split()) for m in (en_letter, fr_letter))
    assert ("Your badge is on your application page (link below) as soon as it can be issued:"
            " print it in A6 and bring it with your passport or identity card; both are"
            " checked at the entrance." in en_text)
    assert ("Votre badge est sur la page de votre demande (lien ci-dessous) dès qu'il peut"
            " être délivré : imprimez-le au format A6 et présentez-le avec votre passeport ou"
            " votre carte d'identité ; les deux sont contrôlés à l'entrée." in fr_text)


async def test_the_approval_says_what_follows_before_whom_to_ask(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A tryout: the approval letter put « Pour toute question, … » between the conference and
    what follows (the invitations, the badge), where every other letter gives it after what it
    has to say, before the link to the application."""
    en_letter, fr_letter = await _approval_letters(api, smtp)
    for text, follows, ask, link in (
        (body_text(en_letter), "will follow once the programme is published",
         "For any question", "Your application:"),
        (body_text(fr_letter), "suivront dès la publication du programme",
         "Pour toute question", "Votre demande :"),
    ):
        text = text.replace("\u00a0", " ")
        assert text.index(follows) < text.index(ask) < text.index(link), text


def _to(address: str) -> Any:
    return lambda m: address in str(m["To"])


async def test_press_letters_come_from_the_press_office_and_delegates_from_protocol(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    journalist = await _apply(api, language="en", email="journalist@example.org")
    delegation = await make_delegation(api, country="FR")
    await accredit(api, "Klaus", "Schmidt", delegation=delegation, decision=None,
                   language="en", email="klaus.schmidt@example.org")
    await _approve(api, journalist["id"])
    [press_letter] = await smtp.wait_for(1, where=lambda m: _to("journalist@")(m)
                                         and "approved" in str(m["Subject"]))
    [minister_ack] = await smtp.wait_for(1, where=_to("klaus.schmidt@"))
    assert press_letter["From"].addresses[0].addr_spec == "michele.cercone@example.org"
    assert "Michele Cercone, +32 2 298 09 63, michele.cercone@example.org" in body_text(
        press_letter)
    assert minister_ack["From"].addresses[0].addr_spec == "organiser@example.org"
    # one name for the office in a letter, the one it signs with ("The Protocol Service"); its
    # contact line and the acknowledgement said "the protocol office"
    assert "the protocol service: organiser@example.org" in body_text(minister_ack)
    assert "The protocol service will examine it" in body_text(minister_ack)
    assert "protocol office" not in body_text(minister_ack)
    # the press office's own notice goes to the spokespersons, from the protocol service
    [notice, _] = await smtp.wait_for(2, where=_subject("Nouvelle demande presse"))
    assert notice["From"].addresses[0].addr_spec == "organiser@example.org"


async def test_privacy_page_names_a_dpo_only_when_one_is_configured(api: Api) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    resp = await api.client.get("/alliance/privacy?lang=en")
    page = await resp.text()
    assert "Data protection officer" not in page
    assert re.search(r"Contact of the controller</dt>\s*<dd><a id=\"privacy-controller-contact\""
                     r" href=\"mailto:organiser@example.org\">", page)
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body(
        slug="with-dpo", privacy={"controller": "Commission européenne, DG Commerce",
                                  "dpo_email": "dpo@example.org"}))
    assert status == 201
    resp = await api.client.get("/with-dpo/privacy?lang=en")
    page = await resp.text()
    assert re.search(r'Data protection officer</dt>\s*<dd><a id="privacy-dpo" '
                     r'href="mailto:dpo@example.org"', page)


def test_the_demo_protocol_mailbox_is_not_the_press_mailbox() -> None:
    for conference in (demo.demo_conference(), demo.open_conference(datetime.now(UTC))):
        assert "press" not in conference.organiser_email


def _footer(letter: Any) -> str:
    """The signature block after the "-- " line, one line per paragraph."""
    return re.split(r"\r?\n-- \r?\n", body_text(letter))[1].replace("\r\n", "\n")


def _page_text(page: str, element_id: str) -> str:
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, element_id
    return " ".join(html.unescape(match.group(2)).split())


async def test_without_a_controller_the_footer_names_the_conference_and_unlimited_retention(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body(
        retention_days=36500, vetting_retention_days=36500))
    assert status == 201
    await _apply(api, 1, language="fr", email="fr@example.org")
    await _apply(api, 2, language="en", email="en@example.org", family_name="Smith")
    [fr] = await smtp.wait_for(1, where=_to("fr@example.org"))
    [en] = await smtp.wait_for(1, where=_to("en@example.org"))
    fr_footer = _footer(fr)
    en_footer = _footer(en)
    assert fr_footer.startswith(
        "Alliance mondiale : réunion – protection des données. Responsable du traitement\u00a0: "
        "Alliance mondiale : réunion. Vos données personnelles servent uniquement à "
        "l'accréditation à cette conférence et sont conservées jusqu'à leur effacement.")
    assert en_footer.startswith(
        "Global Alliance: meeting – data protection. Controller: Global Alliance: meeting. Your "
        "personal data is used only for this conference's accreditation and kept until it is "
        "erased.")
    for text in (fr_footer, en_footer):
        assert "36500" not in text and "organiser@example.org" not in text
        assert "l'organisateur" not in text and "the organiser" not in text


async def test_retention_in_whole_years_is_written_in_years(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body(
        retention_days=730))
    assert status == 201
    await _apply(api, 1, language="fr", email="fr@example.org")
    await _apply(api, 2, language="en", email="en@example.org", family_name="Smith")
    [fr] = await smtp.wait_for(1, where=_to("fr@example.org"))
    [en] = await smtp.wait_for(1, where=_to("en@example.org"))
    assert "sont effacées 2 ans après sa fin." in body_text(fr)
    assert "erased 2 years after the conference ends." in body_text(en)
    resp = await api.client.get("/alliance/privacy?lang=fr")
    page = await resp.text()
    assert _page_text(page, "privacy-retention").startswith(
        "Les données sont effacées 2 ans après la fin de la conférence (")
    assert "Les données du contrôle de sécurité et les documents sont effacés plus tôt, 7 jours " \
        "après la fin de la conférence." in _page_text(page, "privacy-retention")


async def test_privacy_page_gives_legal_basis_recipients_transfers_data_and_the_edps(
    api: Api
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    page = await (await api.client.get("/alliance/privacy?lang=en")).text()
    assert _page_text(page, "privacy-controller") == "Global Alliance: meeting"
    assert _page_text(page, "privacy-legal-basis") == (
        "Regulation (EU) 2018/1725, Article 5(1)(a): the processing is necessary for the "
        "performance of a task carried out in the public interest.")
    assert _page_text(page, "privacy-recipients") == (
        "The conference's protocol service; the security services of the host country, for the "
        "security vetting; for the press, the press office (the spokesperson's office).")
    assert _page_text(page, "privacy-transfers") == (
        "No data is transferred outside the European Union and the European Economic Area.")
    assert _page_text(page, "privacy-authority") == (
        "You may lodge a complaint with the European Data Protection Supervisor (EDPS), "
        "edps.europa.eu.")
    data = _page_text(page, "privacy-data")
    for item in ("photo", "passport", "nationality", "date of birth", "documents"):
        assert item in data
    assert _page_text(page, "privacy-rights").endswith(
        "by writing to the controller (organiser@example.org).")
    fr = await (await api.client.get("/alliance/privacy?lang=fr")).text()
    assert "Contrôleur européen de la protection des données (CEPD)" in _page_text(
        fr, "privacy-authority")
    assert "Règlement (UE) 2018/1725" in _page_text(fr, "privacy-legal-basis")


async def test_a_conference_states_its_own_legal_basis_and_authority(api: Api) -> None:
    privacy = {"controller": "Ministère de l'Intérieur", "dpo_email": "dpo@example.org",
               "legal_basis": {"fr": "RGPD, article 6, paragraphe 1, point e).",
                               "en": "GDPR, Article 6(1)(e)."},
               "authority": {"fr": "La CNIL, cnil.fr.", "en": "The CNIL, cnil.fr."}}
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body(privacy=privacy))
    assert status == 201
    page = await (await api.client.get("/alliance/privacy?lang=en")).text()
    assert _page_text(page, "privacy-legal-basis") == "GDPR, Article 6(1)(e)."
    assert _page_text(page, "privacy-authority") == "The CNIL, cnil.fr."
    assert _page_text(page, "privacy-rights").endswith(
        "by writing to the data protection officer (dpo@example.org).")


async def _welcome(api: Api, smtp: RecordingSMTP, email: str, slug: str, language: str) -> Any:
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Klaus Schmidt", "language": language,
        "grants": [{"role": "protocol", "conference": slug}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=_to(email))
    return welcome


async def test_welcome_mail_comes_from_the_short_name_else_the_title_on_one_line(
    api: Api, smtp: RecordingSMTP
) -> None:
    long_title = {"fr": "Alliance mondiale contre les abus sexuels commis contre des  enfants "
                        "via internet :  réunion ministérielle",
                  "en": "Global Alliance against Child Sexual Abuse Online:  ministerial "
                        "meeting"}
    for slug, short in (("with-short", {"fr": "Alliance 2027", "en": "Alliance 2027"}),
                        ("no-short", None)):
        status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                         json=conference_body(slug, title=long_title,
                                                              short_name=short))
        assert status == 201, body
    with_short = await _welcome(api, smtp, "a@example.org", "with-short", "fr")
    no_short = await _welcome(api, smtp, "b@example.org", "no-short", "fr")
    assert with_short["From"].addresses[0].display_name == "Alliance 2027"
    # decoded as RFC 2047 says (whitespace between encoded-words is not text); Python's
    # address parser keeps it and would show a double space a mail client does not
    raw = dict(no_short.raw_items())["From"].rsplit("<", 1)[0]
    assert str(make_header(decode_header(raw))).strip() == (
        "Alliance mondiale contre les abus sexuels commis contre des enfants via internet : "
        "réunion ministérielle")


async def test_paragraphs_are_not_hard_wrapped_and_staff_notices_carry_no_applicant_notice(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    created = await _apply(api, language="en", email="en@example.org")
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "No press card."})
    assert status == 200, answer
    [rejection] = await smtp.wait_for(1, where=_subject("not granted"))
    lines = body_text(rejection).replace("\r\n", "\n").split("\n")
    assert ("We regret that your accreditation request (press) for the Global Alliance: "
            "meeting cannot be granted.") in lines
    notices = await smtp.wait_for(2, where=_subject("Nouvelle demande presse"))
    for notice in notices:
        assert _footer(notice).startswith(
            "Alliance mondiale : réunion – message interne\u00a0: il contient les données "
            "personnelles d'un demandeur")
        assert "traite vos données" not in body_text(notice)
        assert "Vos données personnelles" not in body_text(notice)
    lines = body_text(notices[0]).replace("\r\n", "\n").split("\n")
    assert ("Une nouvelle demande d'accréditation presse est arrivée pour la conférence "
            "«\u00a0Alliance mondiale : réunion\u00a0».") in lines


def _before_footer(letter: Any) -> list[str]:
    body = re.split(r"\r?\n-- \r?\n", body_text(letter))[0]
    return body.replace("\r\n", "\n").rstrip("\n").split("\n")


async def test_one_opening_and_one_closing_per_language_and_office(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    delegation = await make_delegation(api, country="FR")
    await accredit(api, "Klaus", "Schmidt", delegation=delegation, decision=None,
                   category="expert", rank=None, language="en", gender="male",
                   email="mr@example.org")
    await accredit(api, "Klaus", "Schmidt", delegation=delegation, decision=None,
                   category="expert", rank=None, language="en", email="neutral@example.org")
    await accredit(api, "Anna", "Weber", delegation=delegation, decision=None,
                   category="expert", rank=None, language="fr", gender="female",
                   email="mrs@example.org")
    await _apply(api, language="fr", email="press@example.org", salutation="mr")
    [mr] = await smtp.wait_for(1, where=_to("mr@example.org"))
    [neutral] = await smtp.wait_for(1, where=_to("neutral@example.org"))
    [mrs] = await smtp.wait_for(1, where=_to("mrs@example.org"))
    [press] = await smtp.wait_for(1, where=_to("press@example.org"))
    assert body_text(mr).startswith("Dear Mr Schmidt,")
    assert body_text(neutral).startswith("Dear Klaus Schmidt,")
    assert body_text(mrs).startswith("Madame,")
    assert body_text(press).startswith("Monsieur,")
    # the office on its line, the conference under it: « Le service du protocole – Alliance
    # mondiale – suivi » ran two dashes together (tried as a focal point, 2 December 2026)
    assert _before_footer(mr)[-3:] == ["Kind regards,", "The Protocol Service",
                                       "Global Alliance: meeting"]
    assert _before_footer(mrs)[-3:] == ["Cordialement,", "Le service du protocole",
                                        "Alliance mondiale : réunion"]
    assert _before_footer(press)[-3:] == ["Cordialement,", "Le bureau du porte-parole",
                                          "Alliance mondiale : réunion"]
    welcome_fr = await _welcome(api, smtp, "staff-fr@example.org", "alliance", "fr")
    welcome_en = await _welcome(api, smtp, "staff-en@example.org", "alliance", "en")
    assert body_text(welcome_fr).startswith("Bonjour Klaus Schmidt,")  # a colleague, by name
    assert body_text(welcome_en).startswith("Dear Klaus Schmidt,")
    assert _before_footer(welcome_fr)[-3:] == [
        "Cordialement,", "Le service du protocole", "Alliance mondiale : réunion"]
    assert _before_footer(welcome_en)[-3:] == [
        "Kind regards,", "The Protocol Service", "Global Alliance: meeting"]


async def _ask_link(api: Api, email: str) -> None:
    resp = await api.client.get("/alliance/press/link?lang=en")
    page = await resp.text()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    resp = await api.client.post("/alliance/press/link?lang=en",
                                 data={"csrf": html.unescape(csrf.group(1)), "email": email},
                                 allow_redirects=False)
    assert resp.status == 200


async def test_asking_again_for_a_link_does_not_kill_the_link_just_sent(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    await _apply(api, language="en", email="journalist@example.org")
    await _ask_link(api, "journalist@example.org")
    [letter] = await smtp.wait_for(1, where=_subject("Your private link"))
    found = re.search(r"https://conference.test(/a/\S+)", body_text(letter))
    assert found is not None
    # someone else knows the address and asks again, and again
    await _ask_link(api, "journalist@example.org")
    await _ask_link(api, "Journalist@example.org")
    await asyncio.sleep(1.5)
    assert len(smtp.to("journalist@example.org")) == 2  # the acknowledgement and one link
    resp = await api.client.get(found.group(1) + "?lang=en")
    assert resp.status == 200


async def test_a_replaced_link_says_how_to_get_a_new_one(api: Api) -> None:
    """No conference's press registration open: the page names the place, it cannot link it."""
    resp = await api.client.get("/a/not-a-current-token?lang=en")
    assert resp.status == 404
    text = " ".join(html.unescape(await resp.text()).split())
    assert ("Use the link in the latest email you received, or ask for a new one on the "
            "conference's press registration page (\u201cLost your link? Get it again\u201d)"
            in text)
    resp = await api.client.get("/a/not-a-current-token?lang=fr")
    text = " ".join(html.unescape(await resp.text()).split())
    assert "« Lien perdu ? Le recevoir à nouveau »" in text
    assert 'id="link-again"' not in text


async def test_a_replaced_link_with_a_registration_open_points_below(
    api: Api, conference: dict[str, Any]
) -> None:
    resp = await api.client.get("/a/not-a-current-token?lang=en")
    text = " ".join(html.unescape(await resp.text()).split())
    assert "Use the link in the latest email you received, or ask for a new one below:" in text
    assert 'id="link-again"' in text
    resp = await api.client.get("/a/not-a-current-token?lang=fr")
    text = " ".join(html.unescape(await resp.text()).split())
    assert "ou demandez-en un nouveau ci-dessous :" in text


async def test_a_paragraph_left_out_leaves_no_second_blank_line(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A deputy minister approved after the programme was published, no clearance awaited:
    the badge's paragraph, left out, left two blank lines before the private link (found
    reading the mail sink on the day of a meeting)."""
    be = await make_delegation(api, "BE")
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10), audience=["minister"])
    status, body, _ = await api.call("POST", PUBLISH, role="protocol")
    assert status == 201, body
    await accredit(api, "Benjamin", "Haddad", delegation=be, rank="deputy_minister")
    [letter] = await smtp.wait_for(1, where=_subject("Accréditation accordée"))
    text = body_text(letter)
    assert "suivent dans des messages séparés." in text
    assert "\n\n\n" not in text.replace("\r\n", "\n")


async def test_the_french_title_keeps_its_no_break_space_in_every_part_of_a_letter(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: « Alliance mondiale : réunion » lost the no-break space before its colon in
    every French letter (the title's spaces were made single by ``str.split``, which splits on
    a no-break space too): the colon could start a line. The pages and PDFs kept it."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=(
        conference_body(title={"fr": "Alliance mondiale\u00a0: réunion",
                               "en": "Global Alliance: meeting"})))
    assert status == 201, body
    fr = await _apply(api, 2, language="fr", email="fr@example.org", family_name="Martin")
    [ack] = await smtp.wait_for(1, where=lambda m: "fr@example.org" in str(m["To"]))
    text = body_text(ack)
    assert "Alliance mondiale\u00a0: réunion" in text, text
    assert "Alliance mondiale : réunion" not in text, text
    subject = str(make_header(decode_header(str(ack["Subject"]))))
    assert "mondiale : réunion" not in subject, subject
    assert fr["id"]
