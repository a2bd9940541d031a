"""Charts drawn on the server as SVG, so the printed report needs no JavaScript and no network."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def bar_chart(items: list[tuple[str, int]], *, title: str, width: int = 640) -> SafeString:
    """A horizontal bar chart: one labelled bar per item, the value at the end of the bar."""
    bar_h, gap, label_w, top = 18, 8, 250, 28
    height = top + len(items) * (bar_h + gap) + 8
    biggest = max((v for _, v in items), default=0) or 1
    usable = width - label_w - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * (bar_h + gap)
        w = round(usable * value / biggest)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">'
            f"{escape(label[:45])}</text>"
            f'<rect x="{label_w}" y="{y}" width="{max(w, 1)}" height="{bar_h}" fill="#2f5d9b"/>'
            f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="11">{value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
