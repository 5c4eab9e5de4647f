"""OCR of scanned pages: the one place that imports OpenCV and runs tesseract, both lazily,
so a corpus without scans never needs either.

A page image goes through: speckle removal (median 3), deskew (the angle that makes the
row profile sharpest), ruling lines found by morphological opening with long thin kernels
(what camelot's lattice does), the rulings erased, then one tesseract run for the whole
page (`--psm 6`, TSV out) giving word boxes and confidences. Coordinates come back in points
from the deskewed page's top-left, so the table geometry is the born-digital one.

The OCR engine behind that run is one of `ENGINES` (issue 14), chosen by `LAKIP_OCR_ENGINE` /
`ExtractSettings.ocr_engine`: the tesseract CLI (the default), tesseract in-process through
tesserocr, or RapidOCRLite. Each gives tesseract's TSV, so everything after the OCR is the same.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extract.errors import UnsupportedInput
from extract.readers import ocr_rulings
from extract.readers.pdf_lattice import Box, Item, Segment
from extract.settings import ExtractSettings

INSTALL = "run `make ocr`, or `sudo apt-get install tesseract-ocr tesseract-ocr-ind`"


@dataclass(frozen=True)
class OcrWord:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    conf: float  # tesseract's word confidence, 0-100
    line: tuple[int, int, int]  # tesseract's (block, paragraph, line)


@dataclass(frozen=True)
class OcrPage:
    words: tuple[OcrWord, ...]
    horizontal: tuple[Segment, ...]
    vertical: tuple[Segment, ...]
    angle: float  # degrees the page was turned to deskew it
    width: float
    height: float
    #: The ruled tables' rows (cells from the words inside each cell box; doubtful cells
    #: read again on their own) and the vertical spans they cover; set by scan.py.
    rows: tuple[Item, ...] = ()
    spans: tuple[tuple[float, float], ...] = ()


@functools.cache
def _languages(binary: str) -> frozenset[str]:
    out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset(x.strip() for x in (out.stdout + out.stderr).splitlines()[1:] if x.strip())


def require(path: str, languages: str, engine: str = "tesseract") -> str:
    """The tesseract binary, or an error naming the install step. An in-process engine needs no
    binary: "" then (its orientation check falls back to its own, or none)."""
    chosen = pick(engine, path)
    if chosen.check is not None:
        chosen.check(path, languages)
        return shutil.which("tesseract") or ""
    binary = shutil.which("tesseract")
    if binary is None:
        raise UnsupportedInput(path, "the PDF is a scan and tesseract (OCR) is not installed", INSTALL)
    missing = set(languages.split("+")) - _languages(binary)
    if missing:
        raise UnsupportedInput(path, f"tesseract has no language data for {'+'.join(sorted(missing))}", INSTALL)
    return binary


def _rotate(img: Any, angle: float, border: int, nearest: bool = False) -> Any:
    import cv2

    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_NEAREST if nearest else cv2.INTER_CUBIC, borderValue=border)


def _skew(dark: Any, max_angle: float) -> float:
    """The rotation (degrees, 0.1 steps) after which text lines and rulings are level: the one
    whose row-sum profile changes most sharply between rows."""
    import cv2
    import numpy as np

    small = cv2.resize(dark, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    best, best_score = 0.0, -1.0
    steps = round(max_angle * 10)
    for k in range(-steps, steps + 1):
        profile = _rotate(small, k / 10, 0, nearest=True).sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best, best_score = k / 10, score
    return best


#: One page is prepared at a time: its OpenCV work holds a dozen page-sized arrays at once (about
#: 140 MB for an A4 page at 300 dpi), so two pages prepared side by side took r01's peak RSS from
#: 338 to 483 MB; tesseract, the long part, still runs for several pages at once.
_PREPARING = threading.Lock()


def read_image(gray: Any, dpi: float, binary: str, settings: ExtractSettings) -> tuple[OcrPage, Any]:
    """OCR one page image (uint8 grayscale, white paper): the words and rulings, and the
    deskewed image with the rulings erased (for `read_cells`)."""
    with _PREPARING:
        img, hl, vl, angle = prepare(gray, dpi, binary, settings)
    scale = 72.0 / dpi
    h, w = img.shape
    page = OcrPage(
        words=tuple(_words(_tesseract(img, dpi, binary, settings), scale)),
        horizontal=tuple(ocr_rulings.segments(hl, True, scale)),
        vertical=tuple(ocr_rulings.segments(vl, False, scale)),
        angle=angle,
        width=w * scale,
        height=h * scale,
    )
    return page, img


def prepare(gray: Any, dpi: float, binary: str, settings: ExtractSettings) -> tuple[Any, Any, Any, float]:
    """The page made ready for OCR: despeckled, turned upright, white-on-black inverted,
    deskewed, the rulings erased. Returns that image, the horizontal and vertical ruling masks,
    and the deskew angle. (Apart from the OCR so `make bench-ocr` can time and feed it alone.)"""
    import cv2
    import numpy as np

    img = cv2.medianBlur(np.ascontiguousarray(gray), 3)
    turns = _turns(img, dpi, binary, settings)
    if turns:
        img = np.ascontiguousarray(np.rot90(img, turns))
    _, dark = cv2.threshold(img, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    img = _uninvert(img, dark, dpi)
    _, dark = cv2.threshold(img, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    angle = _skew(dark, settings.ocr_max_skew)
    if angle:
        img = _rotate(img, angle, 255)
        _, dark = cv2.threshold(img, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    hl, vl = ocr_rulings.find(img, dpi, settings)
    rulings = cv2.dilate(hl | vl, np.ones((3, 3), np.uint8))
    img[rulings > 0] = 255  # tesseract reads ruled cells badly: it sees the rules as glyphs
    return img, hl, vl, angle


def _turns(img: Any, dpi: float, binary: str, settings: ExtractSettings) -> int:
    """Quarter turns (counter-clockwise, for numpy's rot90) that set a page printed sideways
    upright: a landscape table scanned on a portrait page (`r03_dpsda` pp. 26-39, 56-112). Text
    lines make the row profile of an upright page ragged; when the column profile is the more
    ragged one, tesseract's orientation detection says which way the page is turned."""
    import cv2
    import numpy as np

    small = cv2.resize(img, None, fx=50 / dpi, fy=50 / dpi, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 200:
        return 0

    def ragged(profile: Any) -> float:
        return float(np.abs(np.diff(profile)).sum() / (profile.sum() + 1))

    if ragged(ink.sum(axis=0)) <= 1.2 * ragged(ink.sum(axis=1)):
        return 0
    chosen = pick(settings.ocr_engine)
    if chosen.osd is not None:
        rotate = chosen.osd(img, dpi, settings)
    elif binary:
        _ok, png = cv2.imencode(".png", img)
        cmd = [binary, "stdin", "stdout", "--psm", "0", "--dpi", str(round(dpi))]
        out = run_cached(cmd, png.tobytes(), settings, check=False)
        m = re.search(r"Rotate:\s*(\d+)", out)
        rotate = int(m.group(1)) if m else 0
    else:
        return 0  # an engine with no orientation check and no tesseract to ask: left as scanned
    return {90: 3, 180: 2, 270: 1}.get(rotate, 0)  # tesseract says clockwise degrees to rotate


def _uninvert(img: Any, dark: Any, dpi: float) -> Any:
    """White text on black cells (table headers printed white on black, `r03_dpsda`) inverted,
    so tesseract reads them and the white gaps between the cells become rulings. The blocks are
    found by an opening thicker than any stroke, not as connected components: a black header
    joined to the table's rulings is one component with the whole grid (`r03_dpsda` p. 27), and
    the verticals joined to it were then dropped as one thick blob. Each block's outline is
    drawn back as its cell's rulings."""
    import cv2

    k = max(3, round(0.06 * dpi))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    out = img
    edge = max(1, round(dpi / 150))
    for j in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[j])
        if w >= 0.4 * dpi and h >= 0.1 * dpi and area >= 0.55 * w * h:
            if out is img:
                out = img.copy()
            out[y : y + h, x : x + w] = 255 - out[y : y + h, x : x + w]
            cv2.rectangle(out, (x, y), (x + w - 1, y + h - 1), 0, edge)
    return out


def _tesseract(img: Any, dpi: float, binary: str, settings: ExtractSettings) -> str:
    """The image's words as tesseract's TSV, from the engine `settings.ocr_engine` names."""
    chosen = pick(settings.ocr_engine)
    if chosen.read is not None:
        return chosen.read(img, dpi, settings)
    return _tesseract_cli(img, dpi, binary, settings)


def _tesseract_cli(img: Any, dpi: float, binary: str, settings: ExtractSettings, psm: int = 6) -> str:
    import cv2

    ok, png = cv2.imencode(".png", img, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise ValueError("could not encode the page image")
    cmd = [binary, "stdin", "stdout", "-l", settings.ocr_languages, "--psm", str(psm), "--dpi", str(round(dpi)), "tsv"]
    return run_cached(cmd, png.tobytes(), settings)


@functools.cache
def _version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, check=False)
    return (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else binary


def run_cached(cmd: list[str], image: bytes, settings: ExtractSettings, check: bool = True) -> str:
    """tesseract's output for one page image, from the cache when it read this image with these
    arguments and this version before (issue 14: a re-ingest does not OCR again)."""

    def run() -> tuple[str, bool]:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # pages run in parallel; one thread each
        done = subprocess.run(cmd, input=image, capture_output=True, timeout=settings.ocr_page_timeout, env=env, check=False)
        if done.returncode != 0 and check:
            raise ValueError(f"tesseract failed: {done.stderr.decode(errors='replace').strip()[-200:]}")
        return done.stdout.decode("utf-8", errors="replace"), done.returncode == 0

    # the version string ("tesseract 5.3.0") names the engine: the key of the entries made before
    # the other engines came is kept, so they are still found
    return cached([_version(cmd[0]), *cmd[3:]], image, settings, run)


def cached(key_parts: list[str], image: bytes, settings: ExtractSettings, run: Callable[[], tuple[str, bool]]) -> str:
    """An engine's output for one page image, kept by the hash of the engine (name and version),
    its arguments and the image. `run` gives the text and whether it may be kept. Written under
    a temporary name, then renamed: a killed run leaves no half entry. A cache that cannot be
    written is skipped: it only saves time."""
    import hashlib

    key = hashlib.sha256("\0".join(key_parts).encode() + b"\0" + image).hexdigest()
    entry = os.path.join(os.path.expanduser(settings.ocr_cache), key[:2], key + ".txt") if settings.ocr_cache else None
    if entry and os.path.exists(entry):
        with open(entry, encoding="utf-8") as f:
            return f.read()
    out, keep = run()
    if entry and keep:
        try:
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            tmp = f"{entry}.{os.getpid()}.{threading.get_ident()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(out)
            os.replace(tmp, entry)
        except OSError:
            pass
    return out


def read_cells(
    img: Any, boxes: list[Box], dpi: float, binary: str, settings: ExtractSettings, binarize: bool = False
) -> list[tuple[Box, list[OcrWord]]]:
    """Each cell box (points) read on its own: the crops are stacked one under another with
    white space between, so one tesseract run reads them all without a neighbouring
    column's text on the same line. `binarize`: each crop thresholded on its own first."""
    import numpy as np

    if not boxes:
        return []
    px = dpi / 72.0
    pad = max(8, round(dpi / 10))
    crops = []
    for x0, top, x1, bottom in boxes:
        crop = img[max(0, round(top * px)) : round(bottom * px), max(0, round(x0 * px)) : round(x1 * px)]
        crops.append(_binarized(crop) if binarize else crop)
    width = max(c.shape[1] for c in crops) + 2 * pad
    sheet = np.full((sum(c.shape[0] + 2 * pad for c in crops), width), 255, dtype=np.uint8)
    spans, y = [], 0
    for crop in crops:
        sheet[y + pad : y + pad + crop.shape[0], pad : pad + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0] + 2 * pad))
        y += crop.shape[0] + 2 * pad
    words = _words(_tesseract(sheet, dpi, binary, settings), 1.0)
    out: list[tuple[Box, list[OcrWord]]] = []
    for box, (lo, hi) in zip(boxes, spans, strict=True):
        # back to page points, inside the cell
        mine = [w for w in words if lo <= (w.top + w.bottom) / 2 < hi]
        out.append((box, [OcrWord(box[0] + (w.x0 - pad) / px, box[1] + (w.top - lo - pad) / px, box[0] + (w.x1 - pad) / px,
                                  box[1] + (w.bottom - lo - pad) / px, w.text, w.conf, w.line) for w in mine]))  # fmt: skip
    return out


def _binarized(crop: Any) -> Any:
    """A cell's crop thresholded on its own histogram: the page's grey speckle, which tesseract's
    page-wide threshold keeps around a lone digit, falls below the cell's own ink (`c_scanned`
    p. 4: `1` over `Layanan` read as `eh Layanan` from the grey crop, `1` from the cell's own)."""
    import cv2

    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 64:
        return crop  # a blank cell: its threshold would make ink of the paper's grain
    _, out = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


def _words(tsv: str, scale: float) -> list[OcrWord]:
    out: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) != 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, width, height = (int(v) for v in f[6:10])
        out.append(OcrWord(
            left * scale, top * scale, (left + width) * scale, (top + height) * scale,
            f[11].strip(), float(f[10]), (int(f[2]), int(f[3]), int(f[4])),
        ))  # fmt: skip
    return out


# --- the OCR engines (issue 14) ---------------------------------------------------------------
# Each engine turns a page image (uint8 grayscale) into tesseract's TSV, so the words, the cells
# read again and the cache are the same whichever reads. The tesseract CLI has no functions here
# (read and osd None): it is the code above, unchanged, and the default.

ENGINE_VARIABLE = "LAKIP_OCR_ENGINE"
_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


@dataclass(frozen=True)
class Engine:
    name: str
    licence: str
    #: raises UnsupportedInput naming the install step when the engine cannot run here
    check: Callable[[str, str], None] | None = None
    #: (image, dpi, settings) -> TSV
    read: Callable[[Any, float, ExtractSettings], str] | None = None
    #: (image, dpi, settings) -> clockwise degrees that set the page upright; None: tesseract's CLI
    osd: Callable[[Any, float, ExtractSettings], int] | None = None


def pick(name: str, path: str = "") -> Engine:
    """The engine of that name, or an error naming the variable and the choices."""
    if name in ENGINES:
        return ENGINES[name]
    reason = f"{ENGINE_VARIABLE} (ExtractSettings.ocr_engine) is {name!r}, not an OCR engine lakip knows"
    raise UnsupportedInput(path or ENGINE_VARIABLE, reason, f"set {ENGINE_VARIABLE} to one of: {', '.join(ENGINES)}")


def _pixels(img: Any) -> bytes:
    """What an in-process engine's cache entry is keyed by: the pixels and their shape (no PNG
    to encode: that is part of what these engines save)."""
    import numpy as np

    a = np.ascontiguousarray(img)
    return f"{a.shape}".encode() + a.tobytes()


# tesseract through tesserocr: the same recognizer in this process, the image handed over as
# bytes. No process start, no PNG encoding and decoding, the models loaded once per thread.
_local = threading.local()
TESSEROCR_INSTALL = "pip install tesserocr (its wheel carries libtesseract; the language data is tesseract-ocr-ind's)"


@functools.cache
def _tessdata() -> str:
    """The language data tesserocr reads: TESSDATA_PREFIX, else Debian's (the wheel has none)."""
    import glob

    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        return env
    found = sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata")) + sorted(glob.glob("/usr/share/tessdata"))
    return found[-1] if found else ""


def _tesserocr_check(path: str, languages: str) -> None:
    try:
        import tesserocr
    except ImportError as e:
        raise UnsupportedInput(path, f"{ENGINE_VARIABLE}=tesserocr but tesserocr is not installed", TESSEROCR_INSTALL) from e
    _, have = tesserocr.get_languages(_tessdata())
    missing = set(languages.split("+")) - set(have)
    if missing:
        raise UnsupportedInput(path, f"tesserocr finds no language data for {'+'.join(sorted(missing))} in {_tessdata()!r}", INSTALL)


def _tesserocr_api(lang: str, psm: int) -> Any:
    """One API object per pool thread and (language, mode): tesseract's API is not thread-safe,
    and loading the models costs more than reading a page."""
    import tesserocr

    apis: dict[tuple[str, int], Any] = _local.__dict__.setdefault("apis", {})
    if (lang, psm) not in apis:
        apis[lang, psm] = tesserocr.PyTessBaseAPI(path=_tessdata(), lang=lang, psm=psm)
    return apis[lang, psm]


def _tesserocr_version() -> str:
    import tesserocr

    return f"tesserocr {tesserocr.__version__} {tesserocr.tesseract_version().splitlines()[0]}"


def tesserocr_tsv(img: Any, dpi: float, settings: ExtractSettings, psm: int = 6) -> str:
    """The CLI's `--psm 6 --dpi N tsv` in this process."""
    import numpy as np

    a = np.ascontiguousarray(img)

    def run() -> tuple[str, bool]:
        api = _tesserocr_api(settings.ocr_languages, psm)
        api.SetImageBytes(a.tobytes(), a.shape[1], a.shape[0], 1, a.shape[1])
        api.SetSourceResolution(round(dpi))
        api.Recognize()
        return _TSV_HEADER + (api.GetTSVText(0) or ""), True

    return cached([_tesserocr_version(), settings.ocr_languages, f"psm{psm}", f"dpi{round(dpi)}"], _pixels(a), settings, run)


def _tesserocr_osd(img: Any, dpi: float, settings: ExtractSettings) -> int:
    import numpy as np

    a = np.ascontiguousarray(img)

    def run() -> tuple[str, bool]:
        api = _tesserocr_api("osd", 0)  # PSM.OSD_ONLY
        api.SetImageBytes(a.tobytes(), a.shape[1], a.shape[0], 1, a.shape[1])
        api.SetSourceResolution(round(dpi))
        found = api.DetectOrientationScript()
        # the page is turned orient_deg clockwise; the CLI's `Rotate:` is the turn back
        return (str((360 - int(found["orient_deg"])) % 360) if found else "0"), True

    return int(cached([_tesserocr_version(), "osd", f"dpi{round(dpi)}"], _pixels(a), settings, run))


# RapidOCRLite: a neural line detector and recogniser (Datalab's Indra OCR weights, inside the
# wheel: nothing is downloaded). Its lines become TSV words: each line's text split at its
# spaces, the word boxes from the engine's own word boxes where they spell the line's words.
RAPIDOCR_INSTALL = "pip install --pre rapidocrlite (an alpha; its weights are under a modified OpenRAIL-M licence)"


def _rapidocr_check(path: str, languages: str) -> None:
    try:
        import rapidocr  # noqa: F401
    except ImportError as e:
        raise UnsupportedInput(path, f"{ENGINE_VARIABLE}=rapidocr but rapidocrlite is not installed", RAPIDOCR_INSTALL) from e


def _rapidocr_engine() -> Any:
    """One engine per pool thread, one thread each: pages already run in parallel."""
    if not hasattr(_local, "rapidocr"):
        from rapidocr import RapidOCR

        _local.rapidocr = RapidOCR(
            params={
                "Det.model_type": "lite",  # the weights the wheel carries (the others are downloaded)
                "Rec.model_type": "lite",
                "Global.use_cls": False,
                "Global.log_level": "error",
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            }
        )
    return _local.rapidocr


def _rapidocr_version() -> str:
    from importlib.metadata import version

    return f"rapidocrlite {version('rapidocrlite')} lite"


def rapidocr_tsv(img: Any, dpi: float, settings: ExtractSettings) -> str:
    import numpy as np

    a = np.ascontiguousarray(img)

    def run() -> tuple[str, bool]:
        out = _rapidocr_engine()(np.dstack([a, a, a]), return_word_box=True)
        rows = [_TSV_HEADER]
        # the word boxes come in an order of their own, not the lines': found again by what they spell
        pieces: dict[str, list[list[tuple[str, list[float]]]]] = {}
        for entry in getattr(out, "word_results", None) or ():
            found = _pieces(entry)
            pieces.setdefault("".join(t for t, _ in found).replace(" ", ""), []).append(found)
        boxes = out.boxes if out.boxes is not None else ()  # None on a blank page
        for k, (quad, text, score) in enumerate(zip(boxes, out.txts or (), out.scores or (), strict=False)):
            xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
            line = (min(xs), min(ys), max(xs), max(ys))
            mine = pieces.get(text.replace(" ", "")) or [[]]
            for n, (x0, x1, word) in enumerate(_split_line(text, line, mine.pop(0) if len(mine) > 1 else mine[0]), start=1):
                rows.append(f"5\t1\t1\t1\t{k + 1}\t{n}\t{round(x0)}\t{round(line[1])}\t{max(1, round(x1 - x0))}\t"
                            f"{max(1, round(line[3] - line[1]))}\t{100 * float(score):.2f}\t{word}\n")  # fmt: skip
        return "".join(rows), True

    return cached([_rapidocr_version()], _pixels(a), settings, run)


def _pieces(entry: Any) -> list[tuple[str, list[float]]]:
    """One line's word boxes as (text, x coordinates): `((word, score, box), ...)`, or a lone
    `(word, score, box)`; anything else (an alpha's output may change) is no boxes."""
    if isinstance(entry, (tuple, list)) and len(entry) == 3 and isinstance(entry[0], str):
        entry = (entry,)
    out: list[tuple[str, list[float]]] = []
    for p in entry if isinstance(entry, (tuple, list)) else ():
        if isinstance(p, (tuple, list)) and len(p) == 3 and isinstance(p[0], str):
            try:
                out.append((p[0], [float(q[0]) for q in p[2]]))
            except (TypeError, IndexError, ValueError):
                return []
        else:
            return []
    return out


def _split_line(
    text: str, line: tuple[float, float, float, float], pieces: list[tuple[str, list[float]]]
) -> list[tuple[float, float, str]]:
    """A line's words with their x extents: the engine's pieces (`B`, `AB`, `III` for `BAB III`)
    joined until they spell each word; where they do not, the line's width shared out by length."""
    words = text.split()
    if not words:
        return []
    got: list[tuple[float, float, str]] = []
    queue = list(pieces)
    for word in words:
        spelt, xs = "", list[float]()
        while queue and len(spelt) < len(word):
            piece, px = queue.pop(0)
            spelt, xs = spelt + piece.replace(" ", ""), [*xs, *px]
        if spelt != word or not xs:
            break
        got.append((min(xs), max(xs), word))
    if len(got) == len(words):
        return got
    x0, _, x1, _ = line
    total = sum(len(w) for w in words) + len(words) - 1
    out, at = [], 0
    for word in words:
        out.append((x0 + (x1 - x0) * at / total, x0 + (x1 - x0) * (at + len(word)) / total, word))
        at += len(word) + 1
    return out


ENGINES: dict[str, Engine] = {
    "tesseract": Engine("tesseract", "Apache-2.0"),
    "tesserocr": Engine("tesserocr", "MIT (tesserocr), Apache-2.0 (libtesseract)", _tesserocr_check, tesserocr_tsv, _tesserocr_osd),
    "rapidocr": Engine(
        "rapidocr", "Apache-2.0 (code); weights: modified OpenRAIL-M (use limits, share-alike on output)", _rapidocr_check, rapidocr_tsv
    ),
}
