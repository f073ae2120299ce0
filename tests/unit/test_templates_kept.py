"""Templates are read from the disk once per process and kept (docs/architecture.md,
"Templates"): files a deploy replaces while the old process still runs are not mixed with its
code. A tryout saw the opposite: a page template replaced under a running server asked it for a
text it did not have, and the page answered 500."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from conference.app import load_templates
from conference.mail import render as letters
from conference.pages import handlers as pages
from conference.templating import environment
from conference.workspaces import frame

ENVIRONMENTS = {"pages": pages._ENV, "workspaces": frame._ENV, "letters": letters._ENV}


def test_every_template_is_compiled_at_the_start() -> None:
    on_disk = sum(1 for d in ("pages", "workspaces", "mail")
                  for f in (Path(pages.__file__).parent.parent / d / "templates").rglob("*")
                  if f.is_file())
    # the workspaces' loader sees the public pages' templates too
    assert load_templates() == on_disk + len(ENVIRONMENTS["pages"].list_templates())


@pytest.mark.parametrize("which", sorted(ENVIRONMENTS))
def test_a_template_changed_on_disk_is_not_read_again(which: str) -> None:
    env = ENVIRONMENTS[which]
    name = sorted(env.list_templates())[0]
    kept = env.get_template(name)
    assert kept.filename is not None
    path = Path(kept.filename)
    before = path.stat()
    try:
        # the file "replaced": a later modification time, as a deploy's copy has
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**10))
        assert env.get_template(name) is kept
    finally:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_an_environment_built_the_project_s_way_keeps_a_replaced_file(tmp_path: Path) -> None:
    """The same without touching the project's files: a template replaced in a temporary
    directory, its new text never rendered by the process that compiled the old."""
    page = tmp_path / "page.html"
    page.write_text("{{ t('old') }}")
    env = environment(jinja2.FileSystemLoader(tmp_path))
    first = env.get_template("page.html")
    page.write_text("{{ t('new_text_the_old_process_lacks') }}")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**10))
    assert env.get_template("page.html").render(t=lambda k: k) == "old"
    assert env.get_template("page.html") is first
