"""The delegation lifecycle (docs/lifecycle.md): members imported from and exported to
spreadsheets, the list of participants in order of precedence, and the statistics.

Pure: ``domain`` (columns, rows, plans, ordering) and ``tabular``/``pdf`` (file formats).
"""
