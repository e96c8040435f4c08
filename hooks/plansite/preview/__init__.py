"""The preview's own pages: what `mkdocs serve` shows in the browser when something is wrong.

Used only by the MkDocs hook, and only while serving; a production build still stops
with every problem listed and exit code 1.
"""
