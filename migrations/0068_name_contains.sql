-- Whether a staff search matches a person (docs/workspaces.md, "Search"): the text typed, folded
-- by fold_name (migration 0054), found anywhere in the person's folded names (and whatever else
-- the page searches: outlet, card number, address, passport name). A search that folds to
-- nothing (punctuation alone) matches no one. One rule for the press desk, the console's
-- accreditations, a session's participants, the security page and the visa letters, which each
-- wrote the comparison out in full.
CREATE FUNCTION name_contains(searched text, typed text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN fold_name(typed) <> '' AND strpos(fold_name(searched), fold_name(typed)) > 0;
