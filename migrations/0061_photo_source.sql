-- The photo as sent, kept beside the stored photo (docs/credentials.md, "Photo"): the crop step
-- cuts from it, so that a crop never loses pixels for good (after "face", "centre" gives the
-- wider picture back; a landscape fitted to its middle can be framed again over its whole
-- width). Re-encoded as the photo is (pixels only: no EXIF, no ICC), at most 2400 pixels on
-- its longest side. NULL for a photo stored before, which the crop step cuts as it always did.
-- It lives on the photo's row, so erasure and the retention purge (credentials_erase) take it
-- with the photo.
-- crop_x, crop_y, crop_width: the 3:4 box of the source the photo was cut from (fitted on
-- upload, or the crop step's), from which the crop step's own box starts; NULL when the photo
-- is the whole source (a portrait sent) or there is no source.
ALTER TABLE accreditation_photo
    ADD COLUMN source        bytea,
    ADD COLUMN source_width  integer,
    ADD COLUMN source_height integer,
    ADD COLUMN crop_x        integer,
    ADD COLUMN crop_y        integer,
    ADD COLUMN crop_width    integer,
    ADD CONSTRAINT accreditation_photo_source_size CHECK (
        num_nulls(source, source_width, source_height) IN (0, 3)),
    ADD CONSTRAINT accreditation_photo_crop_box CHECK (
        num_nulls(crop_x, crop_y, crop_width) IN (0, 3)
        AND (crop_x IS NULL OR source IS NOT NULL));
