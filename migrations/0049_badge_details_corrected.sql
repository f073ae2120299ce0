-- A journalist corrected by the press office after their badge was printed gets a new badge
-- version (docs/credentials.md, "Badge production"; docs/workspaces.md, "Correcting a
-- journalist"): the reissue records why as 'details_corrected', beside the reasons a protocol
-- officer picks.
ALTER TABLE badge DROP CONSTRAINT badge_reissue_reason_check;
ALTER TABLE badge ADD CONSTRAINT badge_reissue_reason_check
    CHECK (reissue_reason IN ('lost', 'damaged', 'photo_changed', 'zone_change',
                              'details_corrected'));
