-- How the staff's searches compare a name with what was typed (docs/workspaces.md, "Search"):
-- lower case, compatibility-decomposed, ß ss, æ ae, œ oe, ø ł đ ı as o l d i, and the accents,
-- spaces and punctuation (apostrophes of every kind) left out: "lefevre" finds Lefèvre,
-- "obrien" O'Brien, "STRASSE" Straße. One definition for the press desk, the console's
-- accreditations, a session's participants, the security page and the visa letters, which
-- each wrote it out in full.
CREATE FUNCTION fold_name(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(translate(replace(replace(replace(lower(normalize($1, NFKD)),
                                                        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
                                'øłđı', 'oldi'),
                      '[\u0300-\u036f[:space:][:punct:]’‘ʼ´]+', '', 'g');
