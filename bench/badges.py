"""A print batch of badges (docs/credentials.md, "Badge production"), timed, with its peak memory.

Makes a conference with ``--delegations`` country delegations in a fresh database, imports
``--badges`` officials spread over them (the members import use-case), approves each, gives
each a photo of their own (600 × 800 JPEG, through the photo use-case, so it is stored as the
service stores it) and defines three zones. Then, in this process, builds the batch (the
use-case: the order of precedence, the zones and the photos scaled to print size) and renders
the PDF, for each layout: the wall time of each part (untraced), then the peak of Python memory
(tracemalloc, which slows what it traces) of the whole, the process's peak (ru_maxrss), the
PDF's size and pages.

    .venv/bin/python bench/badges.py [--database-url postgresql://postgres@127.0.0.1/postgres] \
        [--badges 2000] [--delegations 200]

A URL names a server, on which the benchmark creates and drops a ``bench_…`` database; without
one, it runs on an embedded PostgreSQL of its own (``bench/common.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import resource
import time
import tracemalloc
from datetime import UTC, datetime

from PIL import Image, ImageDraw

from bench.common import postgres
from bench.import_members import XLSX, spreadsheet
from bench.inprocess import conference_with_delegations
from conference.accreditation import service as accreditations
from conference.auth import Principal, Role
from conference.badges import service as badges
from conference.badges.domain import Layout
from conference.badges.models import BatchQuery, Grants, ZoneIn
from conference.badges.sheet import render_pdf
from conference.credentials import service as credentials
from conference.lifecycle import service as lifecycle
from conference.lifecycle.models import ImportQuery
from conference.roles import protocol_officer
from conference.signing import load_signer

PROTOCOL = Principal(token_id=0, role=Role.protocol)


def photo(n: int) -> bytes:
    """A portrait of its own for each person: a gradient and a few shapes (a JPEG of the size a
    real photo compresses to, unlike flat colour or noise)."""
    rng = random.Random(n)
    img = Image.linear_gradient("L").resize((600, 800)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rng.randrange(600), rng.randrange(800)
        r = rng.randrange(20, 160)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=90)
    return out.getvalue()


async def run(url: str, args: argparse.Namespace) -> None:
    now = datetime.now(UTC)
    async with conference_with_delegations(url, args.delegations) as (pool, _, codes):
        started = time.perf_counter()
        imported = await lifecycle.import_members(
            pool, "bench", spreadsheet(args.badges, codes), XLSX, ImportQuery(dry_run=False),
            PROTOCOL, now)
        ids = [r.accreditation_id for r in imported.rows if r.accreditation_id is not None]
        for n, aid in enumerate(ids):
            await accreditations.decide(pool, aid, "approve", None, PROTOCOL, now)
            await credentials.put_photo(pool, aid, photo(n), "image/jpeg", PROTOCOL, now)
        officer = protocol_officer(PROTOCOL)
        for code in ("plenary-hall", "bilateral-rooms", "delegates-lounge"):
            await badges.create_zone(pool, officer, "bench", ZoneIn(
                code=code, name={"fr": code, "en": code},
                grants=Grants(categories=["official"])), now)
        print(f"{len(ids)} approved officials with photos in {len(codes)} delegations, made in "
              f"{time.perf_counter() - started:.0f} s\n")
        signer = await load_signer(pool)

        print("| layout | batch s | render s | total s | pages | PDF MiB | peak MiB (traced) |")
        print("|--------|---------|----------|---------|-------|---------|-------------------|")
        for layout in Layout:
            query = BatchQuery(layout=layout)
            started = time.perf_counter()
            contents = await badges.batch(pool, officer, signer, "bench", query)
            built = time.perf_counter()
            pdf = await asyncio.to_thread(render_pdf, contents, layout)
            done = time.perf_counter()
            del contents
            tracemalloc.start()
            traced = await asyncio.to_thread(
                render_pdf, await badges.batch(pool, officer, signer, "bench", query), layout)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            assert len(traced) > 0
            del traced
            pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
            print(f"| {layout.value:<6} | {built - started:7.2f} | {done - built:8.2f} "
                  f"| {done - started:7.2f} | {pages:5} | {len(pdf) / 2**20:7.1f} "
                  f"| {peak:17.0f} |")
            del pdf
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nprocess peak RSS: {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", help="a PostgreSQL server (default: embedded)")
    parser.add_argument("--badges", type=int, default=2000)
    parser.add_argument("--delegations", type=int, default=200)
    args = parser.parse_args()
    with postgres(args.database_url) as db:
        asyncio.run(run(db.url, args))


if __name__ == "__main__":
    main()
