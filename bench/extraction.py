"""Extraction quality: our main-text extractor on AEB and on the police gold set.

Run from the repository root::

    .venv/bin/python bench/extraction.py            # report (or: -m bench.extraction)
    .venv/bin/python bench/extraction.py --json     # machine-readable, nothing else printed

**AEB** (ScrapingHub Article Extraction Benchmark, 181 English news pages, read from
``../shared/research/data/article-extraction-benchmark``): our
:func:`crawler.extract.mainline.extract_main_text` and, in the same run, plain
``trafilatura.extract(html)`` with default options as the baseline, both scored with the
benchmark's own metric (:mod:`bench.aeb_metric`: 4-token shingles, per-page normalised TP/FP/FN,
F1 of the mean precision and mean recall). Pages are spread over a process pool (2 workers by
default).

**Gold set** (``tests/gold``: hand-written Indonesian police pages of every platform, with
``gold.json``): body F1 with the same AEB metric of ``extract_main_text`` on the *whole page*
(not a platform selector), publication time exact to the minute and UTC offset with
:func:`crawler.extract.mainline.page_published` (metadata first, then a visible date), and the
issuing unit (level, name and Polda all equal) with :func:`crawler.extract.units.detect_unit` on
the extracted text, the page title and the site's registry values.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: python bench/extraction.py
    sys.path.insert(0, str(ROOT))

from bench.aeb_metric import Scores, score  # noqa: E402

AEB_DIR = ROOT.parent / "shared" / "research" / "data" / "article-extraction-benchmark"
GOLD_DIR = ROOT / "tests" / "gold"
SYSTEMS = ("ours", "trafilatura")

__all__ = ["AEB_DIR", "GOLD_DIR", "GoldScores", "run_aeb", "score_gold"]


# --------------------------------------------------------------------------- AEB


def _ours(html: str) -> str:
    from crawler.extract.mainline import extract_main_text

    return extract_main_text(html)


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


_EXTRACTORS: dict[str, Callable[[str], str]] = {"ours": _ours, "trafilatura": _trafilatura}


def _extract_page(task: tuple[str, str, str]) -> tuple[str, str, str, float]:
    """(system, page id, text, seconds) for one page: runs in a worker process."""
    system, page_id, path = task
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        html = handle.read()
    started = time.perf_counter()
    text = _EXTRACTORS[system](html)
    return system, page_id, text, time.perf_counter() - started


def run_aeb(directory: Path = AEB_DIR, systems: Sequence[str] = SYSTEMS,
            workers: int = 2) -> dict[str, tuple[Scores, float]]:
    """Scores and summed extraction seconds of each system over every AEB page."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    tasks = [(system, page_id, str(directory / "html" / f"{page_id}.html.gz"))
             for system in systems for page_id in sorted(truth)]
    outputs: dict[str, dict[str, str]] = {system: {} for system in systems}
    seconds = dict.fromkeys(systems, 0.0)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for system, page_id, text, spent in pool.map(_extract_page, tasks, chunksize=4):
            outputs[system][page_id] = text
            seconds[system] += spent
    return {
        system: (score((truth[p].get("articleBody", ""), outputs[system][p]) for p in truth),
                 seconds[system])
        for system in systems
    }


# --------------------------------------------------------------------------- gold set


@dataclass(frozen=True)
class GoldScores:
    """Scores over the police gold set; ``misses`` names the pages that failed a check."""

    body: Scores
    date_exact: float
    unit: float
    pages: int
    misses: dict[str, list[str]]


def _same_minute(found: Any, expected: Any) -> bool:
    return (found is not None and found.utcoffset() == expected.utcoffset()
            and found.replace(second=0, microsecond=0)
            == expected.replace(second=0, microsecond=0))


def _gold_pages(directory: Path) -> list[tuple[dict[str, Any], Path]]:
    pages = json.loads((directory / "gold.json").read_text(encoding="utf-8"))["pages"]
    return [(page, directory / page["file"]) for page in pages]


def score_gold(directory: Path = GOLD_DIR) -> GoldScores:
    """Body F1, exact publication time and unit accuracy over ``directory/gold.json``."""
    from crawler.dates import parse_iso
    from crawler.extract.mainline import extract_main_text, page_published, page_title
    from crawler.extract.units import detect_unit

    pages = _gold_pages(directory)
    pairs: list[tuple[str, str]] = []
    misses: dict[str, list[str]] = {"date": [], "unit": []}
    dates = units = 0
    for page, path in pages:
        html = path.read_text(encoding="utf-8")
        text = extract_main_text(html, page["url"])
        pairs.append((page["body"], text))
        site = page["site"]
        published = page_published(html, site["province"], text)
        if _same_minute(published, parse_iso(page["published_at"])):
            dates += 1
        else:
            misses["date"].append(f"{page['id']}: {published} != {page['published_at']}")
        fallback = (site["unit_level"] or None, site["unit_name"] or None, site["polda"] or None)
        unit = detect_unit(text, page_title(html), fallback, site["province"])
        expected = page["unit"]
        if (unit.level, unit.name, unit.polda) == (expected["level"], expected["name"],
                                                   expected["polda"]):
            units += 1
        else:
            misses["unit"].append(f"{page['id']}: {unit.level}/{unit.name}/{unit.polda}")
    n = len(pages)
    return GoldScores(score(pairs), dates / n if n else 0.0, units / n if n else 0.0, n, misses)


# --------------------------------------------------------------------------- report


def _line(name: str, scores: Scores, seconds: float) -> str:
    return (f"  {name:<12} F1 {scores.f1:.4f}  P {scores.precision:.4f}  R {scores.recall:.4f}"
            f"  exact {scores.accuracy:.3f}  empty {scores.empty:>3}  {seconds:5.1f} s extracting")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON summary")
    parser.add_argument("--aeb", type=Path, default=AEB_DIR, help="AEB data directory")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold set directory")
    parser.add_argument("--workers", type=int, default=2, help="processes for AEB (default 2)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    aeb = run_aeb(args.aeb, workers=args.workers) if (args.aeb / "ground-truth.json").exists() \
        else None
    aeb_wall = time.perf_counter() - started
    gold = score_gold(args.gold)

    if args.json:
        summary = {
            "aeb": {"ours": round(aeb["ours"][0].f1, 4),
                    "trafilatura": round(aeb["trafilatura"][0].f1, 4),
                    "pages": aeb["ours"][0].pages} if aeb else None,
            "gold": {"body_f1": round(gold.body.f1, 4), "date_exact": round(gold.date_exact, 4),
                     "unit": round(gold.unit, 4), "pages": gold.pages},
        }
        print(json.dumps(summary))
        return 0
    if aeb is None:
        print(f"AEB: skipped, {args.aeb} not found")
    else:
        ours, theirs = aeb["ours"][0], aeb["trafilatura"][0]
        print(f"AEB ({ours.pages} pages, {aeb_wall:.1f} s wall on {args.workers} workers)")
        for system in SYSTEMS:
            print(_line(system, *aeb[system]))
        print(f"  ratio ours/trafilatura F1: {ours.f1 / theirs.f1:.3f}")
    print(f"Gold set ({gold.pages} pages, extract_main_text on whole pages)")
    print(f"  body F1 {gold.body.f1:.4f}  P {gold.body.precision:.4f}  R {gold.body.recall:.4f}"
          f"  exact {gold.body.accuracy:.3f}  empty {gold.body.empty}")
    baseline = score((page["body"], _trafilatura(path.read_text(encoding="utf-8")))
                     for page, path in _gold_pages(args.gold))
    print(f"  (plain trafilatura.extract: body F1 {baseline.f1:.4f})")
    print(f"  date exact {gold.date_exact:.3f}   unit {gold.unit:.3f}")
    for kind, missed in gold.misses.items():
        for miss in missed:
            print(f"  {kind} miss: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
