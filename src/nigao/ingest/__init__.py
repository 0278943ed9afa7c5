"""Ingest: turn raw sample documents into a clean, role-labelled skeleton library.

`read_source(path)` reads one sample into an `IngestResult`; `ingest_folder(src, out)`
writes the skeletons of every sample under a folder into a library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nigao.ingest.reader import IngestResult, read_source

__all__ = ["IngestResult", "ingest_folder", "read_source"]


def ingest_folder(src, out):  # noqa: ANN001, ANN201 - thin re-export, typed in library
    """Ingest every sample under `src` into the library folder `out`; rows per document."""
    from nigao.ingest.make_skeletons import ingest_folder as run

    return run(src, out)


def __getattr__(name: str) -> Any:
    """The reader's names on first use: drafting and checking import `nigao.ingest.tables`
    without paying for the readers."""
    if name in ("IngestResult", "read_source"):
        from nigao.ingest import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
