"""The profile: one YAML file describing one document to draft.

Its questions are ONE table (`FIELDS`, in the spirit of copier's typed questions); the
validator, the JSON Schema (`nigao schema`) and the commented scaffold (`nigao init`) are all
derived from it, so they cannot drift apart. YAML is read as a node tree (`yaml.compose`), never
constructed into Python objects, so every key keeps its line and column, duplicate keys are
seen, and tags or aliases cannot run code or blow up memory. Every problem is collected and
reported at once, as `file:line:column: key：what is wrong — 例如：what would be right`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.errors import NigaoError, ReadError, os_reason
from nigao.vocabulary import FILL_IN_RE, fill_in
from nigao.yamlsafe import PROFILE as _LIMITS

# a profile is a page of text; anything bigger is a mistake or an attack
MAX_BYTES = _LIMITS.max_bytes
MAX_NODES = _LIMITS.max_nodes
MAX_DEPTH = _LIMITS.max_depth

ROLES = (
    "preamble", "significance", "guiding_ideas", "goals", "tasks", "steps", "organization",
    "measures", "overview", "practices", "results", "experience", "problems", "next_steps",
    "closing",
)  # fmt: skip
ROLE_NAMES = {
    "preamble": "开头（导语）", "significance": "重要意义", "guiding_ideas": "指导思想",
    "goals": "工作目标", "tasks": "主要任务", "steps": "实施步骤", "organization": "组织领导",
    "measures": "保障措施", "overview": "基本情况", "practices": "主要做法", "results": "工作成效",
    "experience": "经验体会", "problems": "存在问题", "next_steps": "下一步打算",
    "closing": "结尾",
}  # fmt: skip
LEADER_ROLES = ("顾问", "组长", "副组长", "成员")
# Fact and guidance labels: letters (CJK or ASCII), digits and _, not starting with a digit.
# Checked with str methods at run time: a compiled CJK character class costs ~5 ms per process.
FACT_LABEL_PATTERN = r"^[A-Za-z\u3400-\u4dbf\u4e00-\u9fff][A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff]*$"


def is_label(key: str) -> bool:
    """A usable fact/guidance label (also a valid Jinja2 attribute name)."""
    return (
        bool(key)
        and not key[0].isdigit()
        and key[0] != "_"
        and all(ch.isalnum() or ch == "_" for ch in key)
    )


DOC_NUMBER = re.compile(r"^(?P<code>[^\s〔〕]+)〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")


class ProfileError(NigaoError):
    """Every problem found in a profile, one `file:line:col: …` line each."""

    def __init__(self, path: str, errors: list[str]):
        self.errors = errors
        if len(errors) == 1:
            message = errors[0]
        else:
            message = f"{path} 有 {len(errors)} 处错误：\n" + "\n".join(errors)
        super().__init__(message)


# ---------------------------------------------------------------------------------------------
# The question table
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One typed question. `type` is one of the keys of `_TYPE_NAMES` (or `ref:<name>`)."""

    key: str
    type: str
    desc: str
    example: Any = None
    required: bool = False
    fields: tuple[Field, ...] = ()  # members of an object, or of each object in a list
    item: Field | None = None  # the element of a list / the value of a map
    choices: tuple[str, ...] = ()
    key_desc: str = ""  # for maps: what a free key is
    label: str = ""  # a short Chinese name (a units-file column); default: the desc's head
    # Belongs to the issuing unit: `nigao batch` never copies it onto another unit's document.
    # "drop": left out unless the row gives it; "mark": a 【待填】 marker unless the row gives it.
    own: str = ""

    @property
    def name(self) -> str:
        """单位名称, 简称, 署名 …: the label, else the description up to its note."""
        note = re.compile(r"（[^）]*）$")
        return self.label or note.sub("", re.split("[，：]", note.sub("", self.desc))[0])


_TYPE_NAMES = {
    "text": "文字",
    "paragraphs": "文字（可多段，每段一行）",
    "date": "日期（YYYY-MM-DD）",
    "month": "年月（YYYY-MM）",
    "year": "年份（四位数字）",
    "doc_number": "发文字号（代字〔年份〕序号号）",
    "choice": "选项",
    "scalar": "文字或数字",
    "bool": "是/否（true/false）",
    "object": "键值表",
    "list": "列表",
    "map": "键值表",
}

PERSON = Field(
    "person",
    "object",
    "一位成员：写 name（姓名）和 post（职务），也可直接写“王明（局党组书记、局长）”",
    {"name": "王明", "post": "局党组书记、局长"},
    fields=(
        Field("name", "text", "姓名", "王明", required=True),
        Field("post", "text", "职务（可不填）", "局党组书记、局长"),
    ),
)

# An attachment: its name alone (the 附件说明 line), or a table with its own pages (GB/T 9704 8).
ATTACHMENT = Field(
    "attachment",
    "object",
    "一个附件：只写名称；或写 title（名称）加 text（正文段落）、table（表格）或 file（文件），"
    "附件另起一页排在正文之后",
    "活动安排表",
    fields=(
        Field("title", "text", "附件名称（与附件说明一致）", "活动安排表", required=True),
        Field("text", "paragraphs", "附件正文（可多段，每段一行）", "……"),
        Field(
            "table",
            "list",
            "附件表格：每行一项，写成 [单元格, 单元格, …]，第一行是表头",
            [["时间", "内容"], ["3月", "宣传发动"]],
            item=Field("row", "list", "表格的一行", ["时间", "内容"],
                       item=Field("cell", "scalar", "单元格", "时间")),  # fmt: skip
        ),
        Field("file", "text", "附件内容所在的文件（.txt、.md 每行一段；.csv 为表格），相对本配置文件", "附件1.csv"),
    ),
)



def _people(role: str, example: list[dict[str, str]]) -> Field:
    return Field(
        role,
        "list",
        f"领导小组{role}：每人写姓名（name）和职务（post）",
        example,
        item=PERSON,
        label=role,
        own="drop",
    )


ITEM = Field(
    "item",
    "object",
    "一条任务或措施：小标题和内容",
    {"title": "抓师德师风，建设过硬队伍。", "text": "……"},
    fields=(
        Field(
            "title",
            "text",
            "小标题。以“。”结尾时与正文接排（如“（一）加强组织领导。各学校要……”），否则单独成行",
            "抓师德师风，建设过硬队伍。",
            required=True,
        ),
        Field("text", "paragraphs", "内容（可多段，每段一行）", "全面落实师德师风建设长效机制……"),
    ),
)

PHASE = Field(
    "phase",
    "object",
    "一个阶段：名称、起止年月和内容",
    {"name": "宣传发动阶段", "start": "2027-03", "end": "2027-04", "text": "……"},
    fields=(
        Field("name", "text", "阶段名称", "宣传发动阶段", required=True),
        Field("start", "month", "开始年月（YYYY-MM）", "2027-03", required=True),
        Field("end", "month", "结束年月（YYYY-MM，与开始同月可不填）", "2027-04"),
        Field("text", "paragraphs", "本阶段的工作内容", "召开动员大会，印发实施方案……"),
    ),
)

SECTION = Field(
    "section",
    "object",
    "一个章节：角色、所用骨架、自写内容",
    {"role": "guiding_ideas"},
    fields=(
        Field("role", "choice", "章节角色（决定用哪类骨架）", "guiding_ideas", True, choices=ROLES),
        Field(
            "skeleton",
            "text",
            "骨架编号（nigao skeletons list 查看）；不写则用该角色的默认骨架",
            "s003-guiding_ideas",
        ),
        Field("heading", "text", "改用自己的标题（不写则用骨架的标题）", "指导思想"),
        Field("text", "paragraphs", "自写的段落（写在骨架内容之后；每段一行）", "……"),
        Field(
            "intro_only",
            "bool",
            "只用骨架的导语段落，不要骨架自带的小标题（自己在 items/phases 里写）",
            False,
        ),
        Field(
            "examples",
            "bool",
            "同时收入骨架所附的范文示例条目（默认不收：示例讲的是范文自己的主题）",
            False,
        ),
        Field(
            "items", "list", "自写的条目（任务、措施、做法……），排在骨架条目之后", None, item=ITEM
        ),
        Field("phases", "list", "自写的阶段（实施步骤），带起止年月", None, item=PHASE),
        Field(
            "sections",
            "list",
            "下一级章节（同样的写法）",
            None,
            item=Field("section", "ref:section", "下一级章节"),
        ),
    ),
)

FIELDS: tuple[Field, ...] = (
    Field(
        "kind", "choice", "文种：plan 方案 / summary 总结 / report 经验材料", "plan", True,
        choices=("plan", "summary", "report"),
    ),
    Field("title", "text", "公文标题", "岚溪县教育局关于开展“强师兴校”主题活动的实施方案", True),
    Field(
        "org",
        "object",
        "发文机关",
        None,
        True,
        fields=(
            Field("name", "text", "发文机关全称", "岚溪县教育局", True, label="单位名称"),
            Field("short", "text", "简称", "县教育局", own="mark"),
            Field("region", "text", "县（区）名称", "岚溪县"),
            Field("party", "text", "党委（党组）名称", "中共岚溪县教育局党组", label="党组织名称", own="mark"),
        ),
    ),
    Field("campaign", "text", "活动名称（不带引号，骨架会加引号）", "强师兴校"),
    Field(
        "campaign_type",
        "text",
        "活动的类型词，写在引号之后（活动、行动、工程、专项整治……；不写：名称已以类型词结尾则不加，否则为“活动”）",
        "主题活动",
    ),
    Field("focus", "text", "本次工作要解决的主要问题（骨架写作“着力解决……”）", "教师队伍结构性短缺和专业能力不足的问题"),
    Field("goal", "text", "本次工作要达到的目标（骨架写作“力争……”）", "建成一支师德高尚、业务精湛的教师队伍"),
    Field("recipients", "text", "主送机关", "局属各学校（单位）", own="drop"),
    Field("signature", "text", "署名（不写则用发文机关全称）", "岚溪县教育局", own="drop"),
    Field("date", "date", "成文日期（YYYY-MM-DD），写出来是“2027年3月1日”", "2027-03-01", True),
    Field("year", "year", "文中的“年度”（不写则取成文日期的年份；年终总结可写上一年）", 2027, label="年度"),
    Field("doc_number", "doc_number", "发文字号，形如 代字〔年份〕序号号（批量时可写 岚教发〔2027〕{序号}号）", "岚教发〔2027〕8号", own="drop"),
    Field("issuer_mark", "text", "发文机关标志（版头红字）", "岚溪县教育局文件", own="drop"),
    Field("cc", "text", "抄送机关", "县委教育工委，县人民政府办公室", own="drop"),
    Field("printer", "text", "印发机关", "岚溪县教育局办公室", own="drop"),
    Field("print_date", "date", "印发日期（YYYY-MM-DD）", "2027-03-01"),
    Field("attachments", "list", "附件（每个一行写名称；要排出附件页的，写 title 加 text、table 或 file）", ["活动安排表"], item=ATTACHMENT),
    Field("signer", "text", "签发人姓名（上行文才写，如报县人民政府的请示、报告；几人用“、”分开）", None, label="签发人", own="drop"),
    Field("sealed", "bool", "加盖印章：true 时署名居中排在成文日期之上，成文日期右空四字，留出盖章位置", False),
    Field("verso_even", "bool", "版记排在偶数页（双面印刷时在最后一张纸的背面）；单面印刷写 false", True),
    Field(
        "guidance",
        "map",
        "指导思想用语（这些提法随年份变化，必须由拟稿人填写，不取自范文）",
        None,
        fields=(
            Field("theory", "text", "指导思想理论", "习近平新时代中国特色社会主义思想"),
            Field("spirit", "text", "会议精神", "党的二十大和二十届三中全会精神"),
        ),
        item=Field("guidance", "text", "其他提法（自定名称）", "全国教育大会精神"),
        key_desc="其他提法名称",
    ),
    Field(
        "leaders",
        "object",
        "领导小组成员",
        None,
        fields=(
            _people("顾问", [{"name": "赵刚", "post": "县人民政府副县长"}]),
            _people("组长", [{"name": "王明", "post": "局党组书记、局长"}]),
            _people("副组长", [{"name": "李华", "post": "局党组成员、副局长"}]),
            _people("成员", [{"name": "张强", "post": "局办公室主任"}]),
        ),
    ),
    Field("sections", "list", "正文章节，按先后顺序", None, True, item=Field("section", "ref:section", "章节")),
    Field(
        "facts",
        "map",
        "待填事实：骨架里 facts.名称 对应的具体数字、名称（不填的在草稿中显示为【待填：名称】）",
        None,
        item=Field("fact", "scalar", "事实的值", "1200"),
        key_desc="事实名称（汉字或字母开头）",
    ),
)  # fmt: skip

REFS = {"section": SECTION}


def unit_fields() -> dict[str, Field]:
    """Dotted key → field for every scalar or list question a units-file column may set."""
    out: dict[str, Field] = {}

    def visit(fields: tuple[Field, ...], prefix: str) -> None:
        for f in fields:
            if f.type == "object" and f.fields and f not in (PERSON, ATTACHMENT):
                visit(f.fields, f"{prefix}{f.key}.")
            elif f.type not in ("map", "object") and f.key != "sections":
                out[prefix + f.key] = f

    visit(FIELDS, "")
    return out


def column_keys() -> dict[str, str]:
    """Chinese column headers → dotted keys (单位名称 → org.name, 简称 → org.short, 组长 →
    leaders.组长), from the question table's labels; a name two questions share is left out."""
    names: dict[str, list[str]] = {}
    for dotted, f in unit_fields().items():
        for name in dict.fromkeys((f.name, f.desc if f.desc.isalpha() else f.name)):
            names.setdefault(name, []).append(dotted)
    return {name: keys[0] for name, keys in names.items() if len(set(keys)) == 1}


def field_at(path: str) -> Field | None:
    """The question behind a dotted key such as `org.party` or `leaders.组长` (or None)."""
    fields = FIELDS
    found: Field | None = None
    for part in path.split("."):
        found = next((f for f in fields if f.key == part), None)
        if found is None:
            return None
        fields = found.fields
    return found


# ---------------------------------------------------------------------------------------------
# Loading: YAML nodes → checked, converted values with positions
# ---------------------------------------------------------------------------------------------

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}

Pos = tuple[int, int]


@dataclass
class Profile:
    """A validated profile: plain converted values plus where each key was written."""

    path: str
    data: dict[str, Any]
    marks: dict[str, Pos] = field(default_factory=dict)
    # Problems found by a partial load (`load(..., partial=True)`): compose adds the skeleton
    # checks and reports everything together. Empty for a profile that loaded cleanly.
    errors: list[str] = field(default_factory=list)

    def get(self, dotted: str, default: Any = None) -> Any:
        value: Any = self.data
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
        return value

    def where(self, dotted: str) -> str:
        """`file:line:col` of a key (or of the closest enclosing key)."""
        probe = dotted
        while probe:
            if probe in self.marks:
                line, col = self.marks[probe]
                return f"{self.path}:{line}:{col}"
            probe = probe.rpartition(".")[0] if "." in probe else ""
        return f"{self.path}:1:1"

    @property
    def kind(self) -> str | None:
        return self.data.get("kind")

    @property
    def year(self) -> int:
        return self.data.get("year") or self.data["date"].year


class _Checker:
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
        self.errors.append((_pos(node_or_pos), message, foreign))

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
            if current.tag not in _ALLOWED_TAGS:
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
                node, f"{path or '配置文件'}：应为键值表（“键: 值”的写法），得到{_got(node)}"
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
            self.marks[dotted] = _pos(key_node)
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
                hint = _close_matches(key, list(known), n=1, cutoff=0.6)
                suggestion = f"，是不是 “{hint[0]}”？" if hint else "。"
                self.error(
                    key_node,
                    f"{dotted}：未知的键 “{key}”{suggestion}可用的键：{'、'.join(known)}",
                )
        for f in fields:
            if f.required and f.key not in first_line:
                dotted = f"{path}.{f.key}" if path else f.key
                self.error(node, f"缺少必填项 {dotted}（{f.desc}）{_example(f)}")
        return {k: v for k, v in result.items() if v is not None}

    def check_value(self, node: Any, f: Field, path: str) -> Any:
        import yaml

        if f.type.startswith("ref:"):
            f = REFS[f.type[4:]]
        if id(node) in self.bad:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and f.type != "scalar":
            if f.required:
                self.error(node, f"{path}：不能为空（{f.desc}）{_example(f)}")
            return None
        t = f.type
        if f is PERSON and isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            return parse_person(node.value)  # "王明（局党组书记、局长）" is fine too
        if f is ATTACHMENT and isinstance(node, yaml.ScalarNode):
            name = self.check_scalar(node, f.fields[0], path)  # a name alone
            return {"title": name} if name else None
        if t == "object":
            return self.check_object(node, f.fields, path)
        if t == "map":
            return self.check_object(node, f.fields, path, extra=f.item, key_desc=f.key_desc)
        if t == "list":
            if not isinstance(node, yaml.SequenceNode):
                self.error(
                    node, f"{path}：应为列表（每项以“- ”开头），得到{_got(node)}{_example(f)}"
                )
                return None
            assert f.item is not None
            values = [
                self.check_value(child, f.item, f"{path}[{i}]")
                for i, child in enumerate(node.value)
            ]
            for i, child in enumerate(node.value):
                self.marks[f"{path}[{i}]"] = _pos(child)
            if f.required and not values:
                self.error(node, f"{path}：至少要写一项{_example(f)}")
            return [v for v in values if v is not None]
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{path}：应为{_TYPE_NAMES[t]}，得到{_got(node)}{_example(f)}")
            return None
        return self.check_scalar(node, f, path)

    def check_scalar(self, node: Any, f: Field, path: str) -> Any:
        t, tag, raw = f.type, node.tag, node.value
        bad = f"{path}：应为{_TYPE_NAMES[t]}，得到{_got(node)}{_example(f)}"
        if t == "scalar":
            if tag == _NULL:
                return None
            if tag in (_STR, _INT, _FLOAT, _TIMESTAMP):
                return raw.strip() or None
            self.error(node, bad)
            return None
        if t == "bool":
            if tag == _BOOL:
                return raw.lower() in ("true", "yes", "on", "y")
            self.error(node, bad)
            return None
        if t == "year":
            if tag == _INT and re.fullmatch(r"\d{4}", raw) and 1949 <= int(raw) <= 2100:
                return int(raw)
            self.error(node, bad)
            return None
        if tag not in (_STR, _TIMESTAMP) or (t != "date" and tag == _TIMESTAMP):
            self.error(node, bad)
            return None
        text = raw.strip()
        if not text:
            self.error(node, f"{path}：不能为空（{f.desc}）{_example(f)}")
            return None
        if t in ("text", "paragraphs"):
            if t == "text" and "\n" in text:
                self.error(node, f"{path}：应为一行文字，不能换行{_example(f)}")
                return None
            return text
        if t == "choice":
            if text in f.choices:
                return text
            alias = aliases().get(f.key, {}).get(text)
            if alias:
                return alias
            hint = _close_matches(text, [*f.choices, *aliases().get(f.key, {})], n=1, cutoff=0.5)
            suggestion = f"，是不是 “{hint[0]}”？" if hint else "。"
            self.error(node, f"{path}：“{text}” 不是可选值{suggestion}可选：{'、'.join(f.choices)}")
            return None
        if t == "date":
            value = parse_date(text)
            if value is None:
                self.error(node, f"{path}：“{text}” 不是有效日期，应写成 YYYY-MM-DD{_example(f)}")
            return value
        if t == "month":
            value = parse_month(text)
            if value is None:
                self.error(node, f"{path}：“{text}” 不是有效年月，应写成 YYYY-MM{_example(f)}")
            return value
        if t == "doc_number":
            return self.check_doc_number(node, text, f, path)
        raise AssertionError(t)

    def check_doc_number(self, node: Any, text: str, f: Field, path: str) -> str | None:
        match = DOC_NUMBER.match(text.replace(NUMBER_SLOT, "1"))
        if match or FILL_IN_RE.fullmatch(text):  # 【待填：发文字号】 (a scaffold) is unfilled
            return text  # 岚教发〔2027〕{序号}号: batch gives each unit its number
        fixed = re.sub(r"[\[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]", r"〔\1〕", text)
        fixed = re.sub(r"第\s*(\d+)", r"\1", fixed)
        fixed = re.sub(r"〕0+(\d)", r"〕\1", fixed)
        if not fixed.endswith("号"):
            fixed += "号"
        why = "年份用六角括号〔〕，序号不加“第”、不编虚位（写 8 不写 08），以“号”结尾"
        suggestion = f"，应写成 “{fixed}”" if DOC_NUMBER.match(fixed) else ""
        self.error(node, f"{path}：“{text}” 不合发文字号格式（{why}）{suggestion}{_example(f)}")
        return None


def _pos(node: Any) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _got(node: Any) -> str:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "键值表"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    return {
        _INT: "数字",
        _FLOAT: "数字",
        _BOOL: f"是/否值 “{node.value}”（如要写文字，请加引号）",
        _NULL: "空值",
        _TIMESTAMP: "日期",
    }.get(node.tag, f"文字 “{_short(node.value)}”")


def _short(text: str, n: int = 20) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _example(f: Field) -> str:
    if f.example is None or f.type in ("object", "map"):
        return ""
    if isinstance(f.example, list):
        if f.example and isinstance(f.example[0], dict):
            inner = ", ".join(f"{k}: {v}" for k, v in f.example[0].items())
            return f" — 例如：- {{{inner}}}"
        return " — 例如：- " + str(f.example[0])
    return f" — 例如：{f.example}"


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def parse_person(text: str) -> dict[str, str] | None:
    """ "王明（局党组书记、局长）" → {name: 王明, post: 局党组书记、局长}; "王明" → {name: 王明}."""
    text = text.strip()
    if not text:
        return None
    for open_, close in (("（", "）"), ("(", ")")):
        if open_ in text and text.endswith(close):
            name, _, post = text[:-1].partition(open_)
            if name.strip() and post.strip():
                return {"name": name.strip(), "post": post.strip()}
    return {"name": text}


def parse_date(text: str) -> _dt.date | None:
    """2027-03-01 (also 2027/3/1, 2027年3月1日) → date, or None."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return _dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_month(text: str) -> tuple[int, int] | None:
    """2027-03 (also 2027年3月) → (2027, 3), or None."""
    match = _MONTH.match(text.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 else None


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
        memo("profile", f"{partial}\0{path}\0{text}", build, __file__)
    )
    return Profile(path=path, data=data, marks=marks, errors=errors)


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
    checker = _Checker(path)
    data: dict[str, Any] = {}
    checker.hygiene(root)
    if not checker.fatal:
        data = checker.check_object(root, FIELDS, "")
        _cross_checks(checker, data)
    if checker.errors and (checker.fatal or not partial):
        raise ProfileError(path, _format(path, checker.errors))
    errors = _format(path, checker.errors) if checker.errors else []
    return Profile(path=path, data=data, marks=checker.marks, errors=errors)


def _cross_checks(checker: _Checker, data: dict[str, Any]) -> None:
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
# Derived views of the table: JSON Schema and the commented scaffold
# ---------------------------------------------------------------------------------------------

SCHEMA_ID = "https://nigao.invalid/profile.schema.json"


def json_schema() -> dict[str, Any]:
    """The profile's JSON Schema (draft 2020-12), with Chinese descriptions."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "nigao 配置文件（profile）",
        "description": "描述一份要起草的公文：发文机关、日期、领导小组、各章节所用骨架和待填事实。",
        **_schema_object(FIELDS),
        "$defs": {"section": _schema_for(SECTION)},
    }


def _schema_object(fields: tuple[Field, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.key: _schema_for(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.key for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def _schema_for(f: Field) -> dict[str, Any]:
    if f.type.startswith("ref:"):
        return {"$ref": f"#/$defs/{f.type[4:]}", "description": f.desc}
    base: dict[str, Any] = {"description": f.desc}
    if f.example is not None:
        base["examples"] = [f.example]
    t = f.type
    if t in ("text", "paragraphs"):
        base.update(type="string", minLength=1)
    elif t == "choice":
        base.update(enum=[*f.choices, *aliases().get(f.key, {})])
    elif t == "date":
        base.update(type="string", pattern=r"^\d{4}-\d{2}-\d{2}$", format="date")
    elif t == "month":
        base.update(type="string", pattern=r"^\d{4}-\d{2}$")
    elif t == "year":
        base.update(type="integer", minimum=1949, maximum=2100)
    elif t == "doc_number":
        base.update(type="string", pattern=f"{DOC_NUMBER.pattern}|^{FILL_IN_RE.pattern}$")
    elif t == "scalar":
        base.update(type=["string", "number"])
    elif t == "bool":
        base.update(type="boolean")
    elif t == "object":
        base.update(_schema_object(f.fields))
        if f in (PERSON, ATTACHMENT):  # also "王明（局党组书记、局长）", or a name alone
            obj = {
                k: base.pop(k) for k in ("type", "properties", "additionalProperties", "required")
            }
            base["anyOf"] = [obj, {"type": "string", "minLength": 1}]
    elif t == "map":
        assert f.item is not None
        obj = _schema_object(f.fields)
        obj["additionalProperties"] = _schema_for(f.item)
        obj["propertyNames"] = {"pattern": FACT_LABEL_PATTERN}
        base.update(obj)
    elif t == "list":
        assert f.item is not None
        base.update(type="array", items=_schema_for(f.item))
        if f.required:
            base["minItems"] = 1
    if not f.required and isinstance(base.get("type"), str):
        # An optional key left empty (`facts:` with only comments under it) is fine.
        base["type"] = [base["type"], "null"]
    return base


def describe(path: str) -> str:
    """The Chinese description of a dotted profile key, for messages."""
    found = field_at(path)
    return found.desc if found else path


def aliases() -> dict[str, dict[str, str]]:
    """Chinese words accepted for `kind` and `role` (data/kinds.yaml `aliases`)."""
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = kinds_table().get("aliases", {})
    return _ALIASES


_ALIASES: dict[str, dict[str, str]] | None = None


@functools.cache
def kinds_table() -> dict[str, Any]:
    """data/kinds.yaml: each kind's usual section order and each role's default heading.

    Read once per process (a batch composes hundreds of drafts); callers must not change it."""
    from nigao.tables import table

    return table("kinds")


SCHEMA_FILE = "nigao-profile.schema.json"
# In doc_number, the place of each unit's own number in a batch (岚教发〔2027〕{序号}号).
NUMBER_SLOT = "{序号}"


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
    pad = " " * indent
    lines = _comment(f, indent)
    if f.type in ("object", "map"):
        lines.append(f"{pad}{f.key}:")
        for child in f.fields:
            lines += _scaffold_field(child, child.example, indent + 2, f"{path}.{child.key}")
        return lines
    if f.type == "list":
        lines.append(f"{pad}{f.key}:")
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
    if example is None:  # an optional part most documents leave out: the key, left empty
        lines.append(f"{pad}{f.key}:")
        return lines
    if path in _SCAFFOLD_FILL:
        lines[-1] += f"　例如：{example}"
        example = scaffold_marker(f.desc if f.key == "name" else f.name)
    elif f.type in ("date", "year"):
        lines[-1] += "　示例值，请改成本文的"
    lines.append(f"{pad}{f.key}: {_scalar(example)}")
    return lines


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


def _close_matches(
    word: str, candidates: list[str] | tuple[str, ...], n: int, cutoff: float
) -> list[str]:
    """difflib's suggestions, imported only when there is a mistake to explain."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
