"""Open data: the model → JSON, CSV, iCalendar, Atom and a ZIP, byte-for-byte reproducible."""
