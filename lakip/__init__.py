"""lakip: LAKIP (Laporan Kinerja) reports of Indonesia's election commissions -> DuckDB.

The stages are top-level packages, in data-flow order: `extract` -> `normalize` ->
`store` -> `reports`. This package only wires them together (`pipeline`) and
offers the command line (`cli`).
"""

__version__ = "0.1.0"
