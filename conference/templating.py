"""The jinja2 environments of the pages, the workspaces and the letters: each template read from
disk once per process and kept, never read again while the process runs (docs/architecture.md,
"Templates")."""

from __future__ import annotations

from typing import Any

import jinja2


def environment(loader: jinja2.BaseLoader, **options: Any) -> jinja2.Environment:
    """An environment that keeps every template it compiled (no size limit: the project's
    templates number about 150) and never looks at the disk again for one (``auto_reload``
    off): files replaced by a deploy while the old process still runs are not mixed with its
    code (a new page template asking the old process for a text it does not have answered 500
    in a tryout)."""
    return jinja2.Environment(loader=loader, auto_reload=False, cache_size=-1, **options)


def load_every(env: jinja2.Environment) -> int:
    """Compile every template of ``env`` now (a process's start), so that none is read later
    from files a deploy may have replaced; how many."""
    names = env.list_templates()
    for name in names:
        env.get_template(name)
    return len(names)
