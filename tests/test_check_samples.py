"""Clean sample documents for the checker's tests (a plan and a summary as nigao drafts them),
and the proof that they are clean: a careful proofreader would flag nothing in them."""

from __future__ import annotations

from pathlib import Path

from nigao.check import ProfileFacts, check_document, check_written
from nigao.draftmd import write_located
from nigao.model import Document, Section

ROOT = Path(__file__).resolve().parent.parent

PLAN_FACTS = ProfileFacts(
    region="岚溪县",
    known="岚溪县教育局\n县教育局\n中共岚溪县教育局党组\n强师兴校\n岚溪县第一中学",
    leaders=frozenset({"方立新", "何静", "唐志远", "韩雪", "孔德明"}),
    year=2027,
)


def clean_plan() -> Document:
    """A complete plan in the shape `nigao new` drafts (headings, run-in items, phases, leaders)."""
    return Document(
        kind="plan",
        title="岚溪县教育局关于开展“强师兴校”主题活动的实施方案",
        recipients="局属各学校（单位），各乡镇中心学校",
        preamble=[
            "为深入贯彻党的二十大和二十届三中全会精神，全面落实全国教育大会部署，大力弘扬"
            "教育家精神，加快建设高素质专业化创新型教师队伍，经局党组研究，决定于2027年3月至"
            "12月在全县教育系统开展“强师兴校”主题活动。现结合我县实际，制定本方案。"
        ],
        sections=[
            Section(
                "指导思想",
                paragraphs=[
                    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实"
                    "立德树人根本任务，把教师队伍建设作为基础工作，为办好人民满意的教育提供坚强"
                    "的师资保障。"
                ],
            ),
            Section(
                "工作目标",
                paragraphs=[
                    "通过为期一年的主题活动，全县教师队伍的师德师风进一步好转，专业素养和育人能力"
                    "明显提升，城乡、校际之间师资配置更加均衡，形成尊师重教、人人争做“四有”好老师"
                    "的浓厚氛围。",
                    "到2027年底，全县中小学教师全员完成不少于72学时的专业培训，培养县级骨干教师"
                    "120名、学科带头人30名，建成县级名师工作室10个，乡村学校教师交流轮岗比例达到"
                    "符合条件教师的15%以上。",
                ],
            ),
            Section(
                "主要任务",
                sections=[
                    Section(
                        "抓师德师风，筑牢立德树人之本。",
                        run_in=True,
                        paragraphs=[
                            "把师德师风作为评价教师素质的第一标准，健全教育、宣传、考核、监督、奖惩"
                            "相结合的师德建设长效机制。各学校每学期至少开展一次师德专题学习，开展"
                            "“最美教师”评选和师德典型宣讲活动。严格落实《新时代中小学教师职业行为"
                            "十项准则》，对违规行为发现一起、查处一起。"
                        ],
                    ),
                    Section(
                        "抓培训研修，提升专业育人能力。",
                        run_in=True,
                        paragraphs=[
                            "构建县级统筹、片区联动、校本为主的三级研修体系。县教师发展中心分学段、"
                            "分学科组织全员培训；各片区每月开展一次联片教研；各学校落实校本研修制度，"
                            "推进“青蓝结对”工程。岚溪县第一中学要发挥示范作用。"
                        ],
                    ),
                    Section(
                        "抓交流轮岗，促进师资均衡配置。",
                        run_in=True,
                        paragraphs=[
                            "深化“县管校聘”管理改革，推动城区学校优秀教师、骨干教师到乡村学校、"
                            "薄弱学校任教，引导乡村学校教师到城区学校跟岗学习。"
                        ],
                    ),
                ],
            ),
            Section(
                "实施步骤",
                sections=[
                    Section(
                        "宣传发动阶段（2027年3月）。",
                        run_in=True,
                        paragraphs=[
                            "召开全县“强师兴校”主题活动动员大会，印发实施方案，明确任务分工。"
                        ],
                    ),
                    Section(
                        "组织实施阶段（2027年4月至10月）。",
                        run_in=True,
                        paragraphs=[
                            "各学校按照方案确定的任务，逐项细化措施、压实责任。县教育局适时召开"
                            "现场推进会，交流经验，推广典型做法。"
                        ],
                    ),
                    Section(
                        "总结提升阶段（2027年11月至12月）。",
                        run_in=True,
                        paragraphs=["各学校全面总结活动开展情况，形成书面总结报送县教育局。"],
                    ),
                ],
            ),
            Section(
                "组织领导",
                paragraphs=[
                    "为加强对主题活动的领导，县教育局成立“强师兴校”主题活动领导小组：",
                    "组长：方立新（局党组书记、局长）",
                    "副组长：何静（局党组成员、副局长）、唐志远（局党组成员、副局长）",
                    "成员：韩雪（局办公室主任）、孔德明（人事股股长）",
                    "领导小组下设办公室，办公室设在人事股，韩雪同志兼任办公室主任，负责日常工作。",
                ],
            ),
            Section(
                "保障措施",
                sections=[
                    Section(
                        "落实工作责任。",
                        run_in=True,
                        paragraphs=[
                            "各学校校长是本单位活动的第一责任人，要亲自研究部署，把各项任务落实到"
                            "岗、到人。"
                        ],
                    ),
                    Section(
                        "强化经费保障。",
                        run_in=True,
                        paragraphs=[
                            "各学校按照不低于年度公用经费预算总额5%的比例安排教师培训经费，专款"
                            "专用。"
                        ],
                    ),
                ],
            ),
        ],
        closing=["各学校要于2027年12月10日前将活动总结报县教育局人事股。"],
        signature="岚溪县教育局",
        date="2027年3月1日",
        doc_number="岚教发〔2027〕8号",
    )


def clean_summary() -> Document:
    """A year-end summary: practices, results, problems, next steps."""
    return Document(
        kind="summary",
        title="岚溪县教育局2026年工作总结",
        preamble=[
            "2026年，县教育局在县委、县政府的坚强领导下，扎实推进各项工作。现将一年来的工作总结如下："
        ],
        sections=[
            Section(
                "主要做法",
                sections=[
                    Section(
                        "抓党建引领",
                        paragraphs=[
                            "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大"
                            "精神，全年开展专题学习12次，局党组理论学习中心组学习研讨6次。"
                        ],
                    ),
                    Section(
                        "抓教育质量",
                        paragraphs=[
                            "全面推进课堂教学改革，组织教学视导4轮，覆盖全县所有中小学校。",
                            "一是抓常规管理；二是抓教研活动；三是抓质量监测。",
                        ],
                    ),
                ],
            ),
            Section(
                "工作成效",
                paragraphs=[
                    "全县义务教育巩固率达到99.5%，高考本科上线人数比上年增加56人，新建、改扩建"
                    "校舍3.2万平方米。"
                ],
            ),
            Section(
                "存在问题",
                paragraphs=["城乡教育资源配置仍不够均衡，部分乡村学校师资结构性短缺。"],
            ),
            Section(
                "下一步打算",
                paragraphs=["2027年，我们将继续推进义务教育优质均衡发展，办好人民满意的教育。"],
            ),
        ],
        signature="岚溪县教育局",
        date="2027年1月10日",
    )


def test_clean_samples_have_no_findings_as_documents():
    for doc in (clean_plan(), clean_summary()):
        assert [str(f) for f in check_document(doc, profile=PLAN_FACTS)] == []


def test_clean_samples_have_no_findings_as_draft_markdown():
    for doc in (clean_plan(), clean_summary()):
        found = check_written(write_located(doc), profile=PLAN_FACTS, path="draft.md")
        assert [str(f) for f in found] == []
