"""plansite: structured plan data (YAML) → checked model → Markdown pages for MkDocs.

The pipeline is load → validate → model → render, importable and testable
without MkDocs. `plansite.pipeline.load_site` gives a checked `Site`;
`plansite.render.render_site` turns it into `{src_uri: page}`.
"""

from __future__ import annotations

__version__ = "0.1.0"
