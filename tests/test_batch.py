"""`nigao batch`: one draft per unit, failures by row, safe names, resumable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    assert f"{units}:3:2: date" in result.output
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
        ("org. name\n甲\n", "不是有效的配置项"),
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
