"""Near-duplicate clusters: one release syndicated to portals, origin selection, increments."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.dedupe import (
    DAYS_APART,
    SIMILARITY,
    Shingler,
    biggest_clusters,
    cluster_new,
    jaccard,
    words,
)
from crawler.demo.content import make_blog
from crawler.items import ArticleItem
from crawler.registry import Site
from crawler.store import Store

# One release of Satlantas Polres Metro, as the official Blogger published it.
OFFICIAL = [
    "Humas Polres Metro - Satuan Lalu Lintas (Satlantas) Polres Metro menggelar Operasi Patuh "
    "Krakatau 2024 di sejumlah titik rawan pelanggaran di wilayah Kota Metro, Jumat "
    "(19/7/2024). Selama hari pertama operasi, petugas menindak 312 pengendara yang melanggar "
    "aturan lalu lintas.",
    "Kasat Lantas Polres Metro AKP Hendra Saputra, S.H., mengatakan operasi dilaksanakan "
    "selama 14 hari mulai 15 Juli hingga 28 Juli 2024 dengan melibatkan 85 personel gabungan "
    "dari Polres Metro, Dinas Perhubungan dan Subdenpom Metro.",
    "Sasaran operasi antara lain pengendara yang tidak menggunakan helm SNI, melawan arus, "
    "menggunakan telepon genggam saat berkendara, pengendara di bawah umur, berboncengan lebih "
    "dari satu orang serta kendaraan yang tidak dilengkapi surat-surat.",
    "“Pelanggaran paling banyak adalah tidak menggunakan helm SNI dan pengendara di bawah umur. "
    "Kami mengimbau orang tua agar tidak memberikan izin kepada anaknya yang belum cukup umur "
    "untuk mengendarai sepeda motor,” ujar AKP Hendra Saputra.",
    "Selain penindakan dengan tilang, petugas juga memberikan teguran simpatik dan membagikan "
    "brosur keselamatan berlalu lintas kepada pengendara yang melintas di Jalan Jenderal "
    "Sudirman dan Jalan AH Nasution.",
    "Kapolres Metro AKBP Heri Sulistyo Nugroho menegaskan operasi ini bertujuan menekan angka "
    "kecelakaan lalu lintas dan meningkatkan kesadaran masyarakat untuk tertib berlalu lintas "
    "demi keselamatan bersama.",
    "(Humas Polres Metro)",
]
# Portal reprints with light edits: a dateline instead of the blog's, a credit line, the lead
# sentence reworded, the closing paragraph dropped, "Baca juga" and "Editor" lines.
REPRINT_DATELINE = [
    "METRO (Lampost.co) -- " + OFFICIAL[0].removeprefix("Humas Polres Metro - "),
    *OFFICIAL[1:6],
    "Sumber: Humas Polres Metro",
]
REPRINT_REWORDED = [
    "KOTA METRO, Kupastuntas.co - Polres Metro melalui Satlantas menggelar Operasi Patuh "
    "Krakatau 2024 di sejumlah titik rawan pelanggaran di Kota Metro, Jumat (19/7/2024). Pada "
    "hari pertama operasi, sebanyak 312 pengendara ditindak karena melanggar aturan lalu "
    "lintas.",
    *OFFICIAL[1:6],
    "Editor: Rina Marlina",
]
REPRINT_VERBATIM = [
    OFFICIAL[0],
    OFFICIAL[1],
    "Baca juga: Polres Metro Amankan Dua Pelaku Curanmor di Metro Timur",
    *OFFICIAL[2:6],
    "Dilansir dari Humas Polres Metro.",
]
# Another Polres, the same operation, the same Polda template for the targets: not a copy.
SAME_TOPIC = [
    "Humas Polres Lampung Timur - Satlantas Polres Lampung Timur melaksanakan Operasi Patuh "
    "Krakatau 2024 di Jalan Lintas Timur Sumatera, Kecamatan Way Jepara, Jumat (19/7/2024). "
    "Pada hari pertama, 147 pengendara terjaring dan 60 di antaranya ditilang.",
    "Kasat Lantas Polres Lampung Timur AKP Ridho Pratama menjelaskan operasi digelar serentak "
    "di seluruh jajaran Polda Lampung selama 14 hari dengan mengedepankan penindakan "
    "elektronik (ETLE) dan teguran.",
    "Sasaran operasi antara lain pengendara yang tidak menggunakan helm SNI, melawan arus, "
    "menggunakan telepon genggam saat berkendara, pengendara di bawah umur, berboncengan lebih "
    "dari satu orang serta kendaraan yang tidak dilengkapi surat-surat.",
    "“Kami berharap masyarakat Lampung Timur semakin sadar pentingnya keselamatan. Operasi ini "
    "bukan untuk mencari kesalahan, tetapi mengingatkan,” kata AKP Ridho Pratama di Way Jepara.",
    "(Humas Polres Lampung Timur)",
]

SITES = [
    Site(id="humas-polres-metro", name="Humas Polres Metro", url="https://humas.example.id",
         platform="blogger", kind="official", unit_level="polres", unit_name="Polres Metro",
         polda="Polda Lampung", province="Lampung", source="user"),
    Site(id="lampost", name="Lampost", url="https://lampost.example.id", platform="wordpress",
         kind="reprint", source="user"),
    Site(id="kupastuntas", name="Kupas Tuntas", url="https://kupastuntas.example.id",
         platform="wordpress", kind="reprint", source="user"),
    Site(id="humas-polres-lamtim", name="Humas Polres Lampung Timur",
         url="https://lamtim.example.id", platform="blogger", kind="official", source="user"),
    # "portal-x" is not in the sites table: an unknown kind counts as a reprint.
]


def item(site_id: str, slug: str, paragraphs: list[str], published: str | None,
         title: str = "Operasi Patuh Krakatau 2024, 312 Pengendara Ditindak") -> dict:
    url = f"https://{site_id}.example.id/2024/07/{slug}.html"
    article = ArticleItem(url=url, canonical_url=url, site_id=site_id, title=title,
                          platform="wordpress", published_at=published,
                          body_text="\n\n".join(paragraphs), body_html="<p>…</p>",
                          fetched_at="2024-07-20T00:00:00Z", parser_version="test")
    article.content_hash = article.compute_hash()
    return asdict(article)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "t.db") as s:
        for site in SITES:
            s.add_site(site)
        yield s


def save(store: Store, *items: dict) -> list[int]:
    store.save_articles(items)
    return [store.conn.execute("SELECT id FROM articles WHERE canonical_url = ?",
                               (i["canonical_url"],)).fetchone()[0] for i in items]


def clusters_of(store: Store) -> dict[int, tuple[int | None, int | None]]:
    return {r[0]: (r[1], r[2]) for r in store.conn.execute(
        "SELECT id, cluster_id, is_origin FROM articles ORDER BY id")}


def test_words_drop_datelines_credits_and_punctuation() -> None:
    assert words("METRO (Lampost.co) -- Satlantas Polres Metro menggelar Operasi Patuh.\n\n"
                 "Sumber: Humas Polres Metro\n\n(**/red)") == [
        "satlantas", "polres", "metro", "menggelar", "operasi", "patuh"]
    assert words("Humas Polres Metro - Kapolres Metro AKBP Heri, S.I.K., hadir.\n\n"
                 "Imam – Humas Polres Tegal") == ["kapolres", "metro", "akbp", "heri", "s", "i",
                                                  "k", "hadir"]
    # A dash after a long clause is not a dateline.
    assert words("Petugas menindak 312 pengendara yang melanggar aturan di wilayah kota dan "
                 "sekitarnya - termasuk pelajar")[-2:] == ["termasuk", "pelajar"]


def test_reprints_are_near_duplicates_and_the_same_topic_is_not() -> None:
    shingle = Shingler()
    official = shingle("\n\n".join(OFFICIAL))
    for reprint in (REPRINT_DATELINE, REPRINT_REWORDED, REPRINT_VERBATIM):
        assert jaccard(official, shingle("\n\n".join(reprint))) >= SIMILARITY
    assert jaccard(official, shingle("\n\n".join(REPRINT_DATELINE))) == 1.0
    assert jaccard(official, shingle("\n\n".join(REPRINT_VERBATIM))) == 1.0
    assert round(jaccard(official, shingle("\n\n".join(REPRINT_REWORDED))), 2) == 0.79
    assert round(jaccard(official, shingle("\n\n".join(SAME_TOPIC))), 2) == 0.11  # the list
    # The limit: a rewritten lead AND a sixth of a short release dropped is no longer a copy.
    heavier = [REPRINT_REWORDED[0], *OFFICIAL[1:5]]
    assert round(jaccard(official, shingle("\n\n".join(heavier))), 2) == 0.66


def test_syndication_set_clusters_with_the_official_copy_as_origin(store: Store) -> None:
    # The verbatim reprint was crawled first (smallest id) and published a day later.
    verbatim, same_topic, official, dateline, reworded = save(
        store,
        item("portal-x", "operasi-patuh", REPRINT_VERBATIM, "2024-07-20T08:00:00+07:00"),
        item("humas-polres-lamtim", "operasi-patuh-lamtim", SAME_TOPIC,
             "2024-07-19T10:00:00+07:00", title="Satlantas Polres Lampung Timur Gelar Operasi"),
        item("humas-polres-metro", "operasi-patuh-krakatau", OFFICIAL,
             "2024-07-19T09:30:00+07:00"),
        item("lampost", "satlantas-metro", REPRINT_DATELINE, "2024-07-19T11:02:00+07:00"),
        item("kupastuntas", "312-pengendara", REPRINT_REWORDED, "2024-07-19T10:15:00+07:00"),
    )
    stats = cluster_new(store)
    assert (stats.signed, stats.compared, stats.pairs, stats.joined, stats.clusters,
            stats.updated) == (5, 5, 6, 4, 1, 5)
    assert clusters_of(store) == {
        verbatim: (verbatim, 0), same_topic: (same_topic, 1), official: (verbatim, 1),
        dateline: (verbatim, 0), reworded: (verbatim, 0)}

    [cluster] = biggest_clusters(store)
    assert cluster.cluster_id == verbatim and cluster.size == 4
    assert cluster.origin == {
        "id": official, "site_id": "humas-polres-metro",
        "title": "Operasi Patuh Krakatau 2024, 312 Pengendara Ditindak",
        "published_at": "2024-07-19T09:30:00+07:00",
        "url": "https://humas-polres-metro.example.id/2024/07/operasi-patuh-krakatau.html"}
    assert [(m["site_id"], m["published_at"]) for m in cluster.members] == [
        ("humas-polres-metro", "2024-07-19T09:30:00+07:00"),
        ("kupastuntas", "2024-07-19T10:15:00+07:00"),
        ("lampost", "2024-07-19T11:02:00+07:00"),
        ("portal-x", "2024-07-20T08:00:00+07:00")]
    assert biggest_clusters(store, min_size=5) == []
    assert len(biggest_clusters(store, min_size=1)) == 2


def test_origin_official_at_equal_time_else_earliest_else_smallest_id(store: Store) -> None:
    at = "2024-07-19T09:30:00+07:00"
    reprint, official = save(store, item("lampost", "a", REPRINT_DATELINE, at),
                             item("humas-polres-metro", "b", OFFICIAL, at))
    cluster_new(store)
    assert clusters_of(store) == {reprint: (reprint, 0), official: (reprint, 1)}

    # A copy published earlier wins even over the official site (WITA: 08:00+08:00 is
    # 00:00Z, half an hour before the official 02:30Z).
    earlier = save(store, item("kupastuntas", "c", REPRINT_REWORDED,
                               "2024-07-19T08:00:00+08:00"))[0]
    stats = cluster_new(store)
    assert (stats.signed, stats.joined, stats.updated) == (1, 1, 2)
    assert clusters_of(store) == {reprint: (reprint, 0), official: (reprint, 0),
                                  earlier: (reprint, 1)}


def test_two_unknown_sites_at_equal_time_tie_on_id(store: Store) -> None:
    at = "2024-07-19T09:30:00+07:00"
    first, second = save(store, item("portal-x", "a", OFFICIAL, at),
                         item("portal-y", "b", REPRINT_DATELINE, at))
    cluster_new(store)
    assert clusters_of(store) == {first: (first, 1), second: (first, 0)}


def test_incremental_runs_sign_only_new_articles_and_join_stored_clusters(
        store: Store) -> None:
    official, same_topic = save(
        store, item("humas-polres-metro", "a", OFFICIAL, "2024-07-19T09:30:00+07:00"),
        item("humas-polres-lamtim", "b", SAME_TOPIC, "2024-07-19T10:00:00+07:00"))
    first = cluster_new(store)
    assert (first.signed, first.pairs, first.clusters) == (2, 0, 0)
    assert clusters_of(store) == {official: (official, 1), same_topic: (same_topic, 1)}
    signatures = dict(store.conn.execute("SELECT article_id, signature FROM article_minhash"))

    dateline, reworded = save(
        store, item("lampost", "c", REPRINT_DATELINE, "2024-07-19T11:02:00+07:00"),
        item("kupastuntas", "d", REPRINT_REWORDED, "2024-07-19T10:15:00+07:00"))
    second = cluster_new(store)
    assert (second.signed, second.pairs, second.joined, second.clusters, second.updated) == (
        2, 3, 2, 1, 2)
    assert clusters_of(store) == {official: (official, 1), same_topic: (same_topic, 1),
                                  dateline: (official, 0), reworded: (official, 0)}
    after = dict(store.conn.execute("SELECT article_id, signature FROM article_minhash"))
    assert {k: after[k] for k in signatures} == signatures  # stored ones were not re-signed
    assert len(after[dateline]) == 8 + 4 + 1 + 4 * 128  # LeanMinHash bytes, affine32

    assert cluster_new(store).signed == 0

    # An edit re-signs the article; it stays in its cluster.
    edited = item("lampost", "c", [*REPRINT_DATELINE, "Editor: Rina Marlina"],
                  "2024-07-19T11:02:00+07:00")
    store.save_articles([edited])
    third = cluster_new(store)
    assert (third.signed, third.updated) == (1, 0)
    assert clusters_of(store)[dateline] == (official, 0)


def test_two_stored_clusters_merge_through_a_new_copy(store: Store) -> None:
    # The first five and the last five paragraphs of the release are not copies of each
    # other (Jaccard 0.67), but both are copies of the whole release (0.86 and 0.80).
    head, tail = OFFICIAL[0:5], OFFICIAL[1:6]
    a, a2, b, b2 = save(
        store, item("lampost", "a", head, "2024-07-19T11:00:00Z"),
        item("portal-x", "a2", head, "2024-07-19T12:00:00Z"),
        item("kupastuntas", "b", tail, "2024-07-19T10:00:00Z"),
        item("portal-y", "b2", tail, "2024-07-19T13:00:00Z"))
    cluster_new(store)
    assert clusters_of(store) == {a: (a, 1), a2: (a, 0), b: (b, 1), b2: (b, 0)}
    full = save(store, item("humas-polres-metro", "c", OFFICIAL[0:6], "2024-07-19T09:30:00Z"))[0]
    stats = cluster_new(store)
    assert (stats.signed, stats.pairs, stats.joined, stats.clusters, stats.updated) == (
        1, 4, 1, 1, 4)
    assert clusters_of(store) == {a: (a, 0), a2: (a, 0), b: (a, 0), b2: (a, 0), full: (a, 1)}


def test_copies_published_far_apart_are_not_clustered(store: Store) -> None:
    # A release re-used a month later with new dates is a new release …
    assert DAYS_APART == 30
    old, new = save(store, item("humas-polres-metro", "a", OFFICIAL, "2024-06-18T09:30:00Z"),
                    item("humas-polres-metro", "b", OFFICIAL, "2024-07-19T09:30:00Z"))
    near = save(store, item("lampost", "c", REPRINT_DATELINE, "2024-08-17T09:30:00Z"))[0]
    cluster_new(store)
    assert clusters_of(store) == {old: (old, 1), new: (new, 1), near: (new, 0)}
    # … but an undated copy is compared with every article.
    undated = save(store, item("portal-x", "d", REPRINT_VERBATIM, None))[0]
    stats = cluster_new(store)
    assert (stats.signed, stats.pairs) == (1, 3)
    assert clusters_of(store) == {old: (old, 1), new: (old, 0), near: (old, 0),
                                  undated: (old, 0)}


def test_short_texts_are_not_compared(store: Store) -> None:
    a, b = save(store, item("lampost", "a", ["Foto kegiatan Polres Metro hari ini."], None),
                item("kupastuntas", "b", ["Foto kegiatan Polres Metro hari ini."], None))
    stats = cluster_new(store)
    assert (stats.signed, stats.compared) == (2, 0)
    assert clusters_of(store) == {a: (a, 1), b: (b, 1)}
    assert store.conn.execute("SELECT count(*) FROM article_minhash WHERE signature IS NULL"
                              ).fetchone()[0] == 2


def demo_items() -> list[dict]:
    newest = datetime(2024, 6, 1, tzinfo=UTC)
    items = []
    for unit, polda, province in (("Polres Metro", "Polda Lampung", "Lampung"),
                                  ("Polres Tegal", "Polda Jawa Tengah", "Jawa Tengah"),
                                  ("Polres Sanggau", "Polda Kalimantan Barat",
                                   "Kalimantan Barat")):
        blog = make_blog(unit, polda, province, 150, seed=11, newest=newest)
        slug = unit.lower().replace(" ", "-")
        items += [item(slug, p.post_id, p.body_text.split("\n\n"), p.published.isoformat(),
                       title=p.title) for p in blog.posts]
    return items


def test_distinct_template_releases_are_never_merged(store: Store) -> None:
    """450 generated releases share templates (closings, activity paragraphs): none of them
    is a copy of another."""
    save(store, *demo_items())
    stats = cluster_new(store)
    assert (stats.signed, stats.pairs, stats.clusters) == (450, 0, 0)
    assert store.conn.execute("SELECT count(*) FROM articles WHERE cluster_id = id "
                              "AND is_origin = 1").fetchone()[0] == 450


def test_worker_processes_give_the_same_clusters(tmp_path: Path) -> None:
    results = []
    for workers in (0, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            for site in SITES:
                store.add_site(site)
            items = demo_items()[:60]
            items += [item("lampost", f"copy-{i}", [*p["body_text"].split("\n\n"),
                                                    "Sumber: Humas"], p["published_at"])
                      for i, p in enumerate(items[:20])]
            save(store, *items)
            stats = cluster_new(store, workers=workers)
            results.append((stats.signed, stats.pairs, stats.clusters, clusters_of(store)))
    assert results[0] == results[1]
    assert results[0][:3] == (80, 20, 20)


def test_full_text_index_follows_edits_but_not_cluster_updates(store: Store) -> None:
    """Migration 3 narrowed the FTS update trigger to title and body_text."""
    official = save(store, item("humas-polres-metro", "a", OFFICIAL, "2024-07-19T09:30:00Z"))[0]
    save(store, item("lampost", "b", REPRINT_DATELINE, "2024-07-19T10:30:00Z"))

    def hits(word: str) -> list[int]:
        return [r[0] for r in store.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid", (word,))]

    assert hits("Subdenpom") == [1, 2]
    cluster_new(store)
    assert hits("Subdenpom") == [1, 2]
    store.conn.execute("UPDATE articles SET quarantined = 1 WHERE id = 2")
    assert hits("Subdenpom") == [1, 2]
    edited = item("humas-polres-metro", "a", [OFFICIAL[0], OFFICIAL[1].replace(
        "Subdenpom", "Denpom"), *OFFICIAL[2:]], "2024-07-19T09:30:00Z")
    store.save_articles([edited])
    assert hits("Denpom") == [official]
    assert hits("Subdenpom") == [2]
