"""版头 (GB/T 9704 7.2): the red 发文机关标志, the 发文字号 (with any 签发人) and the red rule."""

from __future__ import annotations

import re

from nigao import gbt9704 as G
from nigao.docx_writer.elements import Indent, Paragraph
from nigao.docx_writer.layout import para, runs
from nigao.model import Document
from nigao.typeset import _title_units

_NAME_SEPARATORS = re.compile("[、,，]")


def issuer_mark_size(mark: str) -> int:
    """Half-points: 初号 at most, smaller when the mark would be wider than the 版心."""
    fit = G.TEXT_WIDTH * 2 // max(1, _title_units(mark)) // 10  # half-points per em
    return max(G.BODY_SIZE, min(G.ISSUER_MARK_MAX_SIZE, fit))


def signer_names(signer: str) -> str:
    """Several 签发人 on one line, separated by a full-width space."""
    return "\u3000".join(n.strip() for n in _NAME_SEPARATORS.split(signer) if n.strip())


def _blank(n: int) -> list[tuple[Paragraph, int]]:
    return [(Paragraph(), 1) for _ in range(n)]  # distinct: a section may end at one


def head_paragraphs(doc: Document) -> list[tuple[Paragraph, int]]:
    """版头 (7.2): red 发文机关标志, 发文字号 two lines below, red rule 4 mm under it.

    With a 签发人 (7.2.6, 上行文) the 发文字号 moves one character in from the left and
    "签发人：" with the name in 楷体 stands one character in from the right, on the same row.
    Returns each paragraph with the grid rows it takes.
    """
    out: list[tuple[Paragraph, int]] = []
    out += _blank(G.ISSUER_MARK_BLANK_LINES_ABOVE)
    mark = doc.issuer_mark or doc.signature or ""
    if mark:
        size = issuer_mark_size(mark)
        out.append((para(G.STYLE_ISSUER_MARK[0], runs(mark, size=size)), G.ISSUER_MARK_LINES))
    out += _blank(G.DOC_NUMBER_BLANK_LINES_ABOVE)
    style = G.STYLE_DOC_NUMBER[0]
    if doc.signer:
        content = runs((doc.doc_number or "") + "\t签发人：")
        content += runs(signer_names(doc.signer), G.STYLE_SIGNER_NAME[0])
        out.append(
            (
                para(
                    style,
                    content,
                    tabs=[G.TEXT_WIDTH - G.SIGNER_INDENT],
                    indent=Indent(left=G.SIGNER_INDENT, first_line=0),
                    jc="left",
                ),
                1,
            )
        )
    else:
        out.append((para(style, runs(doc.doc_number or "")), 1))
    out += _blank(G.TITLE_BLANK_LINES_BELOW_RULE)
    return out
