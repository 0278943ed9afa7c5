"""`nigao serve` through Starlette's test client: every route with good and bad input, the
local-only guard, upload limits, names that cannot escape, no overwrite without consent, and
downloads that are byte-identical to `nigao new`."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from nigao.cli import cli
from nigao.serve import app as A

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    shutil.copy(PLAN, tmp_path / "profiles" / "example-plan.yaml")
    return tmp_path


@pytest.fixture
def client(work: Path) -> TestClient:
    return TestClient(A.create_app(work), raise_server_exceptions=False)


def example(client: TestClient) -> dict:
    response = client.get("/api/profile", params={"name": "example-plan"})
    assert response.status_code == 200, response.text
    return response.json()["profile"]


def new(tmp_path: Path, profile: Path, *args: str) -> tuple[bytes, bytes]:
    out = tmp_path / "cli-out" / "d"
    result = CliRunner().invoke(cli, ["new", str(profile), "-o", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    return (out.parent / "d.md").read_bytes(), (out.parent / "d.docx").read_bytes()


def no_trace(response) -> None:
    assert "Traceback" not in response.text and 'File "' not in response.text


# ------------------------------------------------------------------ page, spec, guard


def test_page_and_assets_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "拟稿" in page.text
    for asset in ("app.js", "app.css"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200 and len(response.content) > 1000
    assert "http" not in client.get("/static/app.js").text.replace("http://127.0.0.1", "")
    assert client.get("/static/../app.py").status_code == 404


def test_the_form_is_the_profile_question_table(client: TestClient) -> None:
    from nigao.profile import FIELDS, SECTION

    spec = client.get("/api/spec").json()
    assert [f["key"] for f in spec["fields"]] == [f.key for f in FIELDS]
    org = next(f for f in spec["fields"] if f["key"] == "org")
    assert {f["key"]: f["desc"] for f in org["fields"]} == {f.key: f.desc for f in FIELDS[2].fields}
    assert [f["key"] for f in spec["refs"]["section"]["fields"]] == [f.key for f in SECTION.fields]
    assert spec["names"]["tasks"] == "主要任务" and spec["profiles"] == ["example-plan"]
    assert {f["key"]: f["name"] for f in org["fields"]}["name"] == FIELDS[2].fields[0].name
    # the page picks each input by the type's widget: a list of choices, a check box, a text area
    widgets = {f["key"]: f["widget"] for f in spec["fields"]}
    assert (widgets["kind"], widgets["sealed"], widgets["org"]) == ("select", "checkbox", "group")
    section = spec["refs"]["section"]["fields"]
    assert {f["key"]: f["widget"] for f in section}["text"] == "textarea"


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({}, True),
        ({"host": "127.0.0.1:8765"}, True),
        ({"host": "localhost:8765", "origin": "http://localhost:8765"}, True),
        ({"host": "evil.example:8765"}, False),  # DNS rebinding
        ({"host": "127.0.0.1:8765", "origin": "http://evil.example"}, False),  # another site
    ],
)
def test_only_this_machine_may_call_the_server(work: Path, headers: dict, allowed: bool) -> None:
    client = TestClient(A.create_app(work, port=8765))
    response = client.post("/api/profile/save", json={"name": "x", "profile": {}}, headers=headers)
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403 and "只接受本机的访问" in response.json()["error"]
        assert not (work / "profiles" / "x.yaml").exists()


def test_host_option_opens_the_server_to_other_machines(work: Path) -> None:
    client = TestClient(A.create_app(work, open_to_all=True))
    assert client.get("/api/profiles", headers={"host": "192.168.1.9:8765"}).status_code == 200


# ------------------------------------------------------------------ profiles


def test_open_profile_and_names_cannot_escape(client: TestClient, work: Path) -> None:
    data = example(client)
    assert data["org"]["region"] == "岚溪县" and data["date"] == "2027-03-01"
    for name in ("../../etc/passwd", "nothing"):
        response = client.get("/api/profile", params={"name": name})
        assert response.status_code == 404 and "找不到配置文件 profiles/" in response.json()["error"]


def test_upload_profile_good_and_bad(client: TestClient) -> None:
    good = client.post("/api/profile/upload", files={"file": ("我的.yaml", PLAN.read_bytes())})
    assert good.status_code == 200 and good.json()["name"] == "我的"
    assert good.json()["profile"]["title"].startswith("岚溪县教育局")
    wrong = client.post("/api/profile/upload", files={"file": ("a.txt", b"x")})
    assert wrong.status_code == 400 and "不是配置文件" in wrong.json()["error"]
    alias = b"a: &x 1\nb: *x\n"
    bad = client.post("/api/profile/upload", files={"file": ("a.yaml", alias)})
    assert bad.status_code == 400 and "锚点" in bad.json()["error"]
    no_trace(bad)
    big = client.post("/api/profile/upload", files={"file": ("a.yaml", b"#" * (600 * 1024))})
    assert big.status_code == 413 and "过大" in big.json()["error"]
    missing = client.post("/api/profile/upload", files={"other": ("a.yaml", b"x")})
    assert missing.status_code == 400 and missing.json()["error"] == "没有收到文件"


def test_save_never_overwrites_without_consent(client: TestClient, work: Path, tmp_path) -> None:
    data = example(client)
    first = client.post("/api/profile/save", json={"name": "新方案", "profile": data})
    assert first.status_code == 200 and first.json()["saved"] == "profiles/新方案.yaml"
    saved = work / "profiles" / "新方案.yaml"
    before = saved.read_bytes()
    data["org"]["region"] = "青川县"
    refused = client.post("/api/profile/save", json={"name": "新方案", "profile": data})
    assert refused.status_code == 409 and "已存在，未覆盖" in refused.json()["error"]
    assert saved.read_bytes() == before
    forced = client.post("/api/profile/save", json={"name": "新方案", "profile": data, "force": True})
    assert forced.status_code == 200 and "青川县" in saved.read_text(encoding="utf-8")
    # the saved file is the source of truth: the CLI drafts it to what the page downloads
    page = client.post("/api/export/docx", json={"name": "新方案", "profile": data}).content
    assert new(tmp_path, saved)[1] == page
    escape = client.post("/api/profile/save", json={"name": "../../逃逸", "profile": data})
    assert escape.status_code == 200
    escaped = list(work.rglob("*逃逸*"))
    assert len(escaped) == 1 and escaped[0].parent == work / "profiles"
    bad = client.post(
        "/api/profile/save", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]


# ------------------------------------------------------------------ drafting


def test_draft_preview_pages_findings_and_skeletons(client: TestClient) -> None:
    data = example(client)
    response = client.post("/api/draft", json={"name": "example-plan", "profile": data})
    assert response.status_code == 200, response.text
    body = response.json()
    page = body["html"]
    assert page.count('class="page') >= 3 and "— 1 —" in page
    assert '<div class="mark" id="f-issuer_mark">岚溪县教育局文件</div>' in page
    assert 'class="title"' in page and '<span class="label">一、</span>' in page
    assert 'class="signature"' in page and "抄送：" in page
    assert body["findings"] == [] and body["unfilled"] == []
    paths = [s["path"] for s in body["sections"]]
    assert paths[0] == "sections[0]" and all(s["candidates"] is not None for s in body["sections"])
    card = body["sections"][1]["candidates"][0]
    assert {"id", "opening", "source", "topic", "slots", "needs"} <= set(card)
    assert "{{" not in card["opening"]


def test_findings_link_to_their_paragraph_and_markers_are_highlighted(client: TestClient) -> None:
    data = example(client)
    data["title"] = "XX" + data["title"]
    del data["leaders"]["组长"]
    body = client.post("/api/draft", json={"name": "p", "profile": data}).json()
    finding = next(f for f in body["findings"] if f["rule"] == "LEFT-PLACEHOLDER")
    assert finding["target"] == "b1" and 'id="b1">XX' in body["html"]
    assert '<mark class="fill">【待填：组长】</mark>' in body["html"]
    assert any("组长" in line for line in body["unfilled"])


def test_profile_errors_are_the_cli_messages_by_field(client: TestClient, work: Path) -> None:
    data = example(client)
    data["date"] = "2027-13-40"
    data["sections"][1]["skeleton"] = "no-such-skeleton"
    response = client.post("/api/draft", json={"name": "example-plan", "profile": data})
    assert response.status_code == 422
    errors = {e["key"]: e["message"] for e in response.json()["errors"]}
    assert set(errors) == {"date", "sections[1].skeleton"}
    bad = work / "profiles" / "example-plan.yaml"
    text = bad.read_text(encoding="utf-8").replace("date: 2027-03-01", "date: 2027-13-40")
    bad.write_text(text.replace("  - role: guiding_ideas", "  - role: guiding_ideas\n    skeleton: no-such-skeleton"), encoding="utf-8")
    cli_out = CliRunner().invoke(cli, ["new", str(bad), "-o", str(work / "x")]).output
    for message in errors.values():
        assert message in cli_out
    no_trace(response)


def test_downloads_are_the_bytes_nigao_new_writes(client: TestClient, tmp_path: Path) -> None:
    data = example(client)
    md, docx = new(tmp_path, PLAN)
    got_docx = client.post("/api/export/docx", json={"name": "example-plan", "profile": data})
    assert got_docx.status_code == 200 and got_docx.content == docx
    assert "example-plan.docx" in got_docx.headers["content-disposition"]
    got_md = client.post("/api/export/md", json={"name": "example-plan", "profile": data})
    assert got_md.content == md
    assert client.post("/api/export/exe", json={"profile": data}).status_code == 404
    assert client.post("/api/export/docx", json={"profile": "x"}).status_code == 400


def test_drafts_saved_on_the_server_never_replace_a_file_unasked(
    client: TestClient, work: Path, tmp_path: Path
) -> None:
    data = example(client)
    saved = client.post("/api/save-draft", json={"name": "example-plan", "profile": data})
    assert saved.json()["saved"] == ["drafts/example-plan.md", "drafts/example-plan.docx"]
    md, docx = work / "drafts" / "example-plan.md", work / "drafts" / "example-plan.docx"
    assert (md.read_bytes(), docx.read_bytes()) == new(tmp_path, PLAN)
    md.write_text("我改过的草稿", encoding="utf-8")
    again = client.post("/api/save-draft", json={"name": "example-plan", "profile": data})
    assert again.status_code == 409 and "drafts/example-plan.md" in again.json()["error"]
    assert md.read_text(encoding="utf-8") == "我改过的草稿"
    forced = client.post(
        "/api/save-draft", json={"name": "example-plan", "profile": data, "force": True}
    )
    assert forced.status_code == 200 and md.read_bytes() == new(tmp_path, PLAN)[0]


def test_a_section_choice_downloads_what_pick_writes(client: TestClient, tmp_path: Path) -> None:
    data = example(client)
    body = client.post("/api/draft", json={"profile": data}).json()
    section = next(
        s
        for s in body["sections"]
        if len({c["id"] for c in s["candidates"]} - {s["current"]}) and s["role"] == "organization"
    )
    other = next(c["id"] for c in section["candidates"] if c["id"] != section["current"])
    index = int(section["path"].removeprefix("sections[").rstrip("]"))
    data["sections"][index]["skeleton"] = other
    got = client.post("/api/export/docx", json={"profile": data}).content
    assert new(tmp_path, PLAN, "--pick", f"organization={other}")[1] == got


def test_concurrent_previews_each_get_their_own_draft(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    base = example(client)

    def preview(i: int) -> str:
        data = json.loads(json.dumps(base))
        data["org"]["name"] = data["signature"] = f"第{i}县教育局"
        return client.post("/api/draft", json={"profile": data}).json()["html"]

    with ThreadPoolExecutor(8) as pool:
        pages = list(pool.map(preview, range(16)))
    for i, page in enumerate(pages):
        assert f'id="f-signature">第{i}县教育局<' in page


def test_pdf_download_when_libreoffice_is_installed(client: TestClient) -> None:
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed; .ci/run installs it"
    response = client.post("/api/export/pdf", json={"profile": example(client)})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_skeleton_in_full_and_unknown_id(client: TestClient) -> None:
    sid = next(iter(A.Workspace(Path(".")).library.skeletons))
    full = client.get(f"/api/skeleton/{sid}").json()
    assert full["id"] == sid and full["body"] and "{{" not in full["body"]
    missing = client.get("/api/skeleton/s00-tasks")
    assert missing.status_code == 404 and "没有编号为" in missing.json()["error"]


def test_an_internal_error_is_one_chinese_line(client: TestClient, monkeypatch) -> None:
    import nigao.drafting

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(nigao.drafting, "draft", boom)
    response = client.post("/api/draft", json={"profile": example(client)})
    assert response.status_code == 500 and response.json()["error"].startswith("内部错误")
    assert "secret internals" not in response.text
    no_trace(response)


# ------------------------------------------------------------------ batch


UNITS = (
    "org.name,org.short,date\n"
    "岚溪县第一中学,县一中,2027-03-05\n"
    "岚溪县第二中学,县二中,2027-13-40\n"
    "岚溪县实验小学,县实验小学,\n"
)


def batch_files(data: dict, units: str = UNITS, name: str = "units.csv") -> dict:
    payload = json.dumps({"name": "example-plan", "profile": data, "nameBy": "org.short"})
    return {"files": {"units": (name, units.encode("utf-8"))}, "data": {"payload": payload}}


def test_batch_rows_are_validated_before_running(client: TestClient) -> None:
    data = example(client)
    rows = client.post("/api/batch/check", **batch_files(data)).json()["rows"]
    assert [(r["line"], r["name"], r["ok"]) for r in rows] == [
        (2, "县一中", True),
        (3, "县二中", False),
        (4, "县实验小学", True),
    ]
    assert rows[1]["message"].startswith("units.csv:3:3: date：")
    wrong = client.post("/api/batch/check", **batch_files(data, name="units.exe"))
    assert wrong.status_code == 400 and "不是单位清单" in wrong.json()["error"]
    broken = client.post("/api/batch/check", **batch_files(data, units="org.name,\n"))
    assert broken.status_code == 400 and "units.csv" in broken.json()["error"]
    no_trace(broken)


def test_batch_runs_with_progress_and_gives_a_zip(client: TestClient, tmp_path: Path) -> None:
    data = example(client)
    started = client.post("/api/batch/run", **batch_files(data)).json()
    assert started["total"] == 3
    for _ in range(200):
        status = client.get(f"/api/batch/{started['job']}").json()
        if status["finished"]:
            break
        time.sleep(0.05)
    assert status["finished"] and status["done"] == 3 and status["error"] is None
    assert [r["status"] for r in status["rows"]] == ["written", "failed", "written"]
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batch/{started['job']}/zip").content))
    names = sorted(archive.namelist())
    assert names == [f"example-plan/{n}" for n in ("县一中.docx", "县一中.md", "县实验小学.docx", "县实验小学.md")]
    units = tmp_path / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    out = tmp_path / "cli"
    CliRunner().invoke(cli, ["batch", str(PLAN), "--units", str(units), "-o", str(out), "--name-by", "org.short"])
    assert archive.read("example-plan/县一中.docx") == (out / "县一中.docx").read_bytes()
    assert client.get("/api/batch/nope").status_code == 404
    sneaky = client.post("/api/batch/run", **batch_files(data, name="../../../units.csv"))
    assert sneaky.status_code == 200 and not (tmp_path.parent / "units.csv").exists()


# ------------------------------------------------------------------ my library


def test_my_library_upload_ingests_into_the_work_folder(client: TestClient, work: Path) -> None:
    seed = ROOT / "seeds" / "004_602c73b34cb07147.txt"
    files = [
        ("files", ("../../往年方案.txt", seed.read_bytes())),
        ("files", ("病毒.exe", b"MZ")),
    ]
    response = client.post("/api/library/upload", files=files)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rows"][0]["skeletons"] and "不支持 .exe" in body["problems"][0]
    assert (work / "我的范文" / "往年方案.txt").read_bytes() == seed.read_bytes()
    assert list((work / "我的模板").rglob("*.md.j2"))
    drafted = client.post("/api/draft", json={"profile": example(client)}).json()
    origins = {c["origin"] for s in drafted["sections"] for c in s["candidates"]}
    assert "我的模板" in origins
    again = client.post("/api/library/upload", files=[("files", ("往年方案.txt", b"other text"))])
    assert again.status_code == 409 and "未覆盖" in again.json()["error"]
    assert (work / "我的范文" / "往年方案.txt").read_bytes() == seed.read_bytes()
    empty = client.post("/api/library/upload", files=[("other", ("a.txt", b"x"))])
    assert empty.status_code == 400 and empty.json()["error"] == "没有收到文件"


def test_my_library_takes_every_format_ingest_reads(client: TestClient, work: Path) -> None:
    """The page's upload accepts what `nigao ingest` reads (one list, nigao.readers), a .wps
    or .htm included, and names that list when it refuses a file."""
    from nigao.readers import SUFFIXES

    seed = (ROOT / "seeds" / "004_602c73b34cb07147.txt").read_text(encoding="utf-8")
    page = f"<html><head><title>方案</title></head><body><p>{seed.replace(chr(10), '</p><p>')}</p></body></html>"
    response = client.post("/api/library/upload", files=[("files", ("往年方案.htm", page.encode()))])
    assert response.status_code == 200, response.text
    assert response.json()["rows"][0]["skeletons"] and not response.json()["problems"]
    refused = client.post("/api/library/upload", files=[("files", ("表格.xlsx", b"PK"))]).json()
    (problem,) = refused["problems"]
    assert "不支持 .xlsx" in problem and all(s in problem for s in (".pdf", ".wps", ".htm"))
    accept = (Path(A.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    assert 'id="samples"' in accept
    field = accept.split('id="samples"', 1)[1].split(">", 1)[0]
    assert set(field.split('accept="', 1)[1].split('"', 1)[0].split(",")) == set(SUFFIXES)


# ------------------------------------------------------------------ the command


def test_serve_command_help_and_a_taken_port(work: Path) -> None:
    runner = CliRunner()
    assert "serve" in runner.invoke(cli, ["--help"]).output
    helped = runner.invoke(cli, ["serve", "--help"])
    assert helped.exit_code == 0 and "127.0.0.1" in helped.output
    bad = runner.invoke(cli, ["serve", "--library", str(work / "nowhere"), "--no-browser"])
    assert bad.exit_code != 0 and "找不到骨架文件夹" in bad.output


def test_nigao_serve_runs_until_ctrl_c(work: Path) -> None:
    import signal
    import socket
    import subprocess
    import urllib.request

    from conftest import nigao_argv

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [*nigao_argv(), "serve", "--no-browser", "--port", str(port), "--dir", str(work)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/profiles") as response:
                    listed = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("nigao serve did not answer")
        assert listed == {"profiles": ["example-plan"]}
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert f"拟稿网页已启动：http://127.0.0.1:{port}/" in out
    assert "Traceback" not in err
