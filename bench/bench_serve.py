"""`nigao serve`: server time of one preview refresh for the example plan (the issue's
budget is ≤ 100 ms), measured in-process through Starlette's test client, and its parts.

    python bench/bench_serve.py [-n REFRESHES]

A refresh is what the page sends after an edit: POST /api/draft with the form's profile →
form values to YAML → the CLI's profile validation → drafting.draft() (compose, Markdown,
proofreading) → the 公文 pages in HTML → the skeleton cards → JSON. Nothing is asserted by tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="refreshes timed")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_draft_inprocess import per_draft_ms as median_ms
    try:
        from starlette.testclient import TestClient
    except ImportError:
        print("starlette is not installed (pip install -e '.[serve]'): nothing to measure")
        return 0
    from nigao.drafting import draft
    from nigao.profile import parse
    from nigao.serve import pages, skeletons
    from nigao.serve.app import create_app
    from nigao.serve.form import to_yaml

    client = TestClient(create_app(ROOT))
    data = client.get("/api/profile", params={"name": "example-plan"}).json()["profile"]
    body = {"name": "example-plan", "profile": data}
    assert client.post("/api/draft", json=body).status_code == 200  # warm caches

    library = client.app.state.ws.library
    profile = parse(to_yaml(data), "profiles/example-plan.yaml", partial=True)
    result = draft(profile, library, md_path="drafts/example-plan.md")
    rows = [
        ("POST /api/draft (whole refresh)", lambda: client.post("/api/draft", json=body)),
        ("  form → YAML → profile validation", lambda: parse(to_yaml(data), "p.yaml", partial=True)),
        ("  draft() with proofreading", lambda: draft(profile, library, md_path="d.md")),
        ("  draft() without proofreading", lambda: draft(profile, library, check=False)),
        ("  公文 pages in HTML", lambda: pages.render(result)),
        ("  skeleton cards", lambda: skeletons.candidates(library, profile, result.choices)),
        ("POST /api/export/docx (download)", lambda: client.post("/api/export/docx", json=body)),
    ]
    print(f"example plan, median of {args.n} (in-process, no network)")
    print(f"{'step':<40}{'ms':>9}")
    whole = None
    for name, fn in rows:
        ms = median_ms(fn, args.n)
        whole = ms if whole is None else whole
        print(f"{name:<40}{ms:>9.1f}")
    verdict = "OK" if whole <= BUDGET_MS else "OVER"
    print(f"preview refresh budget ≤ {BUDGET_MS:.0f} ms: {whole:.1f} ms, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
