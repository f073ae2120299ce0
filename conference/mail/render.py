"""Renders notices from the templates in ``templates/{fr,en}/``: the first line of a rendered
template is the subject, the rest (after one blank line) the plain-text body.

One rule for the text of every template: no hard wraps. A paragraph is one line, however long
(the body goes out as UTF-8 quoted-printable, which carries long lines, and mail clients wrap
them to the window); a line break means a new line: a list item, an indented link or address, a
signature. Letters to applicants end with the data-protection notice (``_footer.txt``), notices
to staff with ``_staff_footer.txt`` (docs/privacy.md)."""

from __future__ import annotations

import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import jinja2

from conference import templating
from conference.mail import formatting, headers, wording

_ENV = templating.environment(
    jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["phone"] = formatting.phone
_ENV.filters["in_sentence"] = wording.in_sentence  # a title inside a sentence, with its article
_ENV.filters["of_name"] = wording.of_name  # French "de"/"d'" before a name
_ENV.globals["sender_name"] = wording.sender_name  # the closing's office line (_closing.txt)


def load_template(name: str) -> jinja2.Template:
    """Compile a template now (it is cached), rather than when its first mail is rendered."""
    return _ENV.get_template(name)


def render_template(name: str, **context: Any) -> str:
    return _ENV.get_template(name).render(**context)


def render_text(template: str, language: str, **context: Any) -> tuple[str, str]:
    """Return (subject, body) of ``templates/<language>/<template>.txt``."""
    text = _ENV.get_template(f"{language}/{template}.txt").render(**context)
    subject, _, body = text.partition("\n\n")
    # a paragraph a letter leaves out (a condition not met) leaves no second blank line
    body = re.sub(r"\n{3,}", "\n\n", body)
    return subject.strip(), body.strip() + "\n"


def build_message(
    *,
    sender: str,
    sender_name: str,
    recipient: str,
    recipient_name: str,
    subject: str,
    body: str,
    message_id: str,
    language: str,
    date: datetime,
) -> EmailMessage:
    for value in (sender, sender_name, recipient, recipient_name, subject, message_id):
        if "\r" in value or "\n" in value:
            raise ValueError("line break in a header value")
    msg = EmailMessage(policy=headers.SMTP)
    msg["From"] = headers.mailbox("From", sender_name, sender)
    msg["To"] = headers.mailbox("To", recipient_name, recipient)
    msg["Subject"] = headers.unstructured("Subject", subject)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body, charset="utf-8")
    msg["Content-Language"] = language  # after set_content, which drops Content-* headers
    return msg


def load_templates() -> int:
    """Compile every template of the letters now, at the process's start (docs/architecture.md,
    "Templates"); how many."""
    return templating.load_every(_ENV)
