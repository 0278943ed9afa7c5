"""Formats read through an installed tool: .doc/.wps/.rtf/.odt via LibreOffice, .pdf via poppler.

The tool runs in a throw-away folder with a time limit; a missing tool, a failed conversion or
a PDF without a text layer (a scan) is one Chinese line saying what to install or do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from nigao.errors import ReadError, os_reason
from nigao.readers import Line, Source

TIMEOUT_SECONDS = 120


def read_converted(path: Path, data: bytes, name: str, fmt: str) -> Source:
    """A .doc/.wps (LibreOffice → .docx, then the .docx reader) or a .pdf (pdftotext)."""
    if fmt == "pdf":
        return _read_pdf(data, name)
    return _read_office(path, data, name)


def _run(args: list[str], name: str, tool: str, env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(
            args,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"{tool} 转换超时（{TIMEOUT_SECONDS} 秒），文件可能已损坏", path=name
        ) from None
    except OSError as error:
        raise ReadError(f"无法启动 {tool}：{os_reason(error)}", path=name) from None


def _read_office(path: Path, data: bytes, name: str) -> Source:
    from nigao.pdf import find_soffice

    suffix = path.suffix.lower() or ".doc"
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(
            f"读取 {suffix} 文件需要 LibreOffice：请安装 LibreOffice"
            "（Debian/Ubuntu：sudo apt-get install libreoffice-writer），"
            "或在 Word/WPS 里另存为 .docx 后再试",
            path=name,
        )
    with tempfile.TemporaryDirectory(prefix="nigao-read-") as tmp:
        work = Path(tmp)
        source = work / ("in" + (suffix if suffix in (".doc", ".wps", ".rtf", ".odt") else ".doc"))
        source.write_bytes(data)
        env = dict(os.environ)
        env.pop("SAL_USE_VCLPLUGIN", None)
        _run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(work / "out"),
                str(source),
            ],
            name,
            "LibreOffice",
            env,
        )
        made = work / "out" / "in.docx"
        if not made.is_file():
            raise ReadError(
                f"LibreOffice 无法打开这个 {suffix} 文件（可能已损坏或加密），"
                "请在 Word/WPS 里打开后另存为 .docx 再试",
                path=name,
            )
        converted = made.read_bytes()
    from nigao.readers.docx import read_docx_source

    source_read = read_docx_source(converted, name)
    source_read.fmt = "doc"
    return source_read


def _read_pdf(data: bytes, name: str) -> Source:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise ReadError(
            "读取 PDF 需要 poppler 的 pdftotext：请安装 poppler-utils"
            "（Debian/Ubuntu：sudo apt-get install poppler-utils），或找原始的 Word 文件",
            path=name,
        )
    with tempfile.TemporaryDirectory(prefix="nigao-read-") as tmp:
        work = Path(tmp)
        (work / "in.pdf").write_bytes(data)
        _run(
            [tool, "-enc", "UTF-8", "-nopgbrk", str(work / "in.pdf"), str(work / "out.txt")],
            name,
            "pdftotext",
        )
        out = work / "out.txt"
        if not out.is_file():
            raise ReadError("pdftotext 无法读取这个 PDF（可能已损坏或加密）", path=name)
        text = out.read_bytes().decode("utf-8", errors="replace")
    if sum(1 for ch in text if not ch.isspace()) < 20:
        raise ReadError(
            "这个 PDF 没有文字层（可能是扫描件），无法读取文字：请先用 OCR 软件识别成文字，"
            "或找原始的 Word 文件",
            path=name,
        )
    return pdf_source(text, name)


def _width(text: str) -> float:
    """Printed width in full-width characters (an ASCII character is half of one)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def pdf_source(text: str, name: str) -> Source:
    """pdftotext's text → lines: a paragraph wrapped over printed lines is joined again.

    A line as wide as the page's full lines (the widest lines, give or take a character and a
    half) runs on into the next one, unless the next one starts a numbered heading.
    """
    from nigao.readers.gbt import mark_parts
    from nigao.readers.page import starts_heading

    raw = [
        (number, line.strip())
        for number, line in enumerate(text.replace("\f", "\n").split("\n"), start=1)
        if line.strip()
    ]
    widths = sorted(_width(line) for _n, line in raw)
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else float("inf")
    lines: list[Line] = []
    joining = False
    for number, line in raw:
        if joining and lines and not starts_heading(line):
            lines[-1].text += line
        else:
            lines.append(Line(line, number))
        joining = _width(line) >= full - 1.5 and full >= 10
    mark_parts(lines)
    return Source(name=name, fmt="pdf", text=text, lines=lines)
