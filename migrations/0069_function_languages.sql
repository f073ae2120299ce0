-- A delegation member's function in French and in English (docs/protocol.md, "A function in
-- each language"). The column function stays what the focal point typed, in whatever language;
-- function_fr and function_en, optional, are the function in that language. A letter, a list or
-- a page in language L prints the function in L when given, else the one typed.
ALTER TABLE accreditation ADD COLUMN function_fr text, ADD COLUMN function_en text;
