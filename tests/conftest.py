from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# no OCR cache in the suite (its workers inherit this): every OCR test reads its pages, and a
# test that makes tesseract fail is not answered from an earlier run; test_ocr_cache sets its own
os.environ["LAKIP_OCR_CACHE"] = ""
sys.path.insert(0, str(ROOT / "tests"))

DOCS = ROOT / "corpus" / "documents"
MUARO_JAMBI = DOCS / "muaro_jambi_2024.txt"
JEMBER = DOCS / "jember_2024.txt"
SHAPES = ROOT / "tests" / "fixtures" / "shapes"


@pytest.fixture(scope="session")
def mj():  # type: ignore[no-untyped-def]
    import extract
    import normalize

    return normalize.normalize(extract.read_document(MUARO_JAMBI))


@pytest.fixture(scope="session")
def jember():  # type: ignore[no-untyped-def]
    import extract
    import normalize

    return normalize.normalize(extract.read_document(JEMBER))
