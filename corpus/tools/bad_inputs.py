"""The bad-input corpus: every kind of broken or hostile file a national batch meets.

    python -m corpus.tools.bad_inputs OUT_DIR

Each must end as a stored report or a one-line error in `ingest_errors`; none may crash
the batch or leave half a report behind. EXPECTED says which.
"""

from __future__ import annotations

import io
import sys
import zlib
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "documents" / "jember_2024.txt"

# file name -> "stored", "not-report" (read, and no performance report) or a fragment of the error it must get
EXPECTED: dict[str, str] = {
    "kosong.txt": "empty",
    "terpotong.pdf": "damaged",
    "terkunci.pdf": "encrypted",
    "teks dinamai ulang.pdf": "stored",  # a text export with a .pdf name: read by content
    "pdf_dinamai_ulang.txt": "stored",  # a PDF with a .txt name: read by content
    "sampah.txt": "binary",
    "laporan_cp1252.txt": "stored",
    "laporan_utf16.txt": "stored",
    "seribu_halaman.pdf": "not-report",  # read to its last page: one line a page, no satker, no table
    "bom_dekompresi.pdf": "",  # refused (worker out of memory) or stored without text: never a crash
    "objek_siklik.pdf": "damaged",
    "objek_bersarang.pdf": "",  # PDFium reads past the nesting: no text layer
    "hasil_pindai.pdf": "stored",  # OCR'd: its lines are read, no table among them
    "tanpa_tabel.txt": "stored",
    "duplikat dari jember.txt": "duplicate",
    "laporan jember (salinan) ñ é.txt": "stored",
}


def _pdf(pages: list[str]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A minimal PDF from object bodies, with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def generate(out: Path) -> dict[str, str]:
    from pypdf import PdfReader, PdfWriter

    out.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    narrative = "LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (SINTETIS)\n\n" + "Laporan ini tidak memuat tabel kinerja.\n" * 5
    good_pdf = _pdf(["LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (SINTETIS)", "Halaman kedua tanpa tabel."])
    files: dict[str, bytes] = {
        "kosong.txt": b"",
        "terpotong.pdf": good_pdf[: len(good_pdf) // 3],
        "teks dinamai ulang.pdf": text.replace("Kabupaten Jember", "Kabupaten Lumajang").encode("utf-8"),
        "pdf_dinamai_ulang.txt": good_pdf,
        "sampah.txt": bytes((i * 7919 + 13) % 256 for i in range(20000)),
        "laporan_cp1252.txt": text.replace("Jember", "Jembér").encode("cp1252", errors="replace"),
        "laporan_utf16.txt": text.replace("Kabupaten Jember", "Kabupaten Bondowoso").encode("utf-16"),
        "seribu_halaman.pdf": _pdf([f"LAPORAN KINERJA (SINTETIS) halaman {n}" for n in range(1000)]),
        "tanpa_tabel.txt": narrative.encode("utf-8"),
        "duplikat dari jember.txt": SEED.read_bytes(),
        "laporan jember (salinan) ñ é.txt": text.replace("Tahun 2024", "Tahun 2024 ").encode("utf-8"),
    }
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good_pdf)))
    writer.encrypt(user_password="rahasia", owner_password="rahasia")
    buf = io.BytesIO()
    writer.write(buf)
    files["terkunci.pdf"] = buf.getvalue()
    # 1 GiB of zeros in a 1 MB Flate stream, as a page's content
    bomb = zlib.compress(b"\0" * (1 << 30), 9)
    files["bom_dekompresi.pdf"] = _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
        ]
    )
    # a page tree whose node is its own child
    files["objek_siklik.pdf"] = _raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    nested = b"[" * 50000 + b"]" * 50000
    files["objek_bersarang.pdf"] = _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )
    files["hasil_pindai.pdf"] = _scan_pdf()
    for name, data in files.items():
        (out / name).write_bytes(data)
    return EXPECTED


def _scan_pdf() -> bytes:
    """An image-only page (no text layer), as a scanner makes."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for n in range(30):
        draw.text((100, 100 + 40 * n), f"Persentase indikator kinerja baris {n}   90%   85%   94,4", fill=0)
    png = io.BytesIO()
    img.save(png, format="PNG")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(png.getvalue()), x=0, y=0, w=210)
    return bytes(pdf.output())


if __name__ == "__main__":
    generate(Path(sys.argv[1]))
    print(f"wrote {len(EXPECTED)} bad inputs to {sys.argv[1]}")
