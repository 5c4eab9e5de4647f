"""Markdown code is quoted, not stated: its text is blanked before any reader sees it.

A notes file or a README beside the reports quotes a report's figures and names in code
(corpus/real/README.md quotes a golden's JSON in a fenced block and values such as `99,67 %` in
code spans): read as text, it named the BPBD as its satker and stated three percentages, and was
stored as a report. Text between fence lines (```` ``` ````, `~~~`) is code wherever it stands; a
code span (`` `…` ``) is code only in a document that is Markdown by its own marks (an ATX
heading `# …` or a fence), because a lone backtick in an export is an apostrophe (`Jum`at`).
Blanking keeps every line where it was, so lines, pages and citations do not move.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.textio import RawLine

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}\s+\S")
_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)  # a span may wrap within its paragraph


def _fenced(texts: list[str]) -> list[bool]:
    """Which lines are fence lines or inside a fenced block (an unclosed fence runs to the end)."""
    inside: str | None = None
    out: list[bool] = []
    for text in texts:
        m = _FENCE.match(text)
        if inside is None and m:
            inside = m.group(1)[0] * 3
            out.append(True)
        elif inside is not None:
            out.append(True)
            if text.strip().startswith(inside):
                inside = None
        else:
            out.append(False)
    return out


def blank_code(raw: list[RawLine]) -> list[RawLine]:
    """`raw` with Markdown code blanked (same lines, same line numbers)."""
    texts = [r.text for r in raw]
    fenced = _fenced(texts)
    markdown = any(fenced) or any(_HEADING.match(t) for t in texts)
    if not markdown:
        return raw
    texts = ["" if code else t for t, code in zip(texts, fenced, strict=True)]
    out: list[RawLine] = []
    start = 0
    for end in [i for i, t in enumerate(texts) if not t.strip()] + [len(texts)]:
        if end > start:  # a paragraph: the lines between blank ones
            para = _SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), "\n".join(texts[start:end]))
            texts[start:end] = para.split("\n")
        start = end + 1
    for r, text in zip(raw, texts, strict=True):
        out.append(r if text == r.text else replace(r, text=text))
    return out
