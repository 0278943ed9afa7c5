"""The skeleton library: the shipped one plus the drafter's own folders; and the skeleton file
format, both ways (`split_front_matter`/`read_skeleton` read it, `front_matter` writes it for
ingest's `make_skeletons`).

Folders are searched in order — shipped, then each `NIGAO_LIBRARY` entry, then each
`--library DIR` — and a later skeleton with the same id replaces an earlier one, so a
drafter's own version of a shipped skeleton wins. Each skeleton remembers where it came
from. Every file is read on every run; its parsed front matter comes from the parse cache
(`nigao.cache`, keyed by the text) when the same text was read before.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.errors import NigaoError, os_reason
from nigao.vocabulary import is_run_in

MAX_SKELETON_BYTES = 256 * 1024  # a section's text; the shipped ones are under 10 KB

SHIPPED = "内置"
# The first name in each {{ … }}: \w is Unicode-aware, so CJK slot names match without a
# (slow to compile) explicit CJK range.
_SLOT = re.compile(r"\{\{-?\s*([^\W\d]\w*(?:\.\w+)*)")
# A whole {{ … }} expression, group 1 its inside: how the views of a skeleton (`skeletons
# show`, the --interactive menu, the web page's cards) find a slot to show it as 〔slot〕.
SLOT_IN_TEXT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")
# The examples block in words, for `skeletons show` and the --interactive menu.
EXAMPLE_TAGS = {
    "{% if examples %}": "〔以下是范文的示例内容：章节写 examples: true 时才收入草稿〕",
    "{% endif %}": "〔示例结束〕",
}


def examples_in_words(text: str) -> str:
    """The {% if examples %} block said in words: a clerk reads text, not template language."""
    for tag, words in EXAMPLE_TAGS.items():
        text = text.replace(tag, words)
    return text


@dataclass
class Skeleton:
    """One reusable section: front matter plus a Jinja2 body in draft Markdown."""

    id: str
    role: str
    body: str
    path: Path
    origin: str  # "内置" or the user folder it came from
    heading: str = ""
    kinds: list[str] = field(default_factory=list)
    run_in: bool = False
    source: str = ""
    script: str = "simplified"
    slots: dict[str, str] = field(default_factory=dict)
    title: str = ""
    default: bool = False
    topic: list[str] = field(default_factory=list)  # the source's own subject words
    body_line: int = 1  # line number of the body's first line in the file, for error messages

    @property
    def opening(self) -> str:
        """The first line of text, for menus ("坚持以{{ guidance.theory }}为指导……")."""
        for line in self.body.splitlines():
            text = line.strip()
            if text and not text.startswith(("#", "{%", "{#")):
                return text
        return self.heading

    @property
    def used_slots(self) -> list[str]:
        """Slot names the body and heading actually use, in first-use order."""
        seen: dict[str, None] = {}
        for name in _SLOT.findall(self.heading + "\n" + self.body):
            seen.setdefault(name, None)
        for name in self.slots:
            seen.setdefault(name, None)
        return list(seen)


def profile_key(slot: str) -> str:
    """Where a drafter writes a slot's value in the profile (`region` → `org.region`)."""
    from nigao import compose

    slot = getattr(compose, "_SLOT_FIELD", {}).get(slot, slot)  # compose owns the mapping
    if slot == "region":
        return "org.region"
    if slot.startswith("leaders."):
        parts = slot.split(".")
        return ".".join(parts[:2]) if parts[1] != "block" else "leaders"
    if slot in ("year", "date"):
        return "date（或 year）"
    return slot


def slot_label(skeleton: Skeleton, slot: str) -> str:
    """What a slot asks for, in Chinese: the skeleton's own label, else the profile's."""
    if skeleton.slots.get(slot):
        return skeleton.slots[slot]
    parts = slot.split(".")
    if parts[0] == "leaders" and len(parts) == 3 and parts[2] == "names":
        return f"{parts[1]}姓名（多人以“、”分隔）"
    if slot == "leaders.block":
        return "领导小组名单（组长：…／副组长：…／成员：…）"
    if parts[0] == "facts":
        return parts[1] if len(parts) > 1 else slot
    from nigao.profile import describe

    return describe(profile_key(slot))


def shipped_dir() -> Path:
    """The shipped library: package data in an installed wheel, the repo's templates/ in a checkout."""
    here = Path(__file__).parent / "templates"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "templates"


def user_dirs(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """NIGAO_LIBRARY entries (os.pathsep-separated), then --library folders, in that order."""
    dirs = [Path(p) for p in os.environ.get("NIGAO_LIBRARY", "").split(os.pathsep) if p.strip()]
    dirs += [Path(p) for p in extra]
    for d in dirs:
        if not d.is_dir():
            raise NigaoError("找不到骨架文件夹（--library 或 NIGAO_LIBRARY 所指）", path=str(d))
    return dirs


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """`---` YAML `---` then the body (kept exactly) and the body's first line number."""
    from nigao.yamlsafe import FRONT_MATTER, load

    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise NigaoError("骨架文件应以 --- 开头的元数据块开始", path=str(path), line=1)
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise NigaoError("骨架文件的元数据块没有结束的 --- 行", path=str(path), line=1)
    meta = load(text[4:end], str(path), FRONT_MATTER, first_line=2)
    if not isinstance(meta, dict):
        raise NigaoError("骨架的元数据块应为“键: 值”的形式", path=str(path), line=2)
    return meta, text[end + 5 :], text[: end + 5].count("\n") + 1


# (path, origin, mtime, size) → the Skeleton read from it: a process that reads a library
# twice (`nigao new` drafts from it, its proofreading looks up the shipped sources' topic
# words) reads each unchanged file once.
_READ: dict[tuple[str, str, int, int], Skeleton] = {}


def read_front_matter(path: Path) -> dict[str, Any]:
    """A file's front matter, or {} when it is not a readable skeleton file (ingest asks
    before it replaces a file whether nigao wrote it)."""
    try:
        text = path.read_text(encoding="utf-8")
        meta, _body, _line = split_front_matter(text, path)
    except (OSError, UnicodeDecodeError, NigaoError):
        return {}
    return meta


_SAFE_SCALAR = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#{}\n]*")
_YAML_WORDS = {"true", "false", "yes", "no", "null", "on", "off", "~"}


def scalar(text: str) -> str:
    """A YAML scalar: plain when safe, else a JSON (= YAML double-quoted) string."""
    if (
        text
        and _SAFE_SCALAR.fullmatch(text)
        and text.lower() not in _YAML_WORDS
        and not re.fullmatch(r"[\d.+\-eE]+", text)
        and not text.endswith((" ", ":"))
        and ": " not in text
    ):
        return text
    import json

    return json.dumps(text, ensure_ascii=False)


def front_matter(meta: dict[str, object]) -> str:
    """The `---` block of a skeleton file, keys in the order given (byte-stable): true/false,
    [a, b] lists, a block mapping (or {}), any other value as a scalar."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{key}: [" + ", ".join(scalar(str(v)) for v in value) + "]")
        elif isinstance(value, dict):
            lines.append(f"{key}:" if value else f"{key}: {{}}")
            lines.extend(f"  {name}: {scalar(str(v))}" for name, v in value.items())
        else:
            lines.append(f"{key}: {scalar(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def read_skeleton(path: Path, origin: str) -> Skeleton:
    """One skeleton file, checked enough that later steps can trust its fields."""
    try:
        st = path.stat()
        seen = (str(path), origin, st.st_mtime_ns, st.st_size)
        if seen in _READ:
            return _READ[seen]
        if st.st_size > MAX_SKELETON_BYTES:
            raise NigaoError(
                f"骨架文件过大（上限 {MAX_SKELETON_BYTES // 1024} KB）", path=str(path)
            )
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise NigaoError(f"无法读取骨架文件：{os_reason(error)}", path=str(path)) from None
    except UnicodeDecodeError:
        raise NigaoError("骨架文件不是 UTF-8 编码，请另存为 UTF-8", path=str(path)) from None
    meta, body, body_line = split_front_matter(text, path)
    for key in ("id", "role"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise NigaoError(f"骨架的元数据缺少 {key}", path=str(path), line=2)
    slots = meta.get("slots") or {}
    if not isinstance(slots, dict):
        raise NigaoError("骨架的 slots 应为“名称: 说明”的形式", path=str(path), line=2)
    kinds = meta.get("kinds") or []
    heading = str(meta.get("heading") or "")
    _READ[seen] = skeleton = Skeleton(
        id=meta["id"].strip(),
        role=meta["role"].strip(),
        body=body,
        path=path,
        origin=origin,
        heading=heading,
        kinds=[str(k) for k in (kinds if isinstance(kinds, list) else [kinds])],
        # Unset: the draft format's rule (a heading ending in 。？！ is run in).
        run_in=bool(meta["run_in"]) if "run_in" in meta else is_run_in(heading),
        source=str(meta.get("source") or ""),
        script=str(meta.get("script") or "simplified"),
        slots={str(k): str(v) for k, v in slots.items()},
        title=str(meta.get("title") or ""),
        default=bool(meta.get("default", False)),
        topic=[str(t) for t in meta.get("topic") or [] if isinstance(meta.get("topic"), list)],
        body_line=body_line,
    )
    return skeleton


class Library:
    """Every skeleton by id, later folders overriding earlier ones."""

    def __init__(self, dirs: list[tuple[Path, str]]):
        self.dirs = dirs
        self.skeletons: dict[str, Skeleton] = {}
        self.overridden: dict[str, Skeleton] = {}  # id → the shipped/earlier skeleton replaced
        for folder, origin in dirs:
            here: dict[str, Skeleton] = {}
            for path in sorted(folder.rglob("*.md.j2")):
                skeleton = read_skeleton(path, origin)
                if skeleton.id in here:
                    raise NigaoError(
                        f"骨架编号 {skeleton.id} 重复：{here[skeleton.id].path} 和 {path}",
                        path=str(folder),
                    )
                here[skeleton.id] = skeleton
            for sid, skeleton in here.items():
                if sid in self.skeletons:
                    self.overridden[sid] = self.skeletons[sid]
                self.skeletons[sid] = skeleton

    def __len__(self) -> int:
        return len(self.skeletons)

    @functools.cached_property
    def _topics(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for skeleton in self.skeletons.values():
            if skeleton.topic:
                found.setdefault(skeleton.title or skeleton.source, set()).update(skeleton.topic)
        return found

    def topics(self, first: Iterable[str] = ()) -> tuple[tuple[str, frozenset[str]], ...]:
        """(source title or file, the topic words its skeletons recorded) for every source of
        this library that has some (a user's own ingested folders too): what the checker's
        CONTENT-SUBJECT looks for. The sources of the skeletons `first` (a draft's) come first."""
        found = self._topics
        used = {
            self.skeletons[s].title or self.skeletons[s].source for s in first if s in self.skeletons
        }
        return tuple(
            (name, frozenset(words))
            for name, words in sorted(found.items(), key=lambda kv: (kv[0] not in used, kv[0]))
        )

    def all(self) -> list[Skeleton]:
        return [self.skeletons[k] for k in sorted(self.skeletons)]

    def for_role(self, role: str, kind: str | None = None) -> list[Skeleton]:
        """Skeletons of a role (optionally usable in a kind), the default first, then by id."""
        found = [
            s
            for s in self.all()
            if s.role == role and (kind is None or not s.kinds or kind in s.kinds)
        ]
        return sorted(found, key=lambda s: (not s.default, s.id))

    def default_for(self, role: str, kind: str | None = None) -> Skeleton | None:
        """The role's default skeleton for a kind: a user folder's default wins over the shipped one.

        A skeleton written for another kind is never taken silently (a summary's closing
        paragraph in a plan reads wrong); `--pick` or `skeleton:` can still choose it.
        """
        candidates = self.for_role(role, kind)
        defaults = [s for s in candidates if s.default]
        if defaults:
            return max(defaults, key=lambda s: self._rank(s))
        return candidates[0] if candidates else None

    def _rank(self, skeleton: Skeleton) -> int:
        return next((i for i, (_d, o) in enumerate(self.dirs) if o == skeleton.origin), 0)

    def get(self, sid: str) -> Skeleton:
        """A skeleton by id, or one Chinese line with the closest ids."""
        if sid in self.skeletons:
            return self.skeletons[sid]
        raise NigaoError(unknown_message(sid, list(self.skeletons)))

    def suggest(self, sid: str) -> list[str]:
        return suggestions(sid, list(self.skeletons))


def suggestions(sid: str, ids: list[str]) -> list[str]:
    close = _close_matches(sid, ids, n=3, cutoff=0.5)
    if not close:
        close = [i for i in sorted(ids) if sid and (sid in i or i.startswith(sid[:4]))][:3]
    return close


def unknown_message(sid: str, ids: list[str]) -> str:
    close = suggestions(sid, ids)
    hint = f"，是不是：{'、'.join(close)}？" if close else "。"
    return f"没有编号为 “{sid}” 的骨架{hint}（nigao skeletons list 查看全部）"


def load_library(extra: Iterable[str | os.PathLike[str]] = (), shipped: bool = True) -> Library:
    """The shipped library, then NIGAO_LIBRARY, then --library folders."""
    dirs: list[tuple[Path, str]] = []
    if shipped:
        base = shipped_dir()
        if base.is_dir():
            dirs.append((base, SHIPPED))
    dirs += [(d, str(d)) for d in user_dirs(extra)]
    return Library(dirs)


def _close_matches(
    word: str, candidates: list[str] | tuple[str, ...], n: int, cutoff: float
) -> list[str]:
    """difflib's suggestions, imported only when there is a mistake to explain."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
