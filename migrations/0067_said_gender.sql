-- The gender a person's titles and category are said in (docs/protocol.md, "Titles in the
-- person's gender"): the one given, else the one the salutation says (Mrs, Mr), else none. One
-- definition for every page that names a person's category (the badges page, the door, the
-- security page and list, the visa letters, a session's participants): « Experte », « Expert ».
CREATE FUNCTION said_gender(gender text, salutation text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(gender, CASE salutation WHEN 'mrs' THEN 'female' WHEN 'mr' THEN 'male' END);
