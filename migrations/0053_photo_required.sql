-- The categories whose badge needs the person's photo before the applicant downloads it
-- (docs/credentials.md, "Photo required"): a badge printed with an empty photo frame lets the
-- door compare nothing. Empty: no category (the badge is offered as before).
ALTER TABLE conference ADD COLUMN photo_required text[] NOT NULL DEFAULT '{}';
