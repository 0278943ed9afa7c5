"""The Starlette application behind `nigao serve`.

Handlers translate HTTP to library calls and back; every user-facing message is Chinese and
no handler lets a traceback reach the page. A `Workspace` is the folder the server works in
(the drafter's own: profiles/, 我的范文/ and 我的模板/ under it) and the skeleton library.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import threading
import traceback
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from nigao.errors import NigaoError
from nigao.profile import ProfileError
from nigao.readers import SUFFIXES

STATIC = Path(__file__).parent / "static"
PROFILES = "profiles"
DRAFTS = "drafts"
MY_SOURCES = "我的范文"  # uploaded old materials, kept as the drafter gave them
MY_LIBRARY = "我的模板"  # the skeletons ingested from them (a --library folder)

MAX_JSON = 1024 * 1024  # a profile is at most 512 KB of YAML
MAX_PROFILE = 512 * 1024
MAX_UNITS = 2 * 1024 * 1024
MAX_SAMPLE = 10 * 1024 * 1024
MAX_SAMPLES = 20
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class Refused(NigaoError):
    """A request the server will not serve: its status and a Chinese message."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------------------------- workspace


@dataclass
class BatchJob:
    total: int
    done: int = 0
    finished: bool = False
    error: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    archive: bytes | None = None
    name: str = "批量拟稿"


class Workspace:
    """The drafter's folder and the skeleton library the page drafts with."""

    def __init__(self, root: Path, libraries: tuple[str, ...] = ()):
        self.root = Path(root).resolve()
        self.libraries = tuple(str(Path(d).resolve()) for d in libraries)
        self.lock = threading.Lock()
        self.jobs: dict[str, BatchJob] = {}
        self._library: Any = None

    @property
    def my_library(self) -> Path:
        return self.root / MY_LIBRARY

    def library_dirs(self) -> tuple[str, ...]:
        mine = (str(self.my_library),) if self.my_library.is_dir() else ()
        return self.libraries + mine

    @property
    def library(self) -> Any:
        if self._library is None:
            self.reload()
        return self._library

    def reload(self) -> None:
        from nigao.drafting import load_library

        self._library = load_library(self.library_dirs())

    def inside(self, folder: str, name: str, suffix: str) -> Path:
        """`folder/name.suffix` under the root; any name that would leave it is made safe."""
        from nigao.fsutil import safe_name

        stem = safe_name(Path(name).stem if name.lower().endswith(suffix) else name)
        path = (self.root / folder / f"{stem}{suffix}").resolve()
        if path.parent != (self.root / folder).resolve():
            raise Refused("文件名不合法")
        return path


# ---------------------------------------------------------------------------------- helpers


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Refused(f"内容过大（上限 {limit // 1024} KB）", 413)
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > limit:
            raise Refused(f"内容过大（上限 {limit // 1024} KB）", 413)
    return bytes(data)


async def _json(request: Request) -> dict[str, Any]:
    try:
        value = json.loads(await _body(request, MAX_JSON) or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise Refused("请求内容不是有效的 JSON") from None
    if not isinstance(value, dict):
        raise Refused("请求内容应为 JSON 对象")
    return value


async def _form(request: Request, limit: int, files: int = 1) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit * files + 65536:
        raise Refused(f"上传的文件过大（每个上限 {limit // (1024 * 1024) or 1} MB）", 413)
    try:
        return await request.form(max_files=files, max_fields=20, max_part_size=limit)
    except Exception as error:  # multipart's own errors are English: say it in Chinese
        raise Refused(f"上传内容无法读取（文件过大、过多或格式不对）：{type(error).__name__}") from None


async def _upload(form: Any, name: str, limit: int) -> tuple[str, bytes]:
    upload = form.get(name)
    if upload is None or not hasattr(upload, "read"):
        raise Refused("没有收到文件")
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"文件过大（上限 {limit // 1024} KB）", 413)
    return Path(upload.filename or "上传的文件").name, data


def _profile_data(payload: dict[str, Any]) -> dict[str, Any]:
    data = payload.get("profile")
    if not isinstance(data, dict):
        raise Refused("缺少配置内容（profile）")
    return data


def _profile_name(payload: dict[str, Any]) -> str:
    from nigao.fsutil import safe_name

    return safe_name(str(payload.get("name") or "my-plan"), fallback="my-plan")


def _parse(ws: Workspace, payload: dict[str, Any]) -> Any:
    """The form's profile, validated by the CLI's own loader (errors together, with the
    skeleton checks, when drafted)."""
    from nigao.profile import parse
    from nigao.serve.form import to_yaml

    name = _profile_name(payload)
    return parse(to_yaml(_profile_data(payload)), f"{PROFILES}/{name}.yaml", partial=True)


def _choices(payload: dict[str, Any]) -> dict[str, str]:
    choices = payload.get("choices") or {}
    if not isinstance(choices, dict):
        raise Refused("choices 应为 章节路径→骨架编号 的对象")
    return {str(k): str(v) for k, v in choices.items()}


def _draft(ws: Workspace, payload: dict[str, Any], check: bool = True) -> Any:
    from nigao.drafting import draft

    profile = _parse(ws, payload)
    name = _profile_name(payload)
    return draft(profile, ws.library, _choices(payload), check=check, md_path=f"drafts/{name}.md")


def _download(data: bytes, filename: str, media: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


# ---------------------------------------------------------------------------------- routes


async def index(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


async def spec(request: Request) -> Response:
    from nigao.serve.form import form_spec

    ws: Workspace = request.app.state.ws
    return JSONResponse({**form_spec(), "root": str(ws.root), "profiles": _profile_names(ws)})


def _profile_names(ws: Workspace) -> list[str]:
    folder = ws.root / PROFILES
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if p.is_file())


async def profiles(request: Request) -> Response:
    return JSONResponse({"profiles": _profile_names(request.app.state.ws)})


async def profile_open(request: Request) -> Response:
    from nigao.profile import read_text
    from nigao.serve.form import from_yaml

    ws: Workspace = request.app.state.ws
    path = ws.inside(PROFILES, request.query_params.get("name", ""), ".yaml")
    if not path.is_file():
        raise Refused(f"找不到配置文件 {PROFILES}/{path.name}", 404)
    text = read_text(path)
    return JSONResponse({"name": path.stem, "profile": from_yaml(text, f"{PROFILES}/{path.name}")})


async def profile_upload(request: Request) -> Response:
    from nigao.serve.form import from_yaml

    form = await _form(request, MAX_PROFILE)
    filename, data = await _upload(form, "file", MAX_PROFILE)
    if not filename.lower().endswith((".yaml", ".yml")):
        raise Refused(f"{filename} 不是配置文件（应为 .yaml）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused(f"{filename}：编码无法识别，请另存为 UTF-8")
    stem = Path(filename).stem
    return JSONResponse({"name": stem, "profile": from_yaml(text, filename)})


async def profile_save(request: Request) -> Response:
    from nigao.fsutil import atomic_write
    from nigao.serve.form import to_yaml

    ws: Workspace = request.app.state.ws
    payload = await _json(request)
    path = ws.inside(PROFILES, _profile_name(payload), ".yaml")
    text = to_yaml(_profile_data(payload))
    shown = f"{PROFILES}/{path.name}"
    with ws.lock:
        if path.exists() and not payload.get("force") and path.read_text("utf-8") != text:
            return JSONResponse(
                {"exists": True, "error": f"{shown} 已存在，未覆盖。要用页面上的内容覆盖它吗？"},
                status_code=409,
            )
        atomic_write(path, text)
    return JSONResponse({"saved": shown, "name": path.stem})


async def draft_route(request: Request) -> Response:
    from nigao.serve.pages import finding_targets, render

    ws: Workspace = request.app.state.ws
    payload = await _json(request)
    result = _draft(ws, payload, check=bool(payload.get("check", True)))
    return JSONResponse(
        {
            "ok": True,
            "html": render(result),
            "findings": finding_targets(result),
            "checkError": result.check_error,
            "markers": [{"label": label, "where": where} for label, where in result.markers],
            "unfilled": result.unfilled,
            "notes": result.notes,
            "defaults": [
                {"path": c.path, "skeleton": c.skeleton.id} for c in result.defaults if c.skeleton
            ],
            "sections": _sections(ws, result),
        }
    )


def _sections(ws: Workspace, result: Any) -> list[dict[str, Any]]:
    from nigao.serve.skeletons import candidates

    return candidates(ws.library, result.profile, result.choices)


async def skeleton_route(request: Request) -> Response:
    from nigao.serve.skeletons import full

    ws: Workspace = request.app.state.ws
    sid = request.path_params["sid"]
    skeleton = ws.library.skeletons.get(sid)
    if skeleton is None:
        from nigao.skeletons import unknown_message

        raise Refused(unknown_message(sid, list(ws.library.skeletons)), 404)
    return JSONResponse(full(skeleton))


async def export(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    fmt = request.path_params["fmt"]
    if fmt not in ("docx", "md", "pdf"):
        raise Refused("只能下载 .docx、.md 或 .pdf", 404)
    payload = await _json(request)
    result = _draft(ws, payload, check=False)
    name = _profile_name(payload)
    if fmt == "md":
        return _download(result.markdown.encode("utf-8"), f"{name}.md", "text/markdown")
    if fmt == "docx":
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return _download(result.docx, f"{name}.docx", media)
    from nigao.pdf import to_pdf

    with tempfile.TemporaryDirectory() as tmp:
        docx_path, pdf_path = Path(tmp) / "draft.docx", Path(tmp) / "draft.pdf"
        docx_path.write_bytes(result.docx)
        to_pdf(docx_path, pdf_path)
        data = pdf_path.read_bytes()
    response = _download(data, f"{name}.pdf", "application/pdf")
    if request.query_params.get("inline"):
        response.headers["Content-Disposition"] = "inline"
    return response


async def draft_save(request: Request) -> Response:
    """drafts/<name>.md and .docx in the work folder, as `nigao new` writes them; an existing
    draft is only replaced when the clerk confirmed it (the page's answer to --force)."""
    from nigao.fsutil import write_all

    ws: Workspace = request.app.state.ws
    payload = await _json(request)
    name = _profile_name(payload)
    md, docx = ws.inside(DRAFTS, name, ".md"), ws.inside(DRAFTS, name, ".docx")
    result = _draft(ws, payload, check=False)
    shown = [f"{DRAFTS}/{md.name}", f"{DRAFTS}/{docx.name}"]
    force = bool(payload.get("force"))
    with ws.lock:
        existing = [f"{DRAFTS}/{p.name}" for p in (md, docx) if p.exists()]
        if existing and not force:
            return JSONResponse(
                {"exists": True, "error": f"{'、'.join(existing)} 已存在，未覆盖。要用页面上的内容覆盖吗？"},
                status_code=409,
            )
        md.parent.mkdir(parents=True, exist_ok=True)
        write_all([(md, result.markdown), (docx, result.docx)], replace=force)
    return JSONResponse({"saved": shown})


# ------------------------------------------------------------------------------------- batch


async def _batch_inputs(request: Request) -> tuple[dict[str, Any], str, bytes]:
    form = await _form(request, MAX_UNITS)
    filename, data = await _upload(form, "units", MAX_UNITS)
    if not filename.lower().endswith((".csv", ".yaml", ".yml")):
        raise Refused(f"{filename} 不是单位清单（应为 .csv，或 .yaml）")
    try:
        payload = json.loads(str(form.get("payload") or "{}"))
    except ValueError:
        raise Refused("请求内容不是有效的 JSON") from None
    if not isinstance(payload, dict):
        raise Refused("请求内容应为 JSON 对象")
    return payload, filename, data


def _stage(ws: Workspace, tmp: Path, payload: dict[str, Any], filename: str, data: bytes):
    """The profile and the units file as files (what `run_batch` reads), in `tmp`."""
    from nigao.fsutil import safe_name
    from nigao.serve.form import to_yaml

    name = _profile_name(payload)
    profile_path = tmp / f"{name}.yaml"
    profile_path.write_text(to_yaml(_profile_data(payload)), encoding="utf-8")
    units_path = tmp / safe_name(filename, fallback="units.csv")
    units_path.write_bytes(data)
    return name, profile_path, units_path


def _shown(message: str, tmp: Path) -> str:
    return message.replace(str(tmp) + os.sep, "")


async def batch_check(request: Request) -> Response:
    from nigao.batch import preview_rows

    ws: Workspace = request.app.state.ws
    payload, filename, data = await _batch_inputs(request)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _name, profile_path, units_path = _stage(ws, tmp, payload, filename, data)
        try:
            rows = preview_rows(profile_path, units_path, _profile_name_by(payload))
        except NigaoError as error:
            raise Refused(_shown(str(error), tmp)) from None
    return JSONResponse(
        {"rows": [{**row, "message": _shown(row["message"], tmp)} for row in rows]}
    )


def _profile_name_by(payload: dict[str, Any]) -> str:
    return str(payload.get("nameBy") or "org.name")


async def batch_run(request: Request) -> Response:
    ws: Workspace = request.app.state.ws
    payload, filename, data = await _batch_inputs(request)
    from nigao.units import read_units

    with tempfile.TemporaryDirectory() as folder:  # count the rows before starting
        tmp = Path(folder)
        _name, _profile, units = _stage(ws, tmp, payload, filename, data)
        try:
            total = len(read_units(units))
        except NigaoError as error:
            raise Refused(_shown(str(error), tmp)) from None
    job_id = uuid.uuid4().hex
    job = BatchJob(total=total)
    with ws.lock:
        ws.jobs[job_id] = job
    thread = threading.Thread(
        target=_run_job, args=(ws, job, payload, filename, data), daemon=True
    )
    thread.start()
    return JSONResponse({"job": job_id, "total": total})


def _run_job(ws: Workspace, job: BatchJob, payload: dict[str, Any], filename: str, data: bytes):
    from nigao.batch import run_batch

    try:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            name, profile_path, units_path = _stage(ws, tmp, payload, filename, data)
            out = tmp / "out"

            def advance(row: Any) -> None:
                job.done += 1

            report = run_batch(
                profile_path,
                units_path,
                out,
                name_by=_profile_name_by(payload),
                jobs=1,  # worker processes would fork the server
                libraries=ws.library_dirs(),
                on_result=advance,
            )
            job.rows = [
                {
                    "line": r.line,
                    "name": r.name,
                    "status": r.status,
                    "markers": r.markers,
                    "message": _shown(r.message, tmp),
                    "findings": [_shown(f, tmp) for f in r.findings],
                }
                for r in report.rows
            ]
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(out.iterdir()) if out.is_dir() else []:
                    archive.write(path, f"{name}/{path.name}")
            job.archive = buffer.getvalue()
            job.name = name
    except NigaoError as error:
        job.error = str(error)
    except Exception as error:  # noqa: BLE001 - reported on the page, details on the console
        traceback.print_exc()
        job.error = f"内部错误：{type(error).__name__}"
    finally:
        job.finished = True


def _job(request: Request) -> BatchJob:
    ws: Workspace = request.app.state.ws
    job = ws.jobs.get(request.path_params["job"])
    if job is None:
        raise Refused("没有这个批量任务（服务器可能已重启）", 404)
    return job


async def batch_status(request: Request) -> Response:
    job = _job(request)
    return JSONResponse(
        {
            "total": job.total,
            "done": job.done,
            "finished": job.finished,
            "error": job.error,
            "rows": job.rows if job.finished else [],
        }
    )


async def batch_zip(request: Request) -> Response:
    job = _job(request)
    if not job.finished or job.archive is None:
        raise Refused("批量任务还没有完成", 409)
    return _download(job.archive, f"{job.name}.zip", "application/zip")


# ------------------------------------------------------------------------------ my library


async def library_upload(request: Request) -> Response:
    from nigao.fsutil import atomic_write, safe_name
    from nigao.ingest.make_skeletons import ingest_paths

    ws: Workspace = request.app.state.ws
    form = await _form(request, MAX_SAMPLE, files=MAX_SAMPLES)
    force = str(form.get("force") or "") == "1"
    uploads = [u for u in form.getlist("files") if hasattr(u, "read")]
    if not uploads:
        raise Refused("没有收到文件")
    saved: list[Path] = []
    sources = ws.root / MY_SOURCES
    problems: list[str] = []
    with ws.lock:
        for upload in uploads:
            original = Path(upload.filename or "范文.txt").name
            suffix = Path(original).suffix.lower()
            if suffix not in SUFFIXES:  # what `nigao ingest` reads, one list
                problems.append(f"{original}：不支持 {suffix or '无扩展名'} 文件（可用 {' '.join(SUFFIXES)}）")
                continue
            data = await upload.read(MAX_SAMPLE + 1)
            if len(data) > MAX_SAMPLE:
                problems.append(f"{original}：文件过大（上限 {MAX_SAMPLE // (1024 * 1024)} MB）")
                continue
            path = ws.inside(MY_SOURCES, safe_name(Path(original).stem), suffix)
            if path.exists() and path.read_bytes() != data and not force:
                return JSONResponse(
                    {
                        "exists": True,
                        "error": f"{MY_SOURCES}/{path.name} 已存在且内容不同，未覆盖。要覆盖吗？",
                    },
                    status_code=409,
                )
            atomic_write(path, data)
            saved.append(path)
        rows = ingest_paths(saved, ws.my_library) if saved else []
        ws.reload()
    return JSONResponse(
        {
            "folder": str(ws.my_library),
            "problems": problems,
            "rows": [
                {
                    "document": Path(r.document).name,
                    "title": r.title,
                    "skeletons": [s.id for s in r.written] if r.result else [],
                    "error": r.error and _shown(r.error, sources),
                }
                for r in rows
            ],
        }
    )


# ------------------------------------------------------------------------------ the guard


class LocalOnly:
    """Refuse requests whose Host or Origin is not this machine (DNS rebinding, other
    pages posting to the server), unless the server was asked to listen elsewhere."""

    def __init__(self, app: ASGIApp, port: int, open_to_all: bool):
        self.app = app
        self.open_to_all = open_to_all
        self.hosts = {h for name in LOCAL_HOSTS for h in (name, f"{name}:{port}")}
        self.hosts.add("testserver")  # Starlette's test client
        self.origins = {f"http://{name}:{port}" for name in LOCAL_HOSTS} | {"http://testserver"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.open_to_all:
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            host = headers.get("host", "")
            origin = headers.get("origin")
            if host not in self.hosts or (origin is not None and origin not in self.origins):
                response = JSONResponse(
                    {"error": "只接受本机的访问（请在本机浏览器打开 http://127.0.0.1 地址）"},
                    status_code=403,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _refused(request: Request, error: Exception) -> Response:
    if isinstance(error, ProfileError):
        from nigao.serve.form import field_errors

        return JSONResponse(
            {"error": "配置有误，请按提示修改", "errors": field_errors(error)}, status_code=422
        )
    status = getattr(error, "status", 400)
    return JSONResponse({"error": str(error)}, status_code=status)


async def _crashed(request: Request, error: Exception) -> Response:
    traceback.print_exc()  # for whoever started the server; the page gets one Chinese line
    return JSONResponse(
        {"error": f"内部错误（{type(error).__name__}），请重试；若仍出错，请把终端里的信息告诉维护人员"},
        status_code=500,
    )


def create_app(
    root: str | os.PathLike[str] = ".",
    libraries: tuple[str, ...] = (),
    *,
    port: int = 8765,
    open_to_all: bool = False,
) -> Starlette:
    """The application for a work folder; `open_to_all` when `--host` was given."""
    ws = Workspace(Path(root), libraries)
    ws.reload()  # a bad --library folder is reported before the server starts
    routes = [
        Route("/", index),
        Route("/api/spec", spec),
        Route("/api/profiles", profiles),
        Route("/api/profile", profile_open),
        Route("/api/profile/upload", profile_upload, methods=["POST"]),
        Route("/api/profile/save", profile_save, methods=["POST"]),
        Route("/api/draft", draft_route, methods=["POST"]),
        Route("/api/skeleton/{sid}", skeleton_route),
        Route("/api/export/{fmt}", export, methods=["POST"]),
        Route("/api/save-draft", draft_save, methods=["POST"]),
        Route("/api/batch/check", batch_check, methods=["POST"]),
        Route("/api/batch/run", batch_run, methods=["POST"]),
        Route("/api/batch/{job}", batch_status),
        Route("/api/batch/{job}/zip", batch_zip),
        Route("/api/library/upload", library_upload, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(LocalOnly, port=port, open_to_all=open_to_all)],
        exception_handlers={NigaoError: _refused, Exception: _crashed, 500: _crashed},
    )
    app.state.ws = ws
    return app
