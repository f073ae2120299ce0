"""The workspaces: server-rendered pages for the people who run a conference."""
