-- The door page's form carries a fresh identifier for each scan it offers (docs/workspaces.md,
-- "The door"): a phone's Back button, or a reload, sends the same form again, and the same scan
-- must not be recorded twice (the scans are the attendance the protocol service counts).
-- check_in.form_scan keeps that identifier; the API's scans have none.
ALTER TABLE check_in ADD COLUMN form_scan uuid;
CREATE UNIQUE INDEX check_in_form_scan ON check_in (form_scan) WHERE form_scan IS NOT NULL;
