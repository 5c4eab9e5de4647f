"""The words of performance reports, in one place: header words and the column roles they
name, table titles and the kinds they name, grades, opinions, units, look-alike letters.

Collected from the two KPU seeds, the real LKIP 2016 reports of Jawa Barat (`../shared/real-lkip`)
and the real excerpts; every reader and every table rule takes its words from here.
"""

from __future__ import annotations

import re

# Cyrillic and Greek letters that OCR and copy-paste put in place of Latin ones.
LOOKALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O",
        "Р": "P", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
        "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
        "і": "i", "ј": "j", "ѕ": "s", "ı": "i", "Α": "A", "Β": "B", "Ε": "E", "Κ": "K",
        "Μ": "M", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "ο": "o",
    }
)  # fmt: skip

GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")  # SAKIP, best first
#: words of magnitude a count's unit may open with (`6 Juta Ekor`): the figure is that many times
#: the number printed, where the other figure of the row prints it whole (`11.805.000`)
MAGNITUDES = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}
OPINIONS = ("WTP", "WDP", "TW", "TMP")  # BPK opinion, best first

#: Count units as reports write them -> one canonical spelling. A number followed by another word
#: is still a count where its column holds values (`545 kelompok`); these are the ones a value
#: is recognised by anywhere (`1 Laporan` in flat text).
UNITS = {
    u.lower(): u
    for u in (
        "Laporan", "Layanan", "NSPK", "Orang", "daerah", "unit", "satker", "edisi", "Dokumen",
        "Kegiatan", "Kali", "Bulan", "Paket", "Berkas", "Keputusan", "Peraturan", "Rekomendasi",
        "Indikator", "Lembaga", "Desa", "Kecamatan", "TPS", "Sistem", "Aplikasi",
        "Modul", "Buku", "Naskah", "Data", "Produk", "Kabupaten", "Kota", "Partai", "Perkara",
        "Buah", "Jenis", "Kelompok", "Poin", "Point", "Jiwa", "Ekor", "Ton", "Ha", "Km", "Titik", "Lokasi",
        "Kab/Kota", "OPD", "Perusahaan", "Koperasi", "UMKM", "Usaha", "Judul", "Event",
        "Rumah", "Pasar", "Sekolah", "Peserta", "Kasus", "Kawasan", "Ruas", "Meter",
    )
}  # fmt: skip

#: Column roles and the header words that name them, most specific first. A column's role is the
#: first whose pattern matches its header path (upper header levels joined by " / ", lower case).
ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(p))
    for role, p in (
        ("no", r"^(?:no\.?|n0|n|n / 0|nomor|#)$"),  # `N` / `0`: `No` split over two header lines
        ("satuan", r"\bsatuan\b|^sat\.?$"),
        ("keterangan", r"\bketerangan\b|^ket\.?$"),
        ("kategori", r"\b(?:kategori|katagori|predikat|kriteria|interpretasi|penilaian|nilai kinerja|skala)\b"),
        ("budget", r"\b(?:anggaran|pagu|dana|biaya|keuangan|alokasi)\b|\(rp\)|^rp\.?$"),
        ("target", r"\brencana tingkat capaian\b|\btarget\b|\brencana\b|\btarget kinerja\b"),
        ("realisasi", r"\brealis\w*|\brealalisasi\b"),
        ("capaian", r"\b(?:pen)?capaian\b|\bcapai\b|^%$|/ %$|^% |\bpersentase\b|\bprosentase\b|\bprestasi\b|^\(%\)$"),
        ("indicator", r"\bindikator\b|\buraian\b|^iku$|\bindicator\b|\bukuran\b|\bkinerja utama\b"),
        ("activity", r"^(?:sasaran program|sasaran kinerja|sasaran kegiatan|kegiatan|sub ?kegiatan)"),
        ("group", r"\b(?:sasaran|tujuan|program|misi|kegiatan|strategis)\b"),
        # what a row counts, named by its kind (`Jenis Ternak`, r16_disnak Tabels 2-3 pp. 14-15);
        # last, so `Jenis Kegiatan` stays a group
        ("indicator", r"^jenis\b"),
    )
)

#: Columns of a budget table, by their header path (lower case): the ceiling (`Jumlah Anggaran
#: Setelah Perubahan (Rp.)`, `Pagu`), the realisation of it (`Realisasi Keuangan (Rp.)`, `Keuangan /
#: Realisasi`, `Serapan`) and its share (`(%)`, `Capaian %`); not the physical realisation (`Fisik`).
BUDGET_CEILING = re.compile(r"\b(?:anggaran|pagu|alokasi|dana|biaya)\b")
BUDGET_REALISED = re.compile(r"\b(?:realis\w*|serapan|penyerapan)\b")
BUDGET_MONEY = re.compile(r"\b(?:keuangan|anggaran|dana|biaya)\b|\(rp\.?\)|\brp\b")
BUDGET_SHARE = re.compile(r"%|\b(?:persen|persentase|prosentase|capaian|serapan)\b")
BUDGET_PHYSICAL = re.compile(r"\bfisik\b")
#: what is left of the ceiling (`SILPA*) / %`, r19_disbun p. 57): its share is no realisation's
BUDGET_REMAINDER = re.compile(r"\b(?:sisa|silpa|selisih)\b")

#: The planning levels an indicator column may name, coarse to fine (a PK of three levels:
#: `Sasaran Strategis | Indikator Sasaran Strategis | Indikator Kinerja Program (Outcome)`,
#: r19_disbun Tabel 2.3 p. 19)
LEVEL_NAMES = ("tujuan", "sasaran", "program", "kegiatan")
INDICATOR_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"\b(?:tujuan|misi)\b")),
    (1, re.compile(r"\bsasaran\b")),
    (2, re.compile(r"\b(?:program|outcome)\b")),
    (3, re.compile(r"\b(?:kegiatan|output)\b")),
)

#: Words a header cell may hold besides the role words (a header row has no other text); `yo` is `%`
#: as tesseract reads it (`Kinerja Yo`).
HEADER_WORDS = frozenset(
    (
        "no", "no.", "n", "0", "nomor", "indikator", "kinerja", "utama", "sasaran", "strategis", "target", "realisasi",
        "capaian", "kegiatan", "program", "tujuan", "misi", "jumlah", "kategori", "rentang", "tahun", "keterangan", "ket",
        "ket.", "satuan", "sat", "sat.", "uraian", "%", "iku", "ikk", "output", "outcome", "status", "nilai", "halaman",
        "program/kegiatan", "program/sasaran", "anggaran", "pagu", "kinerja%", "(%)", "persentase", "prosentase",
        "capaian(%)", "total", "rencana", "tingkat", "sub", "dan", "/", "rp", "(rp)", "target/", "realisasi/", "pencapaian",
        "pengukuran", "kriteria", "predikat", "smp", "sltp", "slta", "sma", "diploma", "sarjana", "magister", "doktor",
        "d3", "s1", "s2", "s3", "pegawai", "pendidikan", "sdm", "akhir", "renstra", "rpjmd", "periode", "rata-rata", "rata",
        "awal", "kondisi", "standar", "formula", "perhitungan", "sumber", "data", "definisi", "alasan", "penjelasan", "pk",
        "rkt", "rpjm", "s.d", "s/d", "sd", "awal", "tw", "triwulan", "i", "ii", "iii", "iv", "semester", "indicator",
        "dasar", "baseline", "eselon", "penanggung", "jawab", "nama", "alokasi", "keuangan", "fisik", "percepatan",
        "perlambatan", "pertumbuhan", "capaia", "terhadap", "per", "kondisi", "lalu", "berjalan", "yo",
        "efisiensi", "penyerapan", "deviasi", "selisih", "bobot", "skor", "penilaian", "interpretasi",
        "visi", "strategi", "kebijakan", "arah",  # a Renstra's cascade printed beside its indicators (r02 pp. 107, 110)
        "jenis",  # the name column of a table of kinds (`Jenis Ternak`, r16_disnak Tabels 2-3 pp. 14-15)
        "unit", "kerja", "satker", "keu", "keu.",  # a budget by office (`UNIT KERJA | PROGRAM | … | Keu %`, r04_bpbd p. 66)
    )
)  # fmt: skip

#: Words that make a line a header line when two of them stand in separate cells.
KEY_WORDS = frozenset(
    [
        "no",
        "indikator",
        "target",
        "realisasi",
        "capaian",
        "kegiatan",
        "program",
        "sasaran",
        "tujuan",
        "jumlah",
        "kategori",
        "rentang",
        "satuan",
        "uraian",
    ]
)

#: Table kinds named by a caption or the text just above a table; the last mention wins.
KIND_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("perjanjian", re.compile(r"\b(?:perjanjian|penetapan)\s+kinerja\b|\bpk\b", re.I)),
    (
        "rencana",
        # `TINDAKLANJUT` in one word: r17_disnakertrans Tabel 3.4 p. 38, next year's plan read as the PK
        re.compile(r"\brencana\s+(?:kinerja|aksi|tindak\s*lanjut)\b|\brkt\b|\bindikator kinerja utama\b|\brencana strategis\b", re.I),
    ),
    ("pengukuran", re.compile(r"\bpengukuran\b|\bcapaian\b|\brealisasi\b|\bperbandingan\b", re.I)),
)

#: Group rows: a label over the rows below it (`Sasaran 1 : …`, `MISI KELIMA : …`, `Program …`).
#: An outline number opening a name or standing alone: `1.1.2 Jumlah Populasi ternak`, `1.4.1` (r16_disnak
#: p. 13); group 1 the number, group 2 the name after it (None when it stands alone).
OUTLINE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(\S.*))?$")
GROUP_START = re.compile(r"^(?:sasaran|program|tujuan|kegiatan|misi|sub\s*kegiatan|bidang|urusan)\b", re.I)

#: Column categories a report prints beside capaian (`Sangat Baik`, `Berhasil`, `Tercapai`).
CATEGORY_WORDS = re.compile(
    r"^(?:sangat\s+)?(?:baik|berhasil|tinggi|memuaskan|tercapai|cukup|kurang|rendah|sedang|buruk)\b|^tidak\s+(?:berhasil|tercapai)\b", re.I
)

#: A category label of a report's capaian scale (`Sangat Baik (SB)`, `Baik Sekali`, `Kurang`),
#: with its abbreviation in brackets where the report prints one (extract/scales.py).
SCALE_LABEL = (
    r"(?:(?:sangat|cukup|kurang|tidak)\s+)?(?:baik|kurang|cukup|sedang|buruk|tinggi|rendah|memuaskan|berhasil|tercapai)"
    r"(?:\s+(?:sekali|baik))?(?:\s*\(\s*[A-Za-z]{1,3}\s*\))?"
)

#: Words an indicator's name starts with; a ruled row whose text starts otherwise, without number
#: or values, is the name of the row above wrapping into a row of its own.
INDICATOR_START = re.compile(
    r"^(?:\d+[.)]\s*|[a-h][.)]\s*)?(?:persentase|prosentase|presentase|jumlah|indeks|indek|nilai|tingkat|rasio|ratio|prevalensi|angka|cakupan|"
    r"rata|opini|predikat|capaian|laju|pertumbuhan|proporsi|kontribusi|meningkatnya|terwujudnya|terselenggaranya|tersedianya|"
    r"terlaksananya|menurunnya|bertambahnya|luas|panjang|volume|produksi|produktivitas|populasi|kondisi|status|skor|derajat)\b",
    re.I,
)

#: Demo and trial watermarks whose text a PDF tool writes into the page's text layer
#: (`r22_disperkim`: PDF-XChange's "Click to buy NOW! … www.docu-track.com" on every page).
WATERMARKS = re.compile(
    r"Click\s+to\s+buy\s+NOW!?|PDF-XChange(?:\s+(?:Editor|Viewer|PRO))?|www\.docu-track\.com|"
    r"Unregistered\s+version|Evaluation\s+(?:copy|only)|Created\s+(?:by|with)\s+(?:novaPDF|PDFill|pdfFactory)\S*",
    re.I,
)
