"""People who work in the workspaces, and their sign-in by email link (docs/workspaces.md)."""
