"""Moved to `nigao.readers.decode` (kept so older imports keep working)."""

from nigao.readers.decode import COMMON_CHARS, decode_bytes, read_text

__all__ = ["COMMON_CHARS", "decode_bytes", "read_text"]
