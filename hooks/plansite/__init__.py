"""plansite: structured plan data (YAML) → checked model → Markdown pages for MkDocs.

The stages are subpackages, in pipeline order: `data` (read, decode, parse,
schema-check), `model` (frozen types, cross-file checks, derived progress),
`pages` and `opendata` (pure renderers), `theme` (what knows Material) and the
front-end helpers in `cli`. `project.generate` wires them together. See
ARCHITECTURE.md for the map and the rules.
"""

from __future__ import annotations

__version__ = "0.1.0"
