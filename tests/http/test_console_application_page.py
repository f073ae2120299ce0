"""The console's application page says what a protocol officer needs beside each form, over
HTTP with a real database (found trying the console, docs/workspaces.md, "Accreditations" and
"Substituting a member"): the person's language and the language to write a reason in, who
reads a substitution's reason, the identity document beside the clearance, a duplicate
address named, the function a substitute would keep."""

from __future__ import annotations

from tests.browser.helpers import element, member
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


def page_of(acc: dict[str, object], lang: str) -> str:
    return f"/manage/alliance/accreditations/{acc['id']}?lang={lang}"


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
