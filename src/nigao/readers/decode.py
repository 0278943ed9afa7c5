"""Turn the bytes of a sample file into text, whatever encoding a web page or Word left it in.

Order: BOMs (UTF-8, UTF-16), strict UTF-8, then the Chinese legacy encodings (GB18030 covers
GBK and GB2312; Big5 for Taiwan/Hong Kong pages), then charset-normalizer as a last guess.
Line endings become \\n. Anything that is not text is a `ReadError` naming the file.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from nigao.errors import ReadError, os_reason

_LEGACY = ("gb18030", "big5")

# The 500 commonest characters, Simplified and Traditional: correctly decoded Chinese is full of them.
COMMON_CHARS = _COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区"
    "强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车"
    "例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难"
    "近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满"
    "县局照参红细引听该价严並來個們備傳價兒內兩別則劃動務勞區卻參員問單嚴國圓圖團報場壓學實寫將專對導層屬帶幹幾廠廣張強後從應戰採據數斷於時書會東條業極構標樣機權歷氣"
    "決沒況準溫滿濟無熱爭爲狀現產當發確種稱積節約紅級細組結給統經維線縣總織羣義習聯聲聽與華萬處號衆術裏裝覆見規親觀計記設許話該認說調論證識議變資質車較轉辦農這連進運"
    "過達適選還邊長門開間關隊階際離難電響須領頭題類風養馬驗體鬥麼點黨"
)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a zip, an old .doc — not text."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _refuse_binary(data: bytes, name: str) -> None:
    """One message for bytes that are no text, wherever decoding meets them."""
    if _looks_binary(data):
        raise ReadError("不是文本文件（可能是图片、压缩包或旧版 .doc），无法读取", path=name)


def _cjk_share(text: str) -> float:
    """Share of common Chinese characters: high for the right codec, low for mojibake."""
    if not text:
        return 0.0
    return sum(1 for ch in text if ch in _COMMON) / len(text)


def decode_bytes(data: bytes, name: str = "", notes: list[str] | None = None) -> str:
    """Decode raw bytes of a text file; raise ReadError with a Chinese reason.

    A legacy-encoded file is checked line by line: a file pasted together from a GB18030 page
    and a Big5 page (or a UTF-8 one) has each line decoded in its own encoding, and `notes`
    gets one Chinese line saying which lines were read how."""
    notes = [] if notes is None else notes
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_after_utf8_bom(data[len(codecs.BOM_UTF8) :], name, notes)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_after_utf16_bom(data, name)
    else:
        _refuse_binary(data, name)
        text = _decode_unmarked(data, name, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if not text.strip():
        raise ReadError("文件是空的，没有可读取的文字", path=name)
    return text


def _decode_after_utf8_bom(payload: bytes, name: str, notes: list[str]) -> str:
    """UTF-8 after a UTF-8 BOM; an editor may have put the BOM on GB18030/Big5 text."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _refuse_binary(payload, name)
    try:
        return _decode_unmarked(payload, name, notes)  # the BOM lied: GB18030 / Big5 text behind it
    except ReadError:
        raise ReadError(
            "文件开头标着 UTF-8，内容却不是有效的 UTF-8，也不是 GB18030/GBK 或 Big5，"
            "请另存为 UTF-8 后再试",
            path=name,
        ) from None


_PLAIN = re.compile(
    "[\t\n\r\x20-\x7e\u2010-\u2027\u3000-\u303f\uff01-\uff5e" + "".join(sorted(_COMMON)) + "]"
)
# Control characters (not tab / line breaks), surrogates, private use, CJK compatibility.
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\uf900-\ufaff]")


def _plain_share(text: str) -> float:
    """Share of characters ordinary text is made of: common Chinese, printable ASCII, line
    breaks, CJK and full-width punctuation. Mojibake of the wrong codec scores low."""
    return len(_PLAIN.findall(text)) / len(text) if text else 0.0


def _odd_share(text: str) -> float:
    """Share of code points no real text is made of: unassigned, private use, surrogates,
    CJK compatibility ideographs, control characters."""
    import unicodedata

    if not text:
        return 0.0
    odd = len(_ODD.findall(text))
    counts = Counter(text)
    odd += sum(n for ch, n in counts.items() if unicodedata.category(ch) == "Cn")
    return odd / len(text)


def _decode_after_utf16_bom(data: bytes, name: str) -> str:
    """UTF-16 after its BOM, unless the bytes are really UTF-8 text behind a wrong BOM."""
    try:
        as_utf8: str | None = data[2:].decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    try:
        text: str | None = data.decode("utf-16")
    except UnicodeDecodeError:
        text = None
    if (
        as_utf8 is not None
        and _plain_share(as_utf8) >= 0.6
        and (text is None or _plain_share(as_utf8) > _plain_share(text) + 0.2)
    ):
        return as_utf8  # the BOM lied: UTF-8 text, read as such
    if text is None:
        raise ReadError("UTF-16 编码的文件已损坏，无法解码", path=name)
    # Full of code points no text is made of, with little ordinary text: a BOM on garbage.
    if _plain_share(text) < 0.2 and _odd_share(text) > 0.3:
        raise ReadError(
            "文件开头标着 UTF-16，解码出来却是乱码（编码标记有误），请另存为 UTF-8 后再试",
            path=name,
        )
    return text


def _decode_unmarked(data: bytes, name: str, notes: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _cjk_share(text)
        if best is None or share > best[0]:
            best = (share, encoding, text)
    if best is not None and best[0] > 0.05:
        return _line_by_line(data, best[1], best[2], notes)
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is not None and _cjk_share(str(match)) > 0.05:
        return str(match)
    raise ReadError(
        "无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK、Big5），请另存为 UTF-8 后再试",
        path=name,
    )


_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030/GBK", "big5": "Big5"}


def _line_by_line(data: bytes, codec: str, whole: str, notes: list[str]) -> str:
    """`whole` unless some lines read far better in another encoding: then each line in its own.

    Line breaks are safe split points: no GB18030, Big5 or UTF-8 multi-byte sequence holds 0x0A.
    """
    out: list[str] = []
    odd: dict[str, list[int]] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.isascii():
            out.append(raw.decode("ascii"))
            continue
        text = raw.decode(codec, errors="replace")
        mine = _cjk_share(text)
        for other in ("utf-8", *_LEGACY):
            if other == codec:
                continue
            try:
                alt = raw.decode(other)
            except UnicodeDecodeError:
                continue
            if _cjk_share(alt) > mine + 0.2:
                text = alt
                odd.setdefault(other, []).append(number)
                break
        out.append(text)
    if not odd:
        return whole
    parts = "；".join(
        f"第{_ranges(numbers)}行是 {_NAMES[enc]} 编码" for enc, numbers in odd.items()
    )
    notes.append(
        f"文件混用了几种编码：{parts}（其余是 {_NAMES[codec]}），已按各自的编码读取，请核对"
    )
    return "\n".join(out)


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] → 3–5、9"""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return "、".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def read_text(path: Path | str) -> str:
    """Read a text file in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("文件不存在", path=str(path)) from None
    except IsADirectoryError:
        raise ReadError("这是一个文件夹，不是文件", path=str(path)) from None
    except OSError as error:
        raise ReadError(f"无法读取文件：{os_reason(error)}", path=str(path)) from None
    if not data.strip():
        raise ReadError("文件是空的，没有可读取的文字", path=str(path))
    return decode_bytes(data, str(path))
