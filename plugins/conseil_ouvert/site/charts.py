"""Accessible SVG charts drawn at build time: no chart library in the browser.

A chart is a picture of a data table that the page always prints next to it;
the SVG is therefore ``aria-hidden`` apart from its title.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..format.formatting import date_fr, number_fr
from ..format.model import CameraCount


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    status: str


def camera_bars(cameras: list[CameraCount]) -> list[Bar]:
    """Counts in date order; promises after the counts they are compared with."""
    ordered = sorted(cameras, key=lambda c: c.date.sort_key() if c.date else (9999, 0, 0))
    return [Bar(date_fr(c.date), c.count, c.status) for c in ordered]


def bar_chart_svg(bars: list[Bar], title: str, chart_id: str) -> Markup:
    """A vertical bar chart; promises are outlined, counts filled. Trusted
    markup (every text in it is escaped here), so templates print it as is."""
    if not bars:
        return Markup("")
    width, height, top, bottom, left = 640, 300, 28, 56, 8
    slot = (width - left) / len(bars)
    bar_width = min(56.0, slot * 0.6)
    peak = max(b.value for b in bars) or 1
    scale = (height - top - bottom) / peak
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<line class="chart-axis" x1="{left}" y1="{height - bottom}" x2="{width}" '
        f'y2="{height - bottom}"/>',
    ]
    for i, bar in enumerate(bars):
        x = left + i * slot + (slot - bar_width) / 2
        bar_height = max(bar.value * scale, 1)
        y = height - bottom - bar_height
        css = "chart-bar" if bar.status == "compte" else "chart-bar chart-bar--promise"
        center = x + bar_width / 2
        parts.append(
            f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" '
            f'height="{bar_height:.1f}"/>'
            f'<text class="chart-value" x="{center:.1f}" y="{y - 6:.1f}" '
            f'text-anchor="middle">{escape(number_fr(bar.value))}</text>'
            f'<text class="chart-label" x="{center:.1f}" y="{height - bottom + 20}" '
            f'text-anchor="middle">{escape(bar.label)}</text>'
        )
        if bar.status != "compte":
            parts.append(
                f'<text class="chart-label" x="{center:.1f}" y="{height - bottom + 40}" '
                f'text-anchor="middle">({escape(bar.status)})</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
