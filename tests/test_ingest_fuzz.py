"""Property tests: any text gives a document or one clear ReadError, and skeletons that render."""

from __future__ import annotations

from pathlib import Path

import jinja2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment

from nigao.errors import ReadError
from nigao.ingest.make_skeletons import build_skeletons
from nigao.ingest.reader import text_result

ROOT = Path(__file__).resolve().parent.parent
LINES = [
    line
    for path in sorted((ROOT / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]
NOISE = st.text(
    alphabet=st.sampled_from(
        list("一二三、（）()1.．①#X{}%:：,，。“”\ue000\uf0b7县区学校组长同志 \t")
    ),
    max_size=30,
)


class _Any(str):
    names = "甲、乙"
    block = "组长：甲"

    def __getattr__(self, name: str) -> _Any:
        return _Any("值")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), NOISE), min_size=1, max_size=40))
def test_any_mix_of_lines_reads_and_renders(lines):
    text = "\n".join(lines)
    try:
        result = text_result(text, "fuzz/a.txt")
    except ReadError as error:
        assert "\n" not in str(error)
        return
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
    values = {
        "org": _Any("值"),
        "guidance": _Any("值"),
        "leaders": _Any("值"),
        "facts": _Any("值"),
        "scope": _Any("值"),
        "campaign_noun": "活动",
        "region": "值",
        "campaign": "值",
        "campaign_type": "活动",
        "focus": "值",
        "goal": "值",
        "examples": False,
        "year": "2027",
    }
    for skeleton in build_skeletons(result, "fuzz/a.txt", "s999"):
        rendered = env.from_string(skeleton.heading + "\n" + skeleton.body).render(**values)
        assert "\ue000" not in rendered and "{{" not in rendered
        assert skeleton.render().startswith("---\nid: s999-")
