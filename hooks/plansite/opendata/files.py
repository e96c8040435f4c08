"""Every open-data file by its path in the site: JSON, CSV, the schemas, the feeds, a ZIP.

All outputs are deterministic: the same data gives the same bytes (no clock, fixed
order, fixed ZIP timestamps). Each file says whether it is sample data.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from .. import urls
from ..data.schema import schema_bytes
from ..model.types import Site
from .feeds import atom, calendar
from .tables import SCHEMA_FILES, TABLES, Table


def _json(site: Site, table: Table) -> bytes:
    payload = {
        "sample": site.sample,
        "as_of": site.as_of.isoformat(),
        "entity": table.stem,
        "items": table.rows(site),
    }
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv(site: Site, table: Table) -> bytes:
    buffer = io.StringIO()
    names = [*table.columns, "sample"]
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    for row in table.rows(site):
        writer.writerow({**table.cells(row), "sample": "true" if site.sample else "false"})
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def files(site: Site, site_name: str) -> dict[str, bytes]:
    """Every open-data file, by its path in the site, in a fixed order."""
    out: dict[str, bytes] = {}
    for table in TABLES:
        out[f"{urls.DATA_DIR}/{table.stem}.json"] = _json(site, table)
        out[f"{urls.DATA_DIR}/{table.stem}.csv"] = _csv(site, table)
    out[f"{urls.DATA_DIR}/lich.ics"] = calendar(site, site_name)
    out[f"{urls.DATA_DIR}/moi-cap-nhat.xml"] = atom(site, site_name)
    for name in SCHEMA_FILES:
        out[f"{urls.DATA_DIR}/{name}"] = schema_bytes(name)
    out[f"{urls.DATA_DIR}/tat-ca.zip"] = _zip(site, out)
    return dict(sorted(out.items()))


def _zip(site: Site, contents: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    stamp = (site.as_of.year, site.as_of.month, site.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(contents):
            info = zipfile.ZipInfo(path.removeprefix(f"{urls.DATA_DIR}/"), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, contents[path])
    return buffer.getvalue()
