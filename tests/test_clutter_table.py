"""One clutter table (data/clutter.yaml): what ingest removes from a sample as web-page
debris, the checker reports in a draft as LEFT-CLUTTER."""

from __future__ import annotations

import pytest

from nigao.check import check_document
from nigao.ingest.clutter import clean
from nigao.model import Document, Section

WEB_LINES = [
    "下面是小编为大家整理的县教育局年终工作总结，供大家参考。",
    "文章来源：本站原创 作者：佚名 发布时间：2019年09月20日 点击数：  次",
    "上一篇：关于做好2026年教育工作的通知",
    "免责声明：本文由互联网用户整理提供",
]
BODY = ["一、指导思想", "坚持以人民为中心的发展思想，办好人民满意的教育。", "二、工作要求", "各学校要认真组织实施。"]


@pytest.mark.parametrize("line", WEB_LINES)
def test_ingest_removes_and_check_reports_the_same_web_line(line):
    cleaned = clean(["县教育局关于开展读书活动的实施方案", line, *BODY])
    assert line not in cleaned.lines, "ingest kept a web-page line"
    doc = Document(
        title="县教育局关于开展读书活动的实施方案",
        sections=[Section("工作要求", paragraphs=[line, "各学校要认真组织实施。"])],
        signature="县教育局",
        date="2027年3月1日",
    )
    assert any(f.rule == "LEFT-CLUTTER" for f in check_document(doc)), line
