"""Ruling lines in a scanned page image, as masks: solid rulings by morphological opening with
long thin kernels (what camelot's lattice does), then dashed ones (a light rule that a 100
dpi 1-bit copier scan breaks into dashes, `r03_dpsda` p. 27) as chains of short thin pieces that
run from one ruling to another. (A dotted rule of specks 0.2-0.7 inch apart, p. 27's last row, is
not found: its specks are scanner noise's size.) OpenCV is imported lazily, as in `ocr`."""

from __future__ import annotations

from typing import Any

from extract.readers.pdf_lattice import Segment
from extract.settings import ExtractSettings


def find(img: Any, dpi: float, settings: ExtractSettings) -> tuple[Any, Any]:
    """The horizontal and vertical ruling masks (uint8, 1 = ruling) of a white-paper page image."""
    import cv2

    run = max(20, round(dpi * settings.ocr_min_ruling_inch))
    vrun = max(8, round(dpi * settings.ocr_min_vertical_inch))
    gap = max(3, round(dpi / 20))  # close breaks the JPEG and speckle left in a ruling
    reach = max(3, round(dpi / 60))
    faint = _faint(img)
    hl = cv2.morphologyEx(faint, cv2.MORPH_OPEN, _line(run, True))
    hl = _thin(cv2.morphologyEx(hl, cv2.MORPH_CLOSE, _line(gap, True)), True, dpi)
    vl = cv2.morphologyEx(faint, cv2.MORPH_OPEN, _line(vrun, False))
    vl = _thin(cv2.morphologyEx(vl, cv2.MORPH_CLOSE, _line(gap, False)), False, dpi)
    vl = _rulings_only(vl, hl, run, reach, dpi)  # a wall touches its rules (a stem stops short)
    return _dashed(faint, hl, vl, dpi, run, reach)


def _line(n: int, horizontal: bool) -> Any:
    """A structuring element n pixels long, one thick, along the direction."""
    import cv2

    return cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1) if horizontal else (1, n))


def _limit(dpi: float) -> int:
    """The thickest a ruling is: 0.03 inch."""
    return max(3, round(dpi * 0.03))


def _select(labels: Any, keep: list[int]) -> Any:
    """The mask (uint8) of the chosen connected components."""
    import numpy as np

    return np.isin(labels, keep).astype(np.uint8)


def _any(mask: Any, x0: int, x1: int, y0: int, y1: int) -> bool:
    """Whether the mask has a pixel in the box (clipped to the image)."""
    h, w = mask.shape
    return bool(mask[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)].any())


def segments(mask: Any, horizontal: bool, scale: float) -> list[Segment]:
    """A ruling mask's lines as segments, in points (`scale` = 72 / dpi)."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[Segment] = []
    for x, y, w, h, _area in stats[1:n]:
        if horizontal:
            out.append(Segment(True, (y + h / 2) * scale, x * scale, (x + w) * scale))
        else:
            out.append(Segment(False, (x + w / 2) * scale, y * scale, (y + h) * scale))
    return out


def _faint(img: Any) -> Any:
    """Dark pixels for finding rulings, with a lighter threshold than the text's: a scanned
    ruling is often a grey line that Otsu's threshold breaks up (`dev-pdfs/c_scanned`: 4-7 of
    its 14-18 long rulings survive Otsu; all of them this)."""
    import cv2
    import numpy as np

    otsu, dark = cv2.threshold(img, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    faint = (img < otsu + 0.65 * (255 - otsu)).astype(np.uint8)
    # grey shading passes the light threshold as solid areas, which no ruling is: left out
    solid = cv2.morphologyEx(faint, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    return faint & ~(solid & ~dark)


def _thin(mask: Any, horizontal: bool, dpi: float) -> Any:
    """Only the thin runs are rulings: a grey-shaded cell passes the light threshold as a block.
    A thick run can also be a ruling with a letter's stem against it (a 100 dpi scan prints the
    `P` of `Prosentase` touching the column's wall, `r03_dpsda` p. 27): opened again with a run
    longer than any glyph, what is left of it is kept where it is thin."""
    import cv2
    import numpy as np

    out = _thin_runs(mask, horizontal, _limit(dpi))
    thick = (mask > 0) & ~out.astype(bool)
    if not thick.any():
        return out
    longer = cv2.morphologyEx(thick.astype(np.uint8), cv2.MORPH_OPEN, _line(round(dpi * 0.25), horizontal))
    return out | _thin_runs(longer, horizontal, _limit(dpi))


def _thin_runs(mask: Any, horizontal: bool, limit: int) -> Any:
    """The connected runs of the mask at most `limit` pixels thick across the direction."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    across = cv2.CC_STAT_HEIGHT if horizontal else cv2.CC_STAT_WIDTH
    return _select(labels, [k for k in range(1, n) if stats[k, across] <= limit])


def _rulings_only(vl: Any, hl: Any, run: int, reach: int, dpi: float) -> Any:
    """Vertical runs that are rulings: long ones, and short ones (a one-row table) that end on
    horizontal rulings at both ends. A letter's stem (`l`, `d`) is neither, and must not be
    erased from the text. Nor is a stack of stems down a left-aligned cell (`I`, `P`, `K` of
    three wrapped lines, joined over the tight leading of a 100 dpi scan, `r03_dpsda` p. 27): a
    long run under an inch counts only where it meets a horizontal ruling at an end."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(vl, connectivity=8)

    def ends(k: int) -> tuple[bool, bool]:
        """Whether the run's top and its bottom end on a horizontal ruling."""
        x, top, bottom = int(stats[k, 0] + stats[k, 2] // 2), int(stats[k, 1]), int(stats[k, 1] + stats[k, 3] - 1)
        return (
            _any(hl, x - reach, x + reach + 1, top - reach, top + reach + 1),
            _any(hl, x - reach, x + reach + 1, bottom - reach, bottom + reach + 1),
        )

    long = {k for k in range(1, n) if stats[k, 3] >= dpi or (stats[k, 3] >= run and any(ends(k)))}
    keep = [k for k in range(1, n) if k in long or all(ends(k))]
    # a short one must stand where another vertical stands in another row: a column edge repeats
    # down the table, a glyph's stem in a tight row (touching both rules) does not
    xs = {k: int(stats[k, 0] + stats[k, 2] // 2) for k in range(1, n)}
    near = 2 * reach
    keep = [
        k
        for k in keep
        if k in long
        or any(j != k and abs(xs[j] - xs[k]) <= near and abs(int(stats[j, 1]) - int(stats[k, 1])) > near for j in (*keep, *long))
    ]
    return _select(labels, keep)


def _dashed(faint: Any, hl: Any, vl: Any, dpi: float, run: int, reach: int) -> tuple[Any, Any]:
    """The solid rulings with the dashed ones added. A dashed ruling is a chain of short thin
    pieces, most of its length inked, with clear paper beside it (a text line's flat letter
    tops chain too, but the letters' bodies lie beside them), that runs from one ruling to
    another: a row's dashed rule between two walls, a dashed wall between two rules. A dashed
    rule may end on a dashed wall and the wall on it (the right edge of `r03_dpsda` p. 27's last
    rows), so each direction's ends are tested against the other's candidates too."""
    import cv2
    import numpy as np

    if not vl.any():
        # a dashed wall continues a solid one, and a dashed rule ends on a wall: none without walls
        return hl, vl
    bridge = max(8, round(dpi / 4))
    # the solid rulings are taken out first: a wall is as wide as a horizontal piece, and the
    # dashes touching it would join it into one tall blob; and a dashed rule is a new line, not
    # the speckled edge of a solid one (a 200 dpi JPEG scan's rules)
    rest = faint & (1 - cv2.dilate(hl | vl, np.ones((7, 7), np.uint8)))
    hd = _chains(rest, True, dpi, run, bridge)
    vd = _continuing(_chains(rest, False, dpi, run, bridge), vl, hl, reach)
    return hl | _ending_on(hd, vl | vd, hl, True, bridge), vl | _ending_on(vd, hl | hd, vl, False, bridge)


def _continuing(vd: Any, vl: Any, hl: Any, reach: int) -> Any:
    """Dashed walls that continue a column edge drawn solid elsewhere in the table, within one
    row: the `l` and `t` stems of wrapped lines stack into a dashed-looking run too (`r03_dpsda`
    p. 27), on no column's line; and the first digits of one-line rows (`1 Layanan` down a
    column of the seeds' 200 dpi scans) stack across the rows' solid rules, which a dashed wall
    drawn within a row does not cross."""
    import cv2
    import numpy as np

    cols = vl.any(axis=0).astype(np.uint8)
    cols = cv2.dilate(cols.reshape(1, -1), np.ones((1, 2 * reach + 1), np.uint8)).ravel()
    n, labels, stats, _ = cv2.connectedComponentsWithStats(vd, connectivity=8)

    def crossed(j: int) -> bool:
        x, y, w, h = (int(v) for v in stats[j, :4])
        return bool(hl[y + 2 * reach : y + h - 2 * reach, max(0, x - reach) : x + w + reach].any())

    keep = [j for j in range(1, n) if cols[int(stats[j, 0] + stats[j, 2] // 2)] and not crossed(j)]
    return _select(labels, keep)


def _chains(faint: Any, horizontal: bool, dpi: float, run: int, bridge: int) -> Any:
    """Candidate dashed rulings, as a mask."""
    import cv2

    limit = _limit(dpi)
    # a dash is longer than a speck of scanner noise (2-5 px at 200 dpi, `tests/test_pdf` scans)
    pieces = _thin_runs(cv2.morphologyEx(faint, cv2.MORPH_OPEN, _line(max(6, round(dpi / 40)), horizontal)), horizontal, limit)
    chains = cv2.morphologyEx(cv2.morphologyEx(pieces, cv2.MORPH_CLOSE, _line(bridge, horizontal)), cv2.MORPH_OPEN, _line(run, horizontal))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(chains, connectivity=8)
    pad, skip = max(4, round(dpi / 40)), 2
    p, f = (pieces, faint) if horizontal else (pieces.T, faint.T)  # read along a chain as along a row
    keep: list[int] = []
    for j in range(1, n):
        x, y, w, h = (int(v) for v in stats[j, :4])
        if not horizontal:
            x, y, w, h = y, x, h, w
        if h > limit + 2:
            continue
        inked = p[y : y + h, x : x + w].any(axis=0)
        if inked.mean() < 0.3:
            continue
        bands = (f[max(0, y - skip - pad) : max(0, y - skip), x : x + w], f[y + h + skip : y + h + skip + pad, x : x + w])
        beside = [b.any(axis=0) for b in bands if b.size]
        # clear paper beside a rule; and beside a dash no more often than anywhere along it: a
        # stroke with a letter's body always beside it is the letter's (the `P` stems down a
        # left-aligned cell, the flat tops of a text line)
        if any(b.mean() > 0.4 or (b & inked).sum() > 0.5 * inked.sum() for b in beside):
            continue
        keep.append(j)
    return _select(labels, keep)


def _ending_on(chains: Any, other: Any, same: Any, horizontal: bool, bridge: int) -> Any:
    """The chains, joined where they are collinear and less than twice a dash gap apart (the
    gaps of a light rule's dashes vary, up to 0.3 inch in `r03_dpsda` p. 27), whose both ends
    reach a ruling of the other direction (within a dash gap) or go on as a solid ruling in
    line with them (a row's rule solid under the first columns and dashed after, p. 27)."""
    import cv2

    joined = cv2.morphologyEx(chains, cv2.MORPH_CLOSE, _line(2 * bridge, horizontal))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    half = bridge // 2
    ok = []
    for j in range(1, n):
        x, y, w, h = (int(v) for v in stats[j, :4])
        if horizontal:
            yc = y + h // 2
            ends = all(
                _any(other, a, b, yc - half, yc + half + 1) or _any(same, a, b, y - 2, y + h + 2)
                for a, b in ((x - bridge, x + half), (x + w - half, x + w + bridge))
            )
        else:
            xc = x + w // 2
            ends = all(
                _any(other, xc - half, xc + half + 1, a, b) or _any(same, x - 2, x + w + 2, a, b)
                for a, b in ((y - bridge, y + half), (y + h - half, y + h + bridge))
            )
        if ends:
            ok.append(j)
    return _select(labels, ok)
