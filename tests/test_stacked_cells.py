"""A PK table ruled only around its columns: the whole body is one ruled band, a cell stacks a
label and its lettered sub-indicators, the value cell beside it stacks their values line by line
(as `r18_distan` PK p. 63 and many real PK tables draw it). Drawn here with fpdf2."""

from __future__ import annotations

from pathlib import Path

import extract

_ITEMS = [
    "Padi", "Jagung", "Kedelai", "Kacang Tanah", "Kacang Hijau", "Ubi Kayu", "Ubi Jalar", "Sayuran", "Buah-buahan", "Tanaman Obat",
    "Tanaman Hias",
]  # fmt: skip
_VALUES = ["12.317", "1.190", "51.823", "81.262", "10.823", "2.261", "463.299", "3.950", "2.884", "92.711", "280.179 tangkai"]
_XS = (20.0, 32.0, 82.0, 152.0, 190.0)  # column rules, mm


def _pk(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.text(40, 20, "PERJANJIAN KINERJA DINAS CONTOH TAHUN 2024")
    top, head, bottom = 30.0, 40.0, 150.0
    for y in (top, head, bottom):  # rules over and under the header and under the body only
        pdf.line(_XS[0], y, _XS[-1], y)
    for x in _XS:
        pdf.line(x, top, x, bottom)
    for x, name in zip(_XS, ("No", "Sasaran Strategis", "Indikator Kinerja", "Target"), strict=False):
        pdf.text(x + 2, 36, name)
    y = 46.0
    pdf.text(22, y, "1.")
    pdf.text(34, y, "Meningkatnya produksi")
    pdf.text(34, y + 5, "pangan")
    pdf.text(84, y, "Jumlah produksi tanaman")
    pdf.text(84, y + 5, "pangan :")
    for k, (name, value) in enumerate(zip(_ITEMS, _VALUES, strict=True)):
        pdf.text(86, y + 10 + 5 * k, f"{chr(ord('a') + k)}. {name}")
        # the values' lines are set tighter than the labels': by the last item they stand a line higher
        pdf.text(188 - pdf.get_string_width(value), y + 10 + 4.6 * k, value)
    y = 112.0
    pdf.text(22, y, "2.")
    pdf.text(34, y, "Menurunnya kehilangan hasil")
    pdf.text(84, y, "Persentase kehilangan hasil")
    pdf.text(84, y + 5, "komoditas padi (%)")
    pdf.text(188 - pdf.get_string_width("10,90 %"), y, "10,90 %")
    pdf.output(str(path))
    return path


def test_a_cell_stacking_n_sub_indicators_beside_n_stacked_values_is_n_rows(tmp_path: Path) -> None:
    doc = extract.read_document(_pk(tmp_path / "pk.pdf"))
    rows = [(r.indicator, r.target.raw if r.target else None) for r in doc.rows("perjanjian")]
    expected = [(f"{chr(ord('a') + k)}. {name}", value) for k, (name, value) in enumerate(zip(_ITEMS, _VALUES, strict=True))]
    assert rows == [*expected, ("Persentase kehilangan hasil komoditas padi (%)", "10,90 %")]
    assert all(r.section.endswith("Jumlah produksi tanaman pangan :") for r in doc.rows("perjanjian")[:11])
