-- The photo as sent, kept beside the stored photo (docs/credentials.md, "Photo"): the crop step
-- cuts from it, so that a crop never loses pixels for good (after "face", "centre" gives the
-- wider picture back; a landscape fitted to its middle can be framed again over its whole
-- width). Re-encoded as the photo is (pixels only: no EXIF, no ICC), at most 2400 pixels on
-- its longest side. NULL for a photo stored before, which the crop step cuts as it always did.
-- It lives on the photo's row, so erasure and the retention purge (credentials_erase) take it
-- with the photo.
ALTER TABLE accreditation_photo
    ADD COLUMN source        bytea,
    ADD COLUMN source_width  integer,
    ADD COLUMN source_height integer,
    ADD CONSTRAINT accreditation_photo_source_size CHECK (
        (source IS NULL) = (source_width IS NULL) AND (source IS NULL) = (source_height IS NULL));
