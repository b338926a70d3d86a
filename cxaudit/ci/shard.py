"""Shards for CI matrices: ``--shard i/n`` picks this machine's journeys.

Journeys sorted by id, then dealt round-robin: journey k (from 0) goes to shard ``k % n + 1``. Every journey
lands in exactly one shard, shards differ in size by at most one, and every machine of the matrix computes
the same split from the same files. ``cxaudit merge`` (cxaudit.ci.merge) joins the shards' runs again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from cxaudit.errors import CxauditError

T = TypeVar("T")
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> (2, 4); shards count from 1."""
    m = _SHARD.match(text or "")
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise CxauditError(f"--shard {text}: must be i/n with 1 <= i <= n, e.g. --shard 2/4")
    return int(m.group(1)), int(m.group(2))


def select_shard(journeys: Sequence[T], shard: str | tuple[int, int]) -> list[T]:
    """The journeys of shard i of n (anything with an ``id``): sorted by id, dealt round-robin."""
    i, n = parse_shard(shard) if isinstance(shard, str) else shard
    ordered = sorted(journeys, key=lambda j: j.id)  # type: ignore[attr-defined]
    return [j for k, j in enumerate(ordered) if k % n == i - 1]
