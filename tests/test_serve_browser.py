"""`nigao serve` end to end in a real headless Chromium (Debian's chromium and chromium-driver,
installed by .ci/run), driven by Selenium: what a clerk does on the page, checked against the
files `nigao new` and `nigao batch` write. Screenshots go to pytest's temporary folder."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao.cli import cli
from test_docx_writer import _audit as audit

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = ("chromedriver", "chromium-driver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1600,1000",
)


def _which(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A real uvicorn server on a free local port, working in a fresh folder."""
    import uvicorn

    from nigao.serve.app import create_app

    work = tmp_path_factory.mktemp("work")
    (work / "profiles").mkdir()
    shutil.copy(PLAN, work / "profiles" / "example-plan.yaml")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(work, port=port), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/", work
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = _which(CHROMIUM), _which(DRIVER)
    assert chromium and driver, "chromium and chromium-driver are needed (.ci/run installs them)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    downloads = tmp_path_factory.mktemp("downloads")
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    browser.downloads = downloads
    yield browser
    browser.quit()


def wait(condition, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting in the browser")


def downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    wait(lambda: path.exists() and not list(folder.glob("*.crdownload")))
    return path


def pages_html(browser) -> str:
    return browser.execute_script("return document.getElementById('pages').innerHTML")


def test_a_clerk_drafts_on_the_page(server, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    url, _work = server
    browser.get(url)
    wait(lambda: len(Select(browser.find_element(By.ID, "profile-list")).options) > 1)
    Select(browser.find_element(By.ID, "profile-list")).select_by_value("example-plan")
    browser.find_element(By.ID, "open-profile").click()
    wait(lambda: "岚溪县教育局" in pages_html(browser))
    browser.save_screenshot(str(tmp_path / "page.png"))

    # another county: the unit's name and its county
    for field, value in (("org.name", "青川县教育局"), ("org.region", "青川县")):
        box = browser.find_element(By.ID, f"f-{field}")
        box.clear()
        box.send_keys(value)
    wait(lambda: 'class="signature" id="f-signature">青川县教育局<' in pages_html(browser))

    # another skeleton for the 组织领导 section, chosen among those shown side by side
    browser.find_element(By.CSS_SELECTOR, "button[data-sub=skeletons]").click()
    row = browser.find_element(By.CSS_SELECTOR, ".section-row[data-path='sections[5]']")
    before = pages_html(browser)
    choice = row.find_element(By.CSS_SELECTOR, "button.pick:not([disabled])")
    other = choice.get_attribute("data-id")
    choice.click()
    wait(lambda: pages_html(browser) != before)
    wait(
        lambda: browser.find_elements(
            By.CSS_SELECTOR, f".section-row[data-path='sections[5]'] .card.current[data-skeleton='{other}']"
        )
    )
    browser.find_element(By.CSS_SELECTOR, "button[data-sub=pages]").click()
    browser.save_screenshot(str(tmp_path / "preview.png"))

    # the Word file: valid, and the same bytes as nigao new for the same profile and pick
    browser.find_element(By.ID, "dl-docx").click()
    docx = downloaded(browser.downloads, "example-plan.docx")
    assert audit(docx.read_bytes(), tmp_path, "downloaded") == []
    text = PLAN.read_text(encoding="utf-8")
    assert "  name: 岚溪县教育局\n" in text and "  region: 岚溪县\n" in text
    edited = tmp_path / "example-plan.yaml"
    edited.write_text(
        text.replace("  name: 岚溪县教育局\n", "  name: 青川县教育局\n").replace(
            "  region: 岚溪县\n", "  region: 青川县\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "cli" / "d"
    result = CliRunner().invoke(
        cli, ["new", str(edited), "-o", str(out), "--pick", f"organization={other}"]
    )
    assert result.exit_code == 0, result.output
    assert docx.read_bytes() == (out.parent / "d.docx").read_bytes()
    for shot in ("page.png", "preview.png"):
        assert (tmp_path / shot).stat().st_size > 20_000


def test_a_batch_from_a_units_csv(server, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    url, _work = server
    browser.get(url)
    wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#profile-list option[value='example-plan']"))
    browser.find_element(By.CSS_SELECTOR, "#profile-list option[value='example-plan']").click()
    browser.find_element(By.ID, "open-profile").click()
    wait(lambda: "岚溪县教育局" in pages_html(browser))
    browser.find_element(By.CSS_SELECTOR, ".tabs button[data-tab=batch]").click()
    units = tmp_path / "units.csv"
    units.write_bytes((ROOT / "profiles" / "example-units.csv").read_bytes())
    browser.find_element(By.ID, "units-file").send_keys(str(units))
    browser.find_element(By.ID, "units-check").click()
    wait(lambda: len(browser.find_elements(By.CSS_SELECTOR, "#units-table tr")) == 4)
    browser.find_element(By.ID, "units-run").click()
    link = browser.find_element(By.ID, "batch-zip")
    wait(lambda: link.is_displayed())
    progress = browser.find_element(By.ID, "batch-progress")
    assert progress.get_attribute("value") == progress.get_attribute("max") == "3"
    browser.save_screenshot(str(tmp_path / "batch.png"))
    link.click()
    archive = zipfile.ZipFile(downloaded(browser.downloads, "example-plan.zip"))
    names = sorted(Path(n).name for n in archive.namelist())
    assert len(names) == 6 and all(n.endswith((".md", ".docx")) for n in names)
    assert "岚溪县实验小学.docx" in names
