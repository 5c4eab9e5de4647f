"""The two things SQL text may be built from: schema identifiers and `?` placeholders. Every value
reaches DuckDB as a parameter (a test checks that no f-string SQL interpolates anything else)."""

from __future__ import annotations

from store.schema import RENAMED, TABLES, VIEWS

_IDENTIFIERS = frozenset(
    [t.name for t in TABLES] + [v.name for v in VIEWS] + [c.name for t in TABLES for c in t.columns]
    + [c.type.split()[0] for t in TABLES for c in t.columns] + [old for _, old in RENAMED]
)  # fmt: skip


def ident(name: str, quote: bool = True) -> str:
    """A table, view, column or type name of the schema, for the places SQL cannot take a parameter."""
    if name not in _IDENTIFIERS:
        raise ValueError(f"not a schema identifier: {name!r}")
    return f'"{name}"' if quote else name


def placeholders(n: int) -> str:
    return ", ".join("?" * n)
