"""`nigao batch`: one draft per unit, failures by row, safe names, resumable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import nigao.profile as P
from conftest import nigao_argv
from nigao.batch import run_batch
from nigao.cli import cli
from nigao.errors import NigaoError
from nigao.units import read_units

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "example-plan.yaml"
HEADER = "org.name,org.short,title,leaders.组长.0.name\n"


def units_file(
    tmp_path: Path, rows: list[str], encoding: str = "utf-8", name: str = "units.csv"
) -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode(encoding))
    return path


def three(tmp_path: Path, encoding: str = "utf-8") -> Path:
    return units_file(
        tmp_path,
        [
            "岚溪县第一中学,县一中,岚溪县第一中学“强师兴校”主题活动实施方案,林振华",
            "岚溪县实验小学,县实验小学,岚溪县实验小学“强师兴校”主题活动实施方案,周慧敏",
            "岚溪县城关镇中心学校,城关中心校,岚溪县城关镇中心学校“强师兴校”主题活动实施方案,陈建国",
        ],
        encoding,
    )


def test_one_draft_per_row_named_by_column(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(PROFILE),
            "--units",
            str(three(tmp_path)),
            "-o",
            str(out),
            "--name-by",
            "org.short",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "县一中.docx",
        "县一中.md",
        "县实验小学.docx",
        "县实验小学.md",
        "城关中心校.docx",
        "城关中心校.md",
    ]
    text = (out / "县实验小学.md").read_text(encoding="utf-8")
    assert "# 岚溪县实验小学“强师兴校”主题活动实施方案" in text
    assert "周慧敏" in text and "方立新" not in text  # the row's 组长 replaced the profile's
    assert "signature: 岚溪县实验小学" in text
    assert "已生成" in result.output and "3" in result.output


def test_bad_row_is_reported_by_line_and_the_rest_are_written(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text(
        "org.name,date\n岚溪县第一中学,2027-03-05\n岚溪县第二中学,2027-13-40\n岚溪县第三中学,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(PROFILE), "--units", str(units), "-o", str(out)])
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if "2027-13-40" in x]
    assert line.startswith(f"{units}:3:2: 岚溪县第二中学：date：")  # the place, named once
    assert line.count("units.csv") == 1
    assert (out / "岚溪县第一中学.docx").exists() and (out / "岚溪县第三中学.docx").exists()
    assert not any(p.name.startswith("岚溪县第二中学") for p in out.iterdir())


def test_rerun_skips_complete_outputs_and_finishes_interrupted_ones(tmp_path: Path) -> None:
    units, out = three(tmp_path), tmp_path / "out"
    first = run_batch(PROFILE, units, out, name_by="org.short", jobs=1)
    assert first.count("written") == 3
    (out / "县一中.docx").unlink()  # as if interrupted between the two files
    (out / "县实验小学.md").write_text("我改过的稿子", encoding="utf-8")
    (out / "县实验小学.docx").unlink()
    again = run_batch(PROFILE, units, out, name_by="org.short", jobs=1)
    status = {r.name: r.status for r in again.rows}
    assert status == {"县一中": "written", "县实验小学": "failed", "城关中心校": "skipped"}
    assert (out / "县实验小学.md").read_text(encoding="utf-8") == "我改过的稿子"
    forced = run_batch(PROFILE, units, out, name_by="org.short", jobs=1, force=True)
    assert forced.count("written") == 3


def test_parallel_and_serial_runs_write_identical_bytes(tmp_path: Path) -> None:
    rows = [f"岚溪县第{i}小学,第{i}小学,岚溪县第{i}小学实施方案,校长{i}" for i in range(1, 9)]
    units = units_file(tmp_path, rows)
    serial, parallel = tmp_path / "s", tmp_path / "p"
    run_batch(PROFILE, units, serial, name_by="org.short", jobs=1)
    report = run_batch(PROFILE, units, parallel, name_by="org.short", jobs=2)
    assert report.count("written") == 8
    for path in serial.iterdir():
        assert (parallel / path.name).read_bytes() == path.read_bytes()


@pytest.mark.parametrize("evil", ["../../逃逸", "/etc/passwd", "a\\b", "CON", "..", "x/../../y"])
def test_names_from_the_units_file_cannot_leave_the_output_folder(
    tmp_path: Path, evil: str
) -> None:
    units = tmp_path / "units.csv"
    units.write_text(f'org.name,org.short\n岚溪县第一中学,"{evil}"\n', encoding="utf-8")
    out = tmp_path / "deep" / "out"
    report = run_batch(PROFILE, units, out, name_by="org.short", jobs=1)
    assert report.count("written") == 1
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in {".md", ".docx"}]
    assert len(written) == 2
    assert all(p.parent == out for p in written)


def test_characters_a_file_cannot_hold_are_removed_and_reported_by_row(tmp_path: Path) -> None:
    units = units_file(tmp_path, ["岚溪县第一中学,县一中,岚溪县第一中学\x01实施方案,林振华"])
    result = CliRunner().invoke(
        cli,
        [
            "batch",
            str(PROFILE),
            "--units",
            str(units),
            "-o",
            str(tmp_path / "o"),
            "--name-by",
            "org.short",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{units}:2: 县一中：" in result.output and "U+0001" in result.output
    assert "\x01" not in (tmp_path / "o" / "县一中.md").read_text(encoding="utf-8")


def test_duplicate_names_get_a_suffix(tmp_path: Path) -> None:
    units = units_file(tmp_path, ["甲校,同名,甲方案,张一", "乙校,同名,乙方案,张二"])
    report = run_batch(PROFILE, units, tmp_path / "out", name_by="org.short", jobs=1)
    assert sorted(r.name for r in report.rows) == ["同名", "同名-2"]


def test_gbk_csv_from_excel_and_yaml_units_are_read(tmp_path: Path) -> None:
    gbk = read_units(three(tmp_path, encoding="gb18030"))
    assert gbk[1].values["org.name"] == "岚溪县实验小学"
    yml = tmp_path / "units.yaml"
    yml.write_text(
        "- org:\n    name: 甲校\n  facts:\n    学校数量: 3\n- org.name: 乙校\n", encoding="utf-8"
    )
    units = read_units(yml)
    assert [u.values for u in units] == [
        {"org.name": "甲校", "facts.学校数量": "3"},
        {"org.name": "乙校"},
    ]
    assert [u.line for u in units] == [1, 5]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "空的"),
        ("org.name,org.name\n甲,乙\n", "重复"),
        ("org. name\n甲\n", "不是配置项"),
        ("org.name\n甲,乙\n", "列"),
        ("- 1\n", "列表"),
    ],
)
def test_bad_units_files_give_one_line_with_file_and_line(
    tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / ("units.yaml" if content.startswith("-") else "units.csv")
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["batch", str(PROFILE), "--units", str(path), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_unusable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(NigaoError, match="无法创建输出文件夹"):
        run_batch(PROFILE, three(tmp_path), blocker / "out", jobs=1)


def test_full_disk_fails_the_row_and_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    import nigao.batch as batch

    def full(path, data):
        raise NigaoError("写入失败：No space left on device", path=str(path))

    monkeypatch.setattr(batch, "atomic_write", full)
    report = run_batch(PROFILE, three(tmp_path), tmp_path / "out", jobs=1)
    assert len(report.failed) == 3
    assert "No space left" in report.failed[0].message
    assert list((tmp_path / "out").iterdir()) == []


def test_batch_runs_as_a_real_process_without_a_progress_bar(tmp_path: Path) -> None:
    argv = nigao_argv()
    out = subprocess.run(
        [*argv, "batch", str(PROFILE), "--units", str(three(tmp_path)), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "拟稿中" not in out.stderr  # no progress bar when not on a terminal
    assert len(list((tmp_path / "o").glob("*.docx"))) == 3


# ------------------------------------------------------------------ each unit's own document


def front(md: Path) -> str:
    return md.read_text(encoding="utf-8").split("\n---\n", 1)[0]


def test_each_unit_gets_its_own_parts_never_the_bureaus(tmp_path: Path) -> None:
    """The README example: Chinese headers; each school's 署名, organ wording and leaders; the
    bureau's 发文字号, 版头, recipients, 印发机关 on none of them, said once."""
    out = tmp_path / "out"
    units = ROOT / "profiles" / "example-units.csv"
    result = CliRunner().invoke(
        cli, ["batch", str(PROFILE), "--units", str(units), "-o", str(out), "--name-by", "简称"]
    )
    assert result.exit_code == 0, result.output
    bureau = P.load(PROFILE)
    for name, org in (("县一中", "岚溪县第一中学"), ("城关中心校", "岚溪县城关镇中心学校")):
        md = out / f"{name}.md"
        head, text = front(md), md.read_text(encoding="utf-8")
        assert f"signature: {org}" in head
        for key in ("doc_number", "issuer_mark", "recipients", "printer", "cc"):
            assert f"\n{key}:" not in head, key
        assert bureau.doc_number not in text and bureau.issuer_mark not in text
        assert "经校党支部研究" in text and "局党组" not in text
        assert "王明" not in text  # the bureau's 组长
    assert result.output.count("只能用于一份文件") == 1


def numbered_profile(tmp_path: Path, number: str) -> Path:
    text = PROFILE.read_text(encoding="utf-8")
    bureau = P.load(PROFILE).doc_number
    path = tmp_path / "p.yaml"
    path.write_text(text.replace(bureau, number), encoding="utf-8")
    return path


def test_a_numbering_pattern_gives_each_row_its_number(tmp_path: Path) -> None:
    profile = numbered_profile(tmp_path, "岚教发〔2027〕{序号}号")
    units = tmp_path / "u.csv"
    units.write_text(
        "单位名称,简称\n岚溪县第一中学,县一中\n岚溪县实验小学,县实验小学\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    args = ["batch", str(profile), "--units", str(units), "-o", str(out), "--name-by", "简称"]
    result = CliRunner().invoke(cli, [*args, "--number-start", "12"])
    assert result.exit_code == 0, result.output
    assert "doc_number: 岚教发〔2027〕12号" in front(out / "县一中.md")
    assert "doc_number: 岚教发〔2027〕13号" in front(out / "县实验小学.md")
    # a 序号 column gives the numbers; two rows with one number stop before anything is written
    units.write_text(
        "单位名称,简称,序号\n岚溪县第一中学,县一中,5\n岚溪县实验小学,县实验小学,5\n",
        encoding="utf-8",
    )
    again = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "out2")])
    assert again.exit_code == 1
    assert f"{units}:3: 发文字号 岚教发〔2027〕5号 与第2行相同" in again.output
    assert not (tmp_path / "out2").exists() or not any((tmp_path / "out2").iterdir())


def test_unknown_name_by_and_unknown_headers_stop_before_anything_is_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["batch", str(PROFILE), "--units", str(three(tmp_path)), "-o", str(out),
         "--name-by", "org.abbr"],
    )  # fmt: skip
    assert result.exit_code == 2 and "--name-by：没有“org.abbr”这一项" in result.output
    assert not out.exists()
    units = tmp_path / "bad.csv"
    units.write_text("单位名称,学校代码\n岚溪县第一中学,3\n", encoding="utf-8")
    bad = CliRunner().invoke(cli, ["batch", str(PROFILE), "--units", str(units), "-o", str(out)])
    assert bad.exit_code != 0 and f"{units}:1: 列名“学校代码”不是配置项" in bad.output
    assert "简称" in bad.output and not out.exists()


def test_chinese_headers_come_from_the_profile_question_table() -> None:
    keys = P.column_keys()
    for dotted in ("org.name", "org.short", "org.party", "leaders.组长", "signature", "doc_number"):
        field = P.field_at(dotted)
        assert field is not None and keys[field.name] == dotted
    assert keys["单位名称"] == "org.name" and keys["组长"] == "leaders.组长"


def test_readme_batch_example_is_real_output(tmp_path: Path, monkeypatch) -> None:
    """The README's batch command, run as written, prints what the README shows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ nigao batch ", 1)[1].split("```", 1)[0]
    command, _, rest = block.partition("\n")
    shown, _, listing = rest.partition("$ ls drafts/example-plan/\n")
    csv_shown = readme.split("`profiles/example-units.csv`：\n\n```\n", 1)[1].split("```", 1)[0]
    assert csv_shown == (ROOT / "profiles" / "example-units.csv").read_text(encoding="utf-8")
    (tmp_path / "profiles").mkdir()
    for name in ("example-plan.yaml", "example-units.csv"):
        (tmp_path / "profiles" / name).write_bytes((ROOT / "profiles" / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["batch", *command.split()])
    assert result.exit_code == 0, result.output
    strip = lambda text: [line.strip() for line in text.strip().splitlines()]  # noqa: E731
    assert strip(result.output) == strip(shown)
    assert sorted(listing.split()) == sorted(p.name for p in Path("drafts/example-plan").iterdir())


def test_yaml_units_take_chinese_names_and_lists_of_people(tmp_path: Path) -> None:
    units = tmp_path / "u.yaml"
    units.write_text(
        "- 单位名称: 岚溪县第一中学\n  简称: 县一中\n  组长: 林振华（校长）\n"
        "  成员: 刘洋（教务处主任）、孙丽（德育处主任、团委书记）\n",
        encoding="utf-8",
    )
    (unit,) = read_units(units)
    assert unit.values["org.name"] == "岚溪县第一中学" and "leaders.成员" in unit.values
    out = tmp_path / "out"
    report = run_batch(PROFILE, units, out, name_by="简称", jobs=1)
    assert report.count("written") == 1, report.rows
    text = (out / "县一中.md").read_text(encoding="utf-8")
    assert "成员为刘洋、孙丽" in text and "组长由林振华同志担任" in text


def test_a_row_without_its_own_title_gets_the_profiles_title_with_its_own_name(
    tmp_path: Path,
) -> None:
    units = tmp_path / "u.csv"
    units.write_text("单位名称,简称\n岚溪县第一中学,县一中\n", encoding="utf-8")
    report = run_batch(PROFILE, units, tmp_path / "out", name_by="简称", jobs=1)
    assert report.count("written") == 1, report.rows
    text = (tmp_path / "out" / "县一中.md").read_text(encoding="utf-8")
    assert "# 岚溪县第一中学关于开展“强师兴校”主题活动的实施方案" in text
    assert "岚溪县教育局关于" not in text


def test_a_numbering_pattern_outside_a_batch_is_a_fill_in(tmp_path: Path, monkeypatch) -> None:
    profile = numbered_profile(tmp_path, "岚教发〔2027〕{序号}号")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["new", str(profile), "--no-check"])
    assert result.exit_code == 0, result.output
    assert "doc_number: 岚教发〔2027〕【待填：序号】号" in front(tmp_path / "drafts" / "p.md")
    assert "p.yaml 的 doc_number 还没有填写（【待填：序号】）" in result.output
    final = CliRunner().invoke(cli, ["new", str(profile), "-o", "f", "--final"])
    assert final.exit_code == 1 and not (tmp_path / "drafts" / "f.md").exists()
