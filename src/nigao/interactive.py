"""`nigao new --interactive`: a clerk picks each section's skeleton from a numbered menu.

The candidates are `Library.for_role(role, kind)` — the same list plain `new` takes its default
from, so the menu never offers what `new` would call absent (a summary's closing in a plan).
Each answer is a number, 0 or Enter (skip: keep what plain `new` would use), `v N` (the full
text) or `c N M` (two side by side); anything else is one Chinese line and the question again.
The choices are then written back into the profile as `skeleton:` lines (text edited in place:
comments and formatting stay) when the clerk says so, and always printed as `--pick` options.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nigao.errors import NigaoError

if TYPE_CHECKING:
    from nigao.profile import Profile

Ask = Callable[[str], str]
Echo = Callable[[str], None]

_VIEW = re.compile(r"[vV看]\s*(\d+)")
_COMPARE = re.compile(r"[cC比]\s*(\d+)[\s,，、]+(\d+)")


@dataclass
class Menu:
    """What the clerk chose: section path → skeleton id ("" = own text only)."""

    chosen: dict[str, str]
    changed: dict[str, str] = field(default_factory=dict)  # differing from the profile's lines


def readable(text: str) -> str:
    """A skeleton body with each {{ slot }} shown as 〔slot〕 and its example block said in
    words: a clerk reads the text, not the template language."""
    from nigao.skeletons import SLOT_IN_TEXT, examples_in_words

    return SLOT_IN_TEXT.sub(r"〔\1〕", examples_in_words(text))


def _opening(skeleton: Any, width: int = 50) -> str:
    text = readable(skeleton.opening)
    return text if len(text) <= width else text[:width] + "……"


def _full(skeleton: Any) -> str:
    heading = f"## {skeleton.heading}\n\n" if skeleton.heading else ""
    return readable(heading + skeleton.body.strip())


def side_by_side(left: Any, right: Any, width: int = 100) -> str:
    """Two skeletons' full texts in two columns (rich does the CJK-aware wrapping)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, expand=True)
    # fold: a Chinese paragraph has no spaces to wrap at, and must not be cut to one line
    table.add_column(left.id, ratio=1, overflow="fold")
    table.add_column(right.id, ratio=1, overflow="fold")
    table.add_row(_full(left), _full(right))
    console = Console(width=width, record=True, file=_Null(), color_system=None)
    console.print(table)
    return console.export_text().rstrip("\n")


class _Null:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def choose(
    profile: Profile, library: Any, choices: dict[str, str], ask: Ask, echo: Echo
) -> Menu:
    """Run the menu over every section of the profile; `choices` are --pick's, kept unless
    the clerk picks otherwise."""
    from nigao.compose import own_content, walk_sections
    from nigao.profile import ROLE_NAMES

    kind_name = {"plan": "方案", "summary": "总结", "report": "经验材料"}.get(profile.kind, "")
    chosen = dict(choices)
    changed: dict[str, str] = {}
    for path, section in walk_sections(profile):
        role = section.role
        heading = section.heading or ROLE_NAMES[role]
        candidates = library.for_role(role, profile.kind)
        own = own_content(section)
        if not candidates:
            echo(f"\n【{heading}】（{path}）：骨架库里没有适用于{kind_name}的这类骨架，跳过。")
            continue
        current = chosen.get(path, section.skeleton)
        if current is None and not own:
            default = library.default_for(role, profile.kind)
            current = default.id if default else None
        options: list[str] = [s.id for s in candidates] + ([""] if own else [])
        echo(f"\n【{heading}】（{path}，角色 {role}）可选骨架：")
        for number, skeleton in enumerate(candidates, 1):
            flags = ("（默认）" if skeleton.default else "") + (
                "（当前）" if skeleton.id == current else ""
            )
            echo(f"  {number}. {skeleton.id}{flags}  {_opening(skeleton)}")
        if own:
            flag = "（当前）" if current in (None, "") else ""
            echo(f"  {len(options)}. 不用骨架，只用配置文件里自写的内容{flag}")
        keep = f" {current} " if current else "只用自写的内容"
        question = (
            f"输入编号 1–{len(options)} 选用；0 或直接回车 = 跳过（保留{keep}）；"
            "v 编号 = 看全文；c 编号 编号 = 两个并排对照"
        )
        picked = _ask_one(options, candidates, question, ask, echo)
        if picked is not None:
            chosen[path] = picked
            if picked != (section.skeleton or ("" if own else None)):
                changed[path] = picked
    return Menu(chosen, changed)


def _ask_one(
    options: list[str], candidates: list[Any], question: str, ask: Ask, echo: Echo
) -> str | None:
    """One section's answer: an option, or None (skip)."""
    count = len(options)
    while True:
        answer = ask(question).strip()
        if answer in ("", "0"):
            return None
        if answer.isdigit() and 1 <= int(answer) <= count:
            return options[int(answer) - 1]
        view, compare = _VIEW.fullmatch(answer), _COMPARE.fullmatch(answer)
        numbers = [int(n) for n in (view or compare).groups()] if (view or compare) else []
        if numbers and all(1 <= n <= len(candidates) for n in numbers):
            if view:
                echo(_full(candidates[numbers[0] - 1]))
            else:
                echo(side_by_side(candidates[numbers[0] - 1], candidates[numbers[1] - 1]))
            continue
        if numbers:
            echo(f"没有第 {max(numbers)} 个骨架：可看的编号是 1 到 {len(candidates)}")
            continue
        echo(f"“{answer}”不是可选的答案：请输入 0 到 {count} 的数字，或 v 编号、c 编号 编号")


def pick_options(profile: Profile, chosen: dict[str, str]) -> tuple[list[str], list[str]]:
    """The equivalent `--pick ROLE=ID` options, and the sections they cannot say (two sections
    of one role with different skeletons, or "own text only")."""
    from nigao.compose import walk_sections

    by_role: dict[str, set[str]] = {}
    paths: dict[str, list[str]] = {}
    for path, section in walk_sections(profile):
        if path in chosen:
            by_role.setdefault(section.role, set()).add(chosen[path])
            paths.setdefault(section.role, []).append(path)
    picks, unsaid = [], []
    for role, ids in by_role.items():
        if len(ids) == 1 and "" not in ids:
            picks.append(f"--pick {role}={next(iter(ids))}")
        else:
            unsaid += paths[role]
    return picks, unsaid


def write_back(text: str, profile: Profile, changed: dict[str, str]) -> str:
    """The profile's text with each changed section's `skeleton:` line set (added after its
    `role:` line, replaced, or removed for "own text only"); every other line as it was."""
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, str | None, bool]] = []  # (0-based line, new line or None, insert)
    for path, sid in changed.items():
        if f"{path}.skeleton" in profile.marks:
            number, col = profile.marks[f"{path}.skeleton"]
            old = lines[number - 1]
            comment = re.search(r"\s+#.*$", old.rstrip("\r\n"))
            ending = old[len(old.rstrip("\r\n")) :]
            new = f"{old[: col - 1]}skeleton: {sid}{comment.group() if comment else ''}{ending}"
            edits.append((number - 1, new if sid else None, False))
        elif sid:
            number, col = profile.marks[f"{path}.role"]
            old = lines[number - 1]
            if old[: col - 1].strip(" -"):  # a flow mapping `- {role: tasks}`: not ours to re-flow
                raise NigaoError(
                    f"这一节写在一行里，无法自动加上 skeleton: {sid}，请手工添加",
                    path=profile.path,
                    line=number,
                )
            ending = old[len(old.rstrip("\r\n")) :]
            if not ending:  # the role line is the file's last: end it before adding one
                ending = "\n"
                lines[number - 1] = old + ending
            edits.append((number, " " * (col - 1) + f"skeleton: {sid}{ending}", True))
    for index, new, insert in sorted(edits, key=lambda e: e[0], reverse=True):
        if insert:
            lines.insert(index, new)
        elif new is None:
            del lines[index]
        else:
            lines[index] = new
    return "".join(lines)
