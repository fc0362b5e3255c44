"""Writing files so that an error or an interrupt never leaves one half-written.

The bytes go to a temporary file beside the target, are flushed to disk, and replace the target
in one rename; on any failure — a full disk, a read-only directory, SIGINT or SIGTERM — the
temporary file is removed and the previous file stays intact. Then:

- a target that exists and is not a regular file (a device, a FIFO, a socket, a directory) is
  refused, never replaced;
- a symbolic link is written through: the file it points to is replaced (atomically), and the
  link stays a link;
- a new file gets the permissions the umask allows (0644 under the usual umask 022); an existing
  file keeps its permissions (and, when run as root, its owner);
- every failure is an `OutputError`: one line `FILE: message`, and the command exits 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ezplan.errors import OutputError, os_reason, printable
from ezplan.i18n import Message
from ezplan.source import kind_of_file

_SIGNALS = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM/SIGHUP for a moment (they are delivered right after): between creating
    the temporary file and knowing its name, and while removing it."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(e: OSError, directory: Path | None = None) -> Message:
    if e.errno == errno.ENOENT and directory is not None and not directory.is_dir():
        return Message("out.no_directory", directory=printable(str(directory)))
    if e.errno == errno.ELOOP:
        return Message("out.loop")
    if e.errno == errno.ENOSPC:
        return Message("out.no_space")
    return Message("out.cannot_write", reason=os_reason(e))


def _target(path: Path, shown: str) -> tuple[Path, os.stat_result | None]:
    """The file to replace (a symbolic link's target) and its status, if it exists."""
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        st = os.stat(real)
    except FileNotFoundError:
        if os.path.islink(real):  # realpath gives up on a loop
            raise OutputError(shown, "out.loop") from None
        return real, None
    except OSError as e:
        raise OutputError(shown, _reason(e)) from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(shown, "out.not_regular", kind=kind_of_file(st.st_mode))
    return real, st


Bytes = bytes | bytearray | memoryview


def _encoded(part: str | Bytes, encoding: str) -> Bytes:
    return part.encode(encoding, "backslashreplace") if isinstance(part, str) else part


def write_atomic(
    path: str | Path,
    content: str | Bytes | Iterable[str],
    encoding: str = "utf-8",
) -> None:
    """Replace `path` with `content` (or its pieces, written as they come) in one step, or raise
    `OutputError` and change nothing — also when making a piece fails."""
    shown = str(path)
    parts = [content] if isinstance(content, str | Bytes) else content
    real, st = _target(Path(path), shown)
    tmp: str | None = None
    try:
        with _signals_held():
            fd, tmp = tempfile.mkstemp(
                prefix=f".{real.name}.", suffix=".tmp", dir=real.parent or "."
            )
        with os.fdopen(fd, "wb") as f:
            # an existing file keeps its permissions (not a set-user-ID bit: new content)
            mode = st.st_mode & 0o777 if st is not None else 0o666 & ~_umask()
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
            else:  # pragma: no cover - Windows before Python 3.13
                os.chmod(tmp, mode)
            if st is not None and hasattr(os, "fchown") and os.geteuid() == 0:
                with contextlib.suppress(OSError):  # root keeps the file's owner
                    os.fchown(f.fileno(), st.st_uid, st.st_gid)
            for part in parts:
                # text never fails to encode: a stray surrogate (a file name that is not
                # UTF-8) is escaped
                f.write(_encoded(part, encoding))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, real)
        tmp = None
    except BaseException as e:
        if tmp is not None:
            with _signals_held(), contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(e, OSError):
            raise OutputError(shown, _reason(e, real.parent)) from None
        raise
