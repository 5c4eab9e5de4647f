"""foreign-satker, at its edges: another KPU satker's name, or the report's own region under the
wrong kabupaten/kota type; the report's own satker and its own province are not findings."""

from __future__ import annotations

import pytest
from mutkit import context

from reports.checks import foreign_satker
from reports.model import Finding

OWN = {"region_code": "15.05", "level": "kabupaten", "satker": "KPU Kabupaten Muaro Jambi"}


def found(*texts: str, report: dict[str, str | None] | None = None) -> list[Finding]:
    lines = {10 + i: (3, t) for i, t in enumerate(texts)}
    return list(foreign_satker.run(context(lines=lines, report=report or OWN)))


def test_another_satker() -> None:
    (f,) = found("Laporan ini disusun oleh KPU Kota Prabumulih.")
    assert (f.check_id, f.line, f.page, f.severity) == ("foreign-satker", 10, 3, "warning")
    assert f.message.startswith("Laporan KPU Kabupaten Muaro Jambi menyebut \u201cKPU Kota Prabumulih\u201d, satker lain (")
    assert "kemungkinan sisa salin-tempel" in f.message


def test_the_own_region_under_the_wrong_type() -> None:
    (f,) = found("Sekretariat KPU Kota Muaro Jambi")
    assert "\u201cKPU Kota Muaro Jambi\u201d: Muaro Jambi adalah kabupaten, bukan kota." in f.message


@pytest.mark.parametrize(
    "text",
    ["Sekretariat KPU Kabupaten Muaro Jambi", "KPU Provinsi Jambi menetapkan", "Kabupaten Antah Berantah", "Tidak ada nama"],
)
def test_own_satker_own_province_and_no_region_are_quiet(text: str) -> None:
    assert not found(text)


def test_another_province_and_each_mention_once_per_line() -> None:
    assert len(found("KPU Provinsi Jawa Timur")) == 1
    assert len(found("KPU Kota Prabumulih dan KPU Kota Prabumulih", "KPU Kota Prabumulih")) == 2


def test_a_report_without_its_region_is_not_checked() -> None:
    assert not found("KPU Kota Prabumulih", report={"region_code": None, "level": "kabupaten", "satker": "x"})
    assert not found("KPU Kota Prabumulih", report={"region_code": "15.05", "level": None, "satker": "x"})
