"""Everything that knows Material for MkDocs, and the site's search: HTML fixes, the index."""
