"""The composition root: the tables `conference routes|consumers|events` print are what the
application serves and the worker runs, and nothing is registered by importing a module."""

from __future__ import annotations

import subprocess
import sys

from conference.app import create_app, route_table
from conference.runtime import consumers, event_types
from conference.settings import Settings


def _cli(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "conference", *args], check=True,
                         capture_output=True, text=True).stdout
    return out.splitlines()


def test_the_printed_routes_are_the_routes_the_application_serves() -> None:
    app = create_app(Settings())
    served = {(r.method, r.resource.canonical) for r in app.router.routes()  # type: ignore[union-attr]
              if r.method != "HEAD"}
    printed = {(line.split()[0], line.split()[1]) for line in _cli("routes")}
    assert printed == served
    assert len(printed) == len(route_table()) >= 60


def test_the_printed_consumers_and_events_are_the_worker_s() -> None:
    printed = {line.split()[0]: set(line.split()[1:]) for line in _cli("consumers")}
    assert printed == {s.name: ({"*"} if s.event_types is None else set(s.event_types))
                       for s in consumers()}
    assert {line.split()[0] for line in _cli("events")} == set(event_types())
    # every event a consumer waits for is in the catalogue
    for s in consumers():
        assert s.event_types is None or s.event_types <= set(event_types()), s.name


def test_importing_a_domain_registers_nothing() -> None:
    """A fresh interpreter that has imported every module of the package has the same tables
    as the composition root makes: importing adds no route and no consumer."""
    code = (
        "import importlib, pkgutil, conference\n"
        "for m in pkgutil.walk_packages(conference.__path__, 'conference.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "from conference.app import route_table\n"
        "from conference.runtime import consumers\n"
        "print(len(route_table()), len(list(consumers())))\n")
    once = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True).stdout
    assert once.split() == [str(len(route_table())), str(len(list(consumers())))]
