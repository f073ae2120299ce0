"""HTTP: ``POST /api/v1/staff`` (admin). The sign-in pages are the workspaces'
(``workspaces/signin.py``)."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.http.context import need, pool_key
from conference.http.io import json_response, parse
from conference.http.routes import RouteTable
from conference.people import service
from conference.people.models import Person, StaffIn

routes = RouteTable()


@routes.add("POST", "/api/v1/staff", summary="Add a person who works on conferences",
            who="admin", body=StaffIn, response=Person, status=201, tag="people",
            errors=(400, 401, 403, 413, 422))
async def add_staff(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    body = await parse(request, StaffIn)
    person = await service.add_staff(request.app[pool_key], body, actor)
    return json_response(person, status=201)
