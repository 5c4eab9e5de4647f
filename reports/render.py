"""HTML -> PDF with headless Chromium: the one place lakip touches a browser.

Chromium is a system package (Debian: `chromium`); it is looked up lazily, only when a
PDF is asked for, and its absence is a one-line error with the install step.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.errors import LakipError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these, Chromium tries to reach Google's servers at start and waits on the closed network.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", "--hide-scrollbars",
)  # fmt: skip


class BrowserMissing(LakipError):
    def __init__(self) -> None:
        super().__init__("chromium", "not installed (PDF printouts need it)", "run `make browser`, or `apt-get install chromium`")


class BrowserFailed(LakipError):
    """Chromium ran but did not produce the file."""


def chromium() -> str:
    for name in (os.environ.get("LAKIP_CHROMIUM", ""), *CANDIDATES):
        if name and (found := shutil.which(name)):
            return found
    raise BrowserMissing


def _run(args: list[str], timeout: float) -> str:
    with tempfile.TemporaryDirectory(prefix="lakip-chromium-") as profile:
        cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as e:
            raise BrowserFailed(args[-1], f"chromium did not finish in {timeout:g} s", "retry; check that chromium starts") from e
        if done.returncode != 0:
            tail = " ".join(done.stderr.decode(errors="replace").split())[-300:]
            raise BrowserFailed(args[-1], f"chromium failed with exit code {done.returncode}: {tail}", "check that chromium runs")
        return done.stdout.decode("utf-8", errors="replace")


def dump_dom(html_file: Path, fragment: str = "", timeout: float = 60) -> str:
    """The page's DOM after its scripts ran (`fragment`: the part after `#` in the address)."""
    uri = html_file.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    return _run(["--virtual-time-budget=3000", "--dump-dom", uri], timeout)


def html_to_pdf(html_file: Path, pdf_file: Path, timeout: float = 60) -> Path:
    _run([f"--print-to-pdf={pdf_file.resolve()}", html_file.resolve().as_uri()], timeout)
    return pdf_file


def screenshot(html_file: Path, png_file: Path, width: int = 900, height: int = 1270, timeout: float = 60, fragment: str = "") -> Path:
    uri = html_file.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    _run([f"--screenshot={png_file.resolve()}", f"--window-size={width},{height}", uri], timeout)
    return png_file
