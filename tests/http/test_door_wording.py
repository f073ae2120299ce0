"""What the door screen says of a badge that is no longer valid, in French and English: a badge
replaced (a reissue printed a newer one, or another person took its holder's place), or one of
an accreditation revoked or withdrawn, reads as such, with what the door staff do next, not a
bare status (found reading the door screen: « Une autre personne a pris la place de cette
accréditation. » said neither that the badge is void nor what to do)."""

from __future__ import annotations

from conference.badges.domain import check_character
from tests.browser.helpers import delegation, element, member, press, text, zone
from tests.conftest import Api
from tests.http.test_badge_production import _reissue
from tests.http.test_badges import _reference, _revoke
from tests.http.test_console import _scans, staff
from tests.http.test_lifecycle_substitution import person, substitute
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

DOOR = "/manage/alliance/door"

EXPECTED = {
    "superseded": {
        "fr": ("Badge remplacé\u00a0: un badge plus récent a été émis pour cette personne "
               "(réimpression)\u00a0; celui-ci n'est plus valable.",
               "Demandez le nouveau badge. Si la personne ne l'a pas, orientez-la vers le "
               "bureau des accréditations."),
        "en": ("Badge replaced: a newer badge was issued to this person (reprint); this one is "
               "no longer valid.",
               "Ask for the new badge. If the person does not have it, send them to the "
               "accreditation desk."),
    },
    "substituted": {
        "fr": ("Badge remplacé\u00a0: une autre personne a pris la place de son titulaire "
               "(remplacement)\u00a0; ce badge n'est plus valable.",
               "N'admettez personne avec ce badge. La personne qui a pris la place a son "
               "propre badge, à son nom\u00a0: demandez-le. Sinon, orientez la personne vers "
               "le bureau des accréditations."),
        "en": ("Badge replaced: another person took its holder's place (substitution); this "
               "badge is no longer valid.",
               "Admit no one on this badge. The person who took the place has a badge of their "
               "own, in their name: ask for it. Otherwise send the person to the accreditation "
               "desk."),
    },
    "revoked": {
        "fr": ("Accréditation révoquée\u00a0: ce badge n'est plus valable.",
               "N'admettez pas la personne. Orientez-la vers le bureau des accréditations."),
        "en": ("Accreditation revoked: this badge is no longer valid.",
               "Do not admit the person. Send them to the accreditation desk."),
    },
    "withdrawn": {
        "fr": ("Demande retirée\u00a0: ce badge n'est plus valable.",
               "N'admettez pas la personne. Orientez-la vers le bureau des accréditations."),
        "en": ("Application withdrawn: this badge is no longer valid.",
               "Do not admit the person. Send them to the accreditation desk."),
    },
}


async def test_a_void_badge_says_so_and_what_to_do_in_both_languages(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press", "minister"])
    be = await delegation(api, "NL")

    reprinted = await member(api, be, "Lambert")
    old_badge = await _reference(api, reprinted["id"])
    assert (await _reissue(api, reprinted["id"], reason="lost"))[0] == 200

    replaced = await member(api, be, "Maes")
    status, new = await substitute(api, replaced["id"],
                                   person(1, approve=True, reason="The minister sends a deputy."),
                                   "protocol")
    assert status == 201, new

    revoked = await press(api, 1, decision="approve")
    await _revoke(api, revoked["id"])
    withdrawn = await press(api, 2)
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{withdrawn['id']}/withdraw",
                                     role=withdrawn["access_token"], json={})
    assert status == 200, body

    badges = {"superseded": old_badge, "substituted": await _reference(api, replaced["id"]),
              "revoked": await _reference(api, revoked["id"]),
              "withdrawn": await _reference(api, withdrawn["id"])}
    for reason, badge in badges.items():
        for lang in ("fr", "en"):
            status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}",
                                                   zone="press-centre", badge=badge)
            assert status == 200, page
            said, action = (" ".join(words.split()) for words in EXPECTED[reason][lang])
            assert ("REFUSÉ" if lang == "fr" else "REFUSED") in element(page, "door-result")
            assert element(page, "door-reason") == said, (reason, lang)
            assert element(page, "door-action") == action, (reason, lang)
    assert [r["reason"] for r in await _scans(api)] == [
        r for r in badges for _ in ("fr", "en")]

    # an admitted badge has no instruction
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=await _reference(api, new["id"]))
    assert "ADMITTED" in element(page, "door-result")
    assert 'id="door-action"' not in page
    # the holder's country in the page's language, not the conference's (found in a user
    # test: "Holder: Sophie Wilmès – Official – Belgique" on the English page)
    assert "Netherlands" in element(page, "door-result") and "Pays-Bas" not in page
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=fr", zone="press-centre",
                                           badge=await _reference(api, new["id"]))
    assert "Pays-Bas" in element(page, "door-result")


async def test_the_header_names_the_account_without_an_inclusive_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The header said « Connecté(e) en tant que : Door Person »; a French administration
    writes « Compte : Door Person » (the English keeps "Signed in as: Door Person")."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    _, page, _ = await door.go("GET", f"{DOOR}?lang=fr")
    assert "Compte : Door Person" in text(page)  # text() collapses the no-break space
    assert "Compte\u00a0:" in page
    assert "(e)" not in text(page)
    _, page, _ = await door.go("GET", f"{DOOR}?lang=en")
    assert "Signed in as: Door Person" in text(page)


async def test_a_typed_short_reference_admits_and_a_mistyped_one_says_type_it_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The door staff type the short reference printed under the QR code (docs/credentials.md,
    "Short reference"); a typing mistake says so and what to do, in both languages, showing
    what was typed, never « falsifiée » (found in a user test: one mistyped character of the
    50-character reference answered « pas authentique (falsifiée ou altérée) »)."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    journalist = await press(api, decision="approve")
    status, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    assert status == 200, states
    [short] = [s["short_reference"] for s in states["items"]]

    status, page, _ = await door.post_form(DOOR, DOOR, zone="press-centre",
                                           badge=short.lower().replace("-", " "))
    assert status == 200, page
    assert "ADMIS" in element(page, "door-result")
    assert journalist["family_name"] in element(page, "door-result")
    assert "4F7K-92QX" in element(page, "badge-hint")  # the field says what may be typed

    wrong = short[:-1] + ("2" if short[-1] != "2" else "3")
    expected = {
        "fr": ("Référence mal saisie\u00a0: ce n'est pas une référence de badge valable (une "
               "lettre ou un chiffre ne correspond pas).",
               "Saisissez-la de nouveau, lettre par lettre, telle qu'imprimée sous le code QR "
               "(8\u00a0caractères, par exemple 4F7K-92QX). Aucune fraude n'est en cause.",
               "Référence saisie\u00a0:"),
        "en": ("Reference mistyped: this is not a valid badge reference (a letter or digit "
               "does not match).",
               "Type it again, character by character, as printed under the QR code (8 "
               "characters, for example 4F7K-92QX). This is not a forgery.",
               "Reference typed:"),
    }
    for lang, (said, action, typed) in expected.items():
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=wrong)
        assert status == 200, page
        # a reference not read is "check again" in amber, not REFUSED in red (found in a tryout
        # on the morning of a meeting: door staff read REFUSED as a refusal of the person)
        verdict = element(page, "door-result")
        assert ("À VÉRIFIER" if lang == "fr" else "CHECK AGAIN") in verdict
        assert "REFUS" not in verdict
        assert 'class="door-result door-recheck"' in page
        assert element(page, "door-reason") == " ".join(said.split())
        assert element(page, "door-action") == " ".join(action.split())
        assert element(page, "door-typed") == " ".join(f"{typed} {wrong}".split())
        assert "falsifi" not in page and "forged" not in page

    # a character too many is said as a wrong length (docs/workspaces.md, "Errors in sight")
    for lang, said in (("fr", "Référence mal saisie : une référence courte a 8 caractères "
                              "(celle-ci en a 9)."),
                       ("en", "Reference mistyped: a short reference has 8 characters (this "
                              "one has 9).")):
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=short + "7")
        assert status == 200, page
        assert element(page, "door-reason") == said, lang

    # a QR code's altered signed reference stays forged, and now says what to do
    genuine = await _reference(api, journalist["id"])
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=genuine[:-1] + ("A" if genuine[-1] != "A"
                                                                 else "B"))
    assert element(page, "door-reason") == "The badge reference is not genuine (forged or altered)."
    assert "REFUSED" in element(page, "door-result")  # a failed signature is a refusal
    assert "type the short reference printed under it" in element(page, "door-action")
    # a well-formed short reference that no badge carries: check again too
    body = next(b for b in ("2345678", "ABCDEFG", "ZZZZZZZ") if b != short.replace("-", "")[:7])
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge=body + check_character(body))
    assert "CHECK AGAIN" in element(page, "door-result"), page
    assert "Check the reference on the badge" in element(page, "door-action")
    assert [r["reason"] for r in await _scans(api)] == [
        "granted", "mistyped_reference", "mistyped_reference", "mistyped_reference",
        "mistyped_reference", "forged_badge", "unknown_badge"]
