-- The name as written in the identity document given for the security check (docs/credentials.md,
-- "Vetting"), optional: given, the visa letter form recalls it with the passport and asks only
-- the consulate. Kept in each recorded version, like the other fields; deleted with them
-- (erasure, the vetting data's retention).
ALTER TABLE accreditation_vetting ADD COLUMN name_in_document text;
ALTER TABLE accreditation_vetting_history ADD COLUMN name_in_document text;
