"""Ingest: turn raw sample documents into a clean, role-labelled skeleton library.

`read_source(path)` reads one sample into an `IngestResult`; `ingest_folder(src, out)`
writes the skeletons of every sample under a folder into a library.
"""

from __future__ import annotations

from nigao.ingest.reader import IngestResult, read_source

__all__ = ["IngestResult", "ingest_folder", "read_source"]


def ingest_folder(src, out):  # noqa: ANN001, ANN201 - thin re-export, typed in library
    """Ingest every sample under `src` into the library folder `out`; rows per document."""
    from nigao.ingest.make_skeletons import ingest_folder as run

    return run(src, out)
