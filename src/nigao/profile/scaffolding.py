"""The commented profile `nigao init` writes, derived from the question table."""

from __future__ import annotations

import re
from typing import Any

from nigao.profile.fields import FIELDS, Field
from nigao.profile.kinds import ROLE_NAMES, kinds_table
from nigao.profile.types import TYPES
from nigao.vocabulary import fill_in

SCHEMA_FILE = "nigao-profile.schema.json"


# What names a unit or a person is never given a real-looking sample in the scaffold (an
# unedited scaffold would draft a finished-looking document for another county): the scaffold
# writes a marker and shows the example in the comment.
_SCAFFOLD_FILL = frozenset(
    {
        "title", "org.name", "org.short", "org.region", "org.party", "campaign", "signature",
        "doc_number", "issuer_mark", "printer", "leaders.*.name",
    }
)  # fmt: skip


def scaffold_marker(label: str) -> str:
    """A value `nigao init` leaves for the drafter (【待填：发文机关全称】). Drafting works (the
    marker is printed and listed); `new --final` refuses while any is left (compose.unfilled)."""
    return fill_in(label)


_KIND_EXAMPLES: dict[str, dict[str, Any]] = {
    "plan": {"title": "岚溪县教育局关于开展“强师兴校”主题活动的实施方案"},
    "summary": {
        "title": "岚溪县教育局2027年工作总结",
        "date": "2027-12-28",
        "print_date": "2027-12-28",
        "doc_number": "岚教发〔2027〕36号",
        "recipients": "县人民政府",
    },
    "report": {
        "title": "抓实师资培训 赋能教育发展——岚溪县教育局教师队伍建设经验材料",
        "date": "2027-10-15",
        "print_date": "2027-10-15",
        "doc_number": "岚教发〔2027〕29号",
        "recipients": "县委教育工委",
    },
}


def scaffold(
    kind: str = "plan",
    schema_ref: str = SCHEMA_FILE,
    skeletons: dict[str, list[tuple[str, bool]]] | None = None,
    guidance: dict[str, str] | None = None,
) -> str:
    """A complete, valid profile with every field and a Chinese comment on each (`nigao init`).

    `skeletons` (role → [(id, is_default)]) lets each section's comment name its choices;
    `guidance` (label → what it is) adds the further wording the default skeletons use, as
    【待填】 markers, since dated political wording must come from the drafter.
    """
    table = kinds_table()
    overrides = _KIND_EXAMPLES.get(kind, {})
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# nigao 配置文件：描述一份要起草的公文。改好后运行：nigao new 本文件路径",
        "# 标“必填”的项必须写，其余不需要的可以整行删去。",
        "# 文字一般不用加引号；文字里有英文冒号加空格（: ）、或以 - [ { ! & * # 开头时，请用英文双引号括起来。",
        "# 缩进只能用空格，同一层要对齐。",
        "",
    ]
    for f in FIELDS:
        if f.key == "kind":
            lines += _comment(f, 0) + [f"kind: {kind}"]
        elif f.key == "sections":
            lines += (
                _comment(f, 0) + ["sections:"] + _scaffold_sections(kind, table, skeletons or {})
            )
        elif f.key == "facts":
            lines += _comment(f, 0) + [
                "facts:",
                "  # 名称: 值    （例如：新增学位数: 1200；用 nigao skeletons show 骨架编号 查看骨架需要哪些事实）",
            ]
        else:
            example = overrides.get(f.key, f.example)
            lines += _scaffold_field(f, example, 0, f.key)
            if f.key == "guidance":
                for label, desc in (guidance or {}).items():
                    lines += [
                        f"  # {desc}（所选骨架用到，请按现行提法填写）",
                        f"  {label}: 【待填：{label}】",
                    ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _comment(f: Field, indent: int) -> list[str]:
    flag = "（必填）" if f.required else ""
    return [" " * indent + f"# {f.desc}{flag}"]


def _scaffold_field(f: Field, example: Any, indent: int, path: str) -> list[str]:
    """A key with its comment, laid out as its type says (`FieldType.scaffold`)."""
    return _LAYOUTS[TYPES[f.type].scaffold](f, example, indent, path)


def _block(f: Field, example: Any, indent: int, path: str) -> list[str]:
    """An object or map: the key, then each of its fields one level in."""
    lines = _comment(f, indent) + [f"{' ' * indent}{f.key}:"]
    for child in f.fields:
        lines += _scaffold_field(child, child.example, indent + 2, f"{path}.{child.key}")
    return lines


def _list(f: Field, example: Any, indent: int, path: str) -> list[str]:
    """A list: the key, then the example's items (a person's name as a marker)."""
    pad = " " * indent
    lines = _comment(f, indent) + [f"{pad}{f.key}:"]
    for value in example or []:
        if isinstance(value, dict):
            first = True
            for k, v in value.items():
                if f"{path.rsplit('.', 1)[0]}.*.{k}" in _SCAFFOLD_FILL:
                    v = scaffold_marker(f"{f.key}{'姓名' if k == 'name' else k}")
                lines.append(f"{pad}  {'- ' if first else '  '}{k}: {_scalar(v)}")
                first = False
        else:
            lines.append(f"{pad}  - {_scalar(value)}")
    return lines


def _value(f: Field, example: Any, indent: int, path: str) -> list[str]:
    """A scalar: the example, a 【待填】 marker for a name, or the key left empty."""
    pad = " " * indent
    lines = _comment(f, indent)
    if example is None:  # an optional part most documents leave out: the key, left empty
        lines.append(f"{pad}{f.key}:")
        return lines
    if path in _SCAFFOLD_FILL:
        lines[-1] += f"　例如：{example}"
        example = scaffold_marker(f.desc if f.key == "name" else f.name)
    elif TYPES[f.type].scaffold_note:
        lines[-1] += "　" + TYPES[f.type].scaffold_note
    lines.append(f"{pad}{f.key}: {_scalar(example)}")
    return lines


_LAYOUTS = {"block": _block, "list": _list, "value": _value}


_SECTION_EXAMPLES: dict[str, list[str]] = {
    "tasks": [
        "    items:    # 例如 title: 抓师德师风，建设过硬队伍。",
        "      - title: 【待填：第一项任务的小标题】",
        "        text: 【待填：这项任务的具体内容】",
    ],
    "steps": [
        "    phases:    # 阶段名称和起止年月是示例，请按本单位安排修改",
        "      - name: 宣传发动阶段",
        "        start: 2027-03",
        "        end: 2027-03",
        "        text: 【待填：宣传发动阶段的工作】",
        "      - name: 组织实施阶段",
        "        start: 2027-04",
        "        end: 2027-10",
        "        text: 【待填：组织实施阶段的工作】",
        "      - name: 总结提升阶段",
        "        start: 2027-11",
        "        end: 2027-12",
        "        text: 【待填：总结提升阶段的工作】",
    ],
    "practices": [
        "    items:    # 例如 title: 坚持党建引领，凝聚发展合力。",
        "      - title: 【待填：第一条做法的小标题】",
        "        text: 【待填：这条做法的具体内容】",
    ],
}


def _scaffold_sections(
    kind: str, table: dict[str, Any], skeletons: dict[str, list[tuple[str, bool]]]
) -> list[str]:
    lines = [
        "  # 每个章节的写法：",
        "  #   role: 章节角色（必填）；skeleton: 骨架编号（不写则用默认骨架，nigao skeletons list 查看）",
        "  #   heading: 改用自己的标题；text: 自写段落（每段一行）；intro_only: true 只用骨架导语",
        "  #   items: 自写条目（title 小标题、text 内容）；phases: 阶段（name、start、end、text）",
        "  #   sections: 下一级章节（同样的写法）",
        "  # 不需要的章节整段删去；顺序就是文中的顺序，编号自动生成。",
    ]
    for role in table["kinds"][kind]["order"]:
        heading = table["headings"].get(role) or ROLE_NAMES[role]
        note = heading
        options = skeletons.get(role, [])
        if options:
            names = [sid + ("（默认）" if default else "") for sid, default in options[:4]]
            note += "；可选骨架：" + "、".join(names) + ("等" if len(options) > 4 else "")
        elif skeletons:
            note += "；骨架库里暂无此类骨架，请自己写 text 或 items"
        lines.append(f"  - role: {role}    # {note}")
        lines += _SECTION_EXAMPLES.get(role, [])
    return lines


def _scalar(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _plain_safe(text):
        return text
    return json.dumps(text, ensure_ascii=False)


_PLAIN_UNSAFE = re.compile(
    r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|\s$|^(true|false|yes|no|on|off|null|~)$", re.I
)


def _plain_safe(text: str) -> bool:
    if not text or "\n" in text or _PLAIN_UNSAFE.search(text):
        return False
    return not re.fullmatch(r"[-+.0-9eE:]+", text) or bool(
        re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text)
    )
