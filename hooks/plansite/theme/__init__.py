"""Everything that knows Material for MkDocs: the search worker and HTML fixes."""
