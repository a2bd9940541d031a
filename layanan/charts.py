"""Charts drawn on the server as SVG, so the printed report needs no JavaScript and no network."""

from __future__ import annotations

import textwrap

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def bar_chart(items: list[tuple[str, int]], *, title: str, width: int = 640) -> SafeString:
    """A horizontal bar chart: one labelled bar per item, the value at the end of the bar.

    Labels are printed whole: wrapped on words to the label column (never cut, never running
    past the left edge), each row as tall as its label."""
    bar_h, gap, label_w, top, line_h = 18, 8, 250, 28, 13
    per_line = 34  # characters of an 11-px sans face that fit the 244-px label column
    wrapped = [textwrap.wrap(label, per_line) or [""] for label, _ in items]
    rows = [max(bar_h, len(lines) * line_h + 4) for lines in wrapped]
    height = top + sum(r + gap for r in rows) + 8
    biggest = max((v for _, v in items), default=0) or 1
    usable = width - label_w - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    y = top
    for (_label, value), lines, row in zip(items, wrapped, rows, strict=True):
        w = round(usable * value / biggest)
        bar_y = y + (row - bar_h) / 2
        first = y + (row - len(lines) * line_h) / 2 + 10
        tspans = "".join(
            f'<tspan x="{label_w - 6}" y="{first + n * line_h:g}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(
            f'<text font-size="11" text-anchor="end">{tspans}</text>'
            f'<rect x="{label_w}" y="{bar_y:g}" width="{max(w, 1)}" height="{bar_h}" '
            f'fill="#2f5d9b"/>'
            f'<text x="{label_w + w + 4}" y="{bar_y + 13:g}" font-size="11">{value}</text>'
        )
        y += row + gap
    parts.append("</svg>")
    return mark_safe("".join(parts))
