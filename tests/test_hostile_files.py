"""Files under hostile conditions: racing runs, long and colliding names, names with newlines,
and outlines of a thousand sections — each as a real process, with the files it leaves."""

from __future__ import annotations

import os
import subprocess
import unicodedata
import zipfile
from pathlib import Path

from conftest import nigao_argv
from hostile import MAX_RSS_MB, assert_one_chinese_line, run

ROOT = Path(__file__).resolve().parent.parent
PROFILE = (ROOT / "profiles" / "example-plan.yaml").read_text(encoding="utf-8")
TITLE = "title: 岚溪县教育局关于开展“强师兴校”主题活动的实施方案"


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_two_runs_racing_for_one_output_one_wins_the_other_says_so(tmp_path: Path) -> None:
    titles = {}
    for who in ("甲", "乙"):
        title = f"岚溪县教育局关于开展{who}活动的实施方案"
        (tmp_path / f"{who}.yaml").write_text(PROFILE.replace(TITLE, f"title: {title}"), "utf-8")
        titles[who] = title
    for trial in range(8):
        out = tmp_path / f"t{trial}"
        procs = {
            who: subprocess.Popen(
                [*nigao_argv(), "new", tmp_path / f"{who}.yaml", "-o", out / "稿", "--no-check"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who in titles
        }
        done = {who: (p.wait(120), p.stdout.read(), p.stderr.read()) for who, p in procs.items()}
        winners = [who for who, (code, _o, _e) in done.items() if code == 0]
        assert len(winners) == 1, done
        [loser] = set(titles) - set(winners)
        code, _out, err = done[loser]
        lines = [line for line in err.splitlines() if line.strip()]
        assert code == 1 and len(lines) == 1 and "文件已存在，未覆盖" in lines[0], done[loser]
        # both files are the winner's: nothing of the loser was written or half-written
        assert sorted(p.name for p in out.iterdir()) == ["稿.docx", "稿.md"]
        assert titles[winners[0]] in (out / "稿.md").read_text(encoding="utf-8")
        assert titles[winners[0]] in docx_text(out / "稿.docx")


def units_run(tmp_path: Path, names: list[str]) -> tuple[object, Path]:
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    units = tmp_path / "u.csv"
    units.write_text("org.short\n" + "".join(f"{n}\n" for n in names), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["batch", tmp_path / "p.yaml", "--units", units, "-o", out, "--name-by", "org.short"]
    return run([*argv, "-j", "1"]), out


def test_a_name_of_120_chinese_characters_is_shortened_with_a_stable_suffix(tmp_path: Path) -> None:
    long = "岚溪县" + "实验" * 58 + "小学"  # 121 characters, 363 bytes
    result, out = units_run(tmp_path, [long, long[:-1] + "中"])
    assert result.code == 0, result.lines
    assert "Traceback" not in result.err
    stems = sorted({p.stem for p in out.iterdir()})
    assert len(stems) == 2 and len({p.name for p in out.iterdir()}) == 4
    for stem in stems:
        assert len((stem + ".docx").encode("utf-8")) <= 255
        assert stem.startswith("岚溪县实验")
    again, _out = units_run(tmp_path, [long, long[:-1] + "中"])  # same names: all skipped
    assert again.code == 0 and sorted({p.stem for p in out.iterdir()}) == stems


def test_rows_that_map_to_one_file_name_each_get_their_own_file(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Café中学")
    nfd = unicodedata.normalize("NFD", "Café中学")
    result, out = units_run(tmp_path, ["县一中", "县一中", "ABC", "abc", nfc, nfd])
    assert result.code == 0, result.lines
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".md") == sorted(
        ["县一中.md", "县一中-2.md", "ABC.md", "abc-2.md", f"{nfc}.md", f"{nfc}-2.md"]
    )
    renamed = [line for line in result.lines if "改名为" in line]
    assert [line.split(":")[1] for line in renamed] == ["3", "5", "7"]  # CSV lines of the rows
    assert "与第2行的“县一中”相同" in renamed[0]


def test_a_newline_in_a_file_name_never_splits_a_line(tmp_path: Path) -> None:
    draft = tmp_path / "草稿\n第二行.md"
    draft.write_text("---\nkind: plan\n---\n\n# 标题\n\n## 指导思想\n\n正文没有句号\n", "utf-8")
    result = run(["check", draft])
    assert result.lines, result
    for line in result.lines[:-1]:  # every finding names the file on its own line
        assert line.startswith(f"{tmp_path}/草稿\\n第二行.md:"), line
    missing = tmp_path / "没有\n这个.md"
    assert_one_chinese_line(run(["export", missing]), 2, "没有\\n这个.md", "找不到草稿文件")


def test_a_thousand_sections_are_numbered(tmp_path: Path) -> None:
    body = "".join(f"## 第{i}项工作\n\n内容{i}。\n\n" for i in range(1, 1001))
    draft = tmp_path / "d.md"
    draft.write_text("---\nkind: plan\n---\n\n# 标题\n\n" + body, encoding="utf-8")
    result = run(["export", draft])
    assert result.code == 0, result.lines
    assert result.peak_mb < MAX_RSS_MB
    text = docx_text(tmp_path / "d.docx")
    assert "九百九十九、" in text and "一千、" in text and "一百零一、" in text


def test_a_profile_with_a_thousand_tasks_is_drafted(tmp_path: Path) -> None:
    items = "".join(
        f"      - title: 第{i}项任务\n        text: 内容{i}。\n" for i in range(1, 1001)
    )
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "kind: plan\ntitle: 关于开展活动的实施方案\norg:\n  name: 岚溪县教育局\n"
        "date: 2027-03-01\nsections:\n  - role: tasks\n    heading: 主要任务\n"
        "    intro_only: true\n    items:\n" + items,
        encoding="utf-8",
    )
    result = run(["new", profile, "-o", f"{tmp_path}/out/", "--no-check"])
    assert result.code == 0, result.lines
    assert result.peak_mb < MAX_RSS_MB
    text = docx_text(tmp_path / "out" / "p.docx")
    assert "（一千）" in text and "（一百一十）" in text


def test_ingest_keeps_a_hand_edited_skeleton_unless_forced(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "000_00673b357674b709.txt"
    lib = tmp_path / "lib"
    assert run(["ingest", seed, "--out", lib]).code == 0
    edited = sorted(lib.rglob("*.md.j2"))[0]
    text = edited.read_text(encoding="utf-8") + "\n我自己加的一段。\n"
    edited.write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in lib.rglob("*.md.j2")}
    result = run(["ingest", seed, "--out", lib])
    assert_one_chinese_line(result, 2, edited.relative_to(lib).as_posix(), "未覆盖", "--force")
    assert {p: p.read_bytes() for p in lib.rglob("*.md.j2")} == before  # nothing written
    assert run(["ingest", seed, "--out", lib, "--force"]).code == 0
    assert "我自己加的一段" not in edited.read_text(encoding="utf-8")


def test_new_removes_the_temp_files_a_killed_run_left(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    gone = subprocess.Popen(["true"])  # a process id that has ended
    gone.wait()
    stale = out / f".~p.docx.{gone.pid}.abc123.part"
    stale.write_bytes(b"PK half")
    alive = out / f".~p.md.{os.getpid()}.abc123.part"  # a writer still running: kept
    alive.write_bytes(b"")
    assert run(["new", profile, "-o", f"{out}/", "--no-check"]).code == 0
    assert not stale.exists() and alive.exists()
