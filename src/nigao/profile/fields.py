"""The question table: one typed `Field` per profile key (`FIELDS`), in the spirit of copier's
typed questions. The validator, the JSON Schema and the `nigao init` scaffold are all derived
from it, so they cannot drift apart."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from nigao.kinds import KINDS, ROLES
from nigao.vocabulary import DOC_NUMBER  # noqa: F401 - the 发文字号 field's form, re-exported

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



# In doc_number, the place of each unit's own number in a batch (岚教发〔2027〕{序号}号).
NUMBER_SLOT = "{序号}"


class Field(NamedTuple):
    """One typed question. `type` is a key of `types.TYPES` (or `ref:<name>`, see `REFS`).

    A NamedTuple: as immutable as a frozen dataclass, ~0.6 ms less to import (`nigao new`)."""

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
        choices=KINDS,
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


def describe(path: str) -> str:
    """The Chinese description of a dotted profile key, for messages."""
    found = field_at(path)
    return found.desc if found else path
