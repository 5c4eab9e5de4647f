"""The real text excerpts (corpus/real/excerpts: public pages of real reports, with their truth)
read back: each one's rows exact as measured, and the satker it names.

The floors are what `make eval-real` measured when they were set (17 of 19 rows); a reader change
that loses a row fails here, one that gains one should raise its floor. The two rows missed are
named failure classes: 06's multi-year counts with sub-columns under each year and no value
columns, 08's table whose only name is its title."""

from __future__ import annotations

import pytest

import extract
from bench import truth as T
from bench.real import _same as same_satker

EXACT = {"02": 5, "06": 1, "08": 0, "10": 0, "11": 4, "13": 2, "18": 0, "22": 5}
SPURIOUS: dict[str, int] = {}  # 08's values once read as a name (`102,75 101,8`): a name of figures is no row now
CASES = {t.input.stem: t for t in T.excerpts()}


def test_every_excerpt_has_a_floor() -> None:
    assert sorted(CASES) == sorted(EXACT)


@pytest.mark.parametrize("name", sorted(EXACT))
def test_excerpt_rows_and_identity(name: str) -> None:
    t = CASES[name]
    doc = extract.read_document(t.input)
    got = T.rows_of(doc)
    assert T.exact(t.rows, got) >= EXACT[name], T.pair_right(t.rows, got)
    # no row read that pairs with none of the truth's
    assert len(T.pair_right(t.rows, got)[1]) <= SPURIOUS.get(name, 0)
    if t.satker and not t.satker.startswith("("):  # `(… not named in the excerpt)`: none to find
        assert same_satker(doc.metadata.satker, t.satker, t.satker_aliases), doc.metadata.satker
    else:
        assert doc.metadata.satker is None  # never a guess
    if t.year:
        assert doc.metadata.year == t.year
