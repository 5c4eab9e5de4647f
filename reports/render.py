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

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these, Chromium tries to reach Google's servers at start and waits on the closed network.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", "--hide-scrollbars",
)  # fmt: skip


class BrowserMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__("PDF/screenshot needs Chromium, which is not installed (fix: `make browser`, or `apt-get install chromium`)")
        self.path, self.reason, self.fix = "chromium", "not installed", "make browser  (or: apt-get install chromium)"


def chromium() -> str:
    for name in (os.environ.get("LAKIP_CHROMIUM", ""), *CANDIDATES):
        if name and (found := shutil.which(name)):
            return found
    raise BrowserMissing


def _run(args: list[str], timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="lakip-chromium-") as profile:
        cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.decode(errors='replace')[-400:]}")


def html_to_pdf(html_file: Path, pdf_file: Path, timeout: float = 60) -> Path:
    _run([f"--print-to-pdf={pdf_file.resolve()}", html_file.resolve().as_uri()], timeout)
    return pdf_file


def screenshot(html_file: Path, png_file: Path, width: int = 900, height: int = 1270, timeout: float = 60) -> Path:
    _run([f"--screenshot={png_file.resolve()}", f"--window-size={width},{height}", html_file.resolve().as_uri()], timeout)
    return png_file
