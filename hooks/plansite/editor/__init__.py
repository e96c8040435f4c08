"""The preview's web editor: Decap CMS at /admin/ and the backend that writes for it.

Started only by `scripts/preview.py` (`scripts/dev serve`), never by a build. The
backend (`server`, `protocol`) speaks Decap's local proxy protocol on 127.0.0.1; a
save (`save`) changes only what the form changed (`yamlmerge`), adds progress updates
but never alters saved ones (`progress`), and is checked as a build checks.
"""
