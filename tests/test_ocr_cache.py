"""A scan's OCR is kept by the hash of the page image read (issue 14): a re-ingest or a re-audit
does not run tesseract again; another image, other arguments or no cache do."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from extract.readers import ocr
from extract.settings import ExtractSettings

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed (make ocr)")


def page(text: str):  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(img).text((20, 40), text, fill=0)
    return np.asarray(img.resize((1200, 240)))


def counting(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    real = subprocess.run

    def run(cmd, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(list(cmd))
        return real(cmd, *a, **kw)

    monkeypatch.setattr(ocr.subprocess, "run", run)
    return calls


def test_the_same_page_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ExtractSettings(ocr_cache=str(tmp_path / "cache"))
    binary = ocr.require("x.pdf", settings.ocr_languages)
    first = ocr._tesseract(page("Target 100% Realisasi 95%"), 200, binary, settings)
    assert "Target" in first
    calls = counting(monkeypatch)
    assert ocr._tesseract(page("Target 100% Realisasi 95%"), 200, binary, settings) == first
    assert not [c for c in calls if "stdin" in c]  # read from the cache
    ocr._tesseract(page("Capaian 88,50%"), 200, binary, settings)  # another image
    ocr._tesseract(page("Target 100% Realisasi 95%"), 300, binary, settings)  # other arguments
    assert len([c for c in calls if "stdin" in c]) == 2
    assert len(list((tmp_path / "cache").rglob("*.txt"))) == 3 and not list((tmp_path / "cache").rglob("*.tmp"))


def test_no_cache_reads_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ExtractSettings(ocr_cache="")
    binary = ocr.require("x.pdf", settings.ocr_languages)
    calls = counting(monkeypatch)
    for _ in range(2):
        ocr._tesseract(page("Target 100%"), 200, binary, settings)
    assert len([c for c in calls if "stdin" in c]) == 2
