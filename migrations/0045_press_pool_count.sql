-- The press pool's taken places kept as a number on the conference (docs/outbox.md, "The press
-- pool's count"): every filing and every press approval compared the approved, not erased
-- journalists with the pool's capacity by counting them, 2.4 ms at 5,000 approved on each
-- registration. The count is now kept by the database itself, in the transaction that changes
-- an application, whichever use-case it is (a decision, a withdrawal, a revocation, an erasure):
-- the triggers below fire only for a row that enters or leaves the pool, so a registration (a
-- submitted application) runs none of them.
ALTER TABLE conference ADD COLUMN press_approved integer NOT NULL DEFAULT 0
    CHECK (press_approved >= 0);

UPDATE conference c SET press_approved = (
    SELECT count(*) FROM accreditation a
    WHERE a.conference_id = c.id AND a.category = 'press' AND a.status = 'approved'
      AND a.erased_at IS NULL);

CREATE FUNCTION press_pool_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.category = 'press' AND OLD.status = 'approved'
            AND OLD.erased_at IS NULL THEN
        UPDATE conference SET press_approved = press_approved - 1 WHERE id = OLD.conference_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.category = 'press' AND NEW.status = 'approved'
            AND NEW.erased_at IS NULL THEN
        UPDATE conference SET press_approved = press_approved + 1 WHERE id = NEW.conference_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER accreditation_press_pool_insert AFTER INSERT ON accreditation FOR EACH ROW
    WHEN (NEW.category = 'press' AND NEW.status = 'approved' AND NEW.erased_at IS NULL)
    EXECUTE FUNCTION press_pool_count();
CREATE TRIGGER accreditation_press_pool_update
    AFTER UPDATE OF category, status, erased_at, conference_id ON accreditation FOR EACH ROW
    WHEN ((OLD.category = 'press' AND OLD.status = 'approved' AND OLD.erased_at IS NULL)
          IS DISTINCT FROM
          (NEW.category = 'press' AND NEW.status = 'approved' AND NEW.erased_at IS NULL)
          OR OLD.conference_id IS DISTINCT FROM NEW.conference_id)
    EXECUTE FUNCTION press_pool_count();
CREATE TRIGGER accreditation_press_pool_delete AFTER DELETE ON accreditation FOR EACH ROW
    WHEN (OLD.category = 'press' AND OLD.status = 'approved' AND OLD.erased_at IS NULL)
    EXECUTE FUNCTION press_pool_count();

-- No query counts the pool's rows any more.
DROP INDEX accreditation_press_approved;
