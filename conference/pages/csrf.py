"""CSRF protection for the HTML forms: a signed token in a hidden field, bound to a cookie.

How it works (the "signed double-submit cookie" pattern):

* A page with a form makes sure the browser holds a ``csrf`` cookie: 128 random bits,
  ``HttpOnly``, ``SameSite=Strict``, ``Path=/`` (``Secure`` when the service is reached over
  https, its ``public_url``). It carries no identity, and the service stores nothing.
* The form's hidden ``csrf`` field holds ``Signer.sign("csrf:<form>", "<nonce>~<issued>")``
  (conference/signing.py, the server's HMAC key from the database): the cookie's nonce, when
  the token was issued, and, in the purpose, which form it is for (``press:<slug>``,
  ``withdraw:<accreditation id>``).
* A POST is accepted only when the field's tag verifies for that form, its nonce equals the
  cookie's (compared in constant time), and it is at most ``MAX_AGE`` old.

Why this holds: another site can make a browser POST to us, but it can neither read our page
(same-origin policy) to learn the field, nor forge a field without the key, nor send our cookie
along a cross-site request (SameSite=Strict), nor plant a cookie that matches a token it holds,
since the token is bound to the nonce by the key. Nothing is kept per session, so any number of
API processes share the scheme through the key alone. A failed check re-renders the form (with
what the person typed and a fresh token) rather than losing their input.
"""

from __future__ import annotations

import hmac
import secrets
import time

from aiohttp import web

from conference.http.context import settings_key
from conference.signing import Signer

COOKIE = "csrf"
FIELD = "csrf"
MAX_AGE = 12 * 3600


def cookie_nonce(request: web.Request) -> str | None:
    value = request.cookies.get(COOKIE)
    if value and 16 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum():
        return value
    return None


def ensure_nonce(request: web.Request, response_cookies: dict[str, str]) -> str:
    """The browser's nonce, or a new one to be set on the response (see ``set_cookie``)."""
    nonce = cookie_nonce(request)
    if nonce is None:
        nonce = secrets.token_urlsafe(16)
        response_cookies[COOKIE] = nonce
    return nonce


def set_cookies(request: web.Request, response: web.StreamResponse,
                cookies: dict[str, str]) -> None:
    for name, value in cookies.items():
        response.set_cookie(name, value, path="/", httponly=True, samesite="Strict",
                            secure=request.secure or public_https(request))


def public_https(request: web.Request) -> bool:
    """People reach the service over https (behind a TLS-terminating proxy, say)."""
    return request.app[settings_key].base_url.startswith("https://")


def issue(signer: Signer, form: str, nonce: str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    return signer.sign(f"csrf:{form}", f"{nonce}~{issued}")


def valid(signer: Signer, form: str, token: str | None, nonce: str | None,
          now: float | None = None) -> bool:
    if not token or not nonce:
        return False
    payload = signer.verify(f"csrf:{form}", token)
    if payload is None:
        return False
    signed_nonce, _, issued = payload.partition("~")
    if not issued.isdigit():
        return False
    age = (now if now is not None else time.time()) - int(issued)
    if not -300 <= age <= MAX_AGE:
        return False
    return hmac.compare_digest(signed_nonce.encode(), nonce.encode())
