-- Door staff sign in to the door page of one conference (docs/workspaces.md).
ALTER TABLE person_grant DROP CONSTRAINT person_grant_role_check;
ALTER TABLE person_grant ADD CONSTRAINT person_grant_role_check
    CHECK (role IN ('admin', 'protocol', 'press_office', 'door', 'focal_point'));
