"""Credentials: the person's photo and documents, and visa invitation letters
(docs/credentials.md). ``domain`` (image and document checks, letter numbers and texts) and
``letter`` (the PDF) are pure; ``service`` holds the use-cases."""
