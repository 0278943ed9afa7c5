"""`nigao init`, `nigao schema`, `nigao new`, `nigao export`: drafting from a profile.

Thin Click shells over drafting.py (profile, skeletons, compose, check, writers). Heavy
modules (yaml, jinja2, the .docx writer) are imported inside the command bodies, so
`nigao --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nigao.commands._common import friendly, library_option
from nigao.kinds import KIND_NAMES, KINDS

# ---------------------------------------------------------------------------------------------
# init / schema
# ---------------------------------------------------------------------------------------------


@click.command("init", options_metavar="[选项]")
@click.argument("path", type=click.Path(dir_okay=False), metavar="配置文件")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="plan",
    show_default=True,
    help="文种：" + " / ".join(f"{kind} {name}" for kind, name in KIND_NAMES.items()),
)
@click.option("--force", is_flag=True, help="已有同名文件时覆盖")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def init(path: str, kind: str, force: bool) -> None:
    """生成带中文注释的配置文件模板（每一项都有说明和示例），并在旁边写出 JSON Schema。

    \b
    例如：nigao init profiles/my-plan.yaml
          nigao init profiles/2027-summary.yaml --kind summary"""
    from nigao.fsutil import atomic_write, check_writable
    from nigao.profile import SCHEMA_FILE, scaffold

    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(".yaml")
    check_writable([target], force)
    schema_path = target.parent / SCHEMA_FILE
    schema_text = _schema_text()
    choices, guidance = _skeleton_choices(kind)
    atomic_write(target, scaffold(kind, SCHEMA_FILE, choices, guidance))
    click.echo(f"已生成配置文件：{target}")
    if not schema_path.exists():
        atomic_write(schema_path, schema_text)
        click.echo(f"已生成 JSON Schema：{schema_path}（编辑器据此补全、检查配置项）")
    elif schema_path.read_text(encoding="utf-8") != schema_text:
        if force:
            atomic_write(schema_path, schema_text)
            click.echo(f"已更新 JSON Schema：{schema_path}")
        else:
            click.echo(f"提示：{schema_path} 已存在且与当前版本不同，未覆盖（加 --force 更新）")
    click.echo(f"下一步：按注释修改 {target}，然后运行  nigao new {target}")


def _skeleton_choices(kind: str) -> tuple[dict[str, list[tuple[str, bool]]], dict[str, str]]:
    """Role → the library's skeletons for this kind, and the further guidance labels (with
    their descriptions) that the kind's default skeletons use, for the scaffold."""
    from nigao.profile import ROLES, kinds_table
    from nigao.skeletons import load_library

    library = load_library()
    choices = {role: [(s.id, s.default) for s in library.for_role(role, kind)] for role in ROLES}
    guidance: dict[str, str] = {}
    for role in kinds_table()["kinds"][kind]["order"]:
        skeleton = library.default_for(role, kind)
        for slot in skeleton.used_slots if skeleton else []:
            label = slot.partition(".")[2]
            if slot.startswith("guidance.") and label not in ("theory", "spirit"):
                guidance.setdefault(label, skeleton.slots.get(slot) or label)
    return choices, guidance


def _schema_text() -> str:
    import json

    from nigao.profile import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


@click.command("schema", options_metavar="[选项]")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def schema() -> None:
    """输出配置文件的 JSON Schema（draft 2020-12，中文说明），供编辑器补全和检查。

    例如：nigao schema > nigao-profile.schema.json"""
    click.echo(_schema_text(), nl=False)


# ---------------------------------------------------------------------------------------------
# new
# ---------------------------------------------------------------------------------------------


def output_base(profile_path: str, output: str | None) -> Path:
    """drafts/<profile stem> by default; -o accepts a stem (→ drafts/), a path, or a folder."""
    from nigao.fsutil import safe_name

    stem = safe_name(Path(profile_path).stem)
    if not output:
        return Path("drafts") / stem
    out = Path(output)
    if output.endswith(("/", "\\")) or out.is_dir():
        return out / stem
    if out.suffix.lower() in (".md", ".docx", ".pdf"):
        out = out.with_suffix("")
    if out.parent == Path("."):
        return Path("drafts") / safe_name(out.name)
    return out.parent / safe_name(out.name)


def _ask(question: str) -> str:
    """One line from the clerk; end of input or Ctrl-C stops the run with nothing written."""
    from nigao.errors import NigaoError

    try:
        return click.prompt(question, default="", show_default=False, prompt_suffix="\n> ")
    except click.Abort:
        raise NigaoError("已中止：骨架还没有选完，没有写任何文件") from None


@click.command("new", options_metavar="[选项]")
@click.argument("profile_path", type=click.Path(dir_okay=False), metavar="配置文件")
@click.option(
    "-o",
    "--output",
    metavar="路径或名称",
    help="输出位置：名称（写到 drafts/名称.md 和 .docx）、带文件夹的路径或文件夹。默认 drafts/配置文件名",
)
@click.option(
    "--pick",
    "picks",
    multiple=True,
    metavar="角色=骨架编号",
    help="为某一角色改用指定骨架（可重复），如 --pick tasks=s003-tasks",
)
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="逐节从编号菜单中选择骨架（0 或回车跳过，v 编号看全文，c 编号 编号并排对照），可写回配置文件",
)
@click.option(
    "--final", is_flag=True, help="定稿模式：仍有【待填】、领导小组空缺时列出并停止，不写任何文件"
)
@click.option("--force", is_flag=True, help="覆盖已有的草稿文件")
@library_option
@click.option("--pdf", is_flag=True, help="同时生成 PDF（需要 LibreOffice）")
@click.option("--no-check", "no_check", is_flag=True, help="生成后不做自动校对")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def new(
    profile_path: str,
    output: str | None,
    picks: tuple[str, ...],
    interactive: bool,
    final: bool,
    force: bool,
    libraries: tuple[str, ...],
    pdf: bool,
    no_check: bool,
) -> None:
    """按配置文件拟稿：写出可编辑的草稿 drafts/名称.md 和 Word 文档 drafts/名称.docx。

    没有填写的事实在草稿中显示为【待填：名称】（Word 中高亮），最后列出清单。

    \b
    例如：nigao new profiles/example-plan.yaml
          nigao new profiles/my-plan.yaml --pick tasks=s003-tasks --force
          nigao new profiles/my-plan.yaml --interactive"""
    from nigao.drafting import choices_for_roles, draft, load_library, load_profile, parse_picks
    from nigao.errors import NigaoError, shown
    from nigao.fsutil import check_writable, write_all
    from nigao.profile import ROLE_NAMES

    profile = load_profile(profile_path)  # value errors are reported with skeleton ones
    library = load_library(libraries)
    choices = choices_for_roles(profile, parse_picks(picks))
    save = False
    saved: str | None = None
    menu = None
    if interactive and not profile.errors:
        from nigao.interactive import choose

        menu = choose(profile, library, choices, _ask, click.echo)
        choices = menu.chosen
        if menu.changed:
            answer = _ask(
                f"把这些选择写回配置文件 {profile.path}（只改各节的 skeleton: 行，注释和格式不变）？"
                "输入 y 写回，直接回车不写"
            )
            save = answer.strip().lower() in ("y", "yes", "是")
        if save:
            saved = _written_back(profile, menu)  # before any output: a refusal writes nothing
            save = saved is not None

    base = output_base(profile_path, output)
    md_path, docx_path = base.with_name(base.name + ".md"), base.with_name(base.name + ".docx")
    pdf_path = base.with_name(base.name + ".pdf")
    outputs = [md_path, docx_path] + ([pdf_path] if pdf else [])

    # Proofread what is about to be written, so --final can refuse before any output and the
    # findings point at lines of the .md the drafter will edit.
    result = draft(profile, library, choices, check=not no_check, md_path=md_path)
    if result.check_error:
        click.echo(f"  校对未完成：{result.check_error}")
    if final and result.blocking:
        problems = result.blocking
        raise NigaoError(
            f"定稿检查未通过，未写出任何文件（{len(problems)} 处）：\n"
            + "\n".join(f"  {m}" for m in problems)
        )
    check_writable(outputs, force)
    write_all([(md_path, result.markdown), (docx_path, result.docx)], replace=force)
    click.echo(f"已生成：{shown(md_path)}、{shown(docx_path)}")
    if pdf:
        _to_pdf(docx_path, pdf_path)
        click.echo(f"已生成：{shown(pdf_path)}")
    if menu is not None and menu.changed:
        _keep_choices(profile, menu, saved if save else None)
    for choice in result.defaults:
        role = choice.section.role
        click.echo(
            f"  {ROLE_NAMES[role]}（{choice.path}）未指定骨架，使用默认骨架 {choice.skeleton.id}"
        )
    for note in result.notes:
        click.echo(f"  提示：{note}")
    for finding in result.findings:
        click.echo(f"  校对：{finding}")
    missing = result.unfilled
    if missing:
        click.echo(f"还有 {len(missing)} 处待填：")
        for line in missing:
            click.echo(f"  {line}")
        click.echo(
            f"请在 {profile.path} 中补齐（facts、guidance、leaders 等）后加 --force 重新生成，"
            f"或直接修改 {md_path} 后运行 nigao export {md_path} --force"
        )
    else:
        click.echo("没有待填内容。")


def _written_back(profile: Any, menu: Any) -> str | None:
    """The profile's text with the menu's choices as `skeleton:` lines, or None (said why)
    when a section cannot be edited in place; the edited text must parse back to them."""
    from nigao.errors import NigaoError
    from nigao.interactive import write_back
    from nigao.profile import parse, read_text

    try:
        text = write_back(read_text(Path(profile.path)), profile, menu.changed)
    except NigaoError as error:
        click.echo(f"  提示：没有写回配置文件：{error}")
        return None
    from nigao.compose import section_at

    again = parse(text, profile.path)
    if not all(
        (getattr(section_at(again, path), "skeleton", None) or "") == sid
        for path, sid in menu.changed.items()
    ):
        click.echo("  提示：没有写回配置文件：改写后读出的选择与所选不同，请按下面的 --pick 手工修改")
        return None
    return text


def _keep_choices(profile: Any, menu: Any, text: str | None) -> None:
    """After --interactive: write the choices back (`text`, if the clerk said so) and print
    them as the equivalent --pick options, so the next run keeps them."""
    from nigao.fsutil import atomic_write
    from nigao.interactive import pick_options

    picks, unsaid = pick_options(profile, menu.changed)
    if text is not None:
        atomic_write(Path(profile.path), text)
        click.echo(
            f"已写回配置文件：{profile.path}（{len(menu.changed)} 节的 skeleton: 行），"
            "以后运行 nigao new 会沿用这些选择"
        )
    if picks:
        click.echo(f"等同的命令：nigao new {profile.path} {' '.join(picks)}")
    if unsaid and text is None:
        click.echo(f"  {'、'.join(unsaid)} 的选择无法用 --pick 表示，请写回配置文件（skeleton: 行）")


def _to_pdf(docx_path: Path, pdf_path: Path) -> None:
    from nigao.pdf import to_pdf

    to_pdf(docx_path, pdf_path)


# ---------------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------------


@click.command("export", options_metavar="[选项]")
@click.argument("draft_path", type=click.Path(dir_okay=False), metavar="草稿.md")
@click.option(
    "-o", "--output", metavar="文件.docx", help="输出的 Word 文件（默认与草稿同名同目录）"
)
@click.option("--force", is_flag=True, help="覆盖已有的文件")
@click.option("--pdf", is_flag=True, help="同时生成 PDF（需要 LibreOffice）")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def export(draft_path: str, output: str | None, force: bool, pdf: bool) -> None:
    """把修改后的草稿 .md 导出为 Word（和 PDF）。编号按层级自动生成。

    \b
    例如：nigao export drafts/my-plan.md --force"""
    from nigao.docx_writer import write_docx
    from nigao.draftmd import read_draft
    from nigao.errors import ReadError, UsageError, os_reason, shown
    from nigao.fsutil import check_writable, write_all

    source = Path(draft_path)
    if source.suffix.lower() in (".yaml", ".yml"):
        raise UsageError(f"{draft_path} 是配置文件，不是草稿：拟稿请用  nigao new {draft_path}")
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ReadError("找不到草稿文件", path=draft_path) from None
    except UnicodeDecodeError:
        raise ReadError("草稿不是 UTF-8 编码，请另存为 UTF-8", path=draft_path) from None
    except OSError as error:
        raise ReadError(f"无法读取草稿：{os_reason(error)}", path=draft_path) from None
    doc = read_draft(text, draft_path)
    docx_path = Path(output) if output else source.with_suffix(".docx")
    if docx_path.suffix.lower() != ".docx":
        docx_path = docx_path.with_name(docx_path.name + ".docx")
    pdf_path = docx_path.with_suffix(".pdf")
    check_writable([docx_path] + ([pdf_path] if pdf else []), force)
    cleaned: list[str] = []  # text that lost characters no file can hold
    write_all([(docx_path, write_docx(doc, cleaned))], replace=force)
    click.echo(f"已生成：{shown(docx_path)}")
    if pdf:
        _to_pdf(docx_path, pdf_path)
        click.echo(f"已生成：{shown(pdf_path)}")
    for note in cleaned:
        click.echo(f"  提示：{note}")
