"""atheris harness: no input may make lakip raise anything but its documented LakipError.

    python tests/fuzz_targets.py --target T -atheris_runs=N     # T: value, text, table, pdf, pipeline
    make fuzz                                                   # every target, a minute each

Targets:
  value     the value parser on any text
  text      `read_document` on a text export (a table header, then fuzzed bytes)
  table     the table layer (`find_tables`) on lines of fuzzed cells
  pdf       `read_document` on PDFs: small rendered reports (ruled and unruled, streams left
            uncompressed) mutated by structure: numbers, names, operators, objects and streams
            replaced, dropped, duplicated or cut, besides libFuzzer's own byte mutations
  pipeline  a fuzzed report (text or PDF) through read -> normalize -> store -> audit, in an
            in-memory DuckDB, one transaction per input
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris
import duckdb  # noqa: F401  (libraries imported uninstrumented: only lakip's own code is)
import pandas  # noqa: F401
import pypdfium2  # noqa: F401
import rapidfuzz  # noqa: F401

with atheris.instrument_imports(include=["extract", "normalize", "store", "reports"]):
    import extract
    import normalize
    import reports
    import store
    from extract.model import Line, Source
    from extract.settings import ExtractSettings
    from extract.tables import find_tables
    from extract.values import parse_value

_DIR = Path(tempfile.mkdtemp(prefix="lakip-fuzz-"))
HEADER = b"No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n"
ROWS = [
    ("1", "Persentase partisipasi pemilih", "77,5%", "81,02%", "104,5%"),
    ("2", "Indeks kepuasan layanan informasi", "3,5", "3,62", "103,43"),
    ("3", "Opini atas laporan keuangan", "WTP", "WTP", "100%"),
    ("4", "Jumlah laporan yang disusun", "12 Laporan", "12 Laporan", "100"),
]


def seed_pdfs() -> list[bytes]:
    """Two one-page reports (ruled, unruled) with their content streams readable, for mutation."""
    from fpdf import FPDF

    out = []
    for ruled in (True, False):
        pdf = FPDF(format="A4")
        pdf.set_compression(False)
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.multi_cell(0, 5, "LAPORAN KINERJA KPU KABUPATEN CONTOH TAHUN 2024 (SINTETIS)\nTabel 3.1 Pengukuran Kinerja")
        widths = (10, 90, 28, 28, 28)
        for row in [("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"), *ROWS]:
            for w, cell in zip(widths, row, strict=True):
                pdf.cell(w, 7, cell, border=1 if ruled else 0)
            pdf.ln()
        out.append(bytes(pdf.output()))
    return out


_SEEDS = seed_pdfs()
_TOKEN = re.compile(rb"-?\d+(?:\.\d+)?|/[A-Za-z]+|\b(?:Tj|TJ|Td|TD|Tf|re|cm|Do|BT|ET|obj|endobj|stream|endstream|xref|trailer)\b")
_SWAPS = [b"0", b"-1", b"99999999", b"1e308", b"/Type", b"/Pages", b"/Kids", b"/Length", b"R", b"null", b"<<", b">>", b"[", b"]", b"("]


def mutate_pdf(data: bytes, max_size: int, seed: int) -> bytes:
    """A structure-aware mutation: edit tokens and objects of a PDF, sometimes bytes."""
    rng = random.Random(seed)
    if not data.startswith(b"%PDF-") or rng.random() < 0.05:
        data = _SEEDS[seed % len(_SEEDS)]
    op = rng.randrange(6)
    tokens = list(_TOKEN.finditer(data))
    if op == 0 and tokens:  # replace a token
        t = rng.choice(tokens)
        data = data[: t.start()] + rng.choice(_SWAPS) + data[t.end() :]
    elif op == 1 and tokens:  # drop a run of tokens
        a = rng.randrange(len(tokens))
        b = min(len(tokens) - 1, a + rng.randrange(1, 8))
        data = data[: tokens[a].start()] + data[tokens[b].end() :]
    elif op == 2:  # duplicate or drop an object
        objs = [m.span() for m in re.finditer(rb"\d+ 0 obj.*?endobj", data, re.S)]
        if objs:
            a, b = rng.choice(objs)
            data = data[:b] + data[a:b] + data[b:] if rng.random() < 0.5 else data[:a] + data[b:]
    elif op == 3:  # cut the file
        data = data[: rng.randrange(len(data) + 1)]
    elif op == 4:  # edit text shown on the page
        shows = list(re.finditer(rb"\((.*?)\) ?Tj", data))
        if shows:
            m = rng.choice(shows)
            text = rng.choice([b"", b"100,00%", b"1.234", b"Rp 1.000.000", b"B\xd0\x92", b"\\", b"(((", b"9" * 40])
            data = data[: m.start(1)] + text + data[m.end(1) :]
    else:
        data = atheris.Mutate(data, max_size)
    return data[:max_size]


def _read_pdf(data: bytes) -> extract.Document | None:
    path = _DIR / "input.pdf"
    path.write_bytes(data)
    with contextlib.suppress(extract.LakipError):
        return extract.read_document(path, extract.ExtractSettings(ocr_workers=1))
    return None


def value(data: bytes) -> None:
    parse_value(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(60))


def text(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    path = _DIR / "input.txt"
    path.write_bytes(HEADER + fdp.ConsumeBytes(4000))
    with contextlib.suppress(extract.LakipError):
        extract.read_document(path)


_CELLS = ["", "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "2024", "(1)", "Sasaran 1", "90%", "0,17", "BB", "WTP", "-"]


def table(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lines = []
    for n in range(fdp.ConsumeIntInRange(0, 40)):
        cells = tuple(
            _CELLS[fdp.ConsumeIntInRange(0, len(_CELLS) - 1)] if fdp.ConsumeBool() else fdp.ConsumeUnicodeNoSurrogates(12)
            for _ in range(fdp.ConsumeIntInRange(1, 8))
        )
        lines.append(Line(cells, Source("fuzz", n + 1, page=1 + n // 20), fdp.ConsumeBool()))
    for t in find_tables(lines, 2024, ExtractSettings()):
        assert all(r.table_seq == t.seq for r in t.rows)


def pdf(data: bytes) -> None:
    _read_pdf(data)


_STATE: dict[str, object] = {}


def pipeline(data: bytes) -> None:
    """read -> normalize -> store.ingest with the audit in its transaction, in memory."""
    if "con" not in _STATE:
        catalogue = normalize.load_catalogue()
        con = store.connect(":memory:")
        store.load_indicators(con, catalogue)
        _STATE.update(con=con, matcher=normalize.Matcher(catalogue))
    con, matcher = _STATE["con"], _STATE["matcher"]
    if data.startswith(b"%PDF-"):
        doc = _read_pdf(data)
    else:
        path = _DIR / "input.txt"
        path.write_bytes(b"LAPORAN KINERJA KPU KABUPATEN CONTOH TAHUN 2024\n" + HEADER + data[:4000])
        try:
            doc = extract.read_document(path)
        except extract.LakipError:
            doc = None
    if doc is None:
        return
    report = normalize.normalize(doc, matcher=matcher)  # type: ignore[arg-type]
    store.ingest(con, report, force=True, then=lambda c, rid: reports.audit(c, rid, transaction=False))  # type: ignore[arg-type]


def pipeline_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    if data.startswith(b"%PDF-") or seed % 3 == 0:
        return mutate_pdf(data, max_size, seed)
    return atheris.Mutate(data, max_size)


TARGETS: dict[str, tuple[Callable[[bytes], None], Callable[[bytes, int, int], bytes] | None]] = {
    "value": (value, None),
    "text": (text, None),
    "table": (table, None),
    "pdf": (pdf, mutate_pdf),
    "pipeline": (pipeline, pipeline_mutator),
}


def main(argv: list[str]) -> None:
    target = "text"
    if "--target" in argv:
        i = argv.index("--target")
        target = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    fn, mutator = TARGETS[target]
    if mutator is not None:
        atheris.Setup(argv, fn, custom_mutator=mutator)
    else:
        atheris.Setup(argv, fn)
    atheris.Fuzz()


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="replace")
    main(sys.argv)
