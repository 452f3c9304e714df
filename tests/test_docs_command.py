"""``police-news docs sources``: the generated sites page, and that the committed one is current."""

from __future__ import annotations

import pytest

from crawler.cli.docs import docstring_sections, sources_markdown
from crawler.registry import Site
from tests.helpers import ROOT, cli

DOC = '''Sites on a CMS nobody identified, read with ``trafilatura``.

Domain
    Official sites whose CMS is unknown
    (humas.polri.go.id, …).
Strategy
    The feed, then :func:`~crawler.extract.article.extract_article`:

    * RSS first;
    * sitemaps after.
Incremental
    Stop-at-seen.
'''

SITES = [
    Site(id="polres-b", name="Polres B", url="https://b.example.id", platform="blogger",
         unit_name="Polres B", polda="Polda Jatim"),
    Site(id="polres-a", name="Polres A | Humas", url="https://a.example.id", platform="generic",
         unit_name="Polres A", polda="Polda Jatim", kind="reprint", status="unavailable",
         status_reason="legacy: content from 2016"),
    Site(id="slot-gacor", name="Slot", url="https://slot.example.com", platform="generic",
         polda="", kind="spam", status="disabled", status_reason="gambling site"),
    Site(id="polda-bali", name="Polda Bali", url="https://bali.example.id", platform="odoo",
         polda="Polda Bali"),
]


def test_docstring_sections_become_markdown() -> None:
    summary, sections = docstring_sections(DOC)
    assert summary == "Sites on a CMS nobody identified, read with `trafilatura`."
    assert sections == {
        "Domain": "Official sites whose CMS is unknown (humas.polri.go.id, …).",
        "Strategy": "The feed, then `extract_article`:\n* RSS first;\n* sitemaps after.",
        "Incremental": "Stop-at-seen.",
    }


def test_page_groups_sites_by_polda_with_counts_and_platform_docs() -> None:
    page = sources_markdown(SITES, {"blogger": DOC, "generic": DOC, "odoo": None})
    lines = page.splitlines()
    assert lines[0] == "# Sources"
    assert "The package registry lists **4 sites** under **2 Polda**." in page
    assert "| generic | 2 | 0 | 1 | 1 | 0 | 1 | 1 |" in lines
    assert "| **all** | **4** | 2 | 1 | 1 | 2 | 1 | 1 |" in lines
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == [
        "### Polda Bali (1)", "### Polda Jatim (2)",
        "### No single Polda (national or various) (1)",
        "### blogger (1 site)", "### wordpress (0 sites)", "### odoo (1 site)",
        "### newscms (0 sites)", "### lampung (0 sites)", "### generic (2 sites)"]
    jatim = lines.index("### Polda Jatim (2)")
    assert lines[jatim + 4:jatim + 6] == [
        "| Polres A \\| Humas (`polres-a`) | Polres A | generic | reprint | unavailable: legacy: "
        "content from 2016 | https://a.example.id |",
        "| Polres B (`polres-b`) | Polres B | blogger | official | active | https://b.example.id |",
    ]
    odoo = lines.index("### odoo (1 site)")
    assert lines[odoo + 2] == "_No spider yet: its sites are listed but not crawled._"
    generic = lines.index("### generic (2 sites)")
    assert lines[generic + 2:generic + 7] == [
        "Sites on a CMS nobody identified, read with `trafilatura`.", "",
        "**Domain.** Official sites whose CMS is unknown (humas.polri.go.id, …).", "",
        "**Strategy.** The feed, then `extract_article`:"]
    assert page.endswith("**Incremental.** Stop-at-seen.\n")


def test_printing_instead_of_writing() -> None:
    result = cli("docs", "sources", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Sources\n")
    assert "### generic (" in result.stdout


@pytest.mark.slow
def test_committed_sources_page_is_current(tmp_path) -> None:
    fresh = tmp_path / "sources.md"
    result = cli("docs", "sources", "-o", str(fresh))
    assert result.returncode == 0, result.stderr
    committed = ROOT / "docs" / "sources.md"
    assert committed.exists(), "docs/sources.md is missing: run `police-news docs sources`"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "docs/sources.md is out of date with the registry or a spider's docstring: "
        "run `police-news docs sources` (or `python -m crawler docs sources`) and commit it")
