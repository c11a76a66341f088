"""Reading and writing files named by users or kept in the data folder, safely.

`read_capped` is the one way hearout reads such a file: it refuses anything that
is not a regular file (a FIFO would block for ever, /dev/zero never ends) and
anything larger than the caller's cap, before reading it. `write_atomic` writes
a new file beside the target and renames it over, so a failure (full disk, a
bad value) never leaves a truncated file, and a symlink planted at a fixed
temporary name can never redirect the write.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

MB = 1024 * 1024


class FileRefused(Exception):
    """A file hearout will not read; the message is one line, without the file's name."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def limit_text(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB and limit % MB == 0 else f"{limit // 1024} KB"


def read_capped(path: str | os.PathLike, limit: int, what: str = "the file") -> bytes:
    """The file's bytes, or FileRefused: cannot open, not a regular file, or more than `limit` bytes.

    `what` names the kind of file in the size message ("a scenario").
    """
    too_big = f"file is larger than the {limit_text(limit)} limit for {what}"
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise FileRefused(f"cannot read file: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"cannot read file: {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise FileRefused(too_big)
        chunks, size = [], 0
        while size <= limit:  # the size can grow while we read: stop one byte past the cap
            chunk = os.read(fd, min(limit + 1 - size, MB))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(too_big)
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike, data: bytes, *, mode: int = 0o644) -> None:
    """Write `data` to `path` all or nothing; OSError if it cannot be done (the old file stays)."""
    path = Path(path)
    # mkstemp opens with O_CREAT | O_EXCL (| O_NOFOLLOW): a fresh, unpredictable name, never a planted link.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)  # replaces a symlink at `path` itself, never its target
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
