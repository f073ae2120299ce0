"""The local mail sink (``conference.mail.sink``, used by ``make run`` without a relay): every
message delivered to it, many at once over their own connections, is filed in the maildir once,
byte for byte. A real SMTP client (aiosmtplib) and the sink's real server."""

from __future__ import annotations

import asyncio
import mailbox
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from conference.mail.sink import sink_port, start_sink


async def test_many_messages_at_once_are_each_filed_once(tmp_path: Path) -> None:
    server = await start_sink(tmp_path / "maildir")
    port = sink_port(server)

    async def send(i: int) -> None:
        m = EmailMessage()
        m["From"], m["To"], m["Subject"] = "office@example.org", f"p{i}@example.org", f"n°{i}"
        m.set_content(f"Message {i}, é.")
        await aiosmtplib.send(m, hostname="127.0.0.1", port=port)

    try:
        await asyncio.gather(*(send(i) for i in range(120)))
    finally:
        server.close()
        await server.wait_closed()
    box = mailbox.Maildir(tmp_path / "maildir", create=False)
    subjects = sorted(str(make_header(decode_header(m["Subject"]))) for m in box)
    assert subjects == sorted(f"n°{i}" for i in range(120))
    assert len(list((tmp_path / "maildir" / "new").iterdir())) == 120
    assert not list((tmp_path / "maildir" / "tmp").iterdir())
