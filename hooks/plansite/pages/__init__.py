"""Pages stage: the model → Markdown pages (pure: no I/O, no clock), nav and markers."""
