"""A folder given to `nigao ingest` and to `nigao check` stands for the same files: the
formats nigao reads, in subfolders too, without hidden files or Word's ~$ lock files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from nigao.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_602c73b34cb07147.txt"


def test_ingest_and_check_read_the_same_files_of_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "旧材料"
    (folder / "2023年" / ".git").mkdir(parents=True)
    shutil.copy(SEED, folder / "方案.txt")
    shutil.copy(SEED, folder / "2023年" / "总结.text")
    (folder / "~$方案.docx").write_bytes(b"\x00lock")  # Word's lock file beside an open .docx
    (folder / ".隐藏.txt").write_text("不读", encoding="utf-8")
    (folder / "2023年" / ".git" / "x.txt").write_text("不读", encoding="utf-8")
    (folder / "说明.xlsx").write_bytes(b"PK")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(folder), "--json"])
    assert ingested.exit_code == 0, ingested.output
    rows = json.loads(ingested.stdout)
    assert sorted(Path(row["source"]).relative_to(folder).as_posix() for row in rows) == [
        "2023年/总结.text",
        "方案.txt",
    ]
    checked = runner.invoke(cli, ["check", str(folder), "--json"])
    files = {Path(f["file"]).relative_to(folder).as_posix() for f in json.loads(checked.stdout)}
    assert files == {"2023年/总结.text", "方案.txt"}  # the seed's clutter is found in both
