"""atheris harness: the value parser and the text table assembler must never raise anything
but the documented LakipError. `make fuzz` runs it for a minute; a test runs it bounded."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import extract
    from extract.values import parse_value

_TMP = Path(tempfile.mkdtemp(prefix="lakip-fuzz-")) / "input.txt"


def one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    parse_value(fdp.ConsumeUnicodeNoSurrogates(40))
    body = fdp.ConsumeBytes(4000)
    _TMP.write_bytes(b"No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n" + body)
    with contextlib.suppress(extract.LakipError):
        extract.read_document(_TMP)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one)
    atheris.Fuzz()
