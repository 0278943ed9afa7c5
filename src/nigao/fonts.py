"""The 公文 fonts: which are installed, and which open font stands in for each in a PDF.

The .docx always keeps the real 公文 names (仿宋_GB2312, 方正小标宋简体, …) so it prints right
on an office PC that has them. A PDF made here goes through LibreOffice with a fontconfig
file written by `fontconfig_xml`, given only to that process, which maps every name that is
not installed to the closest open font: the Fandol faces (a real 仿宋 and a mainland 楷体,
from TeX Live's Chinese package), then Noto CJK and AR PL as fallbacks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from nigao import gbt9704 as G

# 公文 font name → (where the 公文 uses it, open substitutes in order, bold substitute).
# FandolKai sets ，。 in the lower left as mainland fonts do (AR PL UKai centres them, Taiwan
# style); FandolFang is a 仿宋, where AR PL UMing and Noto Serif are 宋体-like faces.
SUBSTITUTES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    G.FONT_TITLE: ("标题、发文机关标志", ("Noto Serif CJK SC",), True),
    G.FONT_H1: ("一级标题（一、）、附件标识", ("Noto Sans CJK SC", "FandolHei"), False),
    G.FONT_H2: (
        "二级标题（（一））、签发人姓名",
        ("FandolKai", "LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC"),
        False,
    ),
    G.FONT_BODY: (
        "正文、三四级标题、版记",
        ("FandolFang", "AR PL UMing CN", "Noto Serif CJK SC"),
        False,
    ),
    G.FONT_PAGE_NUMBER: ("页码", ("Noto Serif CJK SC", "FandolSong", "AR PL UMing CN"), False),
}
# Other names drafters' own Word files use for the same faces.
ALIASES: dict[str, str] = {
    "方正小标宋_GBK": G.FONT_TITLE,
    "小标宋": G.FONT_TITLE,
    "SimHei": G.FONT_H1,
    "楷体": G.FONT_H2,
    "KaiTi": G.FONT_H2,
    "仿宋": G.FONT_BODY,
    "FangSong": G.FONT_BODY,
    "SimSun": G.FONT_PAGE_NUMBER,
}
SYSTEM_FONTS_CONF = "/etc/fonts/fonts.conf"
# Where Debian's texlive-lang-chinese puts the Fandol fonts; fontconfig does not look there
# by itself, so the alias file names the folder.
TEXLIVE_FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
INSTALL_HINT = (
    "sudo apt-get install texlive-lang-chinese fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming"
)


def _run(args: list[str], env: dict[str, str] | None = None) -> str | None:
    """Output of a fontconfig tool, or None where the tool is missing or fails."""
    if shutil.which(args[0]) is None:
        return None
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=30, env=env)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def installed(name: str) -> bool | None:
    """Whether a font of exactly this family name is installed (None: fontconfig absent)."""
    out = _run(["fc-list", f":family={name}", "family"])
    if out is None:
        return None
    return any(name in line.split(",") for line in out.splitlines())


def fontconfig_xml(skip: frozenset[str] = frozenset()) -> str:
    """A fontconfig file: the system configuration plus a substitute for every 公文 name.

    Names in `skip` (the installed ones) are left alone so the real font is used.
    """
    rules = []
    names = {name: name for name in SUBSTITUTES} | ALIASES
    for name, canonical in names.items():
        if name in skip:
            continue
        _role, families, bold = SUBSTITUTES[canonical]
        prefer = "".join(f"<string>{escape(f)}</string>" for f in families)
        weight = (
            '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
            if bold
            else ""
        )
        rules.append(
            f'  <match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
            f'<edit name="family" mode="prepend" binding="strong">{prefer}</edit>{weight}</match>'
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<!-- nigao: 公文字体 → 开源替代字体，仅供生成 PDF 的 LibreOffice 进程使用 -->\n"
        "<fontconfig>\n" + "\n".join(rules) + "\n"
        f'  <include ignore_missing="yes">{SYSTEM_FONTS_CONF}</include>\n'
        f"  <dir>{TEXLIVE_FANDOL}</dir>\n</fontconfig>\n"
    )


def write_fontconfig(folder: Path) -> Path:
    """Write the alias file for a PDF run into `folder`; return its path."""
    skip = frozenset(n for n in [*SUBSTITUTES, *ALIASES] if installed(n))
    path = Path(folder) / "nigao-fonts.conf"
    path.write_text(fontconfig_xml(skip), encoding="utf-8")
    return path


def match(name: str, config: Path | None = None) -> str | None:
    """The face fontconfig picks for `name` ("Family 样式"), with our config if given."""
    env = None
    if config is not None:
        env = dict(os.environ, FONTCONFIG_FILE=str(config))
    out = _run(["fc-match", "-f", "%{family[0]}\t%{style[0]}", name], env)
    if not out:
        return None
    family, _tab, style = out.partition("\t")
    return f"{family}（{style}）" if style else family


@dataclass(frozen=True)
class FontRow:
    name: str  # the 公文 font name kept in the .docx
    role: str  # where the 公文 uses it
    installed: bool | None  # None: fontconfig is not available here
    pdf_font: str | None  # what a PDF made here uses


def report() -> list[FontRow]:
    """One row per 公文 font: installed or not, and the face a PDF made here would use."""
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory(prefix="nigao-fonts-") as tmp:
        config = write_fontconfig(Path(tmp))
        for name, (role, _families, _bold) in SUBSTITUTES.items():
            rows.append(FontRow(name, role, installed(name), match(name, config)))
    return rows


def docx_fonts(source: Path) -> list[str]:
    """Every font name a .docx asks for (styles, runs, defaults), in first-use order.

    The parts are read through readers.ooxml's Package, so a zip bomb is refused while
    inflating, as ingest and check refuse it."""
    import re

    from nigao.errors import ReadError
    from nigao.readers.ooxml import Package

    if not Path(source).is_file():
        raise ReadError("找不到这个 Word 文档", path=str(source))
    package = Package(source)
    xml = "".join(
        package.read(name).decode("utf-8", "replace")
        for name in package.zip.namelist()
        if re.fullmatch(r"word/(document|styles|footer\d*|header\d*)\.xml", name)
    )
    names: dict[str, None] = {}
    for attrs in re.findall(r"<w:rFonts\b([^>]*)/?>", xml):
        for value in re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', attrs):
            names.setdefault(value)
    return list(names)


@dataclass(frozen=True)
class UsedFont:
    name: str  # as the .docx names it
    installed: bool | None
    pdf_font: str | None  # the face a PDF made here uses for it
    substituted: bool  # the PDF uses another face than the one named


def substitutions(source: Path) -> list[UsedFont]:
    """For each font a .docx names: installed here, or which face stands in for it in a PDF."""
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory(prefix="nigao-fonts-") as tmp:
        config = write_fontconfig(Path(tmp))
        for name in docx_fonts(source):
            here = installed(name)
            face = match(name, config)
            rows.append(UsedFont(name, here, face, here is not True))
    return rows
