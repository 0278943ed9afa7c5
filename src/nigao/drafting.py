"""Drafting as a library call: profile + skeleton library + section choices → everything a
front end shows or writes (the Document, the draft Markdown, the .docx bytes, the proofreading
findings, the 【待填】 markers and the notes).

`nigao new`, `nigao batch` and `nigao serve` all call `draft()`; they only parse options,
write files and print. A notebook or a web route starts from `draft_file()`:

    from nigao.drafting import draft_file
    result = draft_file("profiles/example-plan.yaml", picks={"tasks": "s003-tasks"})
    result.markdown, result.docx, result.findings, result.markers

Nothing here writes a file or prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nigao.check.findings import Finding
    from nigao.compose import Choice
    from nigao.compose import Draft as Composition
    from nigao.draftmd import WrittenDraft
    from nigao.model import Document
    from nigao.profile import Profile
    from nigao.skeletons import Library


@dataclass
class DraftResult:
    """One drafted profile, in memory."""

    profile: Profile
    composition: Composition  # the skeleton choices and compose's own notes
    written: WrittenDraft  # the draft Markdown and where each text stands in it
    findings: list[Finding] = field(default_factory=list)
    check_error: str | None = None  # the checker could not finish (drafting still succeeded)
    cleaned: list[str] = field(default_factory=list)  # texts that lost unwritable characters

    @property
    def document(self) -> Document:
        """What the files hold (`model.normalize` of the composed document)."""
        return self.written.document

    @property
    def markdown(self) -> str:
        return self.written.text

    @cached_property
    def docx(self) -> bytes:
        """The GB/T 9704 .docx package (built on first use: a preview does not need it)."""
        from nigao.docx_writer import write_docx

        return write_docx(self.document)

    @property
    def markers(self) -> list[tuple[str, str]]:
        """Every 【待填：label】 left in the draft: (label, where it is)."""
        return self.composition.markers()

    @property
    def unfilled(self) -> list[str]:
        """Each marker and each empty leadership role, one Chinese line each."""
        from nigao.compose import unfilled

        return unfilled(self.composition, self.profile)

    @property
    def defaults(self) -> list[Choice]:
        """Sections the profile left to their role's default skeleton."""
        return self.composition.defaults

    @property
    def choices(self) -> list[Choice]:
        return self.composition.choices

    @property
    def notes(self) -> list[str]:
        """What a drafter should be told: compose's notes, then removed characters."""
        return [*self.composition.notes, *self.cleaned]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def blocking(self) -> list[str]:
        """What keeps this draft from being final (`nigao new --final` refuses on any): each
        unfilled item once — the checker's LEFT-PLACEHOLDER on a 【待填：…】 is already listed."""
        said = [f for f in self.errors if f.rule == "LEFT-PLACEHOLDER" and "【待填：" in f.message]
        return [*self.unfilled, *(str(f) for f in self.errors if f not in said)]


def draft(
    profile: Profile,
    library: Library,
    choices: Mapping[str, str] | None = None,
    *,
    check: bool = True,
    md_path: str | os.PathLike[str] | None = None,
) -> DraftResult:
    """Draft a profile with the library's skeletons.

    `choices` maps a section path (`sections[3]`, as `compose.walk_sections` names it) to a
    skeleton id, or to "" for "no skeleton, only the profile's own text"; `choices_for_roles`
    turns `--pick ROLE=ID` into these. With `check`, the Document is proofread as written to
    the Markdown: findings name lines of the .md at `md_path`. Raises `ProfileError` (every
    profile and skeleton problem together) when the profile cannot be drafted.
    """
    from nigao.compose import compose
    from nigao.draftmd import write_located

    composition = compose(profile, library, dict(choices or {}))
    cleaned: list[str] = []
    written = write_located(composition.document, cleaned)
    result = DraftResult(profile, composition, written, cleaned=cleaned)
    if check:
        from dataclasses import replace

        from nigao.check import check_written, profile_facts
        from nigao.errors import NigaoError

        # the checker looks for leftovers of this library's sources, the draft's own first
        used = [c.skeleton.id for c in composition.choices if c.skeleton is not None]
        try:
            facts = replace(profile_facts(profile), topics=library.topics(used))
            result.findings = check_written(
                written, profile=facts, path=str(md_path) if md_path is not None else None
            )
        except NigaoError as error:  # a checker failure never stops drafting
            result.check_error = str(error)
    return result


# ---------------------------------------------------------------------- choices from roles


def parse_picks(picks: Iterable[str]) -> dict[str, str]:
    """`ROLE=ID` strings (roles may be the Chinese heading words) → {role: id}."""
    from nigao.errors import UsageError
    from nigao.profile import ROLES, aliases

    result: dict[str, str] = {}
    for pick in picks:
        role, sep, sid = pick.partition("=")
        role, sid = role.strip(), sid.strip()
        role = aliases().get("role", {}).get(role, role)  # --pick 主要任务=… works too
        if not sep or not role or not sid:
            raise UsageError(
                f"--pick 的写法是 角色=骨架编号（例如 --pick tasks=s003-tasks），得到 “{pick}”"
            )
        if role not in ROLES:
            raise UsageError(f"--pick：没有 “{role}” 这个角色，可选：{'、'.join(ROLES)}")
        result[role] = sid
    return result


def choices_for_roles(profile: Profile, picks: Mapping[str, str]) -> dict[str, str]:
    """{role: id} → {section path: id} for every section of that role."""
    from nigao.compose import walk_sections
    from nigao.errors import UsageError

    choices: dict[str, str] = {}
    for role, sid in picks.items():
        paths = [path for path, s in walk_sections(profile) if s.role == role]
        if not paths:
            raise UsageError(f"--pick {role}={sid}：配置文件 {profile.path} 里没有 {role} 章节")
        choices.update(dict.fromkeys(paths, sid))
    return choices


# ---------------------------------------------------------------------- from files


def load_profile(path: str | os.PathLike[str], *, partial: bool = True) -> Profile:
    """Read and validate a profile file. With `partial` (the default), value errors are kept
    in `Profile.errors` and raised by `draft()` together with the skeleton checks."""
    from nigao.errors import UsageError
    from nigao.profile import load

    if Path(path).suffix.lower() in (".md", ".docx"):
        raise UsageError(f"{path} 是草稿，不是配置文件：导出 Word 请用  nigao export {path}")
    return load(path, partial=partial)


def load_library(libraries: Iterable[str | os.PathLike[str]] = ()) -> Library:
    """The shipped skeletons, then NIGAO_LIBRARY folders, then `libraries` (later ids win)."""
    from nigao.skeletons import load_library as load

    return load(libraries)


def draft_file(
    profile_path: str | os.PathLike[str],
    *,
    libraries: Iterable[str | os.PathLike[str]] = (),
    picks: Mapping[str, str] | None = None,
    choices: Mapping[str, str] | None = None,
    check: bool = True,
    md_path: str | os.PathLike[str] | None = None,
) -> DraftResult:
    """`draft()` of a profile file: `picks` by role ({"tasks": "s003-tasks"}), `choices` by
    section path (these win)."""
    profile = load_profile(profile_path)
    library = load_library(libraries)
    merged = {**choices_for_roles(profile, picks or {}), **(choices or {})}
    return draft(profile, library, merged, check=check, md_path=md_path)
