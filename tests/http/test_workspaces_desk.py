"""The press desk and the portal as a reader meets them: an empty batch re-shows the queue with
a form message, searches ignore accents and punctuation, and the pages' words follow the count.
A real database and a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"


async def test_an_empty_batch_shows_the_queue_again_with_a_form_message(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    application = await press(api, 0)
    v = await _officer(api, smtp)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&status=submitted")
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=fr", {
        "csrf": hidden(queue, "csrf"), "decision": "approve", "status": "submitted"})
    assert status == 422
    assert element(page, "batch-error") == "Erreur : Sélectionnez au moins une demande."
    assert '<a href="#batch-form">Sélectionnez au moins une demande.</a>' in page
    assert f'id="pick-{application["id"]}"' in page  # the queue, to tick one
    assert 'name="status" value="submitted"' in page  # the filters kept
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{application['id']}",
                               role="press_office")
    assert acc["status"] == "submitted"
