"""The console's credentials pages in headless Chromium, no script: a focal point uploads the
note verbale their member's category needs; protocol downloads a badge batch (a PDF of one page
per badge, read back with pypdf), marks it printed, reissues one badge after its confirmation,
approves a visa letter (the mail with the PDF reaches the SMTP server) and sees the application's
documents and vetting status. Every page passes axe-core in French and English at 390 and
1280 px (``_audit``); the screenshots go to docs/screens/ with CONFERENCE_SCREENS=1."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body, press_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_credentials import _pdf
from tests.support import RecordingSMTP, current_token


async def test_protocol_prints_reissues_and_approves_a_letter_after_the_note_verbale_arrives(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, tmp_path: Path
) -> None:
    status, body, _ = await site.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(documents_required={"official": ["note_verbale"]}))
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    ministers = [await member(site, be, name) for name in ("Peeters", "Maes", "Claes")]
    status, official, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Sofie", "family_name": "Janssens",
              "email": "sofie@example.org", "delegation_id": be["id"], "language": "fr",
              "rank": "official", "function": "Conseillère"})
    assert status == 201, official
    status, journalist, _ = await site.call("POST", "/api/v1/conferences/alliance/accreditations",
                                            json=press_body(language="en"))
    assert status == 201, journalist
    status, letter, _ = await site.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/visa-letter",
        role=await current_token(site.db_url, journalist["id"]),
        json={"passport_name": "Marie DUPONT", "passport_number": "CM998877",
              "nationality": "CM", "date_of_birth": "1984-06-02",
              "consulate": "Embassy of Belgium, Yaoundé"})
    assert status == 201, letter

    # the focal point gives the note verbale the official's category needs
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    await page.goto(f"{site.url}/delegation/alliance-be/members/{official['id']}/credentials")
    assert await page.inner_text("#doc-state-note_verbale") == "Note verbale\u00a0: manquante"
    await _audit(browser, page, "delegation-member-documents")
    note = tmp_path / "scan.pdf"  # a PNG named .pdf: refused from its content
    note.write_bytes(_png())
    await page.get_by_label("Note verbale (PDF, JPEG ou PNG)").set_input_files(str(note))
    await page.get_by_role("button", name="Envoyer la note verbale").click()
    assert "ne correspond pas" in await page.inner_text("#document_note_verbale-error")
    note = tmp_path / "note-verbale.pdf"
    note.write_bytes(_pdf("Note verbale 2027/114"))
    await page.get_by_label("Note verbale (PDF, JPEG ou PNG)").set_input_files(str(note))
    await page.get_by_role("button", name="Envoyer la note verbale").click()
    await page.wait_for_url(re.compile(r".*done=document.*"))
    assert await page.inner_text("#flash") == "Document reçu."
    assert await page.inner_text("#doc-state-note_verbale") == "Note verbale\u00a0: reçue"

    # protocol, in English, in a browser of their own
    context = await browser.new_context(locale="en-GB", viewport={"width": 1000,
                                                                   "height": 900})
    tab = await context.new_page()
    tab.set_default_timeout(10_000)
    await _sign_in(site, tab, smtp, "protocol@example.org", "protocol", "en")
    await tab.goto(f"{site.url}/manage/alliance?lang=en")
    await tab.click("#badges-link")
    assert await tab.inner_text("#badge-count") == "3 badges listed, 3 to print."
    await _audit(browser, tab, "console-badges")
    async with tab.expect_download() as waiting:
        await tab.click("#batch-download")
    download = await waiting.value
    pdf = tmp_path / "batch.pdf"
    await download.save_as(str(pdf))
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 3
    printed = " ".join(p.extract_text() for p in reader.pages).upper()
    assert all(m["family_name"].upper() in printed for m in ministers)

    await tab.get_by_role("button", name="Mark the 3 listed badges to print as printed").click()
    await tab.wait_for_url(re.compile(r".*done=printed.*"))
    assert await tab.inner_text("#flash") == "3 badges marked printed."
    assert "mark-printed" not in await tab.content()

    first = ministers[0]
    await tab.click(f"#reissue-{first['id']}")
    await tab.wait_for_url(re.compile(rf".*/badges/{first['id']}/reissue.*"))
    await _audit(browser, tab, "console-badge-reissue")
    await tab.get_by_label("Lost").check()
    await tab.get_by_role("button", name="Reissue the badge").click()
    assert "Tick the confirmation." in await tab.inner_text("#confirm-error")
    await tab.get_by_label("Lost").check()
    await tab.get_by_label("I confirm: the old badge will no longer be accepted.").check()
    await tab.get_by_role("button", name="Reissue the badge").click()
    await tab.wait_for_url(re.compile(r".*done=reissued.*"))
    assert re.fullmatch(r"Badge reissued: Anna Peeters, new reference [0-9A-Z]{4}-[0-9A-Z]{4}, "
                        r"version 2\.", await tab.inner_text("#flash"))
    assert "v2" in await tab.inner_text(f"#badge-{first['id']}")

    # the visa letter: approved, numbered, mailed with its PDF (once the press office has
    # approved the journalist: a letter is approved only for an approved accreditation)
    status, decided, _ = await site.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided
    await tab.goto(f"{site.url}/manage/alliance?lang=en")
    await tab.click("#visa-letters-link")
    await _audit(browser, tab, "console-visa-letters")
    card = tab.locator(f"#decide-{letter['id']}")
    await card.get_by_label("Approve (a numbered letter is mailed)").check()
    await card.get_by_role("button").click()
    await tab.wait_for_url(re.compile(r".*done=approve.*"))
    assert await tab.inner_text("#flash") == "Letter approved and mailed: Marie DUPONT."
    [mail] = await smtp.wait_for(1, where=lambda m: "marie.dupont" in m["To"] and any(
        p.get_content_type() == "application/pdf" for p in m.iter_attachments()))
    [attachment] = [p for p in mail.iter_attachments()
                    if p.get_content_type() == "application/pdf"]
    assert attachment.get_content().startswith(b"%PDF")
    assert await tab.locator(f"#pdf-{letter['id']}").count() == 1
    await _audit(browser, tab, "console-visa-letters-approved")
    # who signs, on the console (it was the API's alone): the form, its error, saved
    await tab.click("#letter-text-link")
    await tab.wait_for_url("**/visa-letters/text**")
    await tab.get_by_label("Signatory's name").fill("Jean Dupuis")
    await tab.get_by_label("Title in English").fill("")
    await tab.get_by_role("button", name="Save the letter text").click()
    assert (await tab.title()).startswith("Error: ")
    await _audit(browser, tab, "console-letter-text-error",
                 reach=lambda t, lang: t.goto(f"{site.url}/manage/alliance/visa-letters/text"
                                              f"?lang={lang}"))
    await tab.get_by_label("Title in English").fill("Head of Protocol")
    await tab.get_by_label("Title in French").fill("Chef du protocole")
    await tab.get_by_role("button", name="Save the letter text").click()
    await tab.wait_for_url(re.compile(r".*done=saved.*"))
    assert await tab.inner_text("#flash") == "Letter text saved: the next letters print it."

    # the official's application: the note verbale received, nothing missing, vetting
    await tab.goto(f"{site.url}/manage/alliance/accreditations/{official['id']}?lang=en")
    assert "received" in await tab.inner_text("#doc-note_verbale")
    assert await tab.locator("#documents-warning").count() == 0
    await tab.get_by_label("New status").select_option("cleared")
    await tab.get_by_role("button", name="Record the status").click()
    await tab.wait_for_url(re.compile(r".*done=vetting.*"))
    assert await tab.inner_text("#vetting-status") == "Status: cleared"
    await _audit(browser, tab, "console-accreditation-credentials")
    await context.close()


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 200, 200)).save(out, format="PNG")
    return out.getvalue()
