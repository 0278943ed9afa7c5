"""Sample files in every encoding an office leaves behind: read correctly, or one clear error.

`nigao.ingest.decode.read_text` is what `nigao ingest` reads .txt/.md samples with.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nigao.errors import ReadError
from nigao.ingest.decode import read_text

SIMPLIFIED = (
    "青川县教育局关于开展“强师兴校”大讨论活动的实施方案\n"
    "为深入贯彻落实全国教育大会精神，结合我县实际，制定本方案。\n"
    "一、指导思想\n坚持以立德树人为根本任务，推动全县教育高质量发展。\n"
)
TRADITIONAL = (
    "青川縣教育局關於開展「強師興校」大討論活動的實施方案\n"
    "為深入貫徹落實全國教育大會精神，結合本縣實際，制定本方案。\n"
    "一、指導思想\n堅持以立德樹人為根本任務，推動全縣教育高質量發展。\n"
)


def one_line_error(error: ReadError, path: Path) -> str:
    message = str(error)
    assert "\n" not in message
    assert path.name in message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("encoding", "bom", "text"),
    [
        ("utf-8", b"", SIMPLIFIED),
        ("utf-8", codecs.BOM_UTF8, SIMPLIFIED),
        ("gb18030", b"", SIMPLIFIED),
        ("gbk", b"", SIMPLIFIED),
        ("gb2312", b"", SIMPLIFIED),
        ("big5", b"", TRADITIONAL),
        ("utf-16-le", codecs.BOM_UTF16_LE, SIMPLIFIED),
        ("utf-16-be", codecs.BOM_UTF16_BE, SIMPLIFIED),
        ("utf-16-le", codecs.BOM_UTF16_LE, TRADITIONAL),
    ],
)
def test_each_encoding_reads_back_the_same_text(
    encoding: str, bom: bytes, text: str, tmp_path: Path
) -> None:
    path = tmp_path / "sample.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_text(path) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_become_newlines(newline: str, tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_bytes(SIMPLIFIED.replace("\n", newline).encode("gb18030"))
    assert read_text(path) == SIMPLIFIED


def test_gb18030_only_characters_survive(tmp_path: Path) -> None:
    """Characters outside GBK (rare given names, 𠀀) exist only in GB18030's four-byte range."""
    text = "学生姓名：䶮、𠀀、㐀。" + SIMPLIFIED
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_text(path) == text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200)),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)),
        ("empty.txt", b""),
        ("blank.txt", b" \r\n\t\r\n"),
        ("broken-utf16.txt", codecs.BOM_UTF16_LE + "正文".encode("utf-16-le") + b"\x00"),
    ],
)
def test_not_text_is_one_clear_error(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_text(path)
    one_line_error(caught.value, path)


def test_missing_file_and_folder_are_clear_errors(tmp_path: Path) -> None:
    for path, words in ((tmp_path / "none.txt", "不存在"), (tmp_path, "文件夹")):
        with pytest.raises(ReadError, match=words) as caught:
            read_text(path)
        assert "\n" not in str(caught.value)


def test_a_utf8_bom_on_gb18030_text_is_read_or_one_clear_error(tmp_path: Path) -> None:
    """Mislabelled: an editor put a UTF-8 BOM in front of GB18030 bytes."""
    path = tmp_path / "mislabelled.txt"
    path.write_bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("gb18030"))
    try:
        text = read_text(path)
    except ReadError as error:
        one_line_error(error, path)
    else:
        assert text == SIMPLIFIED


def test_a_utf16_bom_on_utf8_text_is_one_clear_error_or_read(tmp_path: Path) -> None:
    """Mislabelled the other way: UTF-16 BOM bytes in front of UTF-8 text."""
    path = tmp_path / "mislabelled16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-8"))
    try:
        text = read_text(path)
    except ReadError as error:
        one_line_error(error, path)
    else:
        # Whatever it decodes to, it must not be silent mojibake passed on as the sample.
        assert text == SIMPLIFIED


def test_big5_text_is_not_taken_for_gb18030(tmp_path: Path) -> None:
    """Big5 bytes often decode as GB18030 without error, into nonsense: the text must be right."""
    path = tmp_path / "taiwan.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    assert read_text(path) == TRADITIONAL


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list(SIMPLIFIED.replace("\n", "")) + list("，。\n"))
        | st.characters(codec="gb18030", blacklist_categories=("Cs", "Cc")),
        min_size=20,
        max_size=200,
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_any_chinese_text_in_any_supported_encoding_reads_back(text: str, encoding: str) -> None:
    import tempfile

    text = SIMPLIFIED + text  # enough common characters to recognise the encoding
    if not text.strip():
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.txt"
        path.write_bytes(text.encode(encoding))
        got = read_text(path)
    expected = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    assert got == expected


# -- mislabelled files through the commands a user runs ---------------------------------------

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_00673b357674b709.txt"
MISLABELLED = {
    "bom8-gb18030.txt": lambda text: codecs.BOM_UTF8 + text.encode("gb18030"),
    "bom16-utf8.txt": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-8"),
}
UNREADABLE = {
    # a UTF-8 BOM on bytes that are no text encoding at all
    "bom8-junk.txt": codecs.BOM_UTF8 + bytes(range(128, 256)) * 8,
    # a UTF-16 BOM on code points no text is made of (private use, CJK compatibility)
    "bom16-junk.txt": codecs.BOM_UTF16_LE
    + ("\ue000\uf900\ue123\ufa10\ue555\ue777a" * 40).encode("utf-16-le"),
}


def test_a_utf16_bom_on_garbage_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bom16-junk.txt"
    path.write_bytes(UNREADABLE["bom16-junk.txt"])
    with pytest.raises(ReadError, match="UTF-16") as caught:
        read_text(path)
    one_line_error(caught.value, path)


@pytest.mark.parametrize("name", sorted(MISLABELLED))
@pytest.mark.parametrize("command", ["ingest", "check"])
def test_commands_read_mislabelled_samples(name: str, command: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nigao.cli import cli

    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "bad" / "samples" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(MISLABELLED[name](text))
    args = ["ingest", str(path), "--dry-run"] if command == "ingest" else ["check", str(path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in ((0,) if command == "ingest" else (0, 1)), result.output
    assert "Traceback" not in result.output and "乱码" not in result.output
    plain = tmp_path / "plain" / "samples" / name
    plain.parent.mkdir(parents=True)
    plain.write_bytes(text.encode("utf-8"))
    args[1] = str(plain)
    expected = CliRunner().invoke(cli, args)
    # Read in the right encoding: the same outline / findings as the plain UTF-8 copy.
    assert result.output.replace(str(path), "F") == expected.output.replace(str(plain), "F")


@pytest.mark.parametrize("name", sorted(UNREADABLE))
@pytest.mark.parametrize("command", ["ingest", "check"])
def test_commands_give_one_line_and_exit_2_on_unreadable_bom_files(
    name: str, command: str, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from nigao.cli import cli

    path = tmp_path / name
    path.write_bytes(UNREADABLE[name])
    args = ["ingest", str(path), "--dry-run"] if command == "ingest" else ["check", str(path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert name in lines[0] and "另存为 UTF-8" in lines[0]
    assert "Traceback" not in result.output


def test_installed_command_reports_a_mislabelled_file_in_one_line(tmp_path: Path) -> None:
    """The real `nigao` process: one line on stderr, exit code 2, no traceback."""
    import subprocess

    from conftest import tool

    exe = tool("nigao")
    assert exe, "the nigao command is not installed beside this Python"
    path = tmp_path / "bom8-junk.txt"
    path.write_bytes(UNREADABLE["bom8-junk.txt"])
    proc = subprocess.run(
        [exe, "check", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "bom8-junk.txt" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
