"""Profile + chosen skeletons → one `Document`.

Skeleton bodies are Jinja2 run in the sandbox with autoescape off (the output is draft
Markdown text; the .docx writer escapes XML). Profile fields a skeleton needs must be in the
profile (checked before rendering, naming the field, the skeleton and the profile file);
`facts.*` the profile lacks become visible 【待填：label】 markers. Numbers are never written:
sections are placed by depth and the writers label them, so numbering runs on across
skeletons from different sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.errors import NigaoError
from nigao.model import Document, Section
from nigao.profile import (
    ROLE_NAMES,
    Profile,
    ProfileError,
    describe,
    empty,
    field_at,
    kinds_table,
    record,
)
from nigao.skeletons import Library, Skeleton, unknown_message
from nigao.unitwords import campaign_noun, region_of, scope_words
from nigao.vocabulary import FILL_IN_RE, fill_in

# Where each slot's value lives in the profile (slots not listed map to themselves): the
# party organ's words are derived from org.party.
_SLOT_FIELD = {
    "region": "org.region",
    "org.organ": "org.party",
    "org.organ_office": "org.party",
    "org.organ_meeting": "org.party",
}
# Slots that always render: computed, or a visible 【待填】 marker when the profile is silent.
_ALWAYS = {"year", "date", "campaign", "campaign_type", "campaign_noun", "focus", "goal", "examples"}
_ROOTS = {
    "org", "region", "campaign", "campaign_type", "campaign_noun", "scope", "focus", "goal", "examples",
    "year", "date", "guidance", "leaders", "facts",
}  # fmt: skip
# What a drafter is asked for when the profile leaves an always-rendered slot empty.
SLOT_MARKERS = {
    "campaign": "活动名称",
    "focus": "本次工作要解决的主要问题",
    "goal": "本次工作要达到的目标",
}
_LEADER_ATTRS = {"names", "block"}


# ---------------------------------------------------------------------------------------------
# Plain text helpers
# ---------------------------------------------------------------------------------------------


def format_date(value: Any) -> str:
    """date(2027, 3, 1) → 2027年3月1日."""
    return f"{value.year}年{value.month}月{value.day}日"


def month_range(start: tuple[int, int], end: tuple[int, int] | None = None) -> str:
    """(2027,3)-(2027,4) → 2027年3月至4月; across years both years; one month 2027年3月."""
    (y1, m1), (y2, m2) = start, end or start
    if (y1, m1) == (y2, m2):
        return f"{y1}年{m1}月"
    if y1 == y2:
        return f"{y1}年{m1}月至{m2}月"
    return f"{y1}年{m1}月至{y2}年{m2}月"


def paragraphs_of(text: str | None) -> list[str]:
    """A profile text field → paragraphs (one per non-blank line)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _person(p: record.Person) -> str:
    return f"{p.name}（{p.post}）" if p.post else p.name


# ---------------------------------------------------------------------------------------------
# The values skeletons see
# ---------------------------------------------------------------------------------------------


class _Bag:
    """Read-only mapping for the template; a missing key is Undefined (checked before use)."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __contains__(self, key: str) -> bool:
        return key in self._values


class _Facts:
    """facts.<label>: the drafter's value, or a visible 【待填：label】 marker."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = values
        self.used: set[str] = set()  # labels the chosen skeletons asked for

    def __getitem__(self, key: str) -> str:
        self.used.add(key)
        value = self._values.get(key)
        return fill_in(key) if value in (None, "") else str(value)


class _Guidance(_Bag):
    """guidance.<label>: dated wording is optional — missing, it is a visible marker, never a stop."""

    def __getitem__(self, key: str) -> str:
        value = self._values.get(key)
        if value in (None, ""):
            return fill_in(guidance_label(key))
        return value


def guidance_label(key: str) -> str:
    """What a drafter calls a guidance slot (data/political_terms.yaml), for its marker."""
    from nigao.ingest import tables

    labels = {"theory": "指导思想理论", "spirit": "会议精神"}
    for entry in tables.load("political_terms"):
        labels.setdefault(entry["slot"].partition(".")[2], entry["label"])
    label = labels.get(key, key)
    return label.split("（")[0] + "的现行提法" if key not in ("theory", "spirit") else label


def party_organ(party: str) -> str:
    """The organ a profile's org.party names: 中共岚溪县教育局党组 → 党组, …支部委员会 → 党支部,
    …总支部委员会 → 党总支, otherwise 党委."""
    party = party.rstrip()
    for ending, organ in _ORGANS:
        if party.endswith(ending):
            return organ
    return "党委"


_ORGANS = (("党组", "党组"), ("总支部委员会", "党总支"), ("党总支", "党总支"),
           ("支部委员会", "党支部"), ("党支部", "党支部"))  # fmt: skip
# The one-character name a unit gives itself before its organ: 局党组, 校党支部, 园党支部.
_SELF_NAMES = (("局", "局"), ("幼儿园", "园"), ("学校", "校"), ("中学", "校"), ("小学", "校"),
               ("校", "校"), ("学院", "院"))  # fmt: skip


def organ_words(name: str | None, party: str | None) -> dict[str, str]:
    """org.organ / organ_office / organ_meeting from org.party and org.name (局党组, 局党组办公室,
    局党组会议; 校党支部 …); a party still 【待填】 gives markers, no party gives nothing."""
    party = str(party or "")
    if not party:
        return {}
    if FILL_IN_RE.search(party):
        marker = fill_in("党组织名称")
        return {"organ": marker, "organ_office": f"{marker}办公室", "organ_meeting": f"{marker}会议"}
    name = str(name or "")
    own = next((short for ending, short in _SELF_NAMES if name.endswith(ending)), "")
    organ = own + party_organ(party)
    # A 党支部 or 党总支 keeps no office of its own: the unit's office serves it (校办公室).
    office = organ if party_organ(party) in ("党组", "党委") else own
    return {"organ": organ, "organ_office": f"{office}办公室", "organ_meeting": f"{organ}会议"}


def campaign_type(profile: Profile) -> str:
    """The type word written after the quoted campaign: given, none if the name has one, else 活动."""
    if profile.campaign_type is not None:
        return profile.campaign_type
    name = profile.campaign or ""
    from nigao.ingest import tables

    words = tables.load("generalize")["campaign_type_words"]
    return "" if name.endswith(tuple(words)) else "活动"


class _Group:
    """One leadership role: `王明（局党组书记、局长）、李华（…）`, `.names` → `王明、李华`."""

    def __init__(self, role: str, people: tuple[record.Person, ...], empty: list[str]):
        self.role, self.people, self._empty = role, people, empty

    def _marker(self) -> str:
        self._empty.append(self.role)
        return fill_in(self.role)

    @property
    def names(self) -> str:
        return "、".join(p.name for p in self.people) if self.people else self._marker()

    def __str__(self) -> str:
        return "、".join(_person(p) for p in self.people) if self.people else self._marker()


class _Block(str):
    """leaders.block: several lines (each becomes a paragraph); kept apart from finalize."""


class _Leaders:
    def __init__(self, leaders: record.Leaders, empty: list[str]):
        from nigao.profile import LEADER_ROLES

        self._groups = {r: _Group(r, getattr(leaders, r), empty) for r in LEADER_ROLES}
        self._empty = empty

    def __getitem__(self, key: str) -> Any:
        if key == "block":
            lines = [f"{r}：{g}" for r, g in self._groups.items() if g.people]
            if not lines:
                self._empty.append("领导小组")
                return _Block(fill_in("领导小组名单"))
            return _Block("\n".join(lines))
        return self._groups[key]


def _finalize(value: Any) -> Any:
    """Every printed value: text on one line (a profile value cannot start a new heading)."""
    if isinstance(value, _Block):
        return str(value)
    if value is None:
        return ""
    return " ".join(str(value).splitlines())


def _environment() -> Any:
    from jinja2 import StrictUndefined

    from nigao.sandbox import environment

    class _Undefined(StrictUndefined):
        """Printing a missing value is an error; testing it (`{% if %}`) is just false."""

        def __bool__(self) -> bool:
            return False

    return environment(
        autoescape=False,
        undefined=_Undefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ---------------------------------------------------------------------------------------------
# Choosing skeletons
# ---------------------------------------------------------------------------------------------


@dataclass
class Choice:
    """What one profile section resolved to."""

    path: str  # "sections[2]" or "sections[2].sections[0]"
    section: record.Section
    skeleton: Skeleton | None
    is_default: bool = False
    placeholder: bool = False  # no skeleton of this role in the library, no own content


def walk_sections(profile: Profile) -> Iterator[tuple[str, record.Section]]:
    """Every profile section with its key path, in reading order."""

    def visit(
        sections: tuple[record.Section, ...], base: str
    ) -> Iterator[tuple[str, record.Section]]:
        for i, section in enumerate(sections):
            path = f"{base}[{i}]"
            yield path, section
            yield from visit(section.sections, f"{path}.sections")

    yield from visit(profile.sections, "sections")


def section_at(profile: Profile, path: str) -> record.Section | None:
    """The section at a `walk_sections` path (sections[2].sections[0]), or None."""
    return next((section for at, section in walk_sections(profile) if at == path), None)


def own_content(section: record.Section) -> bool:
    """The drafter wrote this section's content (items, phases or text) in the profile."""
    return bool(section.items or section.phases or section.text)


def resolve(
    profile: Profile, library: Library, overrides: dict[str, str] | None = None
) -> list[Choice]:
    """Each section's skeleton: override > profile's `skeleton` > own content only > default.

    Collects every unknown id and every missing required field, and raises them together.
    """
    overrides = overrides or {}
    errors: list[str] = list(profile.errors)
    choices: list[Choice] = []
    for path, section in walk_sections(profile):
        if not section.role:  # already reported by the profile check
            continue
        # An override of "" means "no skeleton" (chosen in the --interactive menu).
        sid = overrides.get(path, section.skeleton)
        skeleton, is_default = None, False
        if path in overrides and not sid:
            pass
        elif sid:
            skeleton = library.skeletons.get(sid)
            if skeleton is None:
                where = profile.where(f"{path}.skeleton") if path not in overrides else profile.path
                errors.append(
                    f"{where}: {path}.skeleton：{unknown_message(sid, list(library.skeletons))}"
                )
                continue
        elif not own_content(section):
            skeleton = library.default_for(section.role, profile.kind)
            is_default = True
            if skeleton is None:  # nothing to take: leave a visible fill-in, listed at the end
                choices.append(Choice(path, section, None, placeholder=True))
                continue
        choices.append(Choice(path, section, skeleton, is_default))
    errors += _missing_fields(profile, choices)
    if errors:
        raise ProfileError(profile.path, sorted(errors, key=_position(profile.path)))
    return choices


def _position(path: str) -> Any:
    """Sort key: the profile's own lines first, by line and column; other files after."""

    def key(error: str) -> tuple[int, str, int, int]:
        match = re.match(r"^(.*?):(\d+):(\d+): ", error)
        if not match:
            return (1, error, 0, 0)
        source, line, col = match.group(1), int(match.group(2)), int(match.group(3))
        return (source != path, source, line, col)

    return key


def _derived(profile: Profile, key: str) -> bool:
    """A field the draft can do without because its value follows from another (the county
    from the unit's full name)."""
    return key == "org.region" and region_of(_org_values(profile)) is not None


def _org_values(profile: Profile) -> dict[str, Any]:
    """The org's written values by key (what the skeletons' `org.*` and the unit words read)."""
    org = profile.org
    values = {f.key: getattr(org, f.key) for f in org.fields}
    return {key: value for key, value in values.items() if value is not None}


def _missing_fields(profile: Profile, choices: list[Choice]) -> list[str]:
    """Profile fields a chosen skeleton prints but the profile lacks (or slots nobody knows)."""
    errors: list[str] = []
    for choice in choices:
        skeleton = choice.skeleton
        if skeleton is None:
            continue
        for slot in skeleton.used_slots:
            root = slot.split(".")[0]
            if root not in _ROOTS or root in ("facts", "leaders", "scope") or slot in _ALWAYS:
                continue
            if root == "guidance":
                continue  # dated wording: a visible marker when missing, never a stop
            key = _SLOT_FIELD.get(slot, slot)
            if field_at(key) is None:
                errors.append(
                    f"{skeleton.path}: 骨架 {skeleton.id} 用到了未知的槽位 {slot}"
                    "（可用的见 docs/ARCHITECTURE.md 的槽位表）"
                )
                continue
            if key in profile.marks and profile.errors:
                continue  # written but invalid: the profile check has said so
            if empty(profile.value(key)) and not _derived(profile, key):
                found = field_at(key)
                example = f" — 例如：{found.example}" if found and found.example else ""
                errors.append(
                    f"{profile.where(choice.path)}: 缺少 {key}（{describe(key)}）："
                    f"{choice.path} 选用的骨架 {skeleton.id}（{skeleton.path}）要用它，"
                    f"请在配置文件 {profile.path} 中填写{example}"
                )
    return errors


# ---------------------------------------------------------------------------------------------
# Composing
# ---------------------------------------------------------------------------------------------


@dataclass
class Draft:
    """The composed document and what a drafter should be told about it."""

    document: Document
    choices: list[Choice]
    empty_leaders: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def defaults(self) -> list[Choice]:
        return [c for c in self.choices if c.is_default]

    def markers(self) -> list[tuple[str, str]]:
        """Every 【待填：label】 left in the document: (label, where it is)."""
        doc = self.document
        found: list[tuple[str, str]] = []

        def scan(where: str, texts: list[str]) -> None:
            for text in texts:
                found.extend((label, where) for label in FILL_IN_RE.findall(text))

        scan("标题", [doc.title])
        scan("开头", doc.preamble)
        for _depth, label, section in doc.numbered():
            scan(label + section.heading.rstrip("。"), [section.heading, *section.paragraphs])
        scan("结尾", doc.closing)
        return found


# `{{ org.short }}`-style slots with nothing else: no Jinja2 import needed (~40 ms a process).
_SIMPLE_SLOT = re.compile(r"\{\{ *([^\W\d]\w*(?:\.\w+)*) *\}\}")
_NOT_SIMPLE = re.compile(r"\{[{%#]")
_MISSING = object()


def skeleton_view(profile: Profile, facts: _Facts, empty_leaders: list[str]) -> dict[str, Any]:
    """What a skeleton's slots see: the one mapping built from the typed profile for the sandbox
    (and for the plain `{{ slot }}` fill). Item lookups only; a value the profile does not give
    is absent (Undefined, checked before rendering) or a visible 【待填】 marker."""
    org = _org_values(profile)
    org.update(organ_words(profile.org.name, profile.org.party))
    org["region"] = region_of(org)
    given = {key: getattr(profile, key) for key in SLOT_MARKERS}
    type_word = campaign_type(profile)
    view = {
        "org": _Bag({k: v for k, v in org.items() if v is not None}),
        "region": org["region"],
        **{k: v if v else fill_in(SLOT_MARKERS[k]) for k, v in given.items()},
        "campaign_type": type_word,
        "campaign_noun": campaign_noun(profile.campaign, type_word),
        "scope": _Bag(scope_words(org)),
        "examples": False,
        "year": profile.draft_year,
        "date": format_date(profile.date),
        "guidance": _Guidance(profile.guidance),
        "leaders": _Leaders(profile.leaders, empty_leaders),
        "facts": facts,
    }
    return {k: v for k, v in view.items() if v is not None}


class _Renderer:
    def __init__(self, profile: Profile):
        self.profile = profile
        self._env: Any = None
        self.facts = _Facts(profile.facts)
        self.empty: list[str] = []
        self.context = skeleton_view(profile, self.facts, self.empty)

    def render(self, skeleton: Skeleton, text: str, line_offset: int) -> str:
        """Plain `{{ slot }}` bodies are filled directly; anything else runs in the sandbox."""
        if "{" not in text:
            return text
        if not _NOT_SIMPLE.search(_SIMPLE_SLOT.sub("", text)):
            return _SIMPLE_SLOT.sub(lambda m: self.lookup(skeleton, m.group(1)), text)
        return self.render_jinja(skeleton, text, line_offset)

    def lookup(self, skeleton: Skeleton, name: str) -> str:
        """One dotted slot, resolved exactly as the sandbox would (item lookups only)."""
        root, *parts = name.split(".")
        value: Any = self.context.get(root, _MISSING)
        for part in parts:
            if value is _MISSING:
                break
            if isinstance(value, _Group) and part == "names":
                value = value.names
            elif isinstance(value, (_Bag, _Facts, _Leaders)) and not part.startswith("_"):
                try:
                    value = value[part]
                except KeyError:
                    value = _MISSING
            else:
                value = _MISSING
        if value is _MISSING:
            raise NigaoError(
                f"骨架 {skeleton.id} 用到了配置文件没有提供的内容（{name}）",
                path=str(skeleton.path),
            )
        return _finalize(value)

    def render_jinja(self, skeleton: Skeleton, text: str, line_offset: int) -> str:
        from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError

        from nigao.sandbox import LimitError, render

        if self._env is None:
            self._env = _environment()
        try:
            return render(self._env.from_string(text), self.context)
        except LimitError as error:
            raise NigaoError(
                f"骨架 {skeleton.id} 超出了安全上限，已停止生成：{error}", path=str(skeleton.path)
            ) from None
        except SecurityError:
            raise NigaoError(
                f"骨架 {skeleton.id} 里有不允许的写法（访问内部属性或不安全的调用），已被安全沙箱拒绝",
                path=str(skeleton.path),
            ) from None
        except TemplateSyntaxError as error:
            raise NigaoError(
                f"骨架 {skeleton.id} 的模板语法有误（常见原因：{{{{ }}}} 或 {{% %}} 没有配对、"
                "{% for %} 缺少 {% endfor %}）",
                path=str(skeleton.path),
                line=(error.lineno or 1) + line_offset - 1,
            ) from None
        except UndefinedError as error:
            name = re.findall(r"'([^']+)'", error.message or "")
            raise NigaoError(
                f"骨架 {skeleton.id} 用到了配置文件没有提供的内容（{name[-1] if name else '未知项'}）",
                path=str(skeleton.path),
            ) from None
        except (TemplateError, TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError):
            raise NigaoError(
                f"骨架 {skeleton.id} 无法生成：模板里的运算或调用有误（类型不符、除以零或找不到的键）",
                path=str(skeleton.path),
            ) from None

    def skeleton(
        self, skeleton: Skeleton, examples: bool = False
    ) -> tuple[str, list[str], list[Section]]:
        """The skeleton's heading, lead paragraphs and children (its examples only on request)."""
        from nigao.draftmd import parse_body

        self.context["examples"] = examples

        heading = (
            self.render(skeleton, skeleton.heading, 1)
            if "{" in skeleton.heading
            else skeleton.heading
        )
        body = self.render(skeleton, skeleton.body, skeleton.body_line)
        try:
            paragraphs, sections = parse_body(body, str(skeleton.path))
        except NigaoError as error:
            raise NigaoError(f"骨架 {skeleton.id} 的结构有误：{error}") from None
        return heading.strip(), paragraphs, sections


def compose(profile: Profile, library: Library, overrides: dict[str, str] | None = None) -> Draft:
    """Build the Document a profile describes (validating skeleton choices first)."""
    choices = resolve(profile, library, overrides)
    by_path = {c.path: c for c in choices}
    renderer = _Renderer(profile)
    headings = kinds_table()["headings"]
    from nigao.attachments import split

    base = Path(profile.path).parent
    names, appendices = split(profile.attachments, base, profile.where)
    doc = Document(
        kind=profile.kind,
        title=profile.title,
        recipients=profile.recipients,
        signature=profile.signature or profile.org.name,
        date=format_date(profile.date),
        doc_number=_own_number(profile.doc_number),
        issuer_mark=profile.issuer_mark,
        cc=profile.cc,
        printer=profile.printer,
        print_date=format_date(profile.print_date) if profile.print_date else None,
        attachments=names,
        appendices=appendices,
        signer=profile.signer,
        sealed=bool(profile.sealed),
        verso_even=profile.verso_even is not False,  # on unless the drafter says false
        author=profile.org.name,
    )
    notes: list[str] = []

    def build(path: str) -> Section:
        choice = by_path[path]
        section = choice.section
        role = section.role
        heading, paragraphs, children = "", [], []
        if choice.skeleton is not None:
            heading, paragraphs, children = renderer.skeleton(choice.skeleton, bool(section.examples))
            if choice.skeleton.role != role:
                notes.append(
                    f"{path}：角色是 {role}，所用骨架 {choice.skeleton.id} 的角色是 {choice.skeleton.role}"
                )
            if section.intro_only:
                children = []
        heading = section.heading or heading or headings.get(role) or ROLE_NAMES[role]
        top = "." not in path  # a level-1 heading stands on its own line, without 。
        if top:
            heading = heading.rstrip("。")
        paragraphs = paragraphs + paragraphs_of(section.text)
        if choice.placeholder:
            label = (heading or ROLE_NAMES[role]).rstrip("。") + "内容"
            paragraphs.append(fill_in(label))
            notes.append(
                f"{path}（{role}）：骨架库里没有这一角色的骨架，已留出【待填：{label}】"
                "（可写 text / items，或用 skeleton 指定别的骨架）"
            )
        for item in section.items:
            children.append(_item(item))
        for phase in section.phases:
            children.append(_phase(phase))
        for i in range(len(section.sections)):
            children.append(build(f"{path}.sections[{i}]"))
        _agree(children)
        from nigao.vocabulary import is_run_in

        return Section(
            heading=heading,
            role=role,
            paragraphs=paragraphs,
            sections=children,
            # The skeleton's own flag for its own heading (the draft marks the rare heading
            # whose 。 disagrees); a drafter's heading follows the 。 rule.
            run_in=False
            if top
            else choice.skeleton.run_in
            if choice.skeleton is not None and not section.heading and heading
            else is_run_in(heading),
        )

    for i, section in enumerate(profile.sections):
        path = f"sections[{i}]"
        built = build(path)
        if section.role in ("preamble", "closing"):
            target = doc.preamble if section.role == "preamble" else doc.closing
            target.extend(built.paragraphs)
            doc.sections.extend(built.sections)
        else:
            doc.sections.append(built)
    _check_depth(doc)
    notes += _unused_facts(profile.facts, renderer.facts.used)
    return Draft(document=doc, choices=choices, empty_leaders=renderer.empty, notes=notes)


def _agree(children: list[Section]) -> None:
    """Sibling headings agree (the drafter's items beside a skeleton's sections): when some run
    in and some stand alone, all stand alone, without the 。."""
    if len({c.run_in for c in children}) > 1:
        for child in children:
            child.run_in = False
            child.heading = child.heading.rstrip("。")


def _unused_facts(given: Mapping[str, Any], used: set[str]) -> list[str]:
    """A fact no chosen skeleton asks for is most likely a mistyped label: say so."""
    from nigao.profile import _close_matches

    missing = sorted(used - set(given))
    notes = []
    for label in sorted(set(given) - used):
        hint = _close_matches(label, missing, n=1, cutoff=0.5)
        guess = f"，是不是 “{hint[0]}”？" if hint else ""
        notes.append(f"facts.{label} 没有被所选骨架用到{guess}")
    return notes


def _item(item: record.Item) -> Section:
    from nigao.vocabulary import is_run_in

    return Section(
        heading=item.title, paragraphs=paragraphs_of(item.text), run_in=is_run_in(item.title)
    )


def _phase(phase: record.Phase) -> Section:
    name = phase.name.rstrip("。")
    when = month_range(phase.start, phase.end)
    text = paragraphs_of(phase.text)
    heading = f"{name}（{when}）" + ("。" if text else "")
    return Section(heading=heading, paragraphs=text, run_in=bool(text))


def _check_depth(doc: Document) -> None:
    for depth, section in doc.walk():
        if depth > 4:
            raise NigaoError(f"章节层级超过四级（公文正文最多四级）：{section.heading}")


def _own_number(number: str | None) -> str | None:
    """A 发文字号 pattern drafted outside a batch has no number yet: 岚教发〔2027〕【待填：序号】号."""
    from nigao.profile import NUMBER_SLOT

    return number.replace(NUMBER_SLOT, fill_in("序号")) if number else number


def profile_markers(profile: Profile) -> list[tuple[str, str]]:
    """(key, label) of every profile value that still holds a 【待填：label】 (an unedited
    `nigao init` scaffold): `org.name`, `leaders.组长[0].name` …"""
    found: list[tuple[str, str]] = []

    def visit(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}.{key}" if where else str(key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, f"{where}[{i}]")
        elif isinstance(value, str):
            found.extend((where, label) for label in FILL_IN_RE.findall(_own_number(value) or ""))

    visit(profile.data, "")
    return found


def unfilled(draft: Draft, profile: Profile) -> list[str]:
    """What --final refuses: every profile value still a marker, every marker in the text
    (one line per label the profile does not already name), every empty leader."""
    in_profile = profile_markers(profile)
    lines = [f"{profile.path} 的 {key} 还没有填写（【待填：{label}】）" for key, label in in_profile]
    named = {label for _key, label in in_profile}
    leader_labels = {*draft.empty_leaders, "领导小组名单"}
    lines += [
        f"【待填：{label}】 在 {where}"
        for label, where in draft.markers()
        if label not in leader_labels and label not in named
    ]
    for role in dict.fromkeys(draft.empty_leaders):
        lines.append(f"领导小组{role}没有填写（{profile.path} 的 leaders.{role}）")
    return lines
