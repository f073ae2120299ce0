"""HTTP handlers for attendance (the replies themselves arrive by SMTP: smtp.py)."""

from __future__ import annotations

from aiohttp import web

from conference.http.context import pool_key, principal
from conference.http.io import json_response, path_uuid
from conference.http.routes import RouteTable
from conference.replies import service
from conference.replies.models import Attendance

routes = RouteTable()


@routes.add("GET", "/api/v1/sessions/{session_id}/attendance",
            summary="Each invited person's reply to the invitation (PARTSTAT, when)",
            who="admin, protocol", response=Attendance, tag="protocol",
            errors=(401, 403, 404))
async def attendance_of(request: web.Request) -> web.Response:
    session_id = path_uuid(request, "session_id")
    answer = await service.attendance(request.app[pool_key], session_id, principal(request))
    return json_response(answer)
