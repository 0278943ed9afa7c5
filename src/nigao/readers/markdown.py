"""Markdown: nigao's own draft format (read exactly by draftmd) or any other Markdown.

Any other Markdown — an online-document export with escaped `\\## 一、…`, a note app's file,
a Markdown export pasted into a .txt — becomes plain lines: the markup goes, the text stays.
A `# ` heading is the title; deeper headings get the GB/T 9704 label of their depth when they
have none typed (so the outline sees them, as Word's heading styles do); a whole bold line
(`**加强组织领导**`) is a heading one level below the last; `**（一）加强领导。**正文` is a
run-in heading written out; tables become one line per row, links their text.
"""

from __future__ import annotations

import re

from nigao.labels import TYPED_IN_MARKDOWN, label
from nigao.readers import Line, Source

# A heading, also as online editors export it with escaped marks (\## or \#\#) or no space.
_HEADING = re.compile(r"^ {0,3}((?:\\?#){1,6})(?:[ \t]+|(?=[^#\s\\]))(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{3,})[ \t]*$")
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"^\s{0,6}[-*+][ \t]+(?!\[[ xX]\])|^\s{0,6}[-*+][ \t]+\[[ xX]\][ \t]*")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?!\*)")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`+([^`]+)`+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1(.*)$")
_SENTENCE_END = "。！？"


def looks_like_markdown(text: str) -> bool:
    """Text with at least two Markdown headings (plain or escaped) or bold heading lines."""
    count = 0
    for line in text[:200_000].split("\n"):
        if line[:1] in "#\\*_ " and (_HEADING.match(line) or _BOLD_LINE.match(line.strip())):
            stripped = line.strip()
            if _BOLD_LINE.match(stripped) and not _HEADING.match(line):
                bold = _BOLD_LINE.match(stripped)
                if bold is None or bold.group(3).strip() and not TYPED_IN_MARKDOWN.match(bold.group(2)):
                    continue
            count += 1
            if count >= 2:
                return True
    return False


def is_draft(text: str) -> bool:
    """nigao's own draft: front matter with `kind:`, or Markdown with nothing foreign in it
    (no escaped or labelled headings, no bold heading lines, no tables, lists or links)."""
    body = text.lstrip("\ufeff")
    if body.startswith("---"):
        head = body[:4000].split("\n")
        for line in head[1:]:
            if line.strip() == "---":
                break
            if line.startswith("kind:"):
                return True
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        heading = _HEADING.match(line)
        if heading and ("\\" in heading.group(1) or TYPED_IN_MARKDOWN.match(heading.group(2))):
            return False
        if _BOLD_LINE.match(stripped) or stripped.startswith("|") or _IMAGE.search(stripped):
            return False
        if _LINK.search(stripped) or _BULLET.match(line):
            return False
    return True


def inline(text: str) -> str:
    """Markdown inline markup → its text."""
    if not any(ch in text for ch in "\\*_`[<~!"):
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub("", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _EMPH.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def read_markdown(text: str, name: str, *, draft_allowed: bool = True) -> Source:
    """Markdown text → Source: the draft reader's Document, or plain lines."""
    if draft_allowed and is_draft(text):
        from nigao.draftmd import read_draft
        from nigao.errors import NigaoError

        try:
            return Source(name=name, fmt="draft", text=text, document=read_draft(text, name))
        except NigaoError:
            if text.lstrip("\ufeff").startswith("---"):
                raise  # a draft with an error: say so, do not guess
    return Source(name=name, fmt="markdown", text=text, lines=markdown_lines(text))


def markdown_lines(text: str) -> list[Line]:
    """Each Markdown line → a Line of plain text (markup lines dropped, line numbers kept)."""
    raw = text.lstrip("\ufeff").split("\n")
    found = [
        len(m.group(1).replace("\\", ""))
        for line in raw
        if line[:1] in "#\\ " and (m := _HEADING.match(line))
    ]
    levels = sorted(set(found))
    # The shallowest heading level is the title when it is used once (a `# 标题` line).
    title_level = levels[0] if levels and found.count(levels[0]) == 1 else None
    body_levels = [lv for lv in levels if lv != title_level]
    out: list[Line] = []
    counters: dict[int, int] = {}
    current = 0  # depth of the last heading
    fence: str | None = None
    front = bool(raw) and raw[0].strip() == "---"
    for number, line in enumerate(raw, start=1):
        if front:
            if number > 1 and line.strip() in ("---", "..."):
                front = False
            continue
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence:
                fence = None
            elif line.strip():
                out.append(Line(line.strip(), number))
            continue
        if fenced:
            fence = fenced.group(1)[0]
            continue
        stripped = line.strip()
        if (
            not stripped
            or _RULE.match(line)
            or _SETEXT.match(line)
            or _TABLE_RULE.match(line)
            or _REF_DEF.match(line)
        ):
            continue
        heading = _HEADING.match(line) if line[:1] in "#\\ " else None
        if heading:
            level = len(heading.group(1).replace("\\", ""))
            content = inline(heading.group(2)).strip()
            if not content:
                continue
            if level == title_level:
                out.append(Line(content, number, part="title"))
                continue
            current = body_levels.index(level) + 1
            out.append(Line(_labelled(content, current, counters), number))
            continue
        bold = _BOLD_LINE.match(stripped)
        if bold and not bold.group(3).strip():
            content = inline(bold.group(2)).strip()
            if content and len(content) <= 40 and not any(c in content[:-1] for c in _SENTENCE_END):
                out.append(Line(_labelled(content, current + 1, counters), number))
                continue
        if stripped.startswith("|"):
            cells = [inline(c).strip() for c in stripped.strip("|").split("|")]
            row = "\u3000".join(c for c in cells if c)
            if row:
                out.append(Line(row, number))
            continue
        content = inline(_BULLET.sub("", _QUOTE.sub("", stripped))).strip()
        if content:
            out.append(Line(content, number))
    return out


def _labelled(content: str, depth: int, counters: dict[int, int]) -> str:
    """The heading text with a label the outline can read: its own, or its depth's GB/T one."""
    depth = min(max(depth, 1), 4)
    counters[depth] = counters.get(depth, 0) + 1
    for deeper in [k for k in counters if k > depth]:
        del counters[deeper]
    if TYPED_IN_MARKDOWN.match(content):
        return content
    return label(depth, counters[depth]) + content
