"""`hearout serve` in a real browser: headless Chromium driven by the system's chromedriver.

The browser joins with a name and the code, takes a call with the keyboard to
its score, and the call is in `hearout report`. What the trainee sees is read
from the bytes the page's terminal is given (the websocket frames, from
Chromium's own log): the terminal draws on a canvas, not in the DOM.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from serve_helpers import free_port, serve_children, wait_listening

CODE = "ROOM42"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]")


def _browser() -> tuple[str, str] | None:
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    return (driver, binary) if binary and Path(driver).exists() else None


@pytest.fixture
def browser():
    found = _browser()
    if found is None:
        message = "no Chromium and chromedriver (scripts/setup-browser.sh installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager, if it ever ran, must not download
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[1]
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1100,800", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=found[0]), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--port", str(port), "--code", CODE],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "join code: ROOM42" in proc.stdout.readline()
        wait_listening(port)
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.communicate(timeout=60)


class Screen:
    """What the page's terminal has been given so far, as text."""

    def __init__(self, driver) -> None:
        self.driver = driver
        self.raw = b""

    def text(self) -> str:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                if frame.get("opcode") == 2:  # binary: the app's output
                    self.raw += base64.b64decode(frame["payloadData"])
        return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := re.search(pattern, self.text()):
                return found
            time.sleep(0.3)
        raise AssertionError(f"the page never showed {pattern!r}")


def press(driver, *keys: str, pause: float = 0.6) -> None:
    """Keys typed into the page's terminal, as a trainee's keyboard would."""
    from selenium.webdriver.common.by import By

    terminal = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")  # where xterm.js takes keys
    for key in keys:
        terminal.send_keys(key)
        time.sleep(pause)


def fill(driver, code: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    for field, value in (("code", code), ("name", name)):
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(value)
    driver.find_element(By.ID, "join").click()


def test_a_trainee_joins_takes_a_call_in_the_browser_and_the_coach_sees_it(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    proc, url = server
    browser.get(url + "/")
    fill(browser, "WRONG9", "Ana Browser")
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    error = WebDriverWait(browser, 30).until(shown.presence_of_element_located((By.ID, "error")))
    assert "not right" in error.text
    assert browser.find_elements(By.CLASS_NAME, "textual-terminal") == []
    assert serve_children(proc.pid) == []  # a wrong code never starts an app

    fill(browser, CODE.lower(), "Ana Browser")
    screen = Screen(browser)
    screen.wait_for(r"Trainee: Ana Browser")
    screen.wait_for(r"The lawn we forgot")
    assert len(serve_children(proc.pid)) == 1
    press(browser, Keys.ENTER)  # the briefing
    press(browser, Keys.ENTER, pause=3)  # the call; the customer starts talking
    press(browser, "1", pause=2)  # the first answer
    press(browser, Keys.ESCAPE, "y")  # end the call here
    score = int(screen.wait_for(r"Score: (\d+)/100").group(1))
    browser.save_screenshot(str(Path(os.environ["HEAROUT_DATA_DIR"]).parent / "debrief.png"))

    report = subprocess.run([sys.executable, "-m", "simulator", "report", "--format", "json"],
                            capture_output=True, text=True, timeout=60)
    rows = json.loads(report.stdout)
    assert [(r["trainee"], r["scenario_id"], r["overall"]) for r in rows] == [
        ("Ana Browser", "lawn-missed-mow", score)]


def test_two_browser_sessions_and_a_cli_call_at_once_are_all_on_the_board_and_in_report(browser, server):
    from selenium.webdriver.common.keys import Keys

    proc, url = server
    screen = Screen(browser)
    browser.get(url + "/")
    fill(browser, CODE, "Ana Tab")
    screen.wait_for(r"Trainee: Ana Tab")
    screen.wait_for(r"The lawn we forgot")
    press(browser, Keys.ENTER)
    press(browser, Keys.ENTER, pause=3)
    press(browser, "1", pause=2)  # Ana is in her call, and stays there

    browser.switch_to.new_window("tab")  # a second trainee at the same browser: a second page and websocket
    browser.get(url + "/join")
    fill(browser, CODE, "Bo Tab")
    screen.wait_for(r"Trainee: Bo Tab")
    press(browser, Keys.ENTER)
    press(browser, Keys.ENTER, pause=3)
    press(browser, "1", pause=2)
    assert len(serve_children(proc.pid)) == 2
    cli = subprocess.run([sys.executable, "-m", "simulator", "play", "lawn-missed-mow", "--moves", "quick-sorry",
                          "--trainee", "Cy Cli", "--seed", "4"], capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    press(browser, Keys.ESCAPE, "y")
    bo_score = screen.wait_for(r"Score: (\d+)/100").group(1)

    board = subprocess.run([sys.executable, "-m", "simulator", "board", "--once"], capture_output=True, text=True,
                           timeout=60)
    lines = {line.split("  ")[0]: line.split() for line in board.stdout.splitlines()[2:]}
    assert lines["Ana Tab"][3:5] == ["in", "call"]
    assert lines["Bo Tab"][-2] == f"{bo_score}/100"
    assert lines["Cy Cli"][-2].endswith("/100")
    report = subprocess.run([sys.executable, "-m", "simulator", "report", "--format", "json"],
                            capture_output=True, text=True, timeout=60)
    found = {r["trainee"]: r for r in json.loads(report.stdout)}
    assert sorted(found) == ["Ana Tab", "Bo Tab", "Cy Cli"]
    assert found["Ana Tab"]["outcome"] == "in progress"
    assert found["Bo Tab"]["overall"] == int(bo_score)
