"""Writing files so that an error or an interrupt never leaves one half-written.

The text goes to a temporary file beside the target, is flushed to disk, and replaces the target
in one rename; on any failure the temporary file is removed and the previous file stays intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, content: str | bytes, encoding: str = "utf-8") -> None:
    target = Path(path)
    data = content.encode(encoding) if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
