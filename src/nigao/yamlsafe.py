"""The one YAML reader for everything nigao reads: profiles, front matter, units, data tables.

YAML from a user is hostile until read: aliases can multiply a 1 KB file into gigabytes, tags can
name Python constructors, and a slip a clerk makes (a full-width colon, a full-width space as
indentation) parses into something else or fails one line later with an English message. So:

- nodes are built here from the parser's event stream, counting as they come: an anchor or
  alias, an explicit tag, a second document, more than `max_nodes` nodes or nesting deeper than
  `max_depth` stop the read at once, before anything is built from them;
- duplicate keys are errors (PyYAML would keep the last silently);
- before parsing, the raw lines are scanned for the slips a clerk makes, so they are named at
  their own line with the fix, and a parse error is reported in Chinese only;
- values are constructed only after all that, with the standard safe scalar types.

Every problem is a `YamlError`: one Chinese line per problem, `file:line:col: …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nigao.errors import NigaoError

_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Limits:
    """Size bounds for one kind of YAML text."""

    what: str  # 配置文件 / 元数据块 / 单位清单 …: the Chinese name used in messages
    max_bytes: int
    max_nodes: int
    max_depth: int


PROFILE = Limits("配置文件", 512 * 1024, 50_000, 24)
FRONT_MATTER = Limits("元数据块", 64 * 1024, 2_000, 8)
UNITS = Limits("单位清单", 20 * 1024 * 1024, 400_000, 12)
DATA = Limits("数据表", 8 * 1024 * 1024, 2_000_000, 32)


class YamlError(NigaoError):
    """YAML that nigao will not read; `problems` are complete `file:line:col: …` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# ------------------------------------------------------------------------------ slips


@dataclass(frozen=True)
class Slip:
    """A typing slip found in the raw lines: 1-based line and column, message, certainty."""

    line: int
    column: int
    message: str
    sure: bool  # sure: wrong wherever it stands; else only blamed when the parse fails


_ASCII_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_WORD_KEY = re.compile(r"[^\s:：#'\"\-\[\]{}!&*|>%@`,][^\s:：#'\",\[\]{}]{0,15}\Z")
_BLOCK_START = re.compile(r"(?:^|[:\-]\s+|^-\s*)[|>][-+0-9]*\s*(?:#.*)?$")
_INDENT = re.compile(r"[ \t\u3000]*")


def _closes(text: str, quote: str) -> int:
    """Index just after the closing quote in `text` (which starts after the opening one), or -1."""
    i = 0
    while i < len(text):
        c = text[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def scan_slips(lines: list[str], first_line: int = 1) -> list[Slip]:
    """Slips in raw YAML lines: full-width colon or indentation, tab, missing space, open quote."""
    slips: list[Slip] = []
    block: int | None = None  # indentation of the key that opened a block scalar (| or >)
    quote: str | None = None  # a quoted scalar left open on an earlier line
    key_indents: list[int] = []  # indentations of the `key:` lines that enclose this line
    for index, raw in enumerate(lines):
        number = index + first_line
        if quote is not None:
            if _closes(raw, quote) >= 0:
                quote = None
            continue
        stripped = raw.strip(" \t\u3000\r")
        indent_text = _INDENT.match(raw).group()  # type: ignore[union-attr]
        spaces = len(raw) - len(raw.lstrip(" "))
        if block is not None:
            if not stripped or spaces > block:
                continue
            block = None
        if not stripped or stripped.startswith("#"):
            continue
        content = raw[len(indent_text) :]
        body = content
        while body.startswith("- ") or body == "-":
            body = body[2:].lstrip(" ")
        if "\t" in indent_text:
            slips.append(Slip(number, indent_text.index("\t") + 1,
                              "行首用了 Tab 缩进：请把 Tab 改成英文空格", True))  # fmt: skip
            continue
        if "\u3000" in indent_text and (
            re.match(r"\S+?[:：](?:\s|$)", content) or content.startswith("- ")
        ):
            slips.append(Slip(number, indent_text.index("\u3000") + 1,
                              "行首用了全角空格“　”缩进：请改成英文半角空格", True))  # fmt: skip
            continue
        key, sep, rest = _split_key(body)
        column = len(raw) - len(body) + 1
        if sep == "：":
            sure = bool(_ASCII_KEY.match(key))
            if sure or _WORD_KEY.match(key):
                slips.append(Slip(number, column + len(key),
                                  f"“{key}”后面用了全角冒号：把全角冒号‘：’改成英文冒号加空格（{key}: …）",
                                  sure))  # fmt: skip
            continue
        if sep == ":" and rest and not rest[0].isspace() and rest[0] not in "/:":
            sure = bool(_ASCII_KEY.match(key))
            if sure or _WORD_KEY.match(key):
                slips.append(Slip(number, column + len(key),
                                  f"冒号后缺少空格：把“{key}:{rest[:6]}”改成“{key}: {rest[:6]}”",
                                  sure))  # fmt: skip
            continue
        indent = len(indent_text)
        if not sep and body is content and key_indents and key_indents[-1] == indent:
            word = body.split(" ", 1)
            example = f"{word[0]}: {word[1].strip()}" if len(word) == 2 else f"{body}: …"
            slips.append(Slip(number, column,
                              f"这一行缺少冒号：键和值之间要有英文冒号加空格（{example}）",
                              False))  # fmt: skip
        if sep == ":":
            while key_indents and key_indents[-1] > indent:
                key_indents.pop()
            if not key_indents or key_indents[-1] < indent:
                key_indents.append(indent)
        value = rest.lstrip(" ") if sep else body
        if value[:1] == "[" and value.count("[") > value.count("]"):
            slips.append(Slip(number, len(raw) - len(value) + 1,
                              "方括号 [ ] 没有配对：这一行的 [ 没有结束的 ]，请在末尾补上 ]",
                              False))  # fmt: skip
        if value[:1] in ('"', "'"):
            if _closes(value[1:], value[0]) < 0:
                start = len(raw) - len(value) + 1
                slips.append(Slip(number, start,
                                  f"引号没有配对：这一行的 {value[0]} 没有结束的引号，请在文字末尾补上 {value[0]}",
                                  False))  # fmt: skip
                quote = value[0]
            continue
        if _BLOCK_START.search(content):
            block = spaces
    return slips


def _split_key(body: str) -> tuple[str, str, str]:
    """(key, separator, rest) of a `key: value` line; separator '' when it is no such line."""
    if body[:1] in ('"', "'", "[", "{", "|", ">", "&", "*", "!", "#"):
        return "", "", body
    for i, c in enumerate(body):
        if c == ":" or c == "：":
            return body[:i], c, body[i + 1 :]
        if c == " " and body[i + 1 : i + 2] == "#":
            break
    return "", "", body


# ------------------------------------------------------------------------------ parsing


_HINTS = (
    ("'\\t'", "不能用 Tab 缩进，请改用空格"),
    ("tab character", "不能用 Tab 缩进，请改用空格"),
    ("mapping values are not allowed", "冒号位置不对：可能是缩进不齐，或文字里的英文冒号后跟了空格（请给这段文字加引号）"),
    ("could not find expected ':'", "缺少冒号，或这一行的缩进有误"),
    ("did not find expected key", "缩进不一致：同一层的键要对齐"),
    ("expected <block end>", "缩进不一致：同一层的项要对齐"),
    ("did not find expected '-' indicator", "列表缩进不一致：每项的“- ”要对齐"),
    ("found unexpected end of stream", "引号没有配对"),
    ("while scanning a quoted scalar", "引号没有配对"),
    ("found unknown escape character", "双引号里的反斜杠“\\”后跟了不认识的字符：请写成“\\\\”或改用单引号"),
    ("found character", "这里有 YAML 不允许的字符（如 @ ` 开头，或 Tab）：请给这段文字加引号"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对"),
    ("expected ',' or '}'", "花括号 { } 没有配对"),
    ("unacceptable character", "文件里有不可见的控制字符，请删去"),
    ("expected a single document", "只能有一个 YAML 文档（删去多余的 --- 行）"),
)  # fmt: skip


def problem_text(error: Any) -> str:
    """A YAML parser error in Chinese only: the English problem text never reaches the user."""
    text = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''} {error}"
    for needle, hint in _HINTS:
        if needle in text:
            return f"YAML 格式错误：{hint}"
    return "YAML 格式错误（常见原因：缩进不齐、冒号后缺空格、引号未配对）"


def _where(path: str, mark: Any, first_line: int) -> str:
    if mark is None:
        return f"{path}:{first_line}:1"
    return f"{path}:{mark.line + first_line}:{mark.column + 1}"


def compose(
    text: str, path: str, limits: Limits, first_line: int = 1, *, duplicates: bool = True
) -> Any:
    """The checked node tree of `text` (None when empty); `first_line` is the text's line in file.

    `duplicates=False` leaves duplicate keys to the caller (the profile checker reports them
    with every other error of the file in one run).
    """
    import yaml

    size = len(text.encode("utf-8"))
    if size > limits.max_bytes:
        raise YamlError([f"{path}:{first_line}:1: {limits.what}过大"
                         f"（{size // 1024} KB，上限 {limits.max_bytes // 1024} KB）"])  # fmt: skip
    slips = scan_slips(text.split("\n"), first_line)
    sure = [s for s in slips if s.sure]
    if sure:
        raise YamlError([f"{path}:{s.line}:{s.column}: {s.message}" for s in sure])
    try:
        return _Builder(path, limits, first_line, duplicates).run(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "quoted scalar" in str(error.context or "") and error.context_mark is not None:
            mark = error.context_mark
        line = mark.line + first_line if mark else first_line
        blamed = [s for s in slips if s.line <= line]
        if blamed:
            s = blamed[-1]
            raise YamlError([f"{path}:{s.line}:{s.column}: {s.message}"]) from None
        raise YamlError([f"{_where(path, mark, first_line)}: {problem_text(error)}"]) from None
    except yaml.YAMLError as error:
        raise YamlError([f"{path}:{first_line}:1: {problem_text(error)}"]) from None


def load(text: str, path: str, limits: Limits, first_line: int = 1) -> Any:
    """Plain Python values (dict, list, str, int, float, bool, None, date) of checked YAML.

    A text read before is taken from the cache (`nigao.cache`): same value, no PyYAML.
    """
    from nigao.cache import memo

    def build() -> Any:
        import yaml

        node = compose(text, path, limits, first_line)
        if node is None:
            return None
        return yaml.constructor.SafeConstructor().construct_document(node)

    key = f"{limits.max_bytes} {limits.max_nodes} {limits.max_depth}\n{text}"
    return memo("yaml", key, build)


class _Builder:
    """Nodes from the event stream, refusing what a safe read must not build."""

    def __init__(self, path: str, limits: Limits, first_line: int, duplicates: bool):
        self.duplicates = duplicates
        self.path = path
        self.limits = limits
        self.first_line = first_line

    def fail(self, mark: Any, message: str) -> None:
        raise YamlError([f"{_where(self.path, mark, self.first_line)}: {message}"])

    def run(self, text: str) -> Any:
        import yaml
        from yaml import events as ev
        from yaml.resolver import Resolver

        resolver = Resolver()
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        root: Any = None
        documents = 0
        count = 0
        # open collections: (node, pending key node or None, keys seen)
        stack: list[tuple[Any, list[Any], dict[tuple[str, str], int]]] = []
        try:
            while loader.check_event():
                event = loader.get_event()
                if isinstance(event, ev.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        self.fail(event.start_mark, "只能有一个 YAML 文档（删去多余的 --- 行）")
                    continue
                if not isinstance(event, ev.NodeEvent):
                    if isinstance(event, ev.CollectionEndEvent):
                        node = stack.pop()[0]
                        node.end_mark = event.end_mark
                    continue
                count += 1
                if count > self.limits.max_nodes:
                    self.fail(event.start_mark, f"{self.limits.what}内容过多"
                              f"（超过 {self.limits.max_nodes} 项），请检查是否有误")  # fmt: skip
                if isinstance(event, ev.AliasEvent) or event.anchor is not None:
                    self.fail(
                        event.start_mark, "不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来"
                    )
                tag = event.tag
                if tag not in (None, "!"):
                    shown = tag.replace(_TAG, "!!")
                    self.fail(event.start_mark, f"不支持 YAML 标签 “{shown}”，请删去它，直接写文字")
                if isinstance(event, ev.ScalarEvent):
                    tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
                    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                           style=event.style)  # fmt: skip
                elif isinstance(event, ev.SequenceStartEvent):
                    node = yaml.SequenceNode(_TAG + "seq", [], event.start_mark, None,
                                             flow_style=event.flow_style)  # fmt: skip
                else:
                    node = yaml.MappingNode(_TAG + "map", [], event.start_mark, None,
                                            flow_style=event.flow_style)  # fmt: skip
                if stack:
                    self.attach(stack[-1], node)
                else:
                    root = node
                if not isinstance(node, yaml.ScalarNode):
                    if len(stack) >= self.limits.max_depth:
                        self.fail(event.start_mark, "层次过深，请检查缩进")
                    stack.append((node, [], {}))
        finally:
            loader.dispose()
        return root

    def attach(self, frame: tuple[Any, list[Any], dict[tuple[str, str], int]], node: Any) -> None:
        import yaml

        parent, pending, keys = frame
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
            return
        if not pending:
            if not isinstance(node, yaml.ScalarNode):
                self.fail(node.start_mark, "键应为文字（不能是列表或映射）")
            key = (node.tag, node.value)
            if key in keys and self.duplicates:
                self.fail(
                    node.start_mark, f"键“{node.value}”重复（第 {keys[key]} 行已有），请删去一个"
                )
            keys[key] = node.start_mark.line + self.first_line
            pending.append(node)
            return
        parent.value.append((pending.pop(), node))
