"""Score nigao's ingest against the annotated corpus of real documents (corpus/).

Run:  python bench/corpus_score.py [--split dev|heldout|all|seeds] [--id 012] [--quiet] [--by-form]
      python bench/corpus_score.py --check     (annotation strings exist in their sources)

For every document in corpus/annotations.yaml the file corpus/docs/<id>.<ext> is read with
nigao's own ingest (`read_source`), exactly as `nigao ingest --json` would, and compared with the
annotation written by reading the document:

- title        the result's title equals the annotated title (or one of `title_alt`)
- kind         plan | summary | report
- l1 recall    an annotated level-1 heading is found when a level-1 heading of the result equals it
- roles        of the found headings, the result's role is one of the annotated roles
- clutter      annotated web-clutter strings still present in title, preamble, headings,
               paragraphs or closing (what a draft could inherit)
- lost         annotated `keep` strings missing from every output field (incl. `removed` and
               metadata), and runs of >= 8 CJK characters of the source body not covered by the
               output (pieces of >= 6 characters, so a run split between two fields is not lost)
- truncated    the result's `truncated` flag equals the annotation's

Comparison is made after one normalisation applied to both sides (so ingest's own normalisation
never creates a false miss): Traditional -> Simplified (OpenCC t2s, 著 -> 着), Unicode NFKC
(full-width punctuation -> ASCII), whitespace removed. A ReadError counts as a failure of every
figure for that document. The heldout split must never be tuned on (see corpus/README.md).
"""

from __future__ import annotations

import dataclasses
import functools
import html.parser
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.kinds import KINDS
from nigao.kinds import ROLES as KIND_ROLES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SPLITS = ("dev", "heldout", "all", "seeds")
SEEDS = ROOT / "tests" / "data" / "seed-outlines.yaml"
RUN_MIN = 8  # a source CJK run this long must survive somewhere in the output
ROLES = set(KIND_ROLES)

_WS = re.compile(r"\s+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SEP = "\u241e"  # joins output fields so that no match runs across two of them
_GLOSS = re.compile(
    r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)"
)  # 總結(jié): pinyin after a character


# ---------------------------------------------------------------- normalisation


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> str:
    """Traditional -> Simplified, applied to both sides of every comparison."""
    return _t2s().convert(text).replace("著", "着")


def norm(text: str | None) -> str:
    """Script, width and spacing normalised: what two spellings of one string share."""
    if not text:
        return ""
    return _WS.sub("", unicodedata.normalize("NFKC", simplified(text)))


_TRAILING = re.compile(r"[.。:：;；,，、!！?？]+$")


def heading_key(text: str | None) -> str:
    """A heading as compared: normalised, a trailing 。：； (run-in or lead-in mark) dropped."""
    return _TRAILING.sub("", norm(text))


# ---------------------------------------------------------------- loading


def _yaml(path: Path) -> Any:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_annotations() -> list[dict[str, Any]]:
    """The annotation entries, each with its document path resolved from sources.yaml."""
    sources = {str(s["id"]): s for s in _yaml(CORPUS / "sources.yaml")}
    entries = []
    for entry in _yaml(CORPUS / "annotations.yaml"):
        entry = dict(entry)
        entry["id"] = str(entry["id"])
        src = sources.get(entry["id"])
        if src is None:
            raise SystemExit(f"annotations.yaml: id {entry['id']} has no entry in sources.yaml")
        entry["path"] = CORPUS / "docs" / src["file"]
        entry["form"] = src.get("form", "")
        entry["script"] = src.get("script", "simplified")
        entries.append(entry)
    return entries


# ---------------------------------------------------------------- source body text


class _HTMLText(html.parser.HTMLParser):
    """Visible text of a page's <body>, one element per line (scripts and styles left out)."""

    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "section",
        "article",
        "span",
        "a",
        "dd",
        "dt",
        "font",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "head", "title"):
            self.skip += 1
        if tag == "body":
            self.in_body = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "head", "title") and self.skip:
            self.skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    head = raw[:4000]
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", head)
    encodings = [m.group(1).decode("ascii")] if m else []
    encodings += ["utf-8", "gb18030", "big5"]
    for enc in encodings:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("gb18030", errors="replace")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8", errors="replace")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    lines = []
    for p in paras:
        lines.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)))
    return "\n".join(lines)


def source_text(path: Path) -> str | None:
    """The document's own text as a reader sees it, for the lost-text check (None: can't tell)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        if not shutil.which("pdftotext"):
            return None
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
        return out.stdout.decode("utf-8", errors="replace")
    text = _decode(path.read_bytes())
    if suffix in (".html", ".htm", ".aspx", ".shtml", ".php", ".jsp"):
        parser = _HTMLText()
        parser.feed(text)
        return "".join(parser.parts)
    return text


# ---------------------------------------------------------------- result text


def _strings(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "warnings", "role", "kind", "script"):
                _strings(item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _strings(item, out)


def _sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    flat = []
    for sec in sections:
        flat.append(sec)
        flat.extend(_sections(sec.get("sections", [])))
    return flat


def kept_text(js: dict[str, Any]) -> str:
    """What a draft can inherit: title, recipients, preamble, headings, paragraphs, closing."""
    parts = [js.get("title") or "", js.get("recipients") or ""]
    parts += js.get("preamble", [])
    for sec in _sections(js.get("sections", [])):
        parts.append(sec.get("heading") or "")
        parts += sec.get("paragraphs", [])
    parts += js.get("closing", [])
    return _SEP.join(norm(p) for p in parts)


def all_output_text(js: dict[str, Any], document: Any) -> str:
    """Every string ingest produced, `removed` and metadata fields included."""
    parts: list[str] = []
    _strings(js, parts)
    if dataclasses.is_dataclass(document):
        for f in dataclasses.fields(document):
            value = getattr(document, f.name)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                parts += value
    return _SEP.join(norm(p) for p in parts)


def _covered(run: str, out: str, piece: int = 6) -> bool:
    """Every character of a source run is in the output, in pieces of >= `piece` characters.

    A flattened line that ingest splits into title and preamble, or a heading and its text,
    leaves the run in two output fields: that is segmentation, not loss. A run is lost when some stretch of it is nowhere.
    """
    if run in out:
        return True
    i = 0
    while i < len(run):
        j = i
        while j < len(run) and run[i : j + 1] in out:
            j += 1
        short = j - i < min(piece, len(run) - i)
        if short and f"\n{run[i:j]}\n" not in out and f"{run[i:j]}\n" not in out:
            return False  # a short piece counts only as a whole field's end (a heading 指导思想)
        i = j
    return True


# ---------------------------------------------------------------- scoring one document


@dataclass
class DocScore:
    """The figures of one document and what went wrong, for an engineer to act on."""

    id: str
    split: str
    kind: str
    form: str
    error: str = ""
    title_ok: bool = False
    kind_ok: bool = False
    headings: int = 0
    found: int = 0
    roles_ok: int = 0
    roles_checked: int = 0
    clutter: int = 0
    clutter_left: list[str] = field(default_factory=list)
    keep_lost: list[str] = field(default_factory=list)
    runs_lost: list[str] = field(default_factory=list)
    truncated_ok: bool = False
    problems: list[str] = field(default_factory=list)
    annotated_roles: list[list[str]] = field(default_factory=list)

    @property
    def lost(self) -> bool:
        return bool(self.keep_lost or self.runs_lost or self.error)


def _roles(entry: dict[str, Any]) -> list[list[str]]:
    return [list(h.get("roles") or []) for h in entry.get("level1") or []]


def score_document(entry: dict[str, Any]) -> DocScore:
    """Read one corpus document with nigao's ingest and compare it with its annotation."""
    from nigao.errors import NigaoError
    from nigao.ingest.reader import read_source

    level1 = entry.get("level1") or []
    score = DocScore(
        id=entry["id"],
        split=entry.get("split", "dev"),
        kind=entry["kind"],
        form=entry["form"],
        headings=len(level1),
        clutter=len(entry.get("clutter") or []),
        annotated_roles=_roles(entry),
    )
    try:
        result = read_source(entry["path"])
        js = result.to_json()
    except NigaoError as exc:
        score.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        score.clutter_left = list(entry.get("clutter") or [])
        score.problems.append(f"ReadError: {score.error}")
        return score
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, not the scorer's end
        score.error = f"crash {type(exc).__name__}: {exc}"
        score.clutter_left = list(entry.get("clutter") or [])
        score.problems.append(score.error)
        return score

    titles = [entry.get("title") or ""] + list(entry.get("title_alt") or [])
    score.title_ok = norm(js.get("title")) in {norm(t) for t in titles}
    if not score.title_ok:
        score.problems.append(f"title: want {titles[0]!r} got {js.get('title')!r}")
    score.kind_ok = js.get("kind") in [entry["kind"], *(entry.get("kind_alt") or [])]
    if not score.kind_ok:
        score.problems.append(f"kind: want {entry['kind']} got {js.get('kind')}")

    got = [
        (heading_key(s.get("heading")), s.get("heading"), s.get("role"))
        for s in js.get("sections", [])
    ]
    got_by_norm = {}
    for key, heading, role in got:
        got_by_norm.setdefault(key, (heading, role))
    missed = []
    for item, roles in zip(level1, _roles(entry), strict=True):
        hit = None
        for wanted in [item["heading"], *(item.get("alt") or [])]:
            hit = hit or got_by_norm.get(heading_key(wanted))
        if hit is None:
            missed.append(item["heading"])
            continue
        score.found += 1
        if not roles:  # a seed heading whose role the outline leaves open
            continue
        score.roles_checked += 1
        if hit[1] in roles:
            score.roles_ok += 1
        else:
            score.problems.append(
                f"role of {item['heading']!r}: want {'/'.join(roles)} got {hit[1]}"
            )
    if missed:
        shown = [h for _, h, _ in got][:8]
        score.problems.append(f"level-1 missed {missed} (got {len(got)}: {shown})")

    kept = kept_text(js)
    score.clutter_left = [c for c in entry.get("clutter") or [] if norm(c) and norm(c) in kept]
    if score.clutter_left:
        score.problems.append(f"clutter left: {score.clutter_left}")

    everything = all_output_text(js, result.document)
    score.keep_lost = [k for k in entry.get("keep") or [] if norm(k) not in everything]
    if score.keep_lost:
        score.problems.append(f"keep lost: {score.keep_lost}")
    body = source_text(entry["path"])
    if body is not None:
        flat = everything.replace(_SEP, "\n")
        cjk_out = "\n".join(_CJK_RUN.findall(flat))
        for run in _CJK_RUN.findall(unicodedata.normalize("NFKC", simplified(body))):
            if len(run) >= RUN_MIN and run not in score.runs_lost and not _covered(run, cjk_out):
                score.runs_lost.append(run)
        if score.runs_lost:
            sample = [r[:24] for r in score.runs_lost[:3]]
            score.problems.append(f"source text lost: {len(score.runs_lost)} runs, e.g. {sample}")

    want_trunc = bool(entry.get("truncated", False))
    score.truncated_ok = bool(js.get("truncated")) == want_trunc
    if not score.truncated_ok:
        score.problems.append(f"truncated: want {want_trunc} got {js.get('truncated')}")
    return score


# ---------------------------------------------------------------- figures


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def figures(scores: list[DocScore]) -> dict[str, Any]:
    """Summary figures over a list of document scores (the shape tests pin)."""
    docs = len(scores)
    headings = sum(s.headings for s in scores)
    found = sum(s.found for s in scores)
    # A failed read counts its annotated headings as role misses too.
    role_den = sum(s.roles_checked for s in scores)
    role_den += sum(len([r for r in s.annotated_roles if r]) for s in scores if s.error)
    roles_ok = sum(s.roles_ok for s in scores)
    return {
        "documents": docs,
        "errors": sum(1 for s in scores if s.error),
        "title": _ratio(sum(s.title_ok for s in scores), docs),
        "title_ok": sum(s.title_ok for s in scores),
        "kind": _ratio(sum(s.kind_ok for s in scores), docs),
        "kind_ok": sum(s.kind_ok for s in scores),
        "level1_headings": headings,
        "level1_found": found,
        "level1_recall": _ratio(found, headings),
        "roles_ok": roles_ok,
        "roles_checked": role_den,
        "role_accuracy": _ratio(roles_ok, role_den),
        "clutter_strings": sum(s.clutter for s in scores),
        "clutter_left": sum(len(s.clutter_left) for s in scores),
        "docs_clutter_over_1": sum(1 for s in scores if len(s.clutter_left) > 1),
        "docs_text_lost": sum(1 for s in scores if s.lost),
        "keep_lost": sum(len(s.keep_lost) for s in scores),
        "runs_lost": sum(len(s.runs_lost) for s in scores),
        "truncated": _ratio(sum(s.truncated_ok for s in scores), docs),
    }


def seed_entries() -> list[dict[str, Any]]:
    """The five seeds as corpus entries, from the outlines the seed tests already pin."""
    entries = []
    for name, outline in (_yaml(SEEDS) or {}).items():
        level1 = [
            {"heading": sec["heading"], "roles": [sec["role"]] if sec.get("role") else []}
            for sec in outline.get("sections") or []
            if sec.get("depth") == 1
        ]
        entries.append(
            {
                "id": name[:3],
                "path": ROOT / "seeds" / name,
                "form": "seed",
                "split": "seeds",
                "title": outline.get("title", ""),
                "kind": outline.get("kind", ""),
                "level1": level1,
                "truncated": bool(outline.get("truncated", False)),
            }
        )
    return entries


def score_documents(split: str = "all", ids: list[str] | None = None) -> list[DocScore]:
    """Score every document of a split (dev | heldout | all | seeds), or only the given ids."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    if split == "seeds":
        return [score_document(e) for e in seed_entries() if not ids or e["id"] in ids]
    entries = [
        e
        for e in load_annotations()
        if (split == "all" or e.get("split") == split) and (not ids or e["id"] in ids)
    ]
    return [score_document(e) for e in entries]


def score(split: str = "all") -> dict[str, Any]:
    """Figures of one split: the numbers tests pin so ingest cannot fall back."""
    return figures(score_documents(split))


# ---------------------------------------------------------------- report


def _row(s: DocScore) -> str:
    mark = lambda ok: "ok" if ok else "--"  # noqa: E731
    lost = "ERR" if s.error else f"{len(s.keep_lost)}k/{len(s.runs_lost)}r"
    return (
        f"{s.id:>4} {s.split:<7} {s.kind:<7} {s.form:<15} title {mark(s.title_ok)}  "
        f"kind {mark(s.kind_ok)}  l1 {s.found:>2}/{s.headings:<2} "
        f"roles {s.roles_ok:>2}/{s.roles_checked:<2} "
        f"clutter {len(s.clutter_left)}/{s.clutter:<2} lost {lost}"
    )


def _summary(name: str, f: dict[str, Any]) -> str:
    return (
        f"{name:<8} docs {f['documents']:>3} (errors {f['errors']})  "
        f"title {f['title_ok']}/{f['documents']} {f['title']:.0%}  "
        f"kind {f['kind_ok']}/{f['documents']} {f['kind']:.0%}  "
        f"l1 recall {f['level1_found']}/{f['level1_headings']} {f['level1_recall']:.0%}  "
        f"roles {f['roles_ok']}/{f['roles_checked']} {f['role_accuracy']:.0%}  "
        f"clutter left {f['clutter_left']}/{f['clutter_strings']} "
        f"(docs >1: {f['docs_clutter_over_1']})  "
        f"text lost in {f['docs_text_lost']} docs ({f['keep_lost']} keep, {f['runs_lost']} runs)  "
        f"truncated {f['truncated']:.0%}"
    )


def check_annotations() -> list[str]:
    """Annotation strings not found in their own source text (a typo in the annotation)."""
    complaints = []
    for entry in load_annotations():
        body = source_text(entry["path"])
        if body is None:
            continue
        text = norm(body)
        text += _SEP + _GLOSS.sub("", text)  # headings are annotated without pinyin glosses
        wanted = [("keep", k) for k in entry.get("keep") or []]
        wanted += [("clutter", c) for c in entry.get("clutter") or []]
        wanted += [("level1", h["heading"]) for h in entry.get("level1") or []]
        for what, value in wanted:
            if heading_key(value) not in text:
                complaints.append(f"{entry['id']}: {what} {value!r} not in the source text")
        titles = [t for t in [entry.get("title"), *(entry.get("title_alt") or [])] if t]
        if titles and not any(norm(t) in text for t in titles):
            complaints.append(f"{entry['id']}: no title reading {titles[0]!r} in the source text")
        roles = {r for h in entry.get("level1") or [] for r in h.get("roles") or []}
        if roles - ROLES:
            complaints.append(f"{entry['id']}: unknown roles {sorted(roles - ROLES)}")
        if entry.get("kind") not in KINDS:
            complaints.append(f"{entry['id']}: unknown kind {entry.get('kind')!r}")
    return complaints


def _option(argv: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE`, if given."""
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str]) -> int:
    """Print one row per document of the chosen split, its problems, and every split's summary.

    Per-document lines are printed only for `--split` (default `dev`, so rule work never sees
    heldout rows by accident); the summary lines of dev, heldout and all are always printed.
    A positional split (dev | heldout | all | seeds) is the older spelling of `--split`.
    """
    if "--check" in argv:
        complaints = check_annotations()
        print("\n".join(complaints) or "annotations consistent with their sources")
        return 1 if complaints else 0
    quiet = "--quiet" in argv
    ids = [argv[i + 1] for i, a in enumerate(argv) if a == "--id" and i + 1 < len(argv)]
    values = {
        argv[i + 1] for i, a in enumerate(argv) if a in ("--id", "--split") and i + 1 < len(argv)
    }
    positional = next((a for a in argv if a in SPLITS and a not in values), None)
    shown = _option(argv, "--split") or positional or "dev"
    if shown not in SPLITS:
        print(f"--split must be one of {', '.join(SPLITS)}", file=sys.stderr)
        return 2
    if shown == "seeds":
        scores = score_documents("seeds", ids or None)
        names: tuple[str, ...] = ("seeds",)
    else:
        scores = score_documents("all")
        names = ("dev", "heldout", "all")
    for s in scores:
        if (shown in ("all", "seeds") or s.split == shown) and (not ids or s.id in ids):
            print(_row(s))
            if not quiet:
                for problem in s.problems:
                    print(f"       - {problem}")
    print()
    for name in names:
        subset = scores if name in ("all", "seeds") else [s for s in scores if s.split == name]
        if subset:
            print(_summary(name, figures(subset)))
    if "--by-form" in argv:
        print()
        chosen = scores if shown in ("all", "seeds") else [s for s in scores if s.split == shown]
        for form in sorted({s.form for s in chosen}):
            print(_summary(form[:8], figures([s for s in chosen if s.form == form])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
