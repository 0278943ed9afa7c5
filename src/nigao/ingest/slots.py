"""Turn a sample's specifics into profile slots so a skeleton reads right for any county.

Names of the issuing bureau, places, people and campaigns become `org.*`, `region`,
`campaign`, `leaders.*`; dated political wording becomes `guidance.*`
(data/political_terms.yaml); amounts, counts, schools, villages, dates and anonymisation
marks (#, XX) become `facts.<label>`. Text already turned into a slot is never matched again.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from nigao.ingest import tables
from nigao.kinds import title_topic

_CJK = "\u4e00-\u9fff"
# Placeholders: Private Use characters, so no pattern of a later pass matches inside one.
_OPEN, _CLOSE, _BASE, _RANGE = "\ue000", "\ue001", 0xE100, 0x1700
_PUA = "\ue000-\uf8ff"
_PUA_CHAR = re.compile("[\ue000-\uf8ff]")
_CJK_RUN = re.compile(f"[{_CJK}]+")
_NOT_LABEL = re.compile(rf"[^{_CJK}A-Za-z0-9]")
_PUNCT = "，。；：、！？“”‘’（）《》【】…—,.;:!?()[]「」 "

FIXED_LABELS = {
    "org.name": "发文机关全称",
    "org.short": "发文机关简称",
    "org.party": "党委（党组）名称",
    "region": "县区名称",
    "org.organ": "党委（党组）",
    "org.organ_office": "党委（党组）办公室",
    "org.organ_meeting": "党委（党组）会议",
    "campaign": "活动名称",
    "campaign_type": "活动类型词（活动、行动、工程……）",
    "campaign_noun": "对本次活动的称呼（活动、行动、工程……；由类型词而来）",
    "scope.all": "本单位范围（全县、全区、全校……）",
    "scope.our": "本单位自称（我县、我校……）",
    "scope.system": "本单位系统（全县教育系统、全校……）",
    "scope.our_system": "本单位系统自称（我县教育系统、我校……）",
    "scope.units": "下属单位（各学校（单位）、各处室、各年级……）",
    "scope.offices": "机关内设机构（局机关各股室、学校各处室……）",
    "scope.departments": "相关内设机构（相关股室、相关处室……）",
    "scope.leadership": "本单位领导班子（局党政领导班子、学校领导班子……）",
    "scope.self": "本单位作主语时的称呼（县教育局、学校……）",
    "focus": "本次工作要解决的主要问题",
    "goal": "本次工作要达到的目标",
    "year": "年份",
}


@functools.cache
def _rules() -> dict:
    return tables.load("slot_rules")


@functools.cache
def _generic() -> tuple[tuple[str, ...], frozenset[str]]:
    rules = _rules()
    return tuple(rules["generic_prefixes"]), frozenset(rules["generic_words"])


def _is_generic(name: str) -> bool:
    """A general word (全县, 各乡镇 …), or a phrase with a function word in it: not a name."""
    prefixes, words = _generic()
    boundary = _rules()["name_boundary"]
    return (
        name in words
        or name.startswith(prefixes)
        or any(ch.isdigit() or ch in boundary for ch in name)
    )


def _all_common(name: str) -> bool:
    """Made only of the commonest characters (调整, 加强 …): a word, not a local name."""
    from nigao.ingest.decode import COMMON_CHARS

    return all(ch in COMMON_CHARS for ch in name)


def _boundary_before(text: str, start: int) -> bool:
    """True when a proper name may start at `start` (punctuation, a function word, 中共)."""
    if start == 0:
        return True
    prev = text[start - 1]
    if not ("\u4e00" <= prev <= "\u9fff"):
        return True
    if prev in _rules()["name_boundary"]:
        return True
    return text[max(0, start - 2) : start] == "中共"


def _name_before(text: str, end: int, lengths: tuple[int, ...] = (2, 3, 4)) -> int | None:
    """Start of the shortest plausible proper name ending at `end`, or None."""
    for length in lengths:
        start = end - length
        if start < 0:
            break
        name = text[start:end]
        if not _CJK_RUN.fullmatch(name):
            break
        if length == lengths[0] and _is_generic(name):
            return None  # 农村学校, 全县…: the word next to the suffix is a general one
        if _boundary_before(text, start) and not _is_generic(name):
            return start
    return None


@functools.cache
def _guidance_rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple(
        (re.compile(entry["pattern"]), entry["slot"], entry["label"])
        for entry in tables.load("political_terms")
    )


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` must start with, or None when not plainly known."""
    try:  # the stdlib's regex parser (private): without it every rule is simply tried
        from re import _constants as c
        from re import _parser
    except ImportError:
        return None

    def first(items) -> set[str] | None:
        if not items:
            return None
        op, arg = items[0]
        if op is c.LITERAL:
            return {chr(arg)}
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in arg:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 0x3000:
                    chars.update(chr(n) for n in range(value[0], value[1] + 1))
                else:
                    return None
            return chars
        if op is c.BRANCH:
            chars = set()
            for branch in arg[1]:
                found = first(list(branch))
                if found is None:
                    return None
                chars |= found
            return chars
        if op is c.SUBPATTERN and not arg[1] and not arg[2]:
            return first(list(arg[3]))
        return None

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = first(list(parsed))
    return frozenset(found) if found is not None else None


@functools.cache
def _guidance_by_first() -> dict[str, tuple[int, ...]]:
    """Which guidance rules may match at a character ("" → rules that may start anywhere).

    Only these are tried where a term starts (speed); the order of the table is kept.
    """
    sets = [_first_chars(p.pattern) for p, _s, _l in _guidance_rules()]
    anywhere = tuple(i for i, chars in enumerate(sets) if chars is None)
    chars = set().union(*(cs for cs in sets if cs is not None))
    index = {ch: tuple(i for i, cs in enumerate(sets) if cs is None or ch in cs) for ch in chars}
    index[""] = anywhere
    return index


_DIGIT = re.compile(r"\d")
_SCHOOLS_VISITED = re.compile(
    r"(?<=了)([^，。；了“”\n\ue000-\uf8ff]{2,20}?)(?=等[一二三四五六七八九十两\d]+所(?:学校|中小学|幼儿园))"
)
_SLOGAN_DISCUSSION = re.compile(r"(?<=开展|组织|举行|推进|深化|启动)([\u4e00-\u9fff]{4}大讨论)")
_PLACEHOLDER_RUN = re.compile("\ue000..\ue001(?:[、和与及]\ue000..\ue001)+")
_LIST_SEPARATOR = re.compile("([、和与及])")
_LIST_JOINERS = ("、", "和", "与", "及")
# A school's name never ends with one of these right before 学校/小学 … (各学校, 县学校, 的学校).
_NOT_BEFORE_SCHOOL = frozenset(
    "各全本该每所级类等的了和与及在县区市城农型化属办立制贫薄弱格点范质，。、；：（）“”"
)
_JOINED_PLACEHOLDER = re.compile("(?:学校|小学|中学|幼儿园|完小)[、和与及]\ue000")
_COMRADE = re.compile("同志(?!们)")
# Lookaheads on the first character let most positions fail at once (speed; same matches).
_ORG_NAME = re.compile(r"(?=[中县区市])(中共)?([县区市])教育(?:体育)?局")
_MARK = re.compile(r"(?=[#XＸ×])(?:#+|[XＸ×]{2,})(万元|亿元|元)?")


def _decode(placeholder: str) -> int:
    return (ord(placeholder[1]) - _BASE) + (ord(placeholder[2]) - _BASE) * _RANGE


@functools.cache
def _school_suffix_re() -> re.Pattern[str]:
    words = sorted(_rules()["school_suffixes"], key=len, reverse=True)
    suffixes = "|".join(words)
    # The lookahead on possible first characters lets most positions fail at once (speed).
    firsts = re.escape("".join(sorted({"#", "X", "Ｘ", "×"} | {w[0] for w in words})))
    return re.compile(rf"(?=[{firsts}])(?:(?:#+|[XＸ×]{{2,}})(?:{suffixes})|(?:{suffixes}))")


@functools.cache
def _township_re() -> re.Pattern[str]:
    alt = "|".join(sorted(_rules()["township_suffixes"], key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?![\u4e00-\u9fff]?(?:镇|村)?级)")


@functools.cache
def _village_re() -> re.Pattern[str]:
    alt = "|".join(sorted(_rules()["village_suffixes"], key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?![\u4e00-\u9fff]?(?:镇|村)?级)")


@functools.cache
def _village_ending_re() -> re.Pattern[str]:
    return re.compile(rf"[{''.join(_rules()['village_endings'])}](?=新农村|村|社区)")


@functools.cache
def _number_re() -> re.Pattern[str]:
    """A number with its unit (money, percent or a count word), built once from the table."""
    units = _rules()["units"]
    money = "|".join(units["money"])
    count = "|".join(sorted(units["count"], key=len, reverse=True))
    percent = "|".join(re.escape(u) for u in units["percent"])
    return re.compile(
        rf"\d+(?:\.\d+)?(?:余|多)?(?:(?P<money>{money})|(?P<percent>{percent})|(?P<count>{count}))?(?P<more>余|多)?"
    )


@functools.cache
def _leader_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """组长由…同志担任, 成员为…, and a 组长：… line of a 领导小组 list (built once)."""
    roles = "|".join(sorted(_rules()["leader_roles"], key=len, reverse=True))
    names = rf"[{_CJK}]{{2,3}}(?:、[{_CJK}]{{2,3}})*"
    return (
        re.compile(rf"(?<![副])({roles})由({names})同志担任"),
        re.compile(rf"(成员)(为|有|是)({names})(?=[，。；]|$)"),
        re.compile(rf"(?m)^({roles})：(.*)$"),
    )


@functools.cache
def _gazetteer_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, its names longest first) in the table's order."""
    return tuple(
        (label, tuple(sorted(names, key=len, reverse=True)))
        for label, names in _rules()["gazetteer"].items()
    )


@functools.cache
def _ethnic_words() -> tuple[str, ...]:
    return tuple(sorted(_rules()["ethnic_groups"], key=len, reverse=True))


@functools.cache
def _school_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """School suffixes (longest first), generic words that are not suffixes, verb prefixes."""
    suffixes = tuple(sorted(_rules()["school_suffixes"], key=len, reverse=True))
    _prefixes, words = _generic()
    endings = tuple(sorted(w for w in words if w not in suffixes))
    return suffixes, endings, tuple(_rules()["verb_prefixes"])


# The passes in order, each with a cheap pattern that must occur for it to find anything.
_STEPS: tuple[tuple[str, str], ...] = (
    ("_documents", "《"),
    ("_leaders", "组长|成员|顾问"),
    ("_guidance", "@guidance"),
    ("_campaign", ""),
    ("_activities", "“|大讨论"),
    ("_orgs", "教育局|教育体育局"),
    ("_regions", ""),
    ("_gazetteer", "@gazetteer"),
    ("_dates", r"\d"),
    ("_universities", "大学|师大|学院"),
    ("_school_lists", "等[一二三四五六七八九十两\\d]+所"),
    ("_schools", "学校|小学|中学|幼儿园|完小|#"),
    ("_merge_school_lists", "\ue001[、和与及]\ue000"),
    ("_townships", "乡|镇|村|街道|庄|屯|寨|堡|铺"),
    ("_people", "同志"),
    ("_marks", "#|XX|ＸＸ|××"),
    ("_numbers", r"\d"),
)


@functools.cache
def _hint(hint: str) -> re.Pattern[str]:
    if hint == "@guidance":
        return _guidance_any()
    if hint == "@gazetteer":
        return _gazetteer_any()
    return re.compile(hint)


@functools.cache
def _guidance_any() -> re.Pattern[str]:
    """Where any guidance term starts; a lookahead on the terms' first characters lets most
    positions fail at once (when every rule's first characters are known)."""
    terms = "|".join(f"(?:{p.pattern})" for p, _s, _l in _guidance_rules())
    index = _guidance_by_first()
    if index[""]:
        return re.compile(terms)
    firsts = "".join(sorted(ch for ch in index if ch))
    return re.compile(f"(?=[{re.escape(firsts)}])(?:{terms})")


@functools.cache
def _gazetteer_any() -> re.Pattern[str]:
    names = [n for group in _rules()["gazetteer"].values() for n in group]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


@dataclass
class DocContext:
    """What is learned once per document: its place names and its campaign."""

    region_stems: list[str] = field(default_factory=list)
    campaign: str | None = None
    leader_names: list[str] = field(default_factory=list)


_QUOTED_ACTIVITY = re.compile(
    r"“([^“”\n\ue000-\uf8ff]{4,30})”(?=(?:专项活动|主题活动|大讨论|活动|主题征文活动|征文活动|工程|行动))"
    r"|“([^“”\n\ue000-\uf8ff]{2,30}活动)”"
    r"|“([^“”\n\ue000-\uf8ff]{2,30})”(?=为(?:活动)?载体)"  # 以“十不准”为载体: 以 checked
)


def learn(title: str, texts: list[str]) -> DocContext:
    """Learn a document's place-name stems and main campaign from its whole text."""
    ctx = DocContext()
    joined = "\n".join(texts)
    stems: Counter[str] = Counter()
    for match in re.finditer(r"(?:县|区|市)(?=教育(?:体育)?局|委|人民政府|政府)", joined):
        start = _name_before(joined, match.start(), (2, 3))
        if start is not None:
            stems[joined[start : match.start()]] += 1
    for match in re.finditer(rf"结合([{_CJK}]{{2,3}}?)(?=实际)", joined):
        name = match.group(1)
        if not _is_generic(name) and not name.endswith(("工作", "自身", "本地", "教育", "学校")):
            stems[name] += 1
    ctx.region_stems = sorted(stems, key=lambda s: (-len(s), s))

    # Main campaign: a title-derived name the body repeats, else the most repeated quoted activity.
    core = title_topic(title)
    if len(core) >= 4 and joined.count(core) >= 2:
        ctx.campaign = core
    else:
        counts: Counter[str] = Counter()
        order: dict[str, int] = {}
        for match in _QUOTED_ACTIVITY.finditer(joined):
            if match.group(3) and joined[match.start() - 1 : match.start()] != "以":
                continue
            name = match.group(1) or match.group(2) or match.group(3)
            counts[name] += 1
            order.setdefault(name, match.start())
        ranked = sorted(counts, key=lambda n: (-counts[n], order[n]))
        if ranked and counts[ranked[0]] >= 2:
            ctx.campaign = ranked[0]
    return ctx


class Slotter:
    """Slot the texts of one skeleton; collects the slots it used with their labels."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.entries: list[tuple[str, str, str, str]] = []  # ("slot"|"fact", a, b, attribute)

    # -- slot bookkeeping -------------------------------------------------
    def _mark(self, entry: tuple[str, str, str, str]) -> str:
        """A placeholder of Private Use characters: no later pass can match inside it."""
        n = len(self.entries)
        self.entries.append(entry)
        return _OPEN + chr(_BASE + n % _RANGE) + chr(_BASE + n // _RANGE) + _CLOSE

    def _use(self, name: str, label: str, attribute: str = "") -> str:
        return self._mark(("slot", name, label, attribute))

    def fact(self, base: str, value: str) -> str:
        """A facts.<label> slot; labels are numbered per skeleton by `fill`."""
        base = _NOT_LABEL.sub("", base) or "待填内容"
        if base[0].isdigit():
            base = "第" + base
        return self._mark(("fact", base, value, ""))

    # -- the passes --------------------------------------------------------
    def texts(self, texts: list[str]) -> list[str]:
        """Several headings and paragraphs slotted in one pass (labels numbered in order)."""
        if not texts:
            return []
        return self.text("\n".join(t.replace("\n", " ") for t in texts)).split("\n")

    def text(self, text: str) -> str:
        """Text with every specific replaced by a placeholder (see `fill`)."""
        text = text.replace("{", "｛").replace("}", "｝")
        if "”" in text or "“" in text:
            from nigao.ingest.generalize import mend_quotes

            text = mend_quotes(text)  # a quote slip of the source: before names are read
        if _PUA_CHAR.search(text):  # Word symbol-font bullets: they would clash with placeholders
            text = _PUA_CHAR.sub("", text)
        stems = self.ctx.region_stems
        campaign = self.ctx.campaign
        for step, hint in _STEPS:
            if step == "_campaign":
                wanted = bool(campaign) and campaign in text
            elif step == "_regions":
                wanted = any(stem in text for stem in stems)
            else:
                wanted = _hint(hint).search(text) is not None
            if wanted:  # else nothing this pass could match: skip it (speed)
                text = getattr(self, step)(text)
        return text

    def _documents(self, text: str) -> str:
        def repl(match: re.Match[str]) -> str:
            name = match.group(1)
            if re.search(r"(?:法|条例)$", name) and not re.search(r"\d|县|区|市", name):
                return match.group(0)
            kind = (
                "文件名称"
                if re.search(
                    r"(?:方案|意见|规定|办法|通知|决定|纲要|规划|细则|制度|标准)(?:（[^）]*）)?$",
                    name,
                )
                else "书名"
            )
            return "《" + self.fact(kind, name) + "》"

        return re.sub(r"《([^《》\n\ue000-\uf8ff]{1,60})》", repl, text)

    def _leaders(self, text: str) -> str:
        assigned, members, listed = _leader_res()

        def sentence(match: re.Match[str]) -> str:
            return (
                f"{match.group(1)}由"
                + self._use(f"leaders.{match.group(1)}", match.group(1), ".names")
                + "同志担任"
            )

        text = assigned.sub(sentence, text)
        text = members.sub(
            lambda m: m.group(1) + m.group(2) + self._use("leaders.成员", "成员", ".names"),
            text,
        )
        # 组长：（empty or a name with posts） — a line of the 领导小组 list.
        return listed.sub(
            lambda m: f"{m.group(1)}：" + self._use(f"leaders.{m.group(1)}", m.group(1)),
            text,
        )

    def _guidance(self, text: str) -> str:
        spans: list[tuple[int, int, str, str]] = []
        # One scan with all terms finds where terms start; each term is then tried there only.
        rules, by_first = _guidance_rules(), _guidance_by_first()
        for found in _guidance_any().finditer(text):
            for i in by_first.get(text[found.start()], by_first[""]):
                pattern, slot, label = rules[i]
                match = pattern.match(text, found.start())
                if match is None:
                    continue
                start, end = match.span()
                if text[max(0, start - 2) : start] in ("党的", "中共"):
                    start -= 2
                if text[end : end + 2] == "精神":
                    end += 2
                spans.append((start, end, slot, label))
        if not spans:
            return text
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        merged: list[list] = []
        for start, end, slot, label in spans:
            if merged and start < merged[-1][1]:
                continue  # inside a longer match
            if (
                merged
                and merged[-1][2] == slot
                and re.fullmatch(r"和|及|、|以及|与", text[merged[-1][1] : start])
            ):
                merged[-1][1] = end
                continue
            merged.append([start, end, slot, label])
        out, pos = [], 0
        for start, end, slot, label in merged:
            out.append(text[pos:start])
            out.append(self._use(slot, label))
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _campaign(self, text: str) -> str:
        name = self.ctx.campaign
        if not name or name not in text:
            return text
        slot = self._use("campaign", FIXED_LABELS["campaign"])
        return text.replace(name, slot)

    def _activities(self, text: str) -> str:
        def repl(match: re.Match[str]) -> str:
            if match.group(3) and text[match.start() - 1 : match.start()] != "以":
                return match.group(0)
            name = match.group(1) or match.group(2) or match.group(3)
            return "“" + self.fact("活动名称", name) + "”"

        text = _QUOTED_ACTIVITY.sub(repl, text)
        if "大讨论" not in text:
            return text
        # 开展解放思想大讨论: a four-character slogan naming a discussion campaign
        return _SLOGAN_DISCUSSION.sub(lambda m: self.fact("活动名称", m.group(1)), text)

    def _orgs(self, text: str) -> str:
        out, pos = [], 0
        for match in _ORG_NAME.finditer(text):
            stem_start = None if match.group(1) else _name_before(text, match.start(2), (2, 3))
            stem = text[stem_start : match.start(2)] if stem_start is not None else ""
            start = match.start()
            if stem and stem in self.ctx.region_stems:
                start = stem_start
                if text[max(0, start - 2) : start] == "中共":
                    start -= 2
                name = "org.name"
            elif _boundary_before(text, match.start()):
                name = "org.short"
            else:
                continue
            if start < pos:
                continue
            end = match.end()
            party = text[end : end + 2] in ("党委", "党组")
            if text[start : start + 2] == "中共" or party:
                name = "org.party"  # 中共X县教育局 / X县教育局党委 → the party organisation
                end += 2 if party else 0
            out.append(text[pos:start])
            out.append(self._use(name, FIXED_LABELS[name]))
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _regions(self, text: str) -> str:
        for stem in self.ctx.region_stems:
            if stem in text:
                text = re.sub(
                    re.escape(stem) + r"(?:县|区|市)?",
                    lambda m: self._use("region", FIXED_LABELS["region"]),
                    text,
                )
        return text

    def _gazetteer(self, text: str) -> str:
        for label, names in _gazetteer_names():
            for name in names:
                if name in text:
                    text = text.replace(name, self.fact(label, name))
        return text

    def _listed_schools(self, text: str) -> str:
        """A school word listed right before a recognised school is a school too (红星小学、…)."""
        if _JOINED_PLACEHOLDER.search(text) is None:
            return text
        out, pos = [], 0
        for match in _school_suffix_re().finditer(text):
            after = text[match.end() : match.end() + 5]
            if match.start() < pos or len(after) < 5 or after[0] not in _LIST_JOINERS:
                continue
            if after[1] != _OPEN or self.entries[_decode(after[1:5])][1] != "学校名称":
                continue
            start = self._listed_school(text, match.start(), pos)
            if start is None:
                continue
            out.append(text[pos:start])
            out.append(self.fact("学校名称", text[start : match.end()]))
            pos = match.end()
        out.append(text[pos:])
        return "".join(out)

    def _listed_school(self, text: str, suffix_at: int, pos: int) -> int | None:
        """检查红星小学、白河镇中心学校: in a list a name may follow a verb directly."""
        verbs = tuple(_rules()["verb_prefixes"])
        for length in (2, 3):
            start = suffix_at - length
            if start < pos:
                return None
            stem = text[start:suffix_at]
            if not _CJK_RUN.fullmatch(stem) or _is_generic(stem):
                return None
            if not stem.startswith(verbs) and not stem.endswith(("的", "和", "及")):
                return start
        return None

    def _is_school(self, text: str, start: int, end: int) -> bool:
        name = text[start:end]
        if name.startswith(("#", "X", "Ｘ", "×")):
            return True
        suffixes, generic_endings, verbs = _school_words()
        stem = next((name[: -len(s)] for s in suffixes if name.endswith(s)), name)
        if name.endswith(generic_endings):
            return False  # 大力实施中小学, 乡村学校 …
        if any(tail.startswith(verbs) for tail in (stem, stem[-2:], stem[-3:])):
            return False  # 改善学校, 建设学校 …
        return (
            len(stem) >= 2
            and _boundary_before(text, start)
            and not _is_generic(stem)
            and not _is_generic(name)
            and not any(ch in stem for ch in "的了和与及在各所类型式化等县区市")
            and not _all_common(stem)
        )

    def _school_lists(self, text: str) -> str:
        """参观了东方世纪等三所学校: the names listed before 等N所学校."""
        return _SCHOOLS_VISITED.sub(lambda m: self.fact("学校名单", m.group(1)), text)

    def _merge_school_lists(self, text: str) -> str:
        """Schools named one after another (甲小学、乙中学和丙小学) become one 学校名单."""

        def repl(match: re.Match[str]) -> str:
            values = []
            for part in _LIST_SEPARATOR.split(match.group(0)):
                if len(part) == 1:
                    values.append(part)
                    continue
                kind, base, value, _attribute = self.entries[_decode(part)]
                if kind != "fact" or base != "学校名称":
                    return match.group(0)
                values.append(value)
            return self.fact("学校名单", "".join(values))

        return _PLACEHOLDER_RUN.sub(repl, text)

    def _schools(self, text: str) -> str:
        out, pos = [], 0
        for match in _school_suffix_re().finditer(text):
            if match.start() < pos:
                continue
            if match.group(0)[0] in "#XＸ×":
                chosen = match.start()
            elif match.start() == 0 or text[match.start() - 1] in _NOT_BEFORE_SCHOOL:
                continue  # 各学校, 全县学校, 的学校 …: quick rejection (speed)
            else:
                chosen = _name_before(text, match.start(), (2, 3, 4))
                if chosen is not None and not self._is_school(text, chosen, match.end()):
                    chosen = None
                if chosen is None or chosen < pos:
                    continue
            out.append(text[pos:chosen])
            out.append(self.fact("学校名称", text[chosen : match.end()]))
            pos = match.end()
        out.append(text[pos:])
        text = "".join(out)
        text = self._listed_schools(text)
        if "#" not in text:
            return text
        return re.sub(r"#+中(?!学)", lambda m: self.fact("学校名称", m.group(0)), text)

    def _universities(self, text: str) -> str:
        out, pos = [], 0
        for match in re.finditer(_rules()["universities"], text):
            start = _name_before(text, match.start(), (2, 3, 4, 5, 6))
            if start is None or start < pos:
                continue
            out.append(text[pos:start])
            out.append(self.fact("高校名称", text[start : match.end()]))
            pos = match.end()
        out.append(text[pos:])
        return "".join(out)

    def _townships(self, text: str) -> str:
        _prefixes, words = _generic()
        for pattern, label in ((_township_re(), "乡镇名称"), (_village_re(), "村名称")):
            out, pos = [], 0
            for match in pattern.finditer(text):
                name_end = match.start()
                for ethnic in _ethnic_words():
                    if text.endswith(ethnic, 0, name_end):
                        name_end -= len(ethnic)
                        break
                start = _name_before(text, name_end, (2, 3))
                if start is None or start < pos or _all_common(text[start:name_end]):
                    continue
                name = text[start : match.end()]
                if any(name.endswith(w) for w in words) or name == "新农村":
                    continue
                out.append(text[pos:start])
                out.append(self.fact(label, name))
                pos = match.end()
            out.append(text[pos:])
            text = "".join(out)
        out, pos = [], 0
        for match in _village_ending_re().finditer(text):
            start = _name_before(text, match.end(), (3, 2, 4))
            if start is None or start < pos or _all_common(text[start : match.start()]):
                continue
            out.append(text[pos:start])
            out.append(self.fact("村名称", text[start : match.end()]))
            pos = match.end()
        out.append(text[pos:])
        return "".join(out)

    def _people(self, text: str) -> str:
        out, pos = [], 0
        for match in _COMRADE.finditer(text):
            start = _name_before(text, match.start(), (2, 3))
            if start is None or start < pos:
                continue
            out.append(text[pos:start])
            out.append(self.fact("姓名", text[start : match.start()]))
            pos = match.start()
        out.append(text[pos:])
        return "".join(out)

    def _marks(self, text: str) -> str:
        def repl(match: re.Match[str]) -> str:
            after = text[match.end() : match.end() + 2]
            if after.startswith("教育") or after.startswith(("县", "区")):
                return self._use("region", FIXED_LABELS["region"])
            if match.group(1):
                return self.fact(self._context_label(text, match, "金额"), match.group(0))
            return self.fact("待填内容", match.group(0))

        return _MARK.sub(repl, text)

    def _dates(self, text: str) -> str:
        text = re.sub(
            r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:[-—至到～~]\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)?",
            lambda m: self.fact(
                ("开始日期" if text.endswith(("从", "自", "于"), 0, m.start()) else "日期")
                if "月" in m.group(0)
                else "年份",
                m.group(0),
            ),
            text,
        )
        text = re.sub(
            r"\d{5,6}月", lambda m: self.fact("日期", m.group(0)), text
        )  # 20118月 (年 missing)
        return re.sub(
            r"\d{1,2}(?:[-—至到～~]\d{1,2})?月(?:\d{1,2}日|份|底|初|中旬|上旬|下旬)?",
            lambda m: self.fact(_time_label(text, m), m.group(0)),
            text,
        )

    def _numbers(self, text: str) -> str:
        pattern = _number_re()

        def repl(match: re.Match[str]) -> str:
            if _enumeration(text, match):
                return match.group(0)
            if match.group("money"):
                suffix = "金额"
            elif match.group("percent"):
                suffix = "比例"
            else:
                suffix = "数"
            label = self._context_label(text, match, suffix)
            if label == "数":
                unit = match.group("count") or ""
                label = _rules()["unit_labels"].get(unit.lstrip("余多"), "数量")
            return self.fact(label, match.group(0))

        return pattern.sub(repl, text)

    def _context_label(self, text: str, match: re.Match[str], suffix: str) -> str:
        """Name a number by the nearest known noun around it: 学位 + 数 → 学位数."""
        before = text[max(0, match.start() - 10) : match.start()]
        before = _CONTEXT_BREAK.split(before)[-1]
        after = text[match.end() : match.end() + 8]
        after = _CONTEXT_BREAK.split(after)[0]
        best = None
        for noun in _nouns_starting(before + after):
            candidates = []
            at = before.rfind(noun)
            if at >= 0:
                candidates.append(len(before) - at - len(noun))
            at = after.find(noun)
            if at >= 0:
                candidates.append(at)
            if candidates:
                key = (min(candidates), -len(noun))
                if best is None or key < best[0]:
                    best = (key, noun)
        noun = best[1] if best else ""
        if noun.endswith(("率", "比例")) and suffix == "比例":
            return noun
        if noun.endswith("金") and suffix == "金额":
            return noun + "额"
        if noun.endswith(("费", "补助", "投入", "捐款")) and suffix == "金额":
            return noun + "金额"
        return (noun + suffix) if noun else suffix


_CONTEXT_BREAK = re.compile(r"[，。；：、（）“”\n]")


@functools.cache
def _noun_index() -> dict[str, tuple[int, ...]]:
    """fact_nouns by their first character (positions in the table's order)."""
    index: dict[str, list[int]] = {}
    for i, noun in enumerate(_rules()["fact_nouns"]):
        index.setdefault(noun[0], []).append(i)
    return {ch: tuple(ids) for ch, ids in index.items()}


def _nouns_starting(chars: str) -> list[str]:
    """The fact_nouns (table order) whose first character occurs in `chars`: no other can."""
    index = _noun_index()
    ids = sorted({i for ch in set(chars) for i in index.get(ch, ())})
    nouns = _rules()["fact_nouns"]
    return [nouns[i] for i in ids]


_PLACE = re.compile("\ue000(.)(.)\ue001")


def fill(
    entries: list[tuple[str, str, str, str]], texts: list[str]
) -> tuple[list[str], dict[str, str]]:
    """Turn recorded placeholders into slot names for one skeleton, in reading order.

    Fact labels are numbered per skeleton as the drafter meets them: the first school is
    facts.学校名称, another school facts.学校名称2; the same value keeps its label.
    """
    slots: dict[str, str] = {}
    labels: dict[tuple[str, str], str] = {}
    counts: Counter[str] = Counter()

    def repl(match: re.Match[str]) -> str:
        n = (ord(match.group(1)) - _BASE) + (ord(match.group(2)) - _BASE) * _RANGE
        kind, a, b, attribute = entries[n]
        if kind == "slot":
            name, label = a, b
        else:
            if (a, b) not in labels:
                counts[a] += 1
                labels[(a, b)] = a if counts[a] == 1 else f"{a}{counts[a]}"
            label = labels[(a, b)]
            name = "facts." + label
        slots.setdefault(name, label)
        return "{{ " + name + attribute + " }}"

    return [_PLACE.sub(repl, text) for text in texts], slots


_PHASE_BEFORE = re.compile(rf"([{_CJK}]{{2,6}}阶段)（$")


def _time_label(text: str, match: re.Match[str]) -> str:
    """Name a month by its use: 宣传发动阶段（2月） → 宣传发动阶段时间, 至5月 → 结束时间."""
    # The last ten characters are enough for every test below (a phase name is at most
    # 6 + 2 characters, then （, then $ may sit before a final newline); no copy of the text.
    before = text[max(0, match.start() - 10) : match.start()]
    after = text[match.end() : match.end() + 2]
    phase = _PHASE_BEFORE.search(before)
    if phase:
        return phase.group(1) + "时间"
    if before.endswith(("至", "到", "起至")):
        return "结束时间"
    if before.endswith(("从", "自", "于")):
        return "开始时间"
    if after.startswith("前"):
        return "截止时间"
    return "时间"


def _enumeration(text: str, match: re.Match[str]) -> bool:
    """（1） inside a paragraph or 1、 starting one: a list number, not a fact."""
    number = match.group(0)
    if not number.isdigit() or len(number) > 2:
        return False
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before in "（(" and after in "）)":
        return True
    return (
        before in "。；：！？\n" and after in "、.．" or (match.start() == 0 and after in "、.．")
    )


def slot_heading(slotter: Slotter, heading: str) -> str:
    """Headings are slotted like text."""
    return slotter.text(heading)
