"""Space-flattened text (pdftotext without -layout, web transcripts): a row's values
trail its indicator name on one line, and the name's tail follows on the next lines:

    1 Persentase KPU Kabupaten/Kota yang menyelenggarakan Pemilu 100% 100% 100% Berhasil
      sesuai dengan jadwal dan ketentuan yang berlaku

The header line names the columns; values are peeled off each line from the right,
so the indicator can contain numbers of its own ("Tahun 2024").
"""

from __future__ import annotations

import re

from extract.header import classify
from extract.model import Line, Source
from extract.readers import TextReader, register
from extract.settings import ExtractSettings
from extract.textio import RawLine, is_page_number, is_running, running_lines
from extract.values import UNITS, clean

# Column labels a flattened header is made of, longest first.
_LABELS = sorted(
    [
        "No.", "No", "Program/Kegiatan", "Program/Sasaran Strategis", "Sasaran Program/Kegiatan", "Sasaran Strategis",
        "Sasaran Kinerja", "Indikator Kinerja Utama", "Indikator Kinerja Kegiatan", "Indikator Kinerja", "Indikator",
        "Target", "Realisasi", "Capaian (%)", "Capaian", "Keterangan", "Kategori", "Kegiatan", "Tujuan", "Satuan",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_NUM = r"\d[\d.,]*\d|\d"
_VALUE = rf"(?:Rp\.?\s*(?:{_NUM})(?:,-)?|(?:{_NUM})\s*%|(?:{_NUM}|l)\s+(?:{_UNIT})\b|(?:{_NUM})|AA|BB|CC|WTP|WDP|TMP|TW|[ABCD]|-)"
_VALUE_AT_END = re.compile(rf"(?:^|\s)({_VALUE})\s*$", re.I)
_CATEGORY = re.compile(
    r"\s(Sangat\s+Berhasil|Cukup\s+Berhasil|Kurang\s+Berhasil|Tidak\s+Berhasil|Berhasil|Tercapai|Tidak\s+Tercapai)\s*$", re.I
)
_GROUP = re.compile(r"^(?:Sasaran|Program|Tujuan|Kegiatan|[A-H]\.)\s", re.I)
_FOOTER = re.compile(r"^(?:Laporan Kinerja\b.{0,70}|Halaman\s+\d+.*|Hal\.?\s*\d+.*)$", re.I)
_NO = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")


def split_header(text: str) -> list[str] | None:
    rest, cells = clean(text), []
    while rest:
        for label in _LABELS:
            if rest.lower().startswith(label.lower()) and (len(rest) == len(label) or not rest[len(label)].isalnum()):
                year = re.match(r"\s+(20\d\d)\b", rest[len(label) :])
                cut = len(label) + (year.end() if year else 0)
                cells.append(rest[:cut])
                rest = rest[cut:].strip()
                break
        else:
            return None
    roles = [c.split()[0].lower().rstrip(".") for c in cells]
    return cells if len(cells) >= 3 and "target" in roles and ("indikator" in roles or "kegiatan" in roles) else None


def peel(text: str, n_values: int, category: bool) -> tuple[str, list[str], str] | None:
    """Split `name v1 v2 … [Kategori]` into (name, values, category); None if the values are not all there."""
    rest, cat = text.rstrip(), ""
    if category and (m := _CATEGORY.search(rest)):
        cat, rest = m.group(1), rest[: m.start()]
    values: list[str] = []
    while len(values) < n_values:
        m = _VALUE_AT_END.search(rest)
        if not m:
            return None
        values.insert(0, m.group(1))
        rest = rest[: m.start(1)].rstrip()
    return rest, values, cat


def flat_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    running = running_lines(raw, settings.running_line_repeats)
    out: list[Line] = []
    table: list[str] | None = None
    row_open = row_has_values = False
    for r in raw:
        text = r.text.strip()
        src = Source(path, r.line, r.page)
        if is_running(text, running) or is_page_number(text) or (table is not None and _FOOTER.match(text)):
            continue
        cells = split_header(text)
        if cells:
            table, row_open = cells, False
            out.append(Line(tuple(cells), src, r.after_break))
            continue
        if table is None:
            out.append(Line((r.text,), src, r.after_break))
            continue
        roles = classify([tuple(table)], len(table), "", None).roles
        width = len(table)
        n_values = sum(1 for x in roles if x in ("target", "realisasi", "capaian"))
        category = roles[-1] in ("ignore", "keterangan", "kategori")
        numbered = _NO.match(text)
        body = text[numbered.end() :] if numbered else text
        peeled = peel(body, n_values, category)
        name_at = next(i for i, x in enumerate(roles) if x in ("indicator", "activity"))
        if peeled and peeled[0]:
            name, values, cat = peeled
            cells_out = [""] * width
            cells_out[0] = numbered.group(1) if numbered and roles[0] == "no" else ""
            cells_out[name_at] = name
            first_value = next(i for i, x in enumerate(roles) if x in ("target", "realisasi", "capaian"))
            cells_out[first_value : first_value + n_values] = values
            if category:
                cells_out[-1] = cat
            cont = row_open and not row_has_values and not numbered
            out.append(Line(tuple(cells_out), src, r.after_break, continues=cont))
            row_open, row_has_values = True, True
        elif numbered and len(text) <= 200:
            cells_out = [""] * width
            cells_out[0], cells_out[name_at] = numbered.group(1), body
            out.append(Line(tuple(cells_out), src, r.after_break))
            row_open, row_has_values = True, False
        elif _GROUP.match(text) and len(text) <= 200:
            out.append(Line((text,) + ("",) * (width - 1), src, r.after_break))
            row_open = False
        elif row_open and len(text) <= 160 and not (r.after_break and text[:1].isupper() and text.endswith(".")):
            cells_out = [""] * width
            cells_out[name_at] = text
            out.append(Line(tuple(cells_out), src, r.after_break, continues=True))
        else:
            table, row_open = None, False
            out.append(Line((r.text,), src, r.after_break))
    return out


def _sniff(raw: list[RawLine]) -> float:
    plain = (r.text for r in raw if "\t" not in r.text and "|" not in r.text)
    return 0.5 if any(split_header(t) for t in plain) else 0.01


register(TextReader("text-flat", _sniff, flat_lines))
