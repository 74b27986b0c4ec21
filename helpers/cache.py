"""A cache of annotated frames in ``data/interim/`` (git-ignored, parquet).

Each entry is keyed by what it was computed from: the corpus checksum (article ids and the
SHA-256 of their raw bytes), the frames and values passed to the builder, and the version of the
helpers' code (a hash of every ``helpers/*.py``). A changed article, assumption, reference table
or line of code gives a new key, so a stale entry is never read; old entries can be deleted at
any time (``make clean-cache``).
"""
from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import __version__, paths
from helpers.outputs import atomic_write


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the helpers package's source: any code change invalidates the cache."""
    h = hashlib.sha256(__version__.encode())
    for p in sorted((paths.ROOT / "helpers").glob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:12]


def fingerprint(value: Any) -> str:
    """A stable hash of a builder input: frames by content, mappings and sequences item by item."""
    h = hashlib.sha256()
    if hasattr(value, "texts") and hasattr(value, "articles"):  # a Corpus: its metadata (dates!) and segments
        h.update(value.checksum.encode())
        h.update(fingerprint(value.articles.drop(columns=["published_basis"], errors="ignore")).encode())
        h.update(fingerprint(value.sentences).encode())
    elif isinstance(value, pd.DataFrame):
        h.update(",".join(map(str, value.columns)).encode())
        h.update(pd.util.hash_pandas_object(value.astype("string"), index=False).to_numpy().tobytes())
    elif isinstance(value, dict):
        for k in sorted(value, key=str):
            h.update(f"{k}={fingerprint(value[k])};".encode())
    elif isinstance(value, (list, tuple)):
        for v in value:
            h.update(f"{fingerprint(v)};".encode())
    else:
        h.update(repr(value).encode())
    return h.hexdigest()


def cached(name: str, checksum: str, builder: Callable[..., pd.DataFrame], *args: Any,
           data_dir: Path | str | None = None, enabled: bool = True) -> pd.DataFrame:
    """``builder(*args)``, read from the cache when this corpus, these inputs and this code have
    computed it before, else computed and stored."""
    if not enabled:
        return builder(*args)
    key = hashlib.sha256("|".join([name, checksum, code_version(), *(fingerprint(a) for a in args)]).encode())
    path = paths.interim(data_dir) / f"{name}-{key.hexdigest()[:20]}.parquet"
    if path.exists():
        return pd.read_parquet(path)
    frame = builder(*args)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    atomic_write(path, buffer.getvalue())
    return frame
