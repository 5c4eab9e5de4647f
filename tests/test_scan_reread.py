"""Scanned cells read again, and a scan's broken header years (`c_scanned` pp. 3-5, the seeds'
table drawn by LibreOffice and scanned at 200 dpi with speckle): a lone `1` over `Layanan`
read as `eh` from the grey crop and as `1` from the crop thresholded on its own; `Realisas` /
`i 2021` OCR'd as `Realisas` over `12021`, which cut the header after its first line."""

from __future__ import annotations

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from extract.header import header_like, is_header_continuation, is_year_cell, role_of  # noqa: E402
from extract.readers import ocr, scan  # noqa: E402
from extract.readers.ocr import OcrWord  # noqa: E402
from extract.settings import ExtractSettings  # noqa: E402

SETTINGS = ExtractSettings()


def test_a_speckled_grey_crop_is_thresholded_on_its_own_histogram() -> None:
    rng = np.random.default_rng(0)
    crop = np.full((40, 60), 200, dtype=np.uint8)  # grey paper
    crop[rng.random(crop.shape) < 0.05] = 150  # speckle, lighter than the ink
    crop[10:30, 28:32] = 20  # a stroke
    out = ocr._binarized(crop)
    assert set(np.unique(out)) == {0, 255}
    assert (out[10:30, 28:32] == 0).all() and (out[:8] == 255).all()  # the speckle became paper


def test_a_blank_crop_is_left_as_it_is() -> None:
    """Thresholding a cell with no ink would make ink of the paper's grain."""
    rng = np.random.default_rng(1)
    crop = rng.integers(200, 240, (40, 60), dtype=np.uint8)
    assert ocr._binarized(crop) is crop


def _word(text: str, conf: float) -> OcrWord:
    return OcrWord(0.0, 0.0, 10.0, 8.0, text, conf, (1, 1, 1))


def test_the_thresholded_reading_is_kept_only_where_it_is_the_surer_one(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = (0.0, 0.0, 50.0, 20.0), (0.0, 20.0, 50.0, 40.0), (0.0, 40.0, 50.0, 60.0)
    grey = {a: [_word("eh", 40.0)], b: [_word("98,45%", 91.0)], c: [_word("1", 97.0)]}
    sharp = {a: [_word("1", 96.0)], b: [_word("98,454", 60.0)], c: [_word("l", 20.0)]}
    asked: list[tuple[bool, list[tuple[float, ...]]]] = []

    def fake(img, boxes, dpi, binary, settings, binarize=False):  # type: ignore[no-untyped-def]
        asked.append((binarize, list(boxes)))
        return [(box, (sharp if binarize else grey)[box]) for box in boxes]

    monkeypatch.setattr(scan, "read_cells", fake)
    got = scan._reread(None, [a, b, c], 300.0, "", SETTINGS)
    assert got[a] == ("1", 96.0)  # surer thresholded
    assert got[b] == ("98,45%", 91.0)  # the grey reading was the surer one
    assert got[c] == ("1", 97.0)
    assert asked == [(False, [a, b, c]), (True, [a, b])]  # a sure reading is not read a third time


def test_a_year_after_an_ocr_d_i_is_a_header_year() -> None:
    """`Realisas` / `i 2021`: the `i` and the space read as `1` (c_scanned p. 3)."""
    assert is_year_cell("12021") and is_year_cell("i2024") and is_year_cell("2016***")
    assert not is_year_cell("22021") and not is_year_cell("12021,5") and not is_year_cell("1202")
    assert header_like("12021")
    assert is_header_continuation(("", "", "12021", "i 2022", "i 2023", "Target", "Realisas i", "2025", "Kinerja %"))
    assert not is_header_continuation(("", "Jumlah pemilih", "12021", "12500"))
    assert role_of("Realisas / 12021") == role_of("Realisas / i 2021")


def test_a_header_of_two_rows_with_an_ocr_d_year_is_both_rows() -> None:
    from extract.model import Line, Source
    from extract.tables import header_rows

    def line(n: int, *cells: str) -> Line:
        return Line(tuple(cells), Source("c_scanned.pdf", n, 3), region=1)

    region = [
        line(1, "No", "Indikator Kinerja", "Realisas", "Realisas", "2024", "", "Target", "Capaian"),
        line(2, "", "", "12021", "i 2022", "Target", "Realisas i", "2025", "Kinerja %"),
        line(3, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"),
        line(4, "1", "Persentase evaluasi", "87,5%", "87,5%", "87,5%", "99,43%", "100%", "99,43%"),
    ]
    assert header_rows(region) == 3


def _at(text: str, conf: float) -> OcrWord:
    return OcrWord(0.0, 0.0, 10.0, 8.0, text, conf, (1, 1, 1))


def test_a_guessed_word_one_letter_off_a_sure_word_of_the_page_is_spelled_as_there() -> None:
    """`c_scanned` p. 2: `Iniormasi` at 31 beside `Informasi` read at 95-96 twice."""
    page = (_at("Informasi", 96.5), _at("Informasi", 95.4), _at("Iniormasi", 31.4), _at("2025", 29.8))
    sure = scan._sure_words(page)
    got = scan._repaired(list(page), sure)
    assert [w.text for w in got] == ["Informasi", "Informasi", "Informasi", "2025"]
    assert got[2].conf == 31.4  # still flagged as read unsurely
    assert scan._repaired([_at("INIORMASI", 20.0)], sure)[0].text == "INFORMASI"
    assert scan._repaired([_at("iniormasi", 20.0)], sure)[0].text == "informasi"


@pytest.mark.parametrize(
    ("word", "conf"),
    [
        ("Iniormasi", 50.0),  # not a guess: tesseract was fairly sure
        ("Inormasi", 20.0),  # a letter lost: another word's length
        ("Iniorbasi", 20.0),  # two letters off
        ("98,45%", 20.0),  # a figure is never respelled
    ],
)
def test_a_word_is_respelled_only_when_guessed_and_one_letter_off(word: str, conf: float) -> None:
    sure = scan._sure_words((_at("Informasi", 96.0), _at("98,46%", 97.0)))
    assert scan._repaired([_at(word, conf)], sure)[0].text == word


def test_two_sure_words_one_letter_off_leave_the_guess_as_read() -> None:
    sure = scan._sure_words((_at("Pelayanan", 96.0), _at("Pelayaran", 96.0)))
    assert scan._repaired([_at("Pelayajan", 20.0)], sure)[0].text == "Pelayajan"


def test_short_words_are_not_the_page_s_spelling() -> None:
    assert scan._sure_words((_at("dalam", 99.0), _at("Target", 99.0), _at("2016", 99.0))) == frozenset({"target"})


def test_pages_are_prepared_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Preparing a page holds a dozen page-sized arrays (r01's peak RSS 483 MB with two at once,
    381 MB one at a time); tesseract still reads several pages at once."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    inside, most, reading = [0], [0], [0]
    guard = threading.Lock()

    def prepare(gray, dpi, binary, settings):  # type: ignore[no-untyped-def]
        with guard:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.05)
        with guard:
            inside[0] -= 1
        return np.zeros((10, 10), np.uint8), np.zeros((10, 10), np.uint8), np.zeros((10, 10), np.uint8), 0.0

    def tesseract(img, dpi, binary, settings):  # type: ignore[no-untyped-def]
        with guard:
            reading[0] += 1
        time.sleep(0.2)
        return ""

    monkeypatch.setattr(ocr, "prepare", prepare)
    monkeypatch.setattr(ocr, "_tesseract", tesseract)
    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(lambda _: ocr.read_image(np.zeros((10, 10), np.uint8), 300.0, "", SETTINGS), range(4)))
    assert len(pages) == 4 and reading[0] == 4
    assert most[0] == 1
