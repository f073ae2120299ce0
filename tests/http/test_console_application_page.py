"""The console's application page says what a protocol officer needs beside each form, over
HTTP with a real database (found trying the console, docs/workspaces.md, "Accreditations" and
"Substituting a member"): the person's language and the language to write a reason in, who
reads a substitution's reason, the identity document beside the clearance, a duplicate
address named, the function a substitute would keep."""

from __future__ import annotations

from conference.auth import Role, issue_token
from conference.db.pool import connect
from tests.browser.helpers import element, hidden, member
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_credentials import _conference
from tests.http.test_identity_document import _token as form_token
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP, body_text


def page_of(acc: dict[str, object], lang: str) -> str:
    return f"/manage/alliance/accreditations/{acc['id']}?lang={lang}"


async def security_token(api: Api) -> str:
    """A bearer token of the security service (one per test's service)."""
    if "security" not in api.tokens:
        conn = await connect(api.db_url)
        try:
            api.tokens["security"] = await issue_token(conn, Role.security)
        finally:
            await conn.close()
    return str(api.tokens["security"])


async def test_the_page_names_the_person_s_language_and_the_language_to_write_in(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A reason written in French reached an English speaker's letter: the page named neither
    the person's language nor the one to write in."""
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)  # corresponds in English
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(pending, "fr"))
    assert status == 200, page
    assert element(page, "corresponds-in") == "anglais"
    written = ("Rédigez-le en anglais : il est cité tel quel dans une lettre en "
               "anglais.")
    assert element(page, "reason-hint") == written
    assert element(page, "information_message-hint") == written
    assert 'aria-describedby="reason-hint"' in page
    status, page, _ = await protocol.go("GET", page_of(pending, "en"))
    assert element(page, "corresponds-in") == "English"
    assert element(page, "reason-hint") == (
        "Write it in English: it is quoted as written in a letter in English.")


async def test_the_substitution_reason_says_the_focal_point_reads_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The reason protocol gave appeared in the focal point's member history; the field said
    nothing of it."""
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Peeters")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(old, "en"))
    assert status == 200, page
    assert element(page, "sub_reason-hint") == (
        "The delegation's focal point sees this reason, in the member's history.")
    status, page, _ = await protocol.go("GET", page_of(old, "fr"))
    assert element(page, "sub_reason-hint") == (
        "Le point focal de la délégation voit ce motif, dans l'historique du membre.")


async def test_the_substitute_s_function_is_filled_in_and_said_to_be_kept(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Sofie Peeters (Conseillère) was replaced by Marc Dubois, listed "Monsieur Marc Dubois,
    Conseillère": the console's form left the function empty, and nothing warned that hers
    would be kept."""
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Peeters")  # function "Minister"
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(old, "fr"))
    assert status == 200, page
    assert 'id="sub_function" name="function" type="text" value="Minister"' in page
    assert element(page, "sub_function-hint") == (
        "La fonction du membre remplacé, déjà inscrite : elle est reprise telle quelle si "
        "vous ne la changez pas. Vérifiez-la si elle s'accorde (Directrice, Directeur).")
    action = f"/manage/alliance/accreditations/{old['id']}/substitute?lang=en"
    new = {"given_name": "Marc", "family_name": "Dubois", "email": "marc@example.org",
           "language": "fr", "gender": "male"}
    # sent as filled: the confirmation warns that the function is kept
    status, page, _ = await protocol.post_form(page_of(old, "en"), action,
                                               **new, function="Minister")
    assert status == 200, page
    assert element(page, "effect-function") == (
        "Marc Dubois will be listed with the function of the member replaced, as written: "
        "“Minister”. If it does not fit, change it before confirming.")
    assert "Minister (as the member replaced, word for word" in element(page, "details")
    # changed: no warning, the new function in the details
    status, page, _ = await protocol.post_form(page_of(old, "en"), action,
                                               **new, function="Deputy Minister")
    assert status == 200, page
    assert 'id="effect-function"' not in page
    assert "Deputy Minister" in element(page, "details")


async def test_a_member_with_no_function_is_not_said_to_have_one(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: an expert filed with no function; the substitution form's hint still said
    « La fonction du membre remplacé, déjà inscrite : elle est reprise telle quelle » over an
    empty field."""
    be, _ = await _setup(api, smtp)
    status, expert, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Anne", "family_name": "Claes",
              "email": "anne.claes@example.org", "language": "fr", "delegation_id": be["id"]})
    assert status == 201, expert
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(expert, "fr"))
    assert status == 200, page
    assert 'id="sub_function" name="function" type="text" value=""' in page
    assert element(page, "sub_function-hint") == (
        "Le membre remplacé n'a pas de fonction inscrite : donnez celle de la nouvelle "
        "personne, si elle en a une.")
    status, page, _ = await protocol.go("GET", page_of(expert, "en"))
    assert element(page, "sub_function-hint") == (
        "The member replaced has no function on record: give the new person's, if they "
        "have one.")


async def test_an_address_already_filed_is_named_with_its_application(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The console's substitution said "contact the protocol service" to protocol itself, and
    not whose the address was."""
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Peeters")
    other = await member(api, be, "Janssens")  # approved, janssens@example.org
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    new = {"given_name": "Marc", "family_name": "Dubois", "email": "Janssens@example.org",
           "language": "fr"}
    for lang, said, link in (
        ("fr", "Cette adresse sert déjà à une autre demande de cette conférence : Anna "
               "Janssens (Accordée). Donnez à la nouvelle personne une adresse qui lui est "
               "propre ; s'il s'agit de la même personne, voyez sa demande.",
         "Ouvrir la demande d'Anna Janssens"),
        ("en", "This address is already used by another application of this conference: Anna "
               "Janssens (Approved). Give the new person an address of their own; if it is the "
               "same person, see their application.",
         "Open the application of Anna Janssens")):
        status, page, _ = await protocol.post_form(
            page_of(old, lang),
            f"/manage/alliance/accreditations/{old['id']}/substitute?lang={lang}", **new)
        assert status == 409, page
        assert element(page, "sub_email-error").endswith(said), page
        assert "service du protocole" not in page and "protocol service." not in page
        assert element(page, "sub_email-taken") == link
        assert f'href="/manage/alliance/accreditations/{other["id"]}?lang={lang}"' in page


async def test_more_information_asked_by_protocol_is_said_to_come_from_protocol(
    api: Api, smtp: RecordingSMTP
) -> None:
    """An administrator asked for more information from the console; the page and the focal
    point's mail said the security service had."""
    # its focal point corresponds in French
    be, _ = await _conference(api, smtp, vetting_required=["minister"])
    ours = await member(api, be, "Dubois", decision=None)
    theirs = await member(api, be, "Lemaire", decision=None)
    admin = await staff(api, smtp, "admin@example.org", "admin")
    status, page, _ = await admin.go("GET", page_of(ours, "fr"))
    status, page, _ = await admin.go(
        "POST", f"/manage/alliance/accreditations/{ours['id']}/vetting?lang=fr",
        {"csrf": hidden(page, "csrf"), "status": "more_information",
         "reason": "Le lieu de naissance."})
    assert status == 303, page
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{theirs['id']}/vetting/status",
        role=await security_token(api), json={"status": "more_information", "reason": "Avis"})
    assert status == 200, body

    status, page, _ = await admin.go("GET", page_of(ours, "fr"))
    assert element(page, "clearance-warning").startswith(
        "Habilitation de sécurité : le service du protocole a demandé des informations "
        "complémentaires.")
    status, page, _ = await admin.go("GET", page_of(ours, "en"))
    assert element(page, "clearance-warning").startswith(
        "Security clearance: the protocol service asked for more information.")
    status, page, _ = await admin.go("GET", page_of(theirs, "fr"))
    assert element(page, "clearance-warning").startswith(
        "Habilitation de sécurité : le service de sécurité a demandé")

    [mine] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in str(m["To"])
                                 and "Dubois" in body_text(m)
                                 and "informations complémentaires" in str(m["Subject"]))
    said = " ".join(body_text(mine).split())
    assert "ne peut pas encore être mené à terme : le service du protocole a besoin " \
           "d'informations complémentaires." in said, said
    [other] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in str(m["To"])
                                  and "Lemaire" in body_text(m)
                                  and "informations complémentaires" in str(m["Subject"]))
    # the security service's request, relayed by the protocol service that writes the letter
    assert "le service de sécurité nous a demandé des informations complémentaires" \
        in " ".join(body_text(other).split())


async def test_the_identity_document_and_the_visa_letter_are_beside_the_clearance(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Protocol set the clearance on a page showing neither the passport the focal point had
    recorded nor the visa letter request: only the security page listed them."""
    be, link = await _conference(api, smtp, vetting_required=["minister"])
    with_card = await member(api, be, "Peeters")
    with_visa = await member(api, be, "Janssens")
    nothing = await member(api, be, "Lambert")
    focal = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{with_visa['id']}"
    status, page, _ = await focal.go("GET", f"{path}/credentials?lang=en")
    status, _, resp = await focal.go("POST", f"{path}/visa-letter?lang=en", {
        "csrf": form_token(page, "visa-form"), "passport_name": "Anna JANSSENS",
        "passport_number": "EM123456", "nationality": "MA", "date_of_birth": "1971-05-04",
        "consulate": "Embassy of Belgium in Rabat"})
    assert status == 303, resp
    path = f"/delegation/alliance-be/members/{with_card['id']}"
    status, page, _ = await focal.go("GET", f"{path}/credentials?lang=fr")
    status, _, resp = await focal.go("POST", f"{path}/identity-document?lang=fr", {
        "csrf": form_token(page, "identity-form"), "id_nationality": "BE",
        "id_document_type": "identity_card", "id_document_number": "591-1234567-89",
        "id_date_of_birth": "1969-11-05"})
    assert status == 303, resp

    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(with_visa, "fr"))
    assert status == 200, page
    assert element(page, "h-identity") == "Pièce d'identité et lettre de visa"
    assert element(page, "identity-document") == "Passeport EM123456"
    # the name as written in the passport, as the security page shows it
    assert element(page, "identity-name") == "Anna JANSSENS"
    assert element(page, "identity-nationality") == "Maroc"
    assert element(page, "identity-birth") == "4 mai 1971"
    assert element(page, "visa-letter").startswith("Lettre de visa : demandée (demande du ")
    assert "/manage/alliance/visa-letters?" in page and "status=requested" in page
    assert element(page, "identity-security") == "Voir cette personne sur la page Sécurité"
    assert f'#vetting-{with_visa["id"]}"' in page
    # the identity section comes before the clearance form
    assert page.index('id="h-identity"') < page.index('id="vetting-form"')

    status, page, _ = await protocol.go("GET", page_of(with_card, "en"))
    assert element(page, "identity-document") == "Identity card 591-1234567-89"
    assert 'id="identity-name"' not in page  # none given with the card
    assert element(page, "identity-birth") == "5 November 1969"
    assert element(page, "visa-letter") == "No visa letter requested."
    status, page, _ = await protocol.go("GET", page_of(nothing, "en"))
    assert element(page, "identity-none") == (
        "No identity document has been given (neither for the security check nor in a visa "
        "letter request).")
    status, page, _ = await protocol.go("GET", page_of(nothing, "fr"))
    assert element(page, "identity-none") == (
        "Aucune pièce d'identité n'a été donnée (ni pour l'habilitation, ni dans une demande "
        "de lettre de visa).")
