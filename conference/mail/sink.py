"""The local mail sink used when no SMTP relay is configured: a real SMTP server (aiosmtpd)
on 127.0.0.1 that files every message it receives, byte for byte, in a maildir."""

from __future__ import annotations

import asyncio
import mailbox
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP as SMTPServer


class MaildirHandler:
    def __init__(self, path: Path) -> None:
        for sub in ("tmp", "new", "cur"):  # Maildir(create=True) skips an existing folder
            (path / sub).mkdir(parents=True, exist_ok=True)
        self.maildir = mailbox.Maildir(path, create=False)
        # one message filed at a time: ``Maildir.add`` names its file by the time, the process
        # and a class counter it increments unlocked, so two threads could take one name, and
        # the second message would be refused as a clash (a needless failure the sender retries)
        self._filing = asyncio.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        async with self._filing:
            await asyncio.to_thread(self.maildir.add, content)
        return "250 Message accepted for delivery"


async def start_sink(path: Path, host: str = "127.0.0.1", port: int = 0) -> asyncio.Server:
    handler = MaildirHandler(path)
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: SMTPServer(handler, hostname="localhost", enable_SMTPUTF8=True), host, port
    )


def sink_port(server: asyncio.Server) -> int:
    port: int = server.sockets[0].getsockname()[1]
    return port
