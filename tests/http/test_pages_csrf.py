"""The pages' CSRF tokens and language choice, pure (no database)."""

from __future__ import annotations

from aiohttp.test_utils import make_mocked_request

from conference.pages import csrf
from conference.pages.i18n import STRINGS, Translator, choose_language, field_message
from conference.signing import Signer

SIGNER = Signer(b"k" * 32)
NOW = 1_700_000_000.0


def test_a_token_holds_for_its_form_and_cookie_only() -> None:
    token = csrf.issue(SIGNER, "press:alliance", "nonce-abcdefghijklmnop", now=NOW)
    assert csrf.valid(SIGNER, "press:alliance", token, "nonce-abcdefghijklmnop", now=NOW + 60)
    assert not csrf.valid(SIGNER, "press:other", token, "nonce-abcdefghijklmnop", now=NOW)
    assert not csrf.valid(SIGNER, "press:alliance", token, "nonce-zzzzzzzzzzzzzzzz", now=NOW)
    assert not csrf.valid(SIGNER, "press:alliance", token, None, now=NOW)
    assert not csrf.valid(SIGNER, "press:alliance", None, "nonce-abcdefghijklmnop", now=NOW)
    assert not csrf.valid(Signer(b"x" * 32), "press:alliance", token,
                          "nonce-abcdefghijklmnop", now=NOW)


def test_a_token_expires() -> None:
    token = csrf.issue(SIGNER, "f", "nonce-abcdefghijklmnop", now=NOW)
    assert csrf.valid(SIGNER, "f", token, "nonce-abcdefghijklmnop", now=NOW + csrf.MAX_AGE)
    assert not csrf.valid(SIGNER, "f", token, "nonce-abcdefghijklmnop",
                          now=NOW + csrf.MAX_AGE + 1)
    assert not csrf.valid(SIGNER, "f", token, "nonce-abcdefghijklmnop", now=NOW - 3600)


def test_an_altered_token_fails() -> None:
    token = csrf.issue(SIGNER, "f", "nonce-abcdefghijklmnop", now=NOW)
    payload, tag = token.split(".")
    for bad in (f"{payload}x.{tag}", f"{payload}.{tag[:-1]}A", payload, "", "a.b.c"):
        assert not csrf.valid(SIGNER, "f", bad, "nonce-abcdefghijklmnop", now=NOW), bad


def test_only_well_formed_cookies_count() -> None:
    for value, expected in (("nonce-abcdefghijklmnop", "nonce-abcdefghijklmnop"),
                            ("short", None), ("x" * 65, None), ("bad~nonce~abcdefghijk", None)):
        request = make_mocked_request("GET", "/", headers={"Cookie": f"csrf={value}"})
        assert csrf.cookie_nonce(request) == expected


def test_the_language_is_asked_then_negotiated_then_the_default() -> None:
    def lang(path: str = "/", accept: str = "", default: str = "fr") -> str:
        request = make_mocked_request("GET", path, headers={"Accept-Language": accept})
        return choose_language(request, default)

    assert lang("/?lang=en", "fr") == "en"
    assert lang("/?lang=de", "en-US,en;q=0.8") == "en"
    assert lang("/", "de-DE, en;q=0.3, fr;q=0.7") == "fr"
    assert lang("/", "de, it", default="en") == "en"
    assert lang("/", "fr;q=0, en;q=bad") == "fr"
    request = make_mocked_request("GET", "/", headers={"Accept-Language": "fr"})
    assert choose_language(request, "en", negotiate=False) == "en"  # the applicant's choice


def test_both_catalogues_say_the_same_things() -> None:
    assert STRINGS["fr"].keys() == STRINGS["en"].keys()
    for language in ("fr", "en"):
        for key, text in STRINGS[language].items():
            assert text.strip() == text and text, (language, key)


def test_field_errors_in_words() -> None:
    t = Translator("fr")
    assert field_message(t, "outlet", {"type": "missing", "msg": "Field required"}) == (
        "Ce champ est obligatoire.")
    assert field_message(t, "email", {"type": "value_error", "msg": "bad"}).startswith(
        "Adresse électronique non valide")
    assert field_message(t, "role", {"type": "enum", "msg": "bad"}) == (
        "Choisissez une valeur de la liste.")
    assert field_message(t, "given_name", {
        "type": "string_too_long", "msg": "", "ctx": {"max_length": 200}}) == (
        "Trop long\u00a0: 200 caractères au plus.")
