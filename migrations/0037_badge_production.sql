-- Badge production (docs/credentials.md, "Badge production"): each badge's version and print
-- status, and the delegations' packs handed over. Without a row, an accreditation's badge is
-- version 1, to print.
CREATE TABLE badge (
    accreditation_id    uuid PRIMARY KEY REFERENCES accreditation (id),
    conference_id       uuid NOT NULL REFERENCES conference (id),
    version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    status              text NOT NULL DEFAULT 'to_print' CHECK (status IN ('to_print', 'printed')),
    printed_at          timestamptz,
    printed_by          text,
    reissued_at         timestamptz,
    reissue_reason      text CHECK (reissue_reason IN ('lost', 'damaged', 'photo_changed',
                                                       'zone_change')),
    reissue_note        text,
    collection_id       bigint,
    CHECK ((status = 'printed') = (printed_at IS NOT NULL)),
    CHECK (collection_id IS NULL OR status = 'printed')
);
CREATE INDEX badge_of_conference ON badge (conference_id);

-- A focal point (or whoever the delegation sends) collecting the printed badges of the
-- delegation at the accreditation desk; the badges handed over point at it.
CREATE TABLE pack_collection (
    id                  bigserial PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conference (id),
    delegation_id       uuid NOT NULL REFERENCES delegation (id),
    collected_by        text NOT NULL,
    collected_at        timestamptz NOT NULL,
    recorded_by         text NOT NULL
);
CREATE INDEX pack_collection_of_delegation ON pack_collection (delegation_id);
ALTER TABLE badge ADD CONSTRAINT badge_collection_fk
    FOREIGN KEY (collection_id) REFERENCES pack_collection (id);

-- The door refuses the QR code of a badge that a reissue replaced.
ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared', 'superseded'));
