"""Content against the profile: foreign places and schools, foreign people in leader lines,
political wording that was current years before the document's date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from nigao.check.context import TEXT_KINDS, Context, Passage, ProfileFacts
from nigao.check.findings import Finding
from nigao.check.registry import rule
from nigao.check.tables import patterns, places, political_terms, short_name
from nigao.check.text import HAN, first_matches, is_han

_FULL_SUFFIX = re.compile("[省市县区州盟旗]")  # the last character of a county-or-higher name


@cache
def _small_tables() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], str, str, re.Pattern[str]
]:
    place = patterns()["place"]
    stops = patterns()["name_stop_chars"]
    generic = sorted(place["generic_small"], key=len, reverse=True)
    small = re.compile(place["small_suffix"])
    school = re.compile(
        place["school_suffix"] + r"(?!生|段|部|阶段|教师|老师|学科|数学|语文|英语|教育|全会|全体)"
    )
    return (
        small,
        school,
        re.compile("|".join(generic)),
        frozenset(place["generic_school"]),
        stops,
        "".join(c for c in stops if c not in "中省市县区乡镇村第一二三四五六七八九十"),
        re.compile("|".join(sorted(place["short_cues"], key=len, reverse=True))),
    )


def _allowed(facts: ProfileFacts) -> set[str]:
    allowed: set[str] = set()
    if facts.region:
        allowed.add(facts.region)
        allowed |= places().family(facts.region)
        allowed.add(short_name(facts.region))
    return {a for a in allowed if a}


def _known(name: str, facts: ProfileFacts, allowed: set[str]) -> bool:
    return name in allowed or name in facts.known


def _core_before(text: str, end: int, stops: str, longest: int) -> str:
    """The name part just before position `end`: CJK characters after the last stop character."""
    start = end
    while start > 0 and end - start < longest:
        char = text[start - 1]
        if not is_han(char) or char in stops:
            break
        start -= 1
    return text[start:end]


@cache
def _leading_verbs() -> tuple[str, ...]:
    return tuple(sorted(patterns()["place"].get("leading_verbs", []), key=len, reverse=True))


def _strip_verbs(core: str, verbs: tuple[str, ...]) -> str:
    """加强脱贫 → 脱贫: a verb in front of a name is not part of it."""
    changed = True
    while changed and core:
        changed = False
        for verb in verbs:
            if core.startswith(verb) and len(core) > len(verb):
                core = core[len(verb) :]
                changed = True
                break
    return core


def _segments_generic(core: str, words: frozenset[str]) -> bool:
    """True if `core` is made only of generic words (农村、县直、对口 …)."""
    if not core:
        return True
    ok = [True] + [False] * len(core)
    for i in range(1, len(core) + 1):
        for j in range(max(0, i - 8), i):
            if ok[j] and core[j:i] in words:
                ok[i] = True
                break
    return ok[-1]


def find_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every county-or-higher, town/village or school name in text."""
    table = places()
    small_re, school_re, generic_small, generic_school, stops, school_stops, cues = _small_tables()
    found: list[tuple[int, int, str]] = []
    # county and higher: longest known name ending at each 省/市/县/区 … character
    lengths = table.lengths
    for suffix in _FULL_SUFFIX.finditer(text):
        end = suffix.end()
        for length in lengths.get(suffix.group(), ()):
            if length > end:
                continue
            name = text[end - length : end]
            if name in table.full:
                if _reads_as_place(text, end - length, end, name, stops):
                    found.append((end - length, end, "county"))
                break
    # short county names before a cue word: 结合樊城实际 (结合通道实际, not 绿色通道发展)
    common = _context_words()[2]
    for match in cues.finditer(text):
        j = match.start()
        for length in (3, 2):
            name = text[j - length : j] if j >= length else ""
            if name in table.short:
                if name not in common or _after_place_verb(text[: j - length], 2):
                    found.append((j - length, j, "place"))
                break
    # towns and villages: 石桥镇 源口瑶族乡 (not 乡村, 城镇, 行政村 …)
    generic_spans = (
        [m.span() for m in generic_small.finditer(text)] if small_re.search(text) else []
    )
    verbs = _leading_verbs()
    for match in small_re.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in generic_spans):
            continue
        core = _strip_verbs(_core_before(text, match.start(), stops, 4), verbs)
        if len(core) < 2 or _segments_generic(core, generic_school):
            continue
        found.append((match.start() - len(core), match.end(), "place"))
    # schools: 允山中心小学 潇浦中学 樊城区第一中学 (a place name may be part of a school's)
    for match in school_re.finditer(text):
        core = _strip_verbs(_core_before(text, match.start(), school_stops, 7), verbs)
        if len(core) < 2 or _segments_generic(core, generic_school):
            continue
        found.append((match.start() - len(core), match.end(), "school"))
    # a town or school match cut through a county name is a misreading (邀请桐乡|市, 参加镇|海区)
    counties = [f for f in found if f[2] == "county"]
    found = [
        f
        for f in found
        if f in counties
        or not any(a < f[1] and f[0] < b and not f[0] <= a < b <= f[1] for a, b, _ in counties)
    ]
    # drop names inside longer ones
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return [(a, b, "place" if kind == "county" else kind) for a, b, kind in out]


@cache
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    place = patterns()["place"]
    verbs = tuple(sorted(place["place_verbs"], key=len, reverse=True))
    return verbs, tuple(place["place_after"]), frozenset(place["common_word_names"])


def _after_place_verb(before: str, shortest: int = 1) -> bool:
    """`before` ends with a verb or preposition that takes a place (学习、赴、在 …)."""
    return any(len(v) >= shortest and before.endswith(v) for v in _context_words()[0])


def _ends_with_place(before: str) -> bool:
    """`before` ends with a county-or-higher name (湖南省|会同县)."""
    table = places()
    return any(
        before[-length:] in table.full
        for length in table.lengths.get(before[-1:], ())
        if length <= len(before)
    )


def _in_place_context(text: str, start: int, end: int) -> bool:
    """The words around text[start:end] say it is a place: it opens the paragraph, follows a
    higher-level place or a verb that takes a place, or a word that follows places comes after."""
    before = text[:start]
    return (
        not before
        or _after_place_verb(before)
        or _ends_with_place(before)
        or text.startswith(_context_words()[1], end)
    )


def _reads_as_place(text: str, start: int, end: int, name: str, stops: str) -> bool:
    """A table name found in text is a place unless its words read otherwise there.

    A name that is a common word plus 县/区/市 (会同县 in 县教育局会同县公安局) is a place only
    in a place context; a name whose tail is a common word (增城区 in 新增城区) needs a word
    boundary before it (a stop character, a place verb: 学习樊城区经验) or a place context."""
    core = short_name(name)
    if core in _context_words()[2] and len(name) == len(core) + 1:
        glued = text[end - 1 : end + 1] in patterns()["place"]["suffix_words"]
        return not glued and _in_place_context(text, start, end)
    if name[1:] in places().not_names:
        before = text[start - 1] if start else ""
        return (
            not is_han(before)
            or before in stops
            or _in_place_context(text, start, end)
            or text[:start].endswith(_leading_verbs())
        )
    return True


@rule("CONTENT-PLACE")
def foreign_places(ctx: Context) -> Iterator[Finding]:
    facts = ctx.facts
    if facts is None or not (facts.region or facts.known):
        return
    allowed = _allowed(facts)
    region_short = {a for a in allowed if a == facts.region or (facts.region or "").startswith(a)}
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS:
            continue
        seen: set[str] = set()
        for start, end, kind in find_places(unit.text):
            name = unit.text[start:end]
            if name in seen or _known(name, facts, allowed):
                continue
            times = unit.text.count(name)
            if kind == "school" and any(r and r in name for r in region_short):
                continue
            if kind == "place" and _within_region(name, allowed):
                continue
            seen.add(name)
            what = "学校" if kind == "school" else "地名"
            region = facts.region or "本单位"
            yield ctx.report(
                unit,
                "CONTENT-PLACE",
                f"{what}“{name}”{f'（本段 {times} 处）' if times > 1 else ''}不在配置文件中"
                f"（本文是{region}的材料），疑为旧稿遗留",
                f"改为{region}的{what}，或在配置文件 facts 中写明",
            )


def _within_region(name: str, allowed: set[str]) -> bool:
    """A full name that starts with the region's own name (海州区 → 海州区某某镇)."""
    return any(len(a) >= 2 and name.startswith(a) and len(name) > len(a) + 1 for a in allowed)


_SENTENCE_ROLE = re.compile(
    r"(?:组长|副组长|常务副组长|顾问|成员)(?:由|为|是|有)"
    rf"(?P<names>{HAN}{{2,4}}(?:同志)?(?:[、和及]{HAN}{{2,4}}(?:同志)?)*)"
    r"(?=同志|担任|任|组成|[，。；,;]|$)"
)
_LINE_ROLE = re.compile(r"(?:组长|副组长|常务副组长|顾问|成员)[：:](?P<names>[^。；;]*)")
_PARENS = re.compile(r"[（(][^）)]*[）)]")


def leader_names(text: str) -> list[str]:
    """Names given in 领导小组 lines (组长：王明（局长）) or sentences (组长由包庆余同志担任)."""
    posts = frozenset(patterns()["posts"])
    names: list[str] = []
    for regex in (_LINE_ROLE, _SENTENCE_ROLE):
        for match in regex.finditer(text):
            value = _PARENS.sub("", match.group("names"))
            for piece in re.split(r"[、，,和及\s]+", value):
                piece = piece.removesuffix("同志").strip()
                if (
                    2 <= len(piece) <= 4
                    and all(is_han(c) for c in piece)
                    and not any(piece.endswith(p) for p in posts)
                    and not piece.startswith(("各", "相关", "有关", "局", "县", "区", "全体"))
                ):
                    names.append(piece)
    return names


@rule("CONTENT-PERSON")
def foreign_people(ctx: Context) -> Iterator[Finding]:
    facts = ctx.facts
    if facts is None or not (facts.people_known or facts.leaders):
        return
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS or not any(r in unit.text for r in ("组长", "成员", "顾问")):
            continue
        for name in dict.fromkeys(leader_names(unit.text)):
            if name in facts.leaders or name in facts.known:
                continue
            yield ctx.report(
                unit,
                "CONTENT-PERSON",
                f"领导小组中的“{name}”不是配置文件里的人员，疑为旧稿遗留",
                "改为配置文件 leaders 中的人员，或在配置文件中补上",
            )


@rule("CONTENT-DATED-TERM")
def dated_terms(ctx: Context) -> Iterator[Finding]:
    year = ctx.year
    undated = year is None
    if undated:
        # a text that gives no date is judged as if written today (a clerk reusing it now)
        import datetime

        year = datetime.date.today().year
    grace = int(patterns().get("dated_term_grace", 2))
    terms = [t for t in political_terms() if year > t[3] + grace]
    if not terms:
        return
    anything = re.compile("|".join(f"(?:{t[0].pattern})" for t in terms))
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS or not anything.search(unit.text):
            continue  # one search over all terms first: most paragraphs name none
        yield from _terms_in(ctx, unit, terms, year, undated)


def _terms_in(ctx: Context, unit: Passage, terms, year: int, undated: bool) -> Iterator[Finding]:
    against = (
        f"文中没有成文日期，按今年（{year} 年）已过时" if undated else f"与成文年份 {year} 年不符"
    )
    for (_regex, label, first, last), match in first_matches(unit.text, terms):
        yield ctx.report(
            unit,
            "CONTENT-DATED-TERM",
            f"“{match.group()}”是 {first}—{last} 年间的提法（{label}），{against}",
            "改用当前的提法（在配置文件 guidance 中填写）",
        )
