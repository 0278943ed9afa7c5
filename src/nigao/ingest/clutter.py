"""Separate a scraped page's clutter from the document's own lines.

Three general rules about web pages (data/clutter.yaml): lines that are clutter anywhere
(breadcrumbs, post metadata, disclaimers, forms…), a page footer that starts at a 上一篇 /
免责声明 / report form / pagination line and runs to the end, and the page header — every
line before the document body that is not the title (banners, slogans, repeated titles).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from nigao import webclutter
from nigao.ingest import tables
from nigao.ingest.outline import numbering
from nigao.labels import CN
from nigao.vocabulary import DATE_LINE, DOC_NUMBER_LINE

_TITLE_WORDS = re.compile(
    r"方案|总结|计划|意见|通知|材料|报告|汇报|经验|做法|要点|规划|安排|讲话|："
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MD_TITLE = re.compile(r"^\\?#\s+(?=\S)")
# A site's label before a title, or a compilation's 篇一： / 第一篇.
_LABEL_PREFIX = re.compile(
    rf"^(?:(?:标题|题目|文章标题|名称)\s*[：:]|篇[{CN}\d]{{1,3}}\s*[：:]"
    rf"|第[{CN}\d]{{1,3}}篇\s*[：:]?)\s*(?=\S)"
)
# A site's name after the title: "…工作计划 - 某某范文网", "…总结_文库", "…方案 | 首页".
_SITE_NAME = re.compile(r"\s*[-_|｜—–]+\s*[^-_|｜—–]{0,16}(?:网|文库|频道|首页|平台|论坛|百科)$")
# The post's fields after the title on its line (……工作总结 作者：张三 时间：2027-01-05).
_POST_FIELDS = re.compile(
    r"\s+(?:作者|来源|发布时间|发布日期|更新时间|时间|日期|浏览|点击|阅读|编辑|发布者)\s*[：:].*$"
)
# A speech's salutation (同志们：, 老师们、同学们：) begins its text.
_SALUTATION = re.compile(r"同志|代表|领导|老师|朋友|来宾|嘉宾|同学|家长|同仁")
# A site's own name (岚溪县教育信息网, 某某中学官网): a page label, never a document's title.
_SITE_LABEL = re.compile(r"(?:信息网|教育网|资源网|新闻网|网站|官网|门户网?|公众号|文库|在线)$")
# A date stamp alone on a line (2027-05-06, 2027年5月6日 10:30): a post line under a title.
_STAMP_LINE = re.compile(
    r"^[\[【(（]?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]】)）]?$"
)
# Any site's name after the title (岚溪县第二小学2024年安全工作计划_岚溪县第二小学): a short
# name after _ - | with no title word in it (a subtitle after —— is the title's own).
_SITE_AFTER = re.compile(r"(?<!\d)\s*(?:_|\s?[-|｜–]\s?|[|｜])\s*(?P<site>[^\d\s_|｜–-][^_|｜–]{1,19})$")
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|->|>|»|›|＞|/)\s*")
# A notice that issues a document (关于印发《……》的通知): the document's own title inside.
_WRAPPED = re.compile(r"(?:印发|转发|公布|下发|发布|颁布)\s*《(?P<inner>[^》]{4,80})》")
# A speaker's line under a speech title: a post and a name (局长 王明).
_SPEAKER = re.compile(r"(?:长|书记|主任|委员|同志|代表)\s*[\u4e00-\u9fff]{2,3}$")
_SENTENCE_MARKS = re.compile(r"[。；！？]")
# A title that continues on the next line: the first line ends in a word that needs more.
_TITLE_GOES_ON = re.compile(
    r"(?:关于|的|和|与|及|暨|开展|做好|加强|推进|进一步|深入|印发|转发"
    r"|\d{4}|年|年度|学期|季度)$"  # ……2023—2024学年度 / 教学工作总结
)
_ORG_END = re.compile(
    r"(?:局|委|委员会|政府|办公室|学校|中学|小学|幼儿园|中心|学院|大学|厅|部|院)$"
)
# A table of contents: its heading, and entries ending in a page number after leaders or spaces.
_TOC_HEAD = re.compile(r"^目\s*录[：:]?$")
_LEADERS = r"(?:…{2,}|[.·．\-—_]{3,})"
_TOC_ENTRY = re.compile(rf"(?:{_LEADERS}|\s)\s*\d{{1,3}}$")


class Removed(str):
    """A removed piece of text that remembers the rule which removed it (`rule`)."""

    rule: str

    def __new__(cls, text: str, rule: str) -> Removed:
        obj = super().__new__(cls, text)
        obj.rule = rule
        return obj


@dataclass
class Cleaned:
    """The document's lines (non-empty, in order), its title and what was taken out."""

    lines: list[str]
    title: str = ""
    removed: list[Removed] = field(default_factory=list)
    cut_by_page: bool = False
    issuer_mark: str | None = None
    doc_number: str | None = None
    # Lines between the title and the body that are the document's own: 讲话人, date, subtitle.
    metadata: dict[str, str] = field(default_factory=dict)


def _rule_hit(line: str, key: str) -> dict | None:
    # Clutter shows at the start of a line; a long line is probed by its first characters.
    if webclutter.any_rule(key).search(line[: webclutter.PROBE]) is None:
        return None
    for pattern, rule in tables.compiled("clutter", key):
        if pattern.search(line):
            return rule
    return None


@functools.cache
def _suffix() -> re.Pattern[str]:
    return re.compile(tables.load("clutter")["title_suffix"])


@functools.cache
def _prefix() -> re.Pattern[str]:
    return re.compile(tables.load("clutter")["title_prefix"])


def _strip_suffix(text: str) -> str:
    """The title without what a site put around it (最新…, …范文, （精选4篇）作文 …)."""
    text = _prefix().sub("", text)
    match = _suffix().search(text)
    if match and match.start() > 2:
        return text[: match.start()]
    return text


def _starts_body(line: str) -> bool:
    """A numbered heading, a recipients line or a sentence of prose: the document has begun."""
    if _MD_TITLE.match(line):
        return False  # a Markdown `# ` line is the title
    if numbering(line) is not None:
        return True
    if line.endswith(("：", ":")) and ("各" in line or len(line) > 12 or _SALUTATION.search(line)):
        return True
    return len(line) >= 40 and any(p in line for p in "，。；") and not _long_title(line)


def _long_title(line: str) -> bool:
    """A title long enough to look like prose (坚持……，深化……，奋力谱写……新篇章——在……会议上的
    报告): no sentence ends in it and it ends in a document-type word."""
    if len(line) > 90 or _SENTENCE_MARKS.search(line):
        return False
    return any(found.end() == len(line) for found in _TITLE_END.finditer(line, len(line) - 8))


# A list's date stamp after a title: "……工作计划 2024-03-01", "……总结[03-01]".
_DATE_STAMP = re.compile(r"\s*[\[【(（]?(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}[\]】)）]?$")


def title_text(line: str) -> str:
    """A title line without its Markdown mark, a site's 标题： label, its name after a
    separator (…方案 - 某某范文网), 《》 around it, or a 范文 suffix."""
    line = _MD_TITLE.sub("", line)
    line = _LABEL_PREFIX.sub("", line)
    line = _SITE_NAME.sub("", line)
    line = _POST_FIELDS.sub("", line)
    site = _SITE_AFTER.search(line)
    if site and not _TITLE_WORDS.search(site.group("site")) and site.start() >= 6:
        line = line[: site.start()]  # …工作计划_岚溪县第二小学: the site's own name
    line = _DATE_STAMP.sub("", line) if line[-1:].isdigit() or line[-1:] in "]】)）" else line
    if line[:1] == "《" and line[-1:] == "》" and line.count("《") == 1:
        line = line[1:-1]
    return _strip_suffix(line)


def _title_like(key: str) -> bool:
    """Could be a title: two Chinese characters at least, not a label, a date or a number."""
    return (
        len(_CJK.findall(key)) >= 2
        and not key.endswith(("：", ":"))
        and not key.startswith(("—", "－", "-"))  # a subtitle (——在……会议上的讲话)
        and not (key[:1] in "（(" and key[-1:] in "）)")  # a note: （征求意见稿）
        and not _SENTENCE_MARKS.search(key)  # a sentence of the text
        and _SPEAKER.search(key) is None
        and not all(_ORG_END.search(part) for part in key.split())  # 浙江省教育厅: a byline
        and DATE_LINE.match(key) is None
        and _SITE_LABEL.search(key) is None
        and DOC_NUMBER_LINE.match(key) is None
        and len(key) <= 100
    )


def _choose_title(
    header: list[str], page_top: list[str], over_post: frozenset[int] = frozenset()
) -> int | None:
    """The header line that reads most like the title.

    Title words (方案, 总结, 要点 …), standing right over the post's 发布时间/作者 line
    (`over_post`: a site's own layout, worth two) and repetition across the page top (a page
    shows its title 2–4 times) count; a line too short to be a title (党政办, （次）), a label (内容预览：)
    or a date never is one. Later lines win ties: banners come first.
    """
    best: tuple[tuple[int, ...], int] | None = None
    for k, line in enumerate(header):
        key = title_text(line)
        if not _title_like(key):
            continue
        count = sum(1 for other in page_top if key in other and not _SENTENCE_MARKS.search(other))
        looks = int(bool(_TITLE_WORDS.search(key)))
        marked = int(bool(_MD_TITLE.match(line)))
        subtitled = k + 1 < len(header) and header[k + 1].startswith(("—", "－"))
        substantial = len(_CJK.findall(key)) >= 6  # not a site label or a breadcrumb word
        posted = 2 * int(k in over_post and substantial)
        repeated = int(count >= 2 and substantial)  # a channel name (计划总结) repeats too
        score = (marked, looks + repeated + int(subtitled) + posted, substantial, count, k)
        if best is None or score > best[0]:
            best = (score, k)
    if best is None:
        return None
    chosen = title_text(header[best[1]])
    for k in [*range(best[1] + 1, len(header)), *range(best[1] - 1, -1, -1)]:
        key = title_text(header[k])
        if chosen in key and len(key) > len(chosen) and _title_like(key) and names_a_title(key):
            return k  # the document's own, fuller title (2020县……总结 beside 县……总结)
    if header[best[1]] != chosen:  # the chosen line carries a site's additions (……方案范文)
        return next((k for k in range(best[1] + 1, len(header)) if header[k] == chosen), best[1])
    return best[1]


def names_a_title(line: str) -> bool:
    """A line that reads as a document's title: title-like and with a title word (方案, 总结 …)."""
    key = title_text(line)
    return _title_like(key) and bool(_TITLE_WORDS.search(key.replace("：", "")))


def _crumb_title(removed: list[tuple[int, Removed]]) -> str:
    """The last step of the page's breadcrumb, when it names a title (not cut short by …)."""
    for _index, piece in removed:
        if piece.rule != "面包屑导航":
            continue
        last = _CRUMB_SPLIT.split(piece)[-1].strip()
        if last.endswith(("…", "...")) or last.count("（") != last.count("）"):
            continue
        if names_a_title(last):
            return title_text(last)
    return ""


def _joins_title(first: str, second: str) -> bool:
    """A title split over two lines: the first half needs the second (……关于 / 的通知)."""
    if _SENTENCE_MARKS.search(first) or _TITLE_WORDS.search(first) or first in second:
        return False
    if len(first) + len(second) > 80 or not _CJK.search(first):
        return False
    return bool(
        _TITLE_GOES_ON.search(first)
        or "关于" in first
        or second.startswith(("关于", "的", "和", "与", "及"))
        or (_ORG_END.search(first) and len(first) >= 5)
    )


_OPENERS = (
    "为",
    "根据",
    "按照",
    "在",
    "近年",
    "今年",
    "去年",
    "我",
    "本",
    "自",
    "随着",
    "围绕",
    "以",
)
_PREFIX = re.compile(r"^[^，。；：,;:、！？!?\s“”（）()]{6,60}")


# The words a title ends with (its document type): where a glued title stops.
_TITLE_END = re.compile(
    r"发言稿|发言|讲话稿|讲话|方案|总结|计划|要点|规划|报告|汇报|材料|意见|安排|通知|思路|打算"
)


def _unglue_title(line: str) -> list[str]:
    """A title glued to the text after it (教育局年终工作总结2014年，在……): two lines, split
    after the first document-type word (and any that follows it at once)."""
    if len(line) < 80 or line.startswith(_OPENERS):
        return [line]
    prefix = _PREFIX.match(line)
    if prefix is None:
        return [line]
    head = prefix.group(0)
    match = _TITLE_END.search(head, 4)
    if match is None:
        return [line]
    end = match.end()
    while (more := _TITLE_END.match(head, end)) is not None:
        end = more.end()  # 总结报告, 方案通知: the type word runs on
    return [line[:end], line[end:]]


# Where a flattened cover page breaks: after a closing bracket, before or after a date
# (学校发展规划（2013年9月-2018年7月）岚溪小学2013年9月岚溪小学发展规划……).
_COVER_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?![\d日份底初中起至到—\-~～])")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _unflatten_header(line: str) -> list[str]:
    """A whole document flattened onto one line (PDF text without its line breaks): the cover
    and title lines before its first 一、 label, each on a line of its own, then the rest.
    [] when the line is not such a document."""
    from nigao.ingest.outline import split_flat

    pieces = split_flat(line)
    if len(pieces) < 2 or _starts_body(pieces[0]) or len(pieces[0]) < 24:
        return []
    return [*_cover_lines(pieces[0]), line[line.index(pieces[1]) :]]


def _cover_lines(text: str) -> list[str]:
    """A flattened cover split at its dates and after its closing brackets (outside brackets)."""
    depth = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        depth[i + 1] = depth[i] + (ch in "（(") - (ch in "）)")
    cuts = {i + 1 for i, ch in enumerate(text) if ch in "）)" and depth[i + 1] == 0}
    cuts = {i for i in cuts if _CJK_CHAR.match(text, i)}
    for match in _COVER_DATE.finditer(text):
        start, end = match.span()
        if depth[start] == 0 and start and _CJK_CHAR.match(text, start - 1):
            cuts.add(start)
        if depth[start] == 0 and _CJK_CHAR.match(text, end):
            cuts.add(end)
    bounds = sorted({0, len(text), *cuts})
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _title_list(header: list[str]) -> set[int]:
    """Header lines that are a list of other documents' titles (a sidebar): two or more in a
    row that each read as a title."""
    named = [names_a_title(line) for line in header]
    return {
        k
        for k, yes in enumerate(named)
        if yes and ((k and named[k - 1]) or (k + 1 < len(named) and named[k + 1]))
    }


def _title_before(line: str, rule: dict) -> int:
    """Where a post line glued after a title starts (0: the whole line is clutter)."""
    for pattern, other in tables.compiled("clutter", "line"):
        if other is rule:
            found = pattern.search(line)
            if found is not None and found.start() >= 6 and names_a_title(line[: found.start()]):
                return found.start()
            return 0
    return 0


def _next_line(lines: list[str], index: int) -> int:
    """The index of the next non-empty line after `index` (len(lines) at the end)."""
    return next((i for i in range(index + 1, len(lines)) if lines[i]), len(lines))


def _is_footer(lines: list[str], at: int) -> bool:
    """A footer start is a footer only if no sentence of text follows it (else one line)."""
    for rest in lines[at + 1 :]:
        if len(rest) >= 50 and "。" in rest and _rule_hit(rest, "line") is None:
            return False
    return True


def _table_of_contents(kept: list[tuple[int, str]]) -> set[int]:
    """Positions (in `kept`) of a table of contents: a 目录 line and its entries, or a run of
    three or more entries ending in page numbers. The body's own headings stay."""
    found: set[int] = set()
    k = 0
    while k < len(kept):
        line = kept[k][1]
        if _TOC_HEAD.match(line.replace(" ", "")):
            found.add(k)
            first: str | None = None
            j = k + 1
            while j < len(kept):
                entry = kept[j][1]
                bare = _TOC_ENTRY.sub("", entry).rstrip(" .…·．-—_")
                if first is not None and bare == first and not _TOC_ENTRY.search(entry):
                    break  # the body begins: its first heading repeats the first entry
                if len(entry) > 60 or _SENTENCE_MARKS.search(entry):
                    break
                first = bare if first is None else first
                found.add(j)
                j += 1
            k = j
            continue
        run = k
        while (
            run < len(kept)
            and kept[run][1][-1:].isdigit()
            and len(kept[run][1]) <= 80
            and _TOC_ENTRY.search(kept[run][1])
        ):
            if not (_TOC_ENTRY.search(kept[run][1]) and _looks_entry(kept[run][1])):
                break
            run += 1
        if run - k < 3:
            run = _bare_contents(kept, k)
        if run - k >= 3:
            found.update(range(k, run))
            k = run
        else:
            k += 1
    return found


def _bare_contents(kept: list[tuple[int, str]], k: int) -> int:
    """End of a contents list without a 目录 line or page numbers: three or more short
    headings in a row that all come again later, in order, as the body's headings."""
    run = k
    while run < len(kept) and _short_heading(kept[run][1]):
        run += 1
    if run - k < 3:
        return k
    later = iter(line for _i, line in kept[run:])
    entries = [line for _i, line in kept[k:run]]
    return run if all(any(line == entry for line in later) for entry in entries) else k


def _short_heading(line: str) -> bool:
    return len(line) <= 40 and numbering(line) is not None and not _SENTENCE_MARKS.search(line)


def _looks_entry(line: str) -> bool:
    """A contents entry: leaders before the page number, or a numbered heading and a number."""
    if re.search(rf"{_LEADERS}\s*\d{{1,3}}$", line):
        return True
    return numbering(line) is not None and not _SENTENCE_MARKS.search(line)


@functools.cache
def _inline() -> re.Pattern[str]:
    return re.compile(
        "|".join(
            f"(?P<r{i}>{p.pattern})"
            for i, (p, _r) in enumerate(tables.compiled("clutter", "inline"))
        )
    )


@functools.cache
def _inline_probe() -> re.Pattern[str]:
    """Every inline rule's match holds one of these: a line without any is left at once."""
    return re.compile(tables.load("clutter")["inline_probe"])


def _cut_inline(line: str, index: int, removed: list[tuple[int, Removed]]) -> str:
    """Cut clutter inside a line of text (a source address, a pinyin gloss); keep the rest."""
    if _inline_probe().search(line) is None:
        return line
    rules = tables.compiled("clutter", "inline")
    pieces: list[str] = []
    at = 0
    for match in _inline().finditer(line):
        rule = rules[int(match.lastgroup[1:])][1]["name"]  # type: ignore[index]
        pieces.append(line[at : match.start()])
        removed.append((index, Removed(match.group(0), rule)))
        at = match.end()
    if not pieces:
        return line
    pieces.append(line[at:])
    return "".join(pieces).strip()


def clean(lines: list[str]) -> Cleaned:
    """Split normalised lines into document lines, title and removed clutter."""
    removed: list[tuple[int, Removed]] = []
    cut = False
    kept: list[tuple[int, str]] = []
    body_seen = False  # a footer comes after the text: above it, 最新文章 is a sidebar's label
    for index, line in enumerate(lines):
        if not line:
            continue
        if webclutter.search(line) is None:
            kept.append((index, line))
            body_seen = body_seen or _starts_body(line)
            continue
        footer = _rule_hit(line, "footer_start")
        if footer is not None and body_seen and _is_footer(lines, index):
            for offset, rest in enumerate(lines[index:]):
                if rest:
                    rule = _rule_hit(rest, "line")
                    cut = cut or bool(rule and rule.get("truncates"))
                    name = (rule or footer)["name"] if offset else footer["name"]
                    removed.append((index + offset, Removed(rest, name)))
            break
        rule = _rule_hit(line, "line") or footer
        if rule is not None:
            cut = cut or bool(rule.get("truncates"))
            at = _title_before(line, rule) if not body_seen else 0
            if at:  # 岚溪小学……工作总结 发布时间：……: the title stays, the post line goes
                kept.append((index, line[:at].strip()))
            removed.append((index, Removed(line[at:].strip(), rule["name"])))
            continue
        kept.append((index, line))

    inline_kept: list[tuple[int, str]] = []
    for index, line in kept:
        rest = _cut_inline(line, index, removed)
        if rest:
            inline_kept.append((index, rest))
    kept = inline_kept
    contents = _table_of_contents(kept)
    for k in sorted(contents):
        removed.append((kept[k][0], Removed(kept[k][1], "目录")))
    kept = [item for k, item in enumerate(kept) if k not in contents]

    if kept and _starts_body(kept[0][1]):  # no header at all: is a title glued to the text?
        parts = _unflatten_header(kept[0][1]) or _unglue_title(kept[0][1])
        if len(parts) >= 2:
            kept[:1] = [(kept[0][0], part) for part in parts]

    result = Cleaned(lines=[], cut_by_page=cut)
    body_at = next((k for k, (_, line) in enumerate(kept) if _starts_body(line)), len(kept))
    header = [line for _, line in kept[:body_at]]
    top_end = kept[body_at][0] if body_at < len(kept) else len(lines)
    post_lines = {index for index, piece in removed if piece.rule == "发布信息"}
    post_lines.update(index for index, line in kept[:body_at] if _STAMP_LINE.match(line))
    over_post = frozenset(
        k for k, (index, _line) in enumerate(kept[:body_at]) if _next_line(lines, index) in post_lines
    )
    title_at = _choose_title(header, [line for line in lines[:top_end] if line], over_post)
    first_half: int | None = None
    title = ""
    if title_at is not None:
        title = title_text(header[title_at])
        extra = header[title_at].replace(title, " ", 1).strip() if title else ""
        if any(ch.isalnum() for ch in extra):  # what a site or file name added: listed, not lost
            removed.append((kept[title_at][0], Removed(extra, "标题附加")))
        if title_at > 0 and not any(lines[kept[title_at - 1][0] + 1 : kept[title_at][0]]):
            before = title_text(header[title_at - 1])
            if _joins_title(before, title):
                first_half = title_at - 1
                title = before + title
    subtitle_at = None
    if title_at is not None and title_at + 1 < len(header):
        after = header[title_at + 1]
        if after.startswith(("—", "－")) and _TITLE_WORDS.search(after):
            subtitle_at = title_at + 1  # 唯真笃行，砥砺奋进 / ——……三年发展规划: one title
            title += after
    wrapped = _WRAPPED.search(title)
    if wrapped:  # 关于印发《……方案》的通知: the plan's own title; the notice's is metadata
        result.metadata["notice_title"] = title
        title = _strip_suffix(wrapped.group(1))
    if not (title and names_a_title(title)):
        crumb = _crumb_title(removed)
        if crumb:  # the page shows its title only at the end of its breadcrumb
            if title:
                result.metadata["header"] = title
            title = crumb
    result.title = title
    own = (title_at, first_half, subtitle_at)
    listed = _title_list(header[: title_at or 0])
    for k, (index, line) in enumerate(kept):
        if k in own:
            continue
        if k < body_at:
            if DOC_NUMBER_LINE.match(line):
                result.doc_number = line
            elif (
                title_at is not None and k < title_at and line.endswith("文件") and len(line) <= 20
            ):
                result.issuer_mark = line
            elif title and title_text(line) == title:
                removed.append((index, Removed(line, "重复标题")))
            elif title_at is None and _SENTENCE_MARKS.search(line) and len(line) >= 10:
                result.lines.append(line)  # no title: a sentence is the document's own text
            elif title_at is None or k < title_at:
                # banner, slogan, site label — or a list of other documents' titles
                rule = "链接列表" if k in listed else "页头"
                removed.append((index, Removed(line, rule)))
            else:
                _after_title(line, result)
        elif title and line.startswith(title) and _strip_suffix(line) == title:
            removed.append((index, Removed(line, "重复标题")))  # the title repeated in the page
        else:
            result.lines.append(line)
    removed.sort(key=lambda item: item[0])
    result.removed = [text for _, text in removed]
    return result


def _after_title(line: str, result: Cleaned) -> None:
    """A line between the title and the body is the document's own: a date, a subtitle
    (——在……会议上的讲话), the speaker or author; a sentence is the start of the text."""
    if (DATE_LINE.match(line) or _STAMP_LINE.match(line)) and "date" not in result.metadata:
        result.metadata["date"] = line
    elif line.startswith(("—", "－", "-")):
        result.metadata["subtitle"] = (result.metadata.get("subtitle", "") + " " + line).strip()
    elif len(line) <= 40 and not _SENTENCE_MARKS.search(line):
        result.metadata["author"] = (result.metadata.get("author", "") + " " + line).strip()
    else:
        result.lines.append(line)
