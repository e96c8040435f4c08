"""Writing a project's own files, for the tools that change them (the spreadsheet import, the
web editor): a change is first tried in a temporary copy, then written file by file through a
temporary file and a rename, so that no reader ever sees half a file.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def trial_copy(root: Path, folders: Iterable[str], files: Mapping[str, bytes]) -> Iterator[Path]:
    """A temporary copy of `folders` of the project at `root`, with `files` (paths relative to
    `root`) written over it; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="plansite-trial-") as temporary:
        copy = Path(temporary)
        for folder in folders:
            shutil.copytree(root / folder, copy / folder)
        for path, data in files.items():
            (copy / path).write_bytes(data)
        yield copy


def _mode(path: Path) -> int:
    """The permissions `path` has, or those a new file gets (0666 less the umask)."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    The file keeps its permissions (a temporary file is private to its owner).
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
