-- Places per delegation and category (docs/lifecycle.md, "Quotas"): the conference's defaults
-- and each delegation's overrides, {category: places}; a category absent is not capped. And the
-- nomination deadlines, after which only protocol acts, with a reason.
ALTER TABLE conference
    ADD COLUMN quotas jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN nominations_close_at timestamptz,
    ADD COLUMN changes_close_at timestamptz;
ALTER TABLE delegation ADD COLUMN quotas jsonb NOT NULL DEFAULT '{}';
