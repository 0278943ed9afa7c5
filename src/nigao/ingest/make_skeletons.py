"""Write a skeleton library: one file per reusable section, templates/<role>/<id>.md.j2.

A skeleton is a depth-1 section with its children, a deeper section that names its own
role (（一）总体要求 → goals), or the preamble / closing. Its body is draft Markdown with
Jinja2 slots; its front matter follows docs/ARCHITECTURE.md. Output is byte-stable.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from nigao.errors import NigaoError, UsageError
from nigao.ingest import subject, tables
from nigao.ingest.classify import match_role
from nigao.ingest.generalize import campaign_parts, generalize_items
from nigao.ingest.ownwords import own_place, own_words
from nigao.ingest.reader import IngestResult, read_source
from nigao.ingest.slots import FIXED_LABELS, Slotter, fill, learn
from nigao.model import Section
from nigao.readers import files_in
from nigao.skeletons import front_matter, read_front_matter
from nigao.vocabulary import fill_in_re, is_run_in


@dataclass
class Skeleton:
    """One reusable section, ready to write."""

    id: str
    role: str
    kinds: list[str]
    heading: str
    run_in: bool
    source: str
    script: str
    slots: dict[str, str]
    title: str
    body: str
    default: bool = False
    facts: int = 0
    topic: list[str] = field(default_factory=list)  # the source's topic words it had
    frame: str = ""  # a nigao frame: its file (source is then "nigao")
    sentences: int = 0  # sentences of source text it was made from …
    dropped: int = 0  # … and how many of them were subject matter (left out or marked)

    @property
    def relpath(self) -> str:
        return f"{self.role}/{self.id}.md.j2"

    def render(self) -> str:
        """The file text: front matter in the fixed key order, then the body."""
        meta: dict[str, object] = {
            "id": self.id,
            "role": self.role,
            "kinds": self.kinds,
            "heading": self.heading,
            "run_in": self.run_in,
            "source": "nigao" if self.frame else self.source,
            "script": self.script,
            "slots": self.slots,
        }
        optional = {"title": self.title, "frame": self.frame, "topic": self.topic}
        meta.update((key, value) for key, value in optional.items() if value)
        if self.default:
            meta["default"] = True
        return front_matter(meta) + self.body


@dataclass
class _SkeletonSection:
    """A section of a source that becomes one skeleton (with its child sections)."""

    role: str
    heading: str
    run_in: bool
    paragraphs: list[str]
    sections: list[Section] = field(default_factory=list)


def _escape(paragraph: str) -> str:
    """A paragraph that would read as a heading, a rule or front matter gets a backslash."""
    if re.match(r"#|\*\*\*|---|___|\\", paragraph):
        return "\\" + paragraph
    return paragraph


def _standalone(heading: str) -> str:
    return heading[:-1] if heading.endswith("。") else heading


def _items(unit: _SkeletonSection) -> list[tuple[int, bool, str]]:
    """(level, run_in, text) in reading order: the heading (level 0), paragraphs (-1), children."""
    items: list[tuple[int, bool, str]] = [(0, unit.run_in, unit.heading)]
    items.extend((-1, False, p) for p in unit.paragraphs)

    def visit(section: Section, level: int) -> None:
        items.append((level, section.run_in, section.heading))
        items.extend((-1, False, p) for p in section.paragraphs)
        for child in section.sections:
            visit(child, level + 1)

    for child in unit.sections:
        visit(child, 3)
    return items


def _body(blocks: list[tuple[int, bool, str, bool]]) -> tuple[str, str]:
    """(heading, body in draft Markdown); runs of example blocks behind `{% if examples %}`."""
    level0, run_in0, text0, _ex = blocks[0]
    heading = text0 if run_in0 else _standalone(text0)
    out: list[str] = []
    open_ = False
    for level, run_in, text, example in blocks[1:]:
        if example != open_:
            out.append("{% if examples %}" if example else "{% endif %}")
            open_ = example
        if level < 0:
            out.append(_escape(text))
        else:
            out.append("#" * min(level, 5) + " " + (text if run_in else _standalone(text)))
    if open_:
        out.append("{% endif %}")
    return heading, "\n\n".join(out) + "\n"


def _in_reading_order(slots: dict[str, str], text: str) -> dict[str, str]:
    """Slots listed as a drafter meets them in the text."""

    def first(name: str) -> tuple[int, str]:
        at = text.find("{{ " + name + " }}")
        if at < 0:
            at = text.find("{{ " + name + ".")
        return (at if at >= 0 else len(text), name)

    return {name: slots[name] for name in sorted(slots, key=first)}


_SLOT_USE = re.compile(r"\{\{ ([^\s{}]+?)(?:\.names)? \}\}")


def _used_slots(texts: list[str], labels: dict[str, str]) -> dict[str, str]:
    """The slots the generalized texts still use, in reading order, with their labels."""
    used: dict[str, str] = {}
    # one scan of the texts joined (a slot never holds a line break), in the same order
    for name in _SLOT_USE.findall("\n".join(texts)):
        if name not in used:
            fallback = name[6:] if name.startswith("facts.") else name
            used[name] = labels.get(name) or FIXED_LABELS.get(name, fallback)
    return used


def _agree(sections: list[Section]) -> None:
    """Sibling headings agree: all run in or none (mixed → all stand alone), at every depth."""
    if len({s.run_in for s in sections}) > 1:
        for section in sections:
            section.run_in = False
    for section in sections:
        _agree(section.sections)


def _units(result: IngestResult) -> list[_SkeletonSection]:
    doc = result.document
    for section in doc.sections:
        _agree(section.sections)
    limit = tables.load("roles")["sub_heading_max"]
    units: list[_SkeletonSection] = []
    if doc.preamble:
        units.append(_SkeletonSection("preamble", "", False, doc.preamble))
    for section in doc.sections:
        if section.paragraphs or section.sections:
            units.append(
                _SkeletonSection(
                    section.role or "tasks",
                    section.heading,
                    section.run_in,
                    section.paragraphs,
                    section.sections,
                )
            )
        for child in section.sections:
            own = (
                match_role(child.heading, None)
                if len(child.heading.rstrip("。")) <= limit
                else None
            )
            if own and (child.paragraphs or child.sections):
                units.append(
                    _SkeletonSection(own, child.heading, child.run_in, child.paragraphs, child.sections)
                )
    if doc.closing:
        units.append(_SkeletonSection("closing", "", False, doc.closing))
    return units


def _all_texts(result: IngestResult) -> list[str]:
    doc = result.document
    texts = [doc.title, *doc.preamble, *doc.closing]
    for _depth, section in doc.walk():
        texts.append(section.heading)
        texts.extend(section.paragraphs)
    return texts


def id_prefix(source: str, taken: set[str]) -> str:
    """s<NNN> from a seed's three-digit prefix, else a short stable hash of the file name."""
    name = source.rsplit("/", 1)[-1]
    match = re.match(r"(\d{3})(?:[_\-.]|$)", name)
    if match and f"s{match.group(1)}" not in taken:
        return f"s{match.group(1)}"
    return "s" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]


_FILL_IN = fill_in_re(r"[^\W\d_][^\W_]*")


def _fact_slot(match: re.Match[str]) -> str:
    """A source's own fill-in marker (a nigao frame's 【待填：成效】) becomes the fact slot a
    profile can fill; unfilled, it drafts as the same marker."""
    return "{{ facts." + match.group(1) + " }}"


# In a nigao frame, a marker labelled as a profile field is that field (【待填：活动名称】 →
# {{ campaign }}): the frame is drafted from the profile that names it, not asked again.
_PROFILE_MARKERS = {FIXED_LABELS[k]: k for k in ("campaign", "focus", "goal")}


def _frame_slot(match: re.Match[str]) -> str:
    field = _PROFILE_MARKERS.get(match.group(1))
    return "{{ " + field + " }}" if field else _fact_slot(match)


FRAMES = "frames"  # a folder of nigao's own frames: skeletons marked `source: nigao`


def is_frame(source: str) -> bool:
    """A source label under a `frames/` folder: nigao's own topic-neutral frame."""
    return source.split("/", 1)[0] == FRAMES


def build_skeletons(
    result: IngestResult,
    source: str,
    prefix: str,
    shared: subject.Shared | None = None,
    grams: Counter[str] | None = None,
) -> list[Skeleton]:
    """All skeletons of one read document (defaults not yet chosen).

    The document's texts are slotted once (placeholders recorded), then each skeleton
    numbers its own fact labels in reading order, is generalized, and keeps its frame:
    subject matter (ingest/subject.py; `shared`: what the documents of the run share;
    `grams`: this document's counts, when the caller has them) is left out, marked, or kept
    as examples.
    """
    doc = result.document
    texts = list(dict.fromkeys(_all_texts(result)))
    recorder = Slotter(learn(doc.title, texts))
    slotted = dict(zip(texts, recorder.texts(texts), strict=True))
    title = fill(recorder.entries, [slotted[doc.title]])[0][0] if doc.title else ""
    core, kind_word = campaign_parts(doc.title)
    frame = is_frame(source)
    topic = (
        subject.Topic(())
        if frame
        else subject.topic_of(
            core,
            kind_word,
            grams if grams is not None else subject.body_grams(texts),  # as `shared` counts
            subject.body_text(texts),
            shared,
        )
    )
    headings = tables.load("kinds")["headings"]
    place = own_place(texts)
    memo: dict[str, str] = {}
    own: dict[str, str] = {}  # own_words per text: a section and its sub-sections share text
    counts: dict[str, int] = {}
    out: list[Skeleton] = []
    for unit in _units(result):
        counts[unit.role] = counts.get(unit.role, 0) + 1
        n = counts[unit.role]
        ident = f"{prefix}-{unit.role.replace('_', '-')}" + (f"-{n}" if n > 1 else "")
        items = _items(unit)
        filled, slots = fill(recorder.entries, [slotted.get(text, text) for _l, _r, text in items])
        items, filled = generalize_items(items, filled, core, memo)
        filled = [own.get(t) or own.setdefault(t, own_words(t, place)) for t in filled]
        generalized = [(lvl, r, t) for (lvl, r, _o), t in zip(items, filled, strict=True)]
        if frame:  # nigao's own frames are written topic-neutral: kept as they are
            parts = subject.Separated([(*item, False) for item in generalized], [])
        else:
            parts = subject.separate(
                generalized, unit.role, topic, headings.get(unit.role, "") or ""
            )
        marker = _frame_slot if frame else _fact_slot
        parts.blocks = [(lvl, r, _FILL_IN.sub(marker, t), e) for lvl, r, t, e in parts.blocks]
        slots = _used_slots([t for _l, _r, t, _e in parts.blocks], slots)
        heading, body = _body(parts.blocks)
        out.append(
            Skeleton(
                id=ident,
                role=unit.role,
                kinds=[doc.kind],
                heading=heading,
                run_in=unit.run_in and is_run_in(heading),
                source=source,
                script=result.script,
                slots=slots,
                title=title,
                body=body,
                facts=sum(1 for name in slots if name.startswith("facts.")),
                topic=parts.words,
                frame=source if frame else "",
                sentences=parts.sentences,
                dropped=parts.dropped,
            )
        )
    return out


def choose_defaults(skeletons: list[Skeleton], taken: set[tuple[str, str]]) -> None:
    """Mark one skeleton per role and kind `default: true`: the most topic-neutral one.

    Preference: fewest slots a profile does not always give (data/roles.yaml `profile_slots`:
    an extra guidance label, a 顾问); the smallest share of its source sentences that were
    subject matter (left out or marked); fewest fact slots per paragraph; most text; then id.
    `taken`: (role, kind) pairs that already have a default in the library folder.
    """
    common = set(tables.load("roles")["profile_slots"])
    groups: dict[tuple[str, str], list[Skeleton]] = {}
    for skeleton in skeletons:
        for kind in skeleton.kinds[:1]:
            groups.setdefault((skeleton.role, kind), []).append(skeleton)
    for key, group in sorted(groups.items()):
        if key in taken:
            continue

        def score(s: Skeleton) -> tuple:
            blocks = max(1, s.body.count("\n\n") + 1)
            extra = sum(
                1
                for n in s.slots
                if not n.startswith("facts.") and n not in common and not n.startswith("org.")
                and n not in ("campaign_type", "campaign_noun", "focus", "goal")
                and not n.startswith("scope.")
            )
            subject_share = round(s.dropped / max(1, s.sentences), 2)
            return (extra, subject_share, round(s.facts / blocks, 3), -len(s.body), s.id)

        min(group, key=score).default = True


def collect_sources(paths: list[Path]) -> list[tuple[Path, str]]:
    """(file, source label) for every sample under the given files and folders, sorted.

    The label is the path relative to the parent of the folder given (seeds/003_….txt), so
    it does not depend on the current folder.
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = [
                (file, (Path(path.resolve().name) / file.relative_to(path)).as_posix())
                for file in files_in(path)
            ]
            if not files:
                raise UsageError(
                    "文件夹里没有可读取的范文（.txt、.md、.html、.docx、.doc、.pdf）", path=str(path)
                )
        else:
            files = [(path, f"{path.resolve().parent.name}/{path.name}")]
        for file, label in files:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                found.append((file, label))
    return found


@dataclass
class Row:
    """What `nigao ingest` reports for one document."""

    document: str
    kind: str = ""
    title: str = ""
    sections: int = 0
    skeletons: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    result: IngestResult | None = None
    written: list[Skeleton] = field(default_factory=list)


# One sample document is a few pages; the skeleton steps are linear in the text, but a book-length
# "sample" would still take hundreds of MB, so it is refused before them (docs/LIMITS.md: at this
# limit ingest takes about 1.3 s and 180 MB).
MAX_SAMPLE_CHARS = 600_000


def ingest_paths(paths: list[Path], out: Path | None, force: bool = False) -> list[Row]:
    """Read every sample; when `out` is given, (re)write its skeletons there.

    Two passes: every document is read first, so each one's topic words can be told from the
    wording the other documents of the run share.
    """
    rows: list[Row] = []
    read: list[tuple[Row, IngestResult, Counter[str]]] = []
    shared = subject.Shared()
    for file, label in collect_sources(paths):
        row = Row(document=label)
        rows.append(row)
        try:
            result = read_source(file)
        except NigaoError as error:
            row.error = str(error)
            continue
        texts = _all_texts(result)
        length = sum(map(len, texts))
        if length > MAX_SAMPLE_CHARS:
            row.error = str(
                NigaoError(
                    f"样本过长（{length} 字，上限 {MAX_SAMPLE_CHARS} 字，约 400 页）："
                    "请只保留要整理的文件或拆成几个文件",
                    path=label,
                )
            )
            continue
        grams = subject.body_grams(texts)
        shared.add(grams)
        read.append((row, result, grams))
    skeletons: list[Skeleton] = []
    taken: set[str] = set()
    for row, result, grams in read:
        prefix = id_prefix(row.document, taken)
        taken.add(prefix)
        made = build_skeletons(result, row.document, prefix, shared, grams)
        doc = result.document
        row.kind, row.title, row.result = doc.kind, doc.title, result
        row.sections = sum(1 for _ in doc.walk())
        row.skeletons, row.warnings, row.written = len(made), list(result.warnings), made
        skeletons.extend(made)
    if out is not None:
        write_library(Path(out), skeletons, {row.document for row in rows if row.result}, force)
    else:
        choose_defaults(skeletons, set())
    return rows


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def write_library(
    out: Path, skeletons: list[Skeleton], sources: set[str], force: bool = False
) -> None:
    """Replace the skeletons of `sources` in `out`; leave every other file alone.

    A skeleton file that exists with other content than this run would write (a hand-edited
    skeleton, or one from an older nigao) is kept, and nothing is written, unless `force`.
    """
    from nigao.errors import shown
    from nigao.fsutil import atomic_write

    stale: list[Path] = []
    roles_taken: set[tuple[str, str]] = set()
    if out.is_dir():
        for path in sorted(out.rglob("*.md.j2")):
            meta = read_front_matter(path)
            if (meta.get("frame") or meta.get("source")) in sources:
                stale.append(path)
            elif meta.get("default") is True and meta.get("role"):
                kinds = meta.get("kinds") or [""]
                roles_taken.add((str(meta["role"]), str(kinds[0])))
    choose_defaults(skeletons, roles_taken)
    keep = {out / s.relpath for s in skeletons}
    planned = [(out / s.relpath, s.render().encode("utf-8")) for s in skeletons]
    changed = [(path, data) for path, data in planned if not _holds(path, data)]
    edited = [path for path, _data in changed if path.exists()]
    if edited and not force:
        names = "、".join(shown(p.relative_to(out)) for p in edited[:5])
        more = f" 等 {len(edited)} 个" if len(edited) > 5 else ""
        raise UsageError(
            f"骨架库里这些骨架与这次整理的结果不同（可能改过），未覆盖：{names}{more}"
            "（如需覆盖，请加 --force）",
            path=str(out),
        )
    for path, data in changed:
        atomic_write(path, data)
    for path in stale:
        if path not in keep:
            path.unlink()
            if path.parent != out and not any(path.parent.iterdir()):
                path.parent.rmdir()


def ingest_folder(src: Path, out: Path) -> list[Row]:
    """Ingest every sample under `src` into the library folder `out`."""
    return ingest_paths([Path(src)], Path(out))
