"""Loading a profile: YAML nodes → checked, converted values with positions.

YAML is read as a node tree (`yaml.compose`), never constructed into Python objects, so every
key keeps its line and column, duplicate keys are seen, and tags or aliases cannot run code or
blow up memory. Every problem is collected and reported at once, as
`file:line:column: key：what is wrong — 例如：what would be right`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nigao.errors import NigaoError, ReadError, os_reason
from nigao.profile.fields import (
    ATTACHMENT,
    DOC_NUMBER,
    FIELDS,
    NUMBER_SLOT,
    PERSON,
    REFS,
    Field,
    is_label,
)
from nigao.profile.record import Profile
from nigao.profile.types import (
    ALLOWED_TAGS,
    NULL,
    STR,
    TYPES,
    Pos,
    close_matches,
    example,
    got,
    position,
    wrong_type,
)
from nigao.profile.values import parse_person
from nigao.yamlsafe import PROFILE as _LIMITS

# a profile is a page of text; anything bigger is a mistake or an attack
MAX_BYTES = _LIMITS.max_bytes
MAX_NODES = _LIMITS.max_nodes
MAX_DEPTH = _LIMITS.max_depth


class ProfileError(NigaoError):
    """Every problem found in a profile, one `file:line:col: …` line each."""

    def __init__(self, path: str, errors: list[str]):
        self.errors = errors
        if len(errors) == 1:
            message = errors[0]
        else:
            message = f"{path} 有 {len(errors)} 处错误：\n" + "\n".join(errors)
        super().__init__(message)


class Checker:
    """Walks the node tree against the question table, collecting every error."""

    def __init__(self, path: str):
        self.path = path
        # (position, message, file when the node came from another file — batch units)
        self.errors: list[tuple[Pos, str, str | None]] = []
        self.marks: dict[str, Pos] = {}
        self.seen: set[int] = set()
        self.bad: set[int] = set()  # nodes refused by hygiene(): never descended into
        self.fatal = False  # too big or too deep: no typed check at all
        self.count = 0

    def error(self, node_or_pos: Any, message: str) -> None:
        if isinstance(node_or_pos, tuple):
            self.errors.append((node_or_pos, message, None))
            return
        source = node_or_pos.start_mark.name
        foreign = source if source and not source.startswith("<") else None
        self.errors.append((position(node_or_pos), message, foreign))

    # -- generic node hygiene -------------------------------------------------------------

    def hygiene(self, node: Any, depth: int = 0) -> bool:
        """Refuse aliases, explicit tags, absurd nesting or size. True if the tree is usable."""
        import yaml

        stack = [(node, depth)]
        ok = True
        while stack:
            current, d = stack.pop()
            self.count += 1
            if self.count > MAX_NODES:
                self.error(node, f"配置文件内容过多（超过 {MAX_NODES} 项），请检查是否有误")
                self.fatal = True
                return False
            if id(current) in self.seen:
                self.error(current, "不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来")
                self.bad.add(id(current))
                ok = False
                continue
            self.seen.add(id(current))
            if d > MAX_DEPTH:
                self.error(current, "层次过深，请检查缩进")
                self.fatal = True
                return False
            if current.tag not in ALLOWED_TAGS:
                tag = current.tag.replace("tag:yaml.org,2002:", "!!")
                self.error(current, f"不支持 YAML 标签 “{tag}”，请删去它，直接写文字")
                self.bad.add(id(current))
                ok = False
                continue
            if isinstance(current, yaml.MappingNode):
                for key, value in current.value:
                    stack.append((value, d + 1))
                    stack.append((key, d + 1))
            elif isinstance(current, yaml.SequenceNode):
                stack.extend((child, d + 1) for child in current.value)
        return ok

    # -- typed checking -------------------------------------------------------------------

    def check_object(
        self,
        node: Any,
        fields: tuple[Field, ...],
        path: str,
        extra: Field | None = None,
        key_desc: str = "",
    ) -> dict[str, Any]:  # noqa: E501
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.error(
                node, f"{path or '配置文件'}：应为键值表（“键: 值”的写法），得到{got(node)}"
            )
            return {}
        known = {f.key: f for f in fields}
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"{path or '配置文件'}：键必须是文字")
                continue
            key = key_node.value
            dotted = f"{path}.{key}" if path else key
            if key in first_line:
                self.error(key_node, f"{dotted}：键重复（第 {first_line[key]} 行已经写过）")
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.marks[dotted] = position(key_node)
            if key in known:
                result[key] = self.check_value(value_node, known[key], dotted)
            elif extra is not None:
                if not is_label(key):
                    self.error(
                        key_node,
                        f"{dotted}：{key_desc or '名称'}只能由汉字、字母、数字组成，且不以数字开头",
                    )
                    continue
                result[key] = self.check_value(value_node, extra, dotted)
            else:
                hint = close_matches(key, list(known), n=1, cutoff=0.6)
                suggestion = f"，是不是 “{hint[0]}”？" if hint else "。"
                self.error(
                    key_node,
                    f"{dotted}：未知的键 “{key}”{suggestion}可用的键：{'、'.join(known)}",
                )
        for f in fields:
            if f.required and f.key not in first_line:
                dotted = f"{path}.{f.key}" if path else f.key
                self.error(node, f"缺少必填项 {dotted}（{f.desc}）{example(f)}")
        return {k: v for k, v in result.items() if v is not None}

    def check_value(self, node: Any, f: Field, path: str) -> Any:
        """A value of any field: the checks every type shares, then the type's validator."""
        import yaml

        if f.type.startswith("ref:"):
            f = REFS[f.type[4:]]
        if id(node) in self.bad:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL and f.type != "scalar":
            if f.required:
                self.error(node, f"{path}：不能为空（{f.desc}）{example(f)}")
            return None
        if f is PERSON and isinstance(node, yaml.ScalarNode) and node.tag == STR:
            return parse_person(node.value)  # "王明（局党组书记、局长）" is fine too
        if f is ATTACHMENT and isinstance(node, yaml.ScalarNode):
            name = self.check_value(node, f.fields[0], path)  # a name alone
            return {"title": name} if name else None
        kind = TYPES[f.type]
        if kind.scalar and not isinstance(node, yaml.ScalarNode):
            self.error(node, wrong_type(node, f, path))
            return None
        return kind.validate(self, node, f, path)


def read_text(path: Path) -> str:
    """A profile's text: capped in size, UTF-8 (with or without BOM) or GB18030."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("找不到配置文件（可用 nigao init 生成一个）", path=str(path)) from None
    except OSError as error:
        raise ReadError(f"无法读取配置文件：{os_reason(error)}", path=str(path)) from None
    if size > MAX_BYTES:
        raise ReadError(
            f"配置文件过大（{size // 1024} KB，上限 {MAX_BYTES // 1024} KB）", path=str(path)
        )
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("配置文件编码无法识别，请另存为 UTF-8", path=str(path))


def load(path: str | Path, partial: bool = False) -> Profile:
    """Read and validate a profile file; raise ProfileError listing every problem.

    With `partial`, problems with values are returned in `Profile.errors` instead (a YAML
    syntax error still raises), so the skeleton checks can be reported in the same run.
    """
    p = Path(path)
    return parse(read_text(p), str(path), partial)


def parse(text: str, path: str = "<profile>", partial: bool = False) -> Profile:
    """Validate profile text; raise ProfileError listing every problem (nothing is constructed).

    A text validated before (same path, same bytes) is taken from the cache (`nigao.cache`):
    re-drafting an unchanged profile skips PyYAML. A profile with errors is never cached.
    """
    import pickle

    from nigao.cache import memo

    def build() -> bytes:
        profile = _parse(text, path, partial)
        return pickle.dumps((profile.data, profile.marks, profile.errors), protocol=4)

    data, marks, errors = pickle.loads(
        memo("profile", f"{partial}\0{path}\0{text}", build, _CODE)
    )
    return Profile(path=path, data=data, marks=marks, errors=errors)


# The modules whose code decides what a validated profile holds (the cache's key).
_CODE = (
    *(
        str(Path(__file__).with_name(name))
        for name in ("validate.py", "fields.py", "kinds.py", "values.py", "types.py")
    ),
    str(Path(__file__).parent.parent / "vocabulary.py"),  # DOC_NUMBER and the fill-in marker
)


def _parse(text: str, path: str, partial: bool) -> Profile:
    from nigao.yamlsafe import YamlError, compose

    try:
        root = compose(text, path, _LIMITS, duplicates=False)
    except YamlError as error:
        raise ProfileError(path, error.problems) from None
    if root is None:
        raise ProfileError(
            path, [f"{path}:1:1: 配置文件是空的（可用 nigao init 生成带注释的模板）"]
        )
    return from_node(root, path, partial)


def from_node(root: Any, path: str, partial: bool = False) -> Profile:
    """Validate a composed YAML node tree (batch splices a unit's overrides into it)."""
    checker = Checker(path)
    data: dict[str, Any] = {}
    checker.hygiene(root)
    if not checker.fatal:
        data = checker.check_object(root, FIELDS, "")
        _cross_checks(checker, data)
    if checker.errors and (checker.fatal or not partial):
        raise ProfileError(path, _format(path, checker.errors))
    errors = _format(path, checker.errors) if checker.errors else []
    return Profile(path=path, data=data, marks=checker.marks, errors=errors)


def _cross_checks(checker: Checker, data: dict[str, Any]) -> None:
    """Checks between fields: phase order, a doc number's year against the date."""

    def visit(sections: list[dict[str, Any]], base: str) -> None:
        for i, section in enumerate(sections):
            here = f"{base}[{i}]"
            for j, phase in enumerate(section.get("phases", [])):
                start, end = phase.get("start"), phase.get("end")
                if start and end and end < start:
                    pos = checker.marks.get(f"{here}.phases[{j}].end", (1, 1))
                    checker.error(pos, f"{here}.phases[{j}].end：结束年月早于开始年月")
            visit(section.get("sections", []), f"{here}.sections")

    visit(data.get("sections", []), "sections")
    number = data.get("doc_number")
    match = DOC_NUMBER.match(number.replace(NUMBER_SLOT, "1")) if number else None
    if match and data.get("date"):
        year = int(match.group("year"))
        if year != data["date"].year:
            checker.error(
                checker.marks["doc_number"],
                f"doc_number：发文字号的年份 {year} 与成文日期 {data['date'].year} 年不一致",
            )


def _format(path: str, errors: list[tuple[Pos, str, str | None]]) -> list[str]:
    seen: set[str] = set()
    lines = []
    for (line, col), message, source in sorted(
        errors, key=lambda e: (e[2] is not None, e[2] or "", e[0])
    ):
        text = f"{source or path}:{line}:{col}: {message}"
        if text not in seen:
            seen.add(text)
            lines.append(text)
    return lines


# ---------------------------------------------------------------------------------------------
