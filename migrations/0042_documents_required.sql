-- Documents required per category (docs/credentials.md, "Documents"): for each accreditation
-- category, the document kinds the conference asks for ({"official": ["note_verbale"], ...}).
-- Informative: the pages show what is received and what is missing; nothing is blocked.
ALTER TABLE conference ADD COLUMN documents_required jsonb NOT NULL DEFAULT '{}'::jsonb;
