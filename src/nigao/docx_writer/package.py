"""The zip step: named parts → the .docx bytes, deterministically.

A .docx is a zip of XML parts. Written here with zlib and struct rather than `zipfile`, for two
reasons: the parts that never change are deflated once per process, not once per document
(`Member` keeps them compressed), and `zipfile` costs more to import than this costs to run.
The bytes are those `zipfile` writes for the same members (version 2.0, DOS timestamp
1980-01-01 00:00, mode 0600, no extra fields, deflate level 6), and the same members give the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

# Word reads any order; this one puts [Content_Types].xml first, as every producer does.
ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/theme/theme1.xml",
    "word/footer1.xml",
    "word/footer2.xml",
)

_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01, the earliest a zip can say
_MODE = 0o600 << 16  # rw------- in the high word, as zipfile.writestr sets it
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


class Member(NamedTuple):
    """One part of the package, already deflated."""

    name: bytes
    crc: int
    size: int
    data: bytes


def deflate(name: str, content: bytes) -> Member:
    """`content` as the member `name`: raw deflate at level 6, as zipfile writes it."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Member(name.encode("ascii"), zlib.crc32(content), len(content), data)


def package(members: dict[str, Member]) -> bytes:
    """The zip of `members`, every name in ORDER, in that order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for key in ORDER:
        m = members[key]
        fields = (_DEFLATED, _DOS_TIME, _DOS_DATE, m.crc, len(m.data), m.size, len(m.name))
        out += (_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields, 0), m.name, m.data)
        central += (
            _CENTRAL.pack(
                b"PK\x01\x02", _VERSION, 0, _VERSION, 0, 0, *fields, 0, 0, 0, 0, _MODE, offset
            ),
            m.name,
        )
        offset += _LOCAL.size + len(m.name) + len(m.data)
    directory = b"".join(central)
    count = len(ORDER)
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end
