"""Files are written whole or not at all: into a temporary file beside the target, then renamed over it.

Every file cxaudit writes (results.json, reports, gate.md) goes through here, so a crash, a full disk or
a second run never leaves a half-written file, and the last complete one stays in place. The temporary file
is flushed to the disk (``fsync``) before the rename and the folder after it, where the operating system
allows, so that holds across a power loss too. A failure becomes ``WriteFailed`` (exit status 3) naming the
file and the cause in words.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cxaudit.errors import WriteFailed

CAUSES = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def write_failed(target: Path, exc: OSError) -> WriteFailed:
    cause = CAUSES.get(exc.errno) or (exc.strerror or str(exc)).lower()
    return WriteFailed(f"cannot write {target}: {cause}",
                       tip="free some space or write elsewhere (--out); files written before are intact")


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target`` for a writer that wants a path; renamed to ``target`` on success."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise write_failed(target, exc) from None
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; outputs are ordinary files
        _fsync_file(tmp)  # the new content is on the disk before any name points at it
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failed(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # writable: Windows commits only a handle open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Flush the folder's entry of the renamed file, where the OS lets a folder be opened and synced (POSIX);
    elsewhere (Windows, some network file systems) the rename is as durable as the file system makes it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # EINVAL and the like: this file system does not sync folders; the file itself is complete
    finally:
        os.close(fd)


def write_atomic(target: str | Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``target`` atomically."""
    with atomic_path(target) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
    return Path(target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
