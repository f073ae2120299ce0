"""Request parsing and JSON responses."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote
from uuid import UUID

from aiohttp import web
from multidict import MultiDictProxy
from pydantic import BaseModel, TypeAdapter, ValidationError

from conference.errors import BadRequest, Invalid, NotFound
from conference.http.hygiene import RequestTimeout, read_timeout_key
from conference.http.problems import field_errors

M = TypeVar("M", bound=BaseModel)


async def parse(request: web.Request, model: type[M]) -> M:
    """Validate the JSON body against ``model``: 400 when it is not JSON, 422 naming fields."""
    raw = await request.read()
    if not raw.strip():
        raise BadRequest("The request body is empty; a JSON object is expected.")
    return _validate(model, raw)


async def parse_optional(request: web.Request, model: type[M]) -> M:
    """Like ``parse``, but an absent body means the model's defaults."""
    if not request.body_exists or request.content_length == 0:
        return model()
    raw = await request.read()
    if not raw.strip():
        return model()
    return _validate(model, raw)


def _validate(model: type[M], raw: bytes) -> M:
    """400 when ``raw`` is not JSON, 422 naming the fields when it does not fit ``model``."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        errors = field_errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            raise BadRequest("The body is not valid JSON: " + errors[0]["message"]) from None
        raise Invalid("Some fields are invalid.", errors) from None


def json_response(data: BaseModel | dict[str, Any] | list[Any], status: int = 200) -> web.Response:
    if isinstance(data, BaseModel):
        body = data.model_dump_json(by_alias=True).encode()
    else:
        body = json.dumps(data, default=_default, ensure_ascii=False).encode()
    return web.Response(body=body, status=status, content_type="application/json")


def private_file(data: bytes, media: str) -> web.Response:
    """A person's own file (a photo, a scanned document) as an answer no cache keeps and no
    link followed from it learns the address of."""
    return web.Response(body=data, content_type=media, headers={
        "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"})


def _default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return str(value)


_uuid = TypeAdapter(UUID)


def path_uuid(request: web.Request, name: str) -> UUID:
    try:
        return _uuid.validate_python(request.match_info[name])
    except ValidationError:
        what = name.removesuffix("_id")
        raise NotFound(f"No such {what}: {request.match_info[name]!r}.") from None


Form = MultiDictProxy[str | bytes | bytearray | web.FileField]
"""A page's form fields, as ``read_form`` gives them."""


async def read_form(request: web.Request) -> Form:
    """A page's form fields; a body that is no form (a multipart type without its boundary, a
    broken encoding) is a 400, never a 500."""
    try:
        return await request.post()
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("The form could not be read.") from None


@dataclass(frozen=True)
class FilePart:
    """A file sent in a page's ``multipart/form-data`` form: its name, declared type, bytes."""

    filename: str
    content_type: str
    content: bytes


class TooLarge(Exception):
    """A page's body beyond the limit its handler reads it within (``read_capped``): the page
    says so on its form, in the reader's language, instead of the API's 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The body is larger than {limit} bytes.")
        self.limit = limit


async def read_capped(request: web.Request, limit: int) -> bytes:
    """The body of a route that streams it (``extra={"streams_body": True}``), read within the
    read timeout and ``limit`` bytes rather than the service's body limit: ``TooLarge`` as soon
    as it passes ``limit`` (a declared length beyond it, before reading anything; what is left
    of the body is not kept), a 408 when it does not arrive in time."""
    if request.content_length is not None and request.content_length > limit:
        raise TooLarge(limit)
    chunks, size = [], 0
    try:
        async with asyncio.timeout(request.app[read_timeout_key]):
            while chunk := await request.content.read(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(limit)
                chunks.append(chunk)
    except TimeoutError:
        raise RequestTimeout("The body did not arrive in time.") from None
    return b"".join(chunks)


async def read_multipart(request: web.Request, limit: int | None = None
                         ) -> dict[str, str | FilePart]:
    """A page's form fields, from a ``multipart/form-data`` body (files as ``FilePart``) or a
    plain form. The body middleware has already read the body whole within the server's limit
    (conference/http/hygiene.py), which aiohttp's streaming multipart reader cannot start from,
    so the stored bytes are parsed here by the standard library's MIME parser; the first value
    of a repeated name wins. A multipart body that cannot be read is a 400.

    With ``limit``, for a route that streams its body, the body is read here within that limit
    instead (``read_capped``: ``TooLarge`` beyond it)."""
    if limit is not None:
        body = await read_capped(request, limit)
        if request.content_type == "multipart/form-data":
            return _multipart(request, body)
        if request.content_type == "application/x-www-form-urlencoded":
            pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            return {name: value for name, value in reversed(pairs)}
        return {}
    if request.content_type != "multipart/form-data":
        form = await read_form(request)
        return {k: v for k, v in form.items() if isinstance(v, str)}
    return _multipart(request, await request.read())


def _multipart(request: web.Request, body: bytes) -> dict[str, str | FilePart]:
    header = request.headers.get("Content-Type", "")
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + header.encode("latin-1", "replace")
        + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise BadRequest("The form could not be read.")
    fields: dict[str, str | FilePart] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in fields:
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            fields[name] = content.decode("utf-8", "replace")
        else:
            fields[name] = FilePart(unquote(filename)[-200:], part.get_content_type(), content)
    return fields


def path_int(request: web.Request, name: str) -> int:
    raw = request.match_info[name]
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise NotFound(f"No such {name.removesuffix('_id')}: {raw!r}.")
    return int(raw)


def query_params(request: web.Request, model: type[M]) -> M:
    try:
        return model.model_validate(dict(request.query))
    except ValidationError as exc:
        raise Invalid("Some query parameters are invalid.", field_errors(exc)) from None
