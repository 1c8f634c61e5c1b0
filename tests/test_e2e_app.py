"""End to end: `streamlit run app.py` on a free loopback port, driven by headless Chromium.

A whole practice session (choose a scenario, start, three turns, end) runs in the
browser and the report page is checked and saved as artifacts/e2e-report.png. Without
Debian's chromium the test is skipped locally and fails on CI (env CI set).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers.ports import free_port

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("OEFENGESPREK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT_S = 90
LEADER_LINES = (
    "Hoi Mark, fijn dat je tijd hebt. Hoe gaat het met je?",
    "Ik merk dat je stiller bent in overleggen en je camera uit staat. Wat speelt er?",
    "Wat ik van je verwacht is dat je meedenkt met de junioren. Wat verwacht jij van mij?",
)

pytestmark = pytest.mark.slow


def _require_chromium() -> None:
    if Path(CHROMIUM).is_file() or shutil.which(CHROMIUM):
        return
    message = (
        f"Chromium not found at {CHROMIUM}: install Debian's chromium "
        "(scripts/install.sh --dev does) or set OEFENGESPREK_CHROMIUM."
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    data_dir = tmp_path_factory.mktemp("e2e-data")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "OEFENGESPREK_BACKEND", "OEFENGESPREK_GUEST")
    }
    env.update(
        OEFENGESPREK_DATA_DIR=str(data_dir),
        OEFENGESPREK_LANGUAGE="nl",
        PYTHONUNBUFFERED="1",
    )
    log_path = data_dir / "streamlit.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--server.headless=true",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while True:
                if process.poll() is not None:
                    pytest.fail(f"streamlit exited early:\n{log_path.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start:\n{log_path.read_text(errors='replace')}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_idle(page: Any) -> None:
    """Until the app's script run has finished (Streamlit's running indicator is gone)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')",
        timeout=120_000,
    )


def test_whole_practice_session_in_the_browser(app_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    # the first run builds the article index in the fresh data dir
    expect.set_options(timeout=120_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(90_000)
            page.goto(app_url)
            expect(page.get_by_role("heading", name="Oefenen")).to_be_visible()
            # widgets with a key carry the CSS class st-key-<key>
            page.locator(".st-key-choose_disengaged-employee button").click()
            expect(
                page.get_by_text("Voorbereiding: De medewerker die zich terugtrekt")
            ).to_be_visible()
            page.get_by_role("button", name="Start het gesprek").click()

            messages = page.get_by_test_id("stChatMessage")
            expect(messages).to_have_count(1)  # the persona's opening line
            chat_input = page.get_by_test_id("stChatInputTextArea")
            for number, line in enumerate(LEADER_LINES, start=1):
                expect(chat_input).to_be_enabled()
                chat_input.fill(line)
                chat_input.press("Enter")
                # the leader's line and the persona's reply
                expect(messages).to_have_count(1 + 2 * number)
                expect(page.get_by_text(line[:30])).to_be_visible()
                _wait_until_idle(page)
            expect(page.get_by_text("Wat je deed").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "e2e-conversation.png"), full_page=True)

            page.get_by_role("button", name="Gesprek afronden").click()
            expect(page.get_by_text("Totaalscore")).to_be_visible()
            expect(page.get_by_text("Scores per onderdeel")).to_be_visible()
            expect(page.get_by_text("Uit het artikel").first).to_be_visible()
            expect(page.get_by_text("Saskia Oude Aarninkhof").first).to_be_visible()
            expect(page.get_by_test_id("stDownloadButton")).to_have_count(2)
            expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
            _wait_until_idle(page)
            # Streamlit scrolls inside its own container: a tall window shows the whole report
            page.set_viewport_size({"width": 1280, "height": 4200})
            page.wait_for_timeout(800)  # let the chart redraw at the new size
            page.screenshot(path=str(ARTIFACTS / "e2e-report.png"), full_page=True)
            assert not page.get_by_test_id("stException").count()
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "e2e-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert (ARTIFACTS / "e2e-report.png").stat().st_size > 10_000
