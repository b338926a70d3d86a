"""cxaudit/atomic.py: a file is complete on the disk before its name points at it, and the rename is flushed
too, so "never half-written" holds across a power loss, not only across a crash of cxaudit."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from cxaudit.atomic import atomic_path, write_atomic
from cxaudit.errors import WriteFailed


@pytest.fixture
def events(monkeypatch):
    """Every os.fsync (of a file: its inode and size then; of a folder: its inode) and os.replace, in order."""
    seen: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        st = os.fstat(fd)
        seen.append(("fsync folder", st.st_ino) if stat.S_ISDIR(st.st_mode) else ("fsync file", st.st_ino, st.st_size))
        real_fsync(fd)

    def replace(src, dst):
        seen.append(("replace", os.stat(src).st_ino))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return seen


def test_write_atomic_syncs_the_file_before_the_rename_and_the_folder_after(tmp_path, events):
    target = tmp_path / "run" / "results.json"
    write_atomic(target, "é" * 1000)
    inode = target.stat().st_ino  # the temporary file, renamed: the same inode
    assert events == [("fsync file", inode, 2000), ("replace", inode), ("fsync folder", target.parent.stat().st_ino)]
    assert target.read_text(encoding="utf-8") == "é" * 1000


def test_a_writer_given_a_path_is_synced_after_it_closed_the_file(tmp_path, events):
    target = tmp_path / "report.xlsx"
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as fh:  # as pandas' ExcelWriter does: opens, writes and closes the path itself
            fh.write(b"x" * 4096)
        assert events == []  # nothing synced while the writer is still at work
    inode = target.stat().st_ino
    assert events == [("fsync file", inode, 4096), ("replace", inode), ("fsync folder", tmp_path.stat().st_ino)]


def test_a_failed_fsync_is_a_write_failure_and_the_old_file_stays(tmp_path, monkeypatch):
    target = tmp_path / "results.json"
    target.write_text("complete", encoding="utf-8")

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteFailed) as failed:
        write_atomic(target, "new")
    assert failed.value.message == f"cannot write {target}: no space left on the device"
    assert target.read_text(encoding="utf-8") == "complete"
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]  # the temporary file is gone


def test_a_folder_that_cannot_be_synced_is_no_failure(tmp_path, monkeypatch):
    """Some file systems refuse fsync on a folder (EINVAL); Windows cannot open one at all."""
    real_fsync, real_open = os.fsync, os.open

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "a.md", "a")

    def open_(path, flags, *args):
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)
    write_atomic(tmp_path / "b.md", "b")
    assert (tmp_path / "a.md").read_text() == "a" and (tmp_path / "b.md").read_text() == "b"
