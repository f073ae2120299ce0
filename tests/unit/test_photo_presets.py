"""The ready-made crops on every photo size the rules let in: each box lies inside the photo
and is at least 600 × 800 (docs/credentials.md, "Photo")."""

from __future__ import annotations

from conference.credentials.domain import (
    PHOTO_MIN,
    PHOTO_STORED_MAX,
    SOURCE_MAX,
    Crop,
    crop_preset,
    fit_box,
    portrait_shape,
)


def test_no_preset_leaves_a_photo_under_the_minimum() -> None:
    checked = 0
    for width in range(PHOTO_MIN[0], PHOTO_STORED_MAX[0] + 1, 7):
        # portrait between 3:4 and 4:5 (width : height)
        lowest = max(width * 5 // 4, PHOTO_MIN[1])
        for height in range(lowest, min(width * 4 // 3, PHOTO_STORED_MAX[1]) + 1, 5):
            for preset in ("centre", "face"):
                box = crop_preset(preset, width, height)
                assert box is not None
                assert box.width >= PHOTO_MIN[0] and box.height >= PHOTO_MIN[1], (
                    preset, width, height, box)
                assert box.x >= 0 and box.y >= 0, (preset, width, height, box)
                assert box.x + box.width <= width and box.y + box.height <= height, (
                    preset, width, height, box)
                checked += 1
    assert checked > 1000
    face = crop_preset("face", 1000, 1333)
    assert face is not None and (face.width, face.height) == (800, 1066)  # 80 % when it may


def test_presets_on_a_photo_as_sent_that_is_no_portrait() -> None:
    """The crop step's box is in the photo as sent (a landscape, a phone's 9:16): each preset
    lies inside it and keeps the minimum; ``face`` is taken in the portrait the upload was
    fitted to, as it was when the crop step cut the fitted photo."""
    checked = 0
    for width in range(PHOTO_MIN[0], SOURCE_MAX + 1, 53):
        for height in range(PHOTO_MIN[1], SOURCE_MAX + 1, 47):
            if portrait_shape(width, height):
                continue
            for preset in ("centre", "face"):
                box = crop_preset(preset, width, height)
                assert box is not None
                assert box.width >= PHOTO_MIN[0] and box.height >= PHOTO_MIN[1], (
                    preset, width, height, box)
                assert box.x >= 0 and box.y >= 0 and box.x + box.width <= width \
                    and box.y + box.height <= height, (preset, width, height, box)
                checked += 1
    assert checked > 1000
    # a phone's 720 × 1280, fitted to rows 80 … 1039: the face of that 720 × 960 portrait
    fit = fit_box(720, 1280)
    assert (fit.x, fit.y, fit.width) == (0, 80, 720)
    assert crop_preset("face", 720, 1280) == Crop(60, 80 + 48, 600)
