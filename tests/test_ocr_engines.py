"""The OCR engine registry (issue 14): `LAKIP_OCR_ENGINE` picks the engine, a name it does not
know fails naming the variable and the choices, and tesseract in-process (tesserocr) reads what
the tesseract CLI reads."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from extract.errors import UnsupportedInput
from extract.readers import ocr
from extract.settings import ExtractSettings


def page(text: str):  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(img).text((20, 40), text, fill=0)
    return np.asarray(img.resize((1200, 240)))


def test_the_variable_picks_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAKIP_OCR_ENGINE", raising=False)
    assert ExtractSettings().ocr_engine == "tesseract"  # the default is the CLI, as before
    assert ocr.pick(ExtractSettings().ocr_engine).read is None  # the CLI path, unchanged
    for name in ("tesseract", "tesserocr", "rapidocr"):
        monkeypatch.setenv("LAKIP_OCR_ENGINE", name)
        assert ocr.pick(ExtractSettings().ocr_engine).name == name
    assert set(ocr.ENGINES) == {"tesseract", "tesserocr", "rapidocr"}
    assert all(e.licence for e in ocr.ENGINES.values())


def test_the_engine_reads_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_tesseract`, which every page and re-read cell goes through, asks the chosen engine."""
    seen: list[float] = []

    def fake(img, dpi, settings):  # type: ignore[no-untyped-def]
        seen.append(dpi)
        return ocr._TSV_HEADER + "5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t96.5\tTarget\n"

    monkeypatch.setitem(ocr.ENGINES, "tesserocr", ocr.Engine("tesserocr", "MIT", None, fake))
    tsv = ocr._tesseract(page("x"), 200, "", ExtractSettings(ocr_cache="", ocr_engine="tesserocr"))
    assert seen == [200] and [w.text for w in ocr._words(tsv, 1.0)] == ["Target"]


def test_an_unknown_engine_names_the_variable_and_the_choices() -> None:
    with pytest.raises(UnsupportedInput) as e:
        ocr.require("scan.pdf", "ind+eng", "easyocr")
    message = str(e.value)
    assert "LAKIP_OCR_ENGINE" in message and "'easyocr'" in message
    assert "tesseract, tesserocr, rapidocr" in message
    with pytest.raises(UnsupportedInput, match="LAKIP_OCR_ENGINE"):
        ocr._tesseract(page("x"), 200, "", ExtractSettings(ocr_cache="", ocr_engine="Tesseract"))


def test_a_missing_engine_names_its_install_step(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_engines(name, *a, **kw):  # type: ignore[no-untyped-def]
        if name in ("tesserocr", "rapidocr"):
            raise ImportError(name)
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_engines)
    with pytest.raises(UnsupportedInput, match="pip install tesserocr"):
        ocr.require("scan.pdf", "ind+eng", "tesserocr")
    with pytest.raises(UnsupportedInput, match="rapidocrlite"):
        ocr.require("scan.pdf", "ind+eng", "rapidocr")


@pytest.mark.skipif(
    importlib.util.find_spec("tesserocr") is None or shutil.which("tesseract") is None,
    reason="tesserocr (pip install tesserocr) or the tesseract CLI (make ocr) is not installed",
)
def test_tesserocr_reads_what_the_cli_reads() -> None:
    cli = ExtractSettings(ocr_cache="")
    inproc = ExtractSettings(ocr_cache="", ocr_engine="tesserocr")
    binary = ocr.require("x.pdf", cli.ocr_languages)
    ocr.require("x.pdf", inproc.ocr_languages, "tesserocr")
    img = page("Target 100% Realisasi 95,50% Capaian 1.234")
    a = [w.text for w in ocr._words(ocr._tesseract(img, 200, binary, cli), 1.0)]
    b = [w.text for w in ocr._words(ocr._tesseract(img, 200, binary, inproc), 1.0)]
    assert a == b and "Target" in a


def test_each_engine_has_its_own_cache_entries(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The same image read by two engines is two entries: the key holds the engine's name."""
    parts: list[list[str]] = []
    real = ocr.cached

    def spy(key_parts, image, settings, run):  # type: ignore[no-untyped-def]
        parts.append(list(key_parts))
        return real(key_parts, image, settings, run)

    monkeypatch.setattr(ocr, "cached", spy)
    monkeypatch.setattr(ocr, "_tesserocr_version", lambda: "tesserocr 0 tesseract 0")
    monkeypatch.setattr(ocr, "_tesserocr_api", lambda lang, psm: _FakeApi())
    settings = ExtractSettings(ocr_cache=str(tmp_path), ocr_engine="tesserocr")
    ocr._tesseract(page("Target"), 200, "", settings)
    assert parts[-1][0].startswith("tesserocr") and len(list(tmp_path.rglob("*.txt"))) == 1


class _FakeApi:
    def SetImageBytes(self, *a: object) -> None: ...
    def SetSourceResolution(self, dpi: int) -> None: ...
    def Recognize(self) -> None: ...
    def GetTSVText(self, page: int) -> str:
        return "5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t96.5\tTarget\n"
