"""Pictures of a graph as PNG bytes (matplotlib, Agg, no pyplot): entities per class, mentions over time, a map.

Needs the ``plot`` extra (matplotlib). Chinese labels use a CJK font (Noto Sans CJK from fonts-noto-cjk when
present); without one, a warning says so and the labels may show as boxes.
"""

from __future__ import annotations

import io
import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.util.io import write_bytes

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rdflib import Graph

__all__ = ["PlotError", "cjk_font", "classes_png", "timeline_png", "communities_png", "regions", "map_png",
           "write_plots"]

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
_CJK_NAMES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Serif CJK SC", "Source Han Sans SC",
              "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei",
              "PingFang SC", "Heiti SC", "AR PL UMing CN")


class PlotError(Exception):
    """Plotting is not possible (matplotlib missing); the message says how to fix it."""


def _matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise PlotError("plots need matplotlib: pip install 'kg[plot]'") from None
    return matplotlib


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use, or None (with a warning) if there is none."""
    _matplotlib()
    from matplotlib import font_manager

    for path in sorted(NOTO_DIR.glob("NotoSansCJK-Regular.tt*")) if NOTO_DIR.is_dir() else []:
        try:
            font_manager.fontManager.addfont(str(path))
        except (OSError, RuntimeError):
            continue
    known = {f.name for f in font_manager.fontManager.ttflist}
    for name in _CJK_NAMES:
        if name in known:
            return name
    warnings.warn("no CJK font found (install fonts-noto-cjk); Chinese labels in the plots may show as boxes",
                  stacklevel=2)
    return None


def _figure(width: float, height: float) -> "Figure":
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _png(fig: "Figure") -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buf, format="png")
    return buf.getvalue()


def _rc():
    mpl = _matplotlib()
    font = cjk_font()
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    return mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": families, "axes.unicode_minus": False})


def classes_png(stats: dict) -> bytes:
    """A bar chart of ``stats["entities_per_class"]`` (from :func:`kg.analysis.questions.stats`)."""
    with _rc():
        items = sorted(stats["entities_per_class"].items(), key=lambda kv: (kv[1], kv[0]))
        fig = _figure(6, 0.4 * len(items) + 1.2)
        ax = fig.add_subplot()
        ax.barh([k for k, _ in items], [v for _, v in items], color="#4C78A8")
        for y, (_, v) in enumerate(items):
            ax.text(v, y, f" {v}", va="center")
        ax.set_xlabel("entities")
        ax.set_title(f"Entities per class ({sum(v for _, v in items)} in all)")
        return _png(fig)


def _week(date: str) -> str:
    """The Monday of an ISO date's week ('unknown' stays)."""
    import datetime as dt

    try:
        d = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def _by_week(counts: dict) -> dict:
    out: dict = {}
    for d, n in counts.items():
        out[_week(d)] = out.get(_week(d), 0) + n
    return out


def timeline_png(stats: dict) -> bytes:
    """Mentions and articles per publication date (per week when there are more than 31 dates; ``stats`` from
    :func:`kg.analysis.questions.stats`)."""
    mentions, articles = stats["mentions_per_date"], stats["articles_per_date"]
    weekly = len(set(mentions) | set(articles)) > 31
    if weekly:
        mentions, articles = _by_week(mentions), _by_week(articles)
    with _rc():
        dates = sorted(set(mentions) | set(articles), key=lambda d: (d == "unknown", d))
        fig = _figure(min(12.0, max(4.0, 0.35 * len(dates) + 2)), 3.6)
        ax = fig.add_subplot()
        xs = range(len(dates))
        ax.bar(xs, [mentions.get(d, 0) for d in dates], color="#F58518", label="mentions", width=0.5)
        step = max(1, len(dates) // 20)
        ax.set_xticks(list(xs)[::step], dates[::step], rotation=45 if len(dates) > 4 else 0,
                      ha="right" if len(dates) > 4 else "center")
        ax.set_ylabel("mentions")
        ax2 = ax.twinx()
        ax2.plot(list(xs), [articles.get(d, 0) for d in dates], "o-", color="#4C78A8", label="articles",
                 markersize=3)
        ax2.set_ylabel("articles")
        ax2.set_ylim(bottom=0)
        ax.set_title("Mentions over time" + (" (per week)" if weekly else ""))
        fig.legend(loc="outside lower center", ncols=2)
        return _png(fig)


def communities_png(G, found: list[dict], top: int = 6) -> bytes | None:
    """Articles per week that mention a listed member of each of the ``top`` largest communities (``G`` from
    :func:`kg.analysis.netx.to_networkx`, ``found`` from :func:`kg.analysis.questions.communities`); None if nothing is dated."""
    arts = G.graph["articles"]
    series = []
    for c in found[:top]:
        hit = {a for m in c["members"] for a in G.nodes[m["iri"]]["articles"] if arts.get(a, {}).get("date")}
        weeks: dict = {}
        for a in hit:
            weeks[_week(arts[a]["date"])] = weeks.get(_week(arts[a]["date"]), 0) + 1
        series.append((f"{c['id']}: " + "、".join(m["label"] for m in c["members"][:2]), weeks))
    xs = sorted({w for _, weeks in series for w in weeks})
    if not xs:
        return None
    with _rc():
        fig = _figure(9, 4.2)
        ax = fig.add_subplot()
        for label, weeks in series:
            ax.plot(range(len(xs)), [weeks.get(w, 0) for w in xs], "o-", markersize=3, label=label)
        step = max(1, len(xs) // 16)
        ax.set_xticks(list(range(len(xs)))[::step], xs[::step], rotation=45, ha="right")
        ax.set_ylabel("articles per week")
        ax.set_title("When each community is in the news (articles naming its top members)")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return _png(fig)


def regions(graph) -> list[dict]:
    """Mentioned entities with coordinates: label, lat, lon, mentions (most mentioned first)."""
    import networkx as nx

    from .netx import to_networkx

    G = graph if isinstance(graph, nx.MultiGraph) else to_networkx(graph)
    rows = [{"label": d["label"], "lat": d["lat"], "lon": d["lon"], "mentions": d["mentions"]}
            for _, d in G.nodes(data=True) if "lat" in d and d["articles"]]
    return sorted(rows, key=lambda r: (-r["mentions"], r["label"]))


def map_png(graph, labels: int = 25) -> bytes | None:
    """A small map (longitude/latitude scatter, no basemap) of the mentioned regions; None if none has
    coordinates. Marker area grows with mentions up to a cap (a country named in a third of the stories must not
    cover the map); the ``labels`` most mentioned are labelled, each where it overlaps no label placed before it,
    or left out."""
    import math

    rows = regions(graph)
    if not rows:
        return None
    with _rc():
        fig = _figure(6, 5)
        ax = fig.add_subplot()
        lons, lats = [r["lon"] for r in rows], [r["lat"] for r in rows]
        most = max(r["mentions"] for r in rows) or 1
        ax.scatter(lons, lats, s=[12 + 600 * r["mentions"] / most for r in rows], color="#E45756", alpha=0.6,
                   edgecolors="black", linewidths=0.4)
        pad = 0.5
        ax.set_xlim(min(lons) - pad, max(lons) + pad)
        ax.set_ylim(min(lats) - pad, max(lats) + pad)
        ax.set_aspect(1 / max(math.cos(math.radians(sum(lats) / len(lats))), 0.1))
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        ax.grid(True, linewidth=0.3)
        ax.set_title(f"Regions mentioned ({len(rows)}; size = mentions; most mentioned labelled)")
        _label_without_overlap(fig, ax, rows[:labels])
        return _png(fig)


def _label_without_overlap(fig: "Figure", ax, rows: list[dict]) -> None:
    """Label ``rows`` (most important first) beside their points: the first of four offsets that overlaps no
    label already placed, else no label."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # lay the figure out first, so the label boxes are where they will be drawn
    renderer = canvas.get_renderer()
    placed: list = []
    for r in rows:
        for dx, dy in ((4, 3), (4, -10), (-4, 3), (-4, -10)):
            text = ax.annotate(r["label"], (r["lon"], r["lat"]), xytext=(dx, dy), textcoords="offset points",
                               fontsize=8, ha="left" if dx > 0 else "right", in_layout=False,
                               bbox={"boxstyle": "round,pad=0.1", "fc": "white", "alpha": 0.75, "lw": 0})
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if ax.bbox.contains(box.x0, box.y0) and ax.bbox.contains(box.x1, box.y1) \
                    and not any(box.overlaps(p) for p in placed):
                placed.append(box)
                break
            text.remove()


def write_plots(graph: "Graph", out_dir: str | os.PathLike) -> list[Path]:
    """Write classes.png, mentions.png and (when regions have coordinates) regions.png into ``out_dir``."""
    from .questions import stats as graph_stats

    s = graph_stats(graph)
    out = Path(out_dir)
    written = [write_bytes(out / "classes.png", classes_png(s)), write_bytes(out / "mentions.png", timeline_png(s))]
    region_map = map_png(graph)
    if region_map is not None:
        written.append(write_bytes(out / "regions.png", region_map))
    return written
