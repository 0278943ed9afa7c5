"""Seeded mutation test: plant each kind of defect many times at random places in clean
drafts; the checker must find at least 98% of them and report nothing else. Some kinds plant
text that must NOT be reported (a common word that is also a county's name, used as a word)."""

from __future__ import annotations

import copy
import dataclasses
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from nigao.check import check_written, profile_facts
from nigao.draftmd import write_located
from nigao.model import Document, Section
from test_check_samples import PLAN_FACTS, clean_plan, clean_summary

ROOT = Path(__file__).resolve().parent.parent
TRIALS = 20  # per defect kind and base document
SEED = 20270301


@dataclass
class Planted:
    rule: str | None  # None: nothing may be reported (the planted text is correct)
    marker: str  # text that is on the draft line where the finding must be
    undated: bool = False  # the document and its profile give no date


def body_paragraphs(doc: Document) -> list[tuple[list[str], int]]:
    """(container, index) of every paragraph that is ordinary body text."""
    spots = [(doc.preamble, i) for i in range(len(doc.preamble))]
    for _depth, section in doc.walk():
        spots += [(section.paragraphs, i) for i in range(len(section.paragraphs))]
    spots += [(doc.closing, i) for i in range(len(doc.closing))]
    return [(c, i) for c, i in spots if not c[i].startswith(("组长", "副组长", "成员", "顾问"))]


def insert_snippet(rng: random.Random, doc: Document, snippets: list[str], rule: str) -> Planted:
    container, index = rng.choice(body_paragraphs(doc))
    text = container[index]
    # at the start or after a mark inside the paragraph (never at its end, which would change
    # how the paragraph ends rather than plant the defect)
    cuts = [0] + [i + 1 for i, c in enumerate(text[:-1]) if c in "，。；"]
    at = rng.choice(cuts)
    snippet = rng.choice(snippets)
    container[index] = text[:at] + snippet + text[at:]
    return Planted(rule, container[index])


def new_paragraph(rng: random.Random, doc: Document, lines: list[str], rule: str) -> Planted:
    container, index = rng.choice(body_paragraphs(doc))
    line = rng.choice(lines)
    container.insert(index, line)  # before an existing paragraph: never the last line
    return Planted(rule, line)


def snippet_kind(rule: str, snippets: list[str]):
    return lambda rng, doc: insert_snippet(rng, doc, snippets, rule)


def mid_sentence(rng: random.Random, doc: Document, snippets: list[str], rule: str | None):
    """The snippet after a comma inside a sentence (never at a paragraph's start)."""
    spots = [(c, i) for c, i in body_paragraphs(doc) if "，" in c[i][:-1]]
    container, index = rng.choice(spots)
    text = container[index]
    at = rng.choice([i + 1 for i, ch in enumerate(text[:-1]) if ch == "，"])
    container[index] = text[:at] + rng.choice(snippets) + text[at:]
    return Planted(rule, container[index])


def mid_kind(rule: str | None, snippets: list[str]):
    return lambda rng, doc: mid_sentence(rng, doc, snippets, rule)


def undated(rule: str, snippets: list[str]):
    """A document without 成文日期 (and a profile without a date): judged against today."""

    def plant(rng: random.Random, doc: Document) -> Planted:
        doc.date = None
        planted = insert_snippet(rng, doc, snippets, rule)
        return dataclasses.replace(planted, undated=True)

    return plant


def replace_comma(rng: random.Random, doc: Document) -> Planted:
    spots = [(c, i) for c, i in body_paragraphs(doc) if "，" in c[i]]
    container, index = rng.choice(spots)
    text = container[index]
    commas = [i for i, ch in enumerate(text) if ch == "，"]
    at = rng.choice(commas)
    container[index] = text[:at] + rng.choice([",", ";", ":"]) + text[at + 1 :]
    return Planted("PUNCT-HALFWIDTH", container[index])


def drop_full_stop(rng: random.Random, doc: Document) -> Planted:
    spots = [(c, i) for c, i in body_paragraphs(doc) if c[i].endswith("。")]
    container, index = rng.choice(spots)
    container[index] = container[index][:-1]
    return Planted("PUNCT-END", container[index])


def empty_section(rng: random.Random, doc: Document) -> Planted:
    heading = rng.choice(["加强宣传引导", "强化督查考核", "注重总结提升"])
    doc.sections.insert(rng.randrange(len(doc.sections) + 1), Section(heading))
    return Planted("SECT-EMPTY", heading)


def truncate(rng: random.Random, doc: Document) -> Planted:
    doc.closing = []
    doc.attachments = []
    last = doc.sections[-1]
    while last.sections:
        last = last.sections[-1]
    while not any("，" in p for p in last.paragraphs):
        last.paragraphs.append("各学校要高度重视，认真组织，确保取得实效。")
    index = max(i for i, p in enumerate(last.paragraphs) if "，" in p)
    text = last.paragraphs[index]
    cut = rng.choice([i for i, c in enumerate(text) if c == "，"])
    last.paragraphs[index + 1 :] = []
    last.paragraphs[index] = text[: cut + 1]
    return Planted("DOC-TRUNCATED", text[: cut + 1])


def level_one_full_stop(rng: random.Random, doc: Document) -> Planted:
    """A level-1 heading typed with 。 (`## 指导思想。` reads as run in): never right at level 1."""
    section = rng.choice([s for s in doc.sections if not s.heading.endswith("。")])
    section.heading += "。"
    section.run_in = True
    return Planted("HEAD-PUNCT", section.heading)


def typed_label(rng: random.Random, doc: Document) -> Planted:
    seconds = [s for depth, s in doc.walk() if depth == 2]
    section = rng.choice(seconds)
    line = rng.choice(["1、加强宣传引导。", "1，做好总结。", "1．及时报送材料。"])
    section.paragraphs.insert(rng.randrange(len(section.paragraphs) + 1), line)
    return Planted("NUM-LABEL", line)


KINDS = {
    "halfwidth-mark": replace_comma,
    "halfwidth-paren": snippet_kind("PUNCT-HALFWIDTH", ["(含试点学校)", "(试行)", "(2027年)"]),
    "ascii-quote": snippet_kind("PUNCT-QUOTE", ['开展"书香校园"创建，', "争做'四有'好老师，"]),
    "unbalanced": snippet_kind(
        "PUNCT-UNBALANCED", ["落实《实施意见的要求，", "树立以生为本”的理念，", "坚持（试点先行，"]
    ),
    "doubled-mark": snippet_kind(
        "PUNCT-DOUBLE", ["认真组织，，", "加强宣传、、", "开展读书等活动...", "确保实效。。"]
    ),
    "stray-space": snippet_kind("PUNCT-SPACE", ["县教育 局牵头，", "各学 校要重视，"]),
    "halfwidth-stop": snippet_kind("PUNCT-HALFWIDTH", ["确保实效.", "按时完成."]),
    "halfwidth-stop-after-quote": snippet_kind(
        "PUNCT-HALFWIDTH", ["落实“双减”.", "争做“四有”好老师，推进“强师兴校”."]
    ),
    "level1-full-stop": level_one_full_stop,
    "fullwidth-digit": snippet_kind("NUM-FULLWIDTH", ["新增学位６００个，", "培训２３期，"]),
    "range": snippet_kind("NUM-RANGE", ["2025-2026学年，", "每组3-5人，", "于3-4月，"]),
    "date-nian": snippet_kind("DATE-FORMAT", ["于20278月出台意见，", "自202611月起，"]),
    "date-zero": snippet_kind("DATE-FORMAT", ["于2027年03月05日前，", "截至2027年4月08日，"]),
    "date-invalid": snippet_kind("DATE-INVALID", ["于2027年2月30日前，", "于2027年4月31日前，"]),
    "doc-number": snippet_kind(
        "DOCNO-FORMAT", ["根据岚教发[2027]08号文件，", "按照岚教发〔2027〕第5号要求，"]
    ),
    "placeholder": snippet_kind(
        "LEFT-PLACEHOLDER",
        [
            "完成#小学改造，",
            "投入###万元，",
            "由××负责，",
            "某某学校带头，",
            "新增学位___个，",
            "新增学位【待填：新增学位数】个，",
            "XX镇中心学校牵头，",
        ],
    ),  # fmt: skip
    "empty-leader": lambda rng, doc: new_paragraph(
        rng, doc, ["组长：", "副组长：", "成员：", "顾问："], "LEFT-EMPTY-LEADER"
    ),
    "note": lambda rng, doc: new_paragraph(rng, doc, ["（此处加盖公章）", "（盖章）"], "LEFT-NOTE"),
    "clutter": lambda rng, doc: new_paragraph(
        rng,
        doc,
        ["上一篇：关于做好2026年教育工作的通知", "来源：网络整理 免责声明：仅供参考"],
        "LEFT-CLUTTER",
    ),
    "foreign-place": snippet_kind(
        "CONTENT-PLACE",
        [
            "结合樊城实际，",
            "组织师生到石桥镇开展研学，",
            "允山中心小学要带头，",
            "参加新安县的培训，",
        ],
    ),
    "foreign-place-mid-sentence": mid_kind(
        "CONTENT-PLACE",
        [
            "学习樊城区经验，",
            "借鉴浦江县的做法，",
            "组织骨干教师赴城步苗族自治县跟岗学习，",
            "与镇海区开展结对帮扶，",
            "邀请桐乡市名师来校指导，",
            "参照和平区标准，",
            "学习会同县经验，",
        ],
    ),
    "common-word-not-a-place": mid_kind(
        None,
        [
            "县教育局会同县公安局开展校园周边治理，",
            "会同县财政局落实经费保障，",
            "开辟绿色通道，",
            "维护校园和平稳定，",
            "开拓东方市场，",
            "新增城区学位，",
            "复兴区域教育，",
            "推动优质教育资源县域共享，",
            "探索共同富裕县域路径，",
        ],
    ),
    "undated-dated-term": undated(
        "CONTENT-DATED-TERM",
        ["深入贯彻党的十七届五中全会精神，", "坚持以科学发展观为指导，", "深入开展创先争优活动，"],
    ),
    "foreign-person": lambda rng, doc: new_paragraph(
        rng, doc, ["组长：包庆余（局长）", "成员：蔡加冬、吴重秋"], "CONTENT-PERSON"
    ),
    "dated-term": snippet_kind(
        "CONTENT-DATED-TERM", ["深入贯彻党的十七届五中全会精神，", "坚持以科学发展观为指导，"]
    ),
    "empty-section": empty_section,
    "missing-full-stop": drop_full_stop,
    "truncated": truncate,
    "typed-label": typed_label,
}


def example_bases() -> list[tuple[str, Document, object]]:
    """The shipped example profiles drafted through the library, when they draft cleanly."""
    out = []
    try:
        from nigao.compose import compose
        from nigao.profile import load
        from nigao.skeletons import load_library
    except ImportError as error:  # pragma: no cover - the drafting modules are part of nigao
        print(f"example drafts not available: {error}")
        return out
    library = load_library()
    for name in ("example-plan.yaml", "example-summary.yaml"):
        path = ROOT / "profiles" / name
        if not path.exists():
            print(f"{name} missing: not used as a mutation base")
            continue
        profile = load(path)
        doc = compose(profile, library).document
        facts = profile_facts(profile)
        if check(doc, facts):
            print(f"{name}: its draft is not clean (see test_check_examples), not used as a base")
            continue
        out.append((name, doc, facts))
    return out


def check(doc: Document, facts) -> list:
    return check_written(write_located(doc), profile=facts, path="draft.md")


def test_planted_defects_are_found_and_nothing_else():
    bases = [
        ("sample-plan", clean_plan(), PLAN_FACTS),
        ("sample-summary", clean_summary(), PLAN_FACTS),
    ]
    bases += example_bases()
    rng = random.Random(SEED)
    planted = found = 0
    missed: Counter[str] = Counter()
    extras: list[str] = []
    for kind, plant in KINDS.items():
        for name, base, facts in bases:
            for _ in range(TRIALS):
                doc = copy.deepcopy(base)
                defect = plant(rng, doc)
                given = dataclasses.replace(facts, year=None) if defect.undated else facts
                written = write_located(doc)
                lines = written.text.split("\n")
                findings = check_written(written, profile=given, path="d.md")
                hits = [
                    f
                    for f in findings
                    if f.rule == defect.rule and f.line and defect.marker in lines[f.line - 1]
                ]
                planted += 1
                if hits or (defect.rule is None and not findings):
                    found += 1
                else:
                    missed[kind] += 1
                extras += [f"{name}/{kind}: {f}" for f in findings if f not in hits]
    rate = found / planted
    print(f"mutation: {found}/{planted} planted defects found ({rate:.1%}), {len(extras)} extra")
    print("missed by kind:", dict(missed))
    assert rate >= 0.98, dict(missed)
    assert extras == [], "\n".join(extras)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_found_at_least_once(kind):
    rng = random.Random(SEED)
    doc = clean_plan()
    defect = KINDS[kind](rng, doc)
    facts = dataclasses.replace(PLAN_FACTS, year=None) if defect.undated else PLAN_FACTS
    findings = check_written(write_located(doc), profile=facts)
    if defect.rule is None:
        assert findings == [], (kind, [str(f) for f in findings])
    else:
        assert any(f.rule == defect.rule for f in findings), (kind, [str(f) for f in findings])
