"""A .docx → PDF through LibreOffice, with the 公文 font names mapped to open fonts.

LibreOffice runs headless in a private, throw-away profile (so a user's open LibreOffice or
its settings never interfere) and with FONTCONFIG_FILE pointing at an alias file written for
this run only (see nigao.fonts). The PDF is written atomically.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from nigao.errors import NigaoError, os_reason
from nigao.fsutil import atomic_write

TIMEOUT_SECONDS = 300
# Keep the blank page a section break inserts before an even 版记 page (LibreOffice ≥ 7.4
# reads filter options as JSON): without it the PDF loses a page and double-sided printing
# puts the 版记 on the front of a sheet.
EXPORT_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


class PdfUnavailable(NigaoError):
    """LibreOffice is not installed: the .docx is written, the PDF cannot be."""


class PdfFailed(NigaoError):
    """LibreOffice ran but made no PDF."""


def install_hint() -> str:
    if sys.platform.startswith("linux"):
        return (
            "请先安装 LibreOffice 和开源中文字体：sudo apt-get install libreoffice-writer texlive-lang-chinese "
            "fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming"
        )
    return "请先安装 LibreOffice（https://zh-cn.libreoffice.org），再重试"


def find_soffice() -> str | None:
    """The LibreOffice program on PATH or in its usual install folder."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in _CANDIDATES:
        if Path(path).is_file():
            return path
    return None


def to_pdf(docx_path: Path, pdf_path: Path) -> Path:
    """Convert `docx_path` to `pdf_path` with LibreOffice; raise PdfUnavailable without it."""
    docx_path, pdf_path = Path(docx_path), Path(pdf_path)
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            f"未找到 LibreOffice，无法生成 PDF（Word 文档已写好）。{install_hint()}"
        )
    if not docx_path.is_file():
        raise NigaoError("找不到要转换的 Word 文档", path=str(docx_path))
    from nigao.fonts import write_fontconfig

    with tempfile.TemporaryDirectory(prefix="nigao-pdf-") as tmp:
        work = Path(tmp)
        source = work / "in.docx"
        shutil.copyfile(docx_path, source)
        profile = work / "profile"
        env = dict(os.environ, FONTCONFIG_FILE=str(write_fontconfig(work)))
        env.pop("SAL_USE_VCLPLUGIN", None)
        args = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            EXPORT_FILTER,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(
                args,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                env=env,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise PdfFailed(
                f"LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒）", path=str(docx_path)
            ) from None
        except OSError as error:
            raise PdfUnavailable(f"无法启动 LibreOffice：{os_reason(error)}。{install_hint()}") from None
        made = work / "out" / "in.pdf"
        if not made.is_file():
            detail = (done.stderr or done.stdout or "").strip().splitlines()
            tail = detail[-1] if detail else f"退出码 {done.returncode}"
            raise PdfFailed(f"LibreOffice 没有生成 PDF：{tail}", path=str(docx_path))
        atomic_write(pdf_path, made.read_bytes())
    return pdf_path
