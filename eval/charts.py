"""Inline SVG charts for the evaluation report, drawn in Python: no JavaScript, no files."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

# Colour-blind-safe (Okabe–Ito) colours, one per series.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")


def grouped_bars(
    groups: Sequence[tuple[str, Sequence[float | None]]],
    series: Sequence[str],
    title: str,
    width: int = 760,
) -> str:
    """Draw horizontal grouped bars of values in 0..1: a group per label, a bar per series.

    A missing value (None) leaves a gap labelled "–".
    """
    label_w, value_w, bar_h, gap, legend_h = 190, 44, 11, 10, 28
    group_h = bar_h * len(series) + gap
    plot_w = width - label_w - value_w
    height = legend_h + group_h * len(groups) + 24
    parts = [_open(width, height, title)]
    x = float(label_w)
    for i, name in enumerate(series):
        parts.append(_rect(x, 6, 12, 12, _colour(i)))
        parts.append(_text(x + 17, 16, name))
        x += 17 + 7.5 * len(name) + 24  # about 7.5 px per character at 12 px
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        tick_x = label_w + tick * plot_w
        parts.append(_line(tick_x, legend_h, tick_x, height - 18, "#ddd"))
        parts.append(_text(tick_x, height - 5, _num(tick), anchor="middle"))
    for g, (label, values) in enumerate(groups):
        top = legend_h + g * group_h
        parts.append(_text(label_w - 8, top + bar_h * len(series) / 2 + 4, label, anchor="end"))
        for i, value in enumerate(values):
            y = top + i * bar_h
            if value is None:
                parts.append(_text(label_w + 4, y + bar_h - 2, "–", size=10))
                continue
            w = max(0.0, min(1.0, value)) * plot_w
            tip = f"{label} – {series[i]}: {value:.2f}"
            parts.append(_rect(label_w, y, w, bar_h - 1, _colour(i), tip))
            shown = f"{value:.2f}".replace(".", ",")
            parts.append(_text(label_w + w + 4, y + bar_h - 2, shown, size=10))
    parts.append("</svg>")
    return "".join(parts)


def histogram(values: Sequence[float], title: str, unit: str = "ms", bins: int = 12, width: int = 760) -> str:
    """Draw a histogram of the values in about `bins` equal-width bins, with labelled axes."""
    height, left, bottom, top = 240, 46, 40, 14
    parts = [_open(width, height, title)]
    if not values:
        parts += [_text(width / 2, height / 2, "Inga mätvärden", anchor="middle"), "</svg>"]
        return "".join(parts)
    low, high = min(values), max(values)
    if high - low < 1e-9:
        high = low + 1.0
    step = _nice_step((high - low) / bins)
    start = math.floor(low / step) * step
    n_bins = max(1, math.ceil((high - start) / step + 1e-9))
    counts = [0] * n_bins
    for v in values:
        counts[min(n_bins - 1, int((v - start) // step))] += 1
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max(counts)
    bar_w = plot_w / n_bins
    for i, count in enumerate(counts):
        h = count / peak * plot_h
        x, y = left + i * bar_w, top + plot_h - h
        tip = f"{_num(start + i * step)}–{_num(start + (i + 1) * step)} {unit}: {count} st"
        parts.append(_rect(x + 1, y, bar_w - 2, h, PALETTE[0], tip))
        if count:
            parts.append(_text(x + bar_w / 2, y - 3, str(count), anchor="middle", size=10))
    label_every = max(1, math.ceil(n_bins / 8))
    for i in range(0, n_bins + 1, label_every):
        parts.append(_text(left + i * bar_w, top + plot_h + 16, _num(start + i * step), "middle"))
    parts.append(_line(left, top + plot_h, left + plot_w, top + plot_h, "#333"))
    parts.append(_text(left + plot_w / 2, height - 6, f"svarstid ({unit})", anchor="middle"))
    mid = top + plot_h / 2
    parts.append(_text(12, mid, "antal frågor", "middle", extra=f'transform="rotate(-90 12 {mid:.1f})"'))
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    )


def _text(x: float, y: float, content: str, anchor: str = "start", size: int = 12, extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'font-family="system-ui, sans-serif" {extra}>{escape(content)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, tip: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    size = f'width="{w:.1f}" height="{h:.1f}"'
    return f'<rect x="{x:.1f}" y="{y:.1f}" {size} fill="{fill}">{title}</rect>'


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def _colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _nice_step(raw: float) -> float:
    """Return the smallest 1, 2, 2.5 or 5 × 10^n that is at least raw."""
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _num(value: float) -> str:
    if abs(value) >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.2f}".rstrip("0").replace(".", ",")
