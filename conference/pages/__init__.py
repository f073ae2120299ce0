"""Server-rendered pages for people (press form, application status, public programme)."""
