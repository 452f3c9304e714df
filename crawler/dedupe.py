"""Near-duplicate clusters: one release, syndicated across sites.

A Humas release is reposted by the Polda and Polres sites and by 3–10 local portals, verbatim
or lightly edited: a dateline added ("METRO, LAMPUNGPOST.CO –"), the first line reworded, a
credit at the end ("Sumber: Humas Polres Metro"). :func:`cluster_new` groups those copies:
``articles.cluster_id`` is the smallest article id of the group and ``is_origin = 1`` marks
the copy to keep; an article without copies is its own cluster (``cluster_id = id``,
``is_origin = 1``).

How two articles are found to be copies:

* **Words.** The body text, lowercased, without punctuation, without a leading dateline and
  without credit lines ("Sumber: …", "Editor: …", "(Humas Polres Metro)", "(**/red)",
  "Baca juga …"), so copies that differ only there have the same words.
* **Shingles.** Every run of :data:`SHINGLE_WORDS` consecutive words, hashed to 32 bits.
  Articles with fewer than :data:`MIN_WORDS` words are not compared (a caption is not a release).
* **MinHash + LSH** (``datasketch``): a :data:`NUM_PERM`-permutation ``MinHash`` of the
  shingles is stored per article in ``article_minhash`` (``LeanMinHash`` bytes, little
  endian). Candidates come from a ``MinHashLSH`` tuned for Jaccard :data:`CANDIDATE_THRESHOLD`
  (25 bands of 5 values), which proposes a pair whose real similarity is 0.7 with probability
  0.99.
* **Exact check.** A candidate pair is a copy when the Jaccard similarity of the two shingle
  sets is at least :data:`SIMILARITY` and, when both are dated, they were published at most
  :data:`DAYS_APART` days apart. The MinHash estimate (±0.04 at 128 permutations) only proposes
  pairs, so two releases written from one template are not merged, and neither is a yearly
  release re-used with new dates.
* Copies are merged transitively (union–find), together with the clusters already stored.

**Origin** (the copy to keep): the earliest ``published_utc``; at equal time a site whose
``sites.kind`` is ``official`` before any other (a site missing from ``sites`` counts as a
reprint); then the smallest id. Quarantined copies and copies without a date come last.

**Incremental.** Only articles that have no signature yet, or whose ``content_hash`` changed
since they were signed, are signed, and they are compared with the stored signatures of
articles published within :data:`DAYS_APART` days of them; the rows of the clusters they join
are rewritten in one transaction. Clusters only grow: an edited article stays in its cluster
even if the edit made it drift away. Large batches (a first run) are signed by two worker
processes.
"""

from __future__ import annotations

import bisect
import os
import re
import time
import unicodedata
import zlib
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from crawler.dates import to_utc_iso

if TYPE_CHECKING:
    from datasketch import LeanMinHash

    from crawler.store import Store

#: Permutations per MinHash.
NUM_PERM = 128
#: Seed of the MinHash permutations (changing it invalidates every stored signature).
SEED = 1
#: Words per shingle.
SHINGLE_WORDS = 5
#: Shingle-set Jaccard similarity from which two articles are copies of one release.
SIMILARITY = 0.7
#: The Jaccard similarity the LSH index is tuned for (it only proposes candidates).
CANDIDATE_THRESHOLD = 0.5
#: Articles with fewer words (after removing datelines and credits) are not compared.
MIN_WORDS = 20
#: Two dated articles published further apart than this are never copies.
DAYS_APART = 30
#: Batches of at least this many articles are signed by worker processes.
PARALLEL_FROM = 20_000

#: Candidates whose MinHash estimate is below this are not checked exactly (the estimate's
#: standard error at 0.7 is 0.04: a real 0.7 pair falls this low once in millions).
_ESTIMATE_FLOOR = SIMILARITY - 0.2
_SCHEME = "affine32"
_BYTEORDER = "<"
_CHUNK = 500  # ids per "IN (…)" query
_BATCH = 2000  # articles per read / per worker task
_POWERS = np.array([pow(0x100000001B3, k, 2**64) for k in range(SHINGLE_WORDS - 1, -1, -1)],
                   dtype=np.uint64)  # FNV prime powers: word hashes → one shingle hash
_EMPTY = np.empty(0, dtype=np.uint32)

_NON_WORD = re.compile(r"[\W_]+")
_CREDIT = re.compile(
    r"^\W*(sumber|source|editor|penulis|reporter|pewarta|publish(?:er)?|foto|fotografer|"
    r"dilansir|redaksi|red|kontributor|laporan|baca juga|simak|ikuti|tags?)\b")
# "METRO (Lampost.co) --", "TBNews, BENGKULU –": up to 8 words, no sentence end, a dash.
_DATELINE = re.compile(r"^(?P<head>(?:[^.!?\n]|\.(?=\S)){1,80}?)\s+[-–—]{1,2}\s+")


@dataclass
class ClusterStats:
    """What one :func:`cluster_new` call did."""

    signed: int = 0  # articles signed (new, or changed since they were signed)
    compared: int = 0  # of those, long enough to be compared
    pairs: int = 0  # copy pairs found (after the exact check)
    joined: int = 0  # signed articles that are now in a cluster of two or more
    clusters: int = 0  # clusters of two or more that were created or grew
    updated: int = 0  # article rows whose cluster_id or is_origin changed
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for logs and the CLI."""
        return (f"{self.signed} article(s) signed, {self.joined} joined {self.clusters} "
                f"cluster(s) of copies; {self.updated} row(s) updated in {self.seconds:.1f}s")


@dataclass
class Cluster:
    """A cluster of copies as :func:`biggest_clusters` reports it."""

    cluster_id: int
    size: int
    origin: dict[str, Any]  # id, site_id, title, published_at, url
    members: list[dict[str, Any]] = field(default_factory=list)  # id, site_id, published_at


# -- text → shingles → signature ----------------------------------------------------------

def words(text: str) -> list[str]:
    """The words two copies of a release are compared on (see the module doc)."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = [p for p in (line.strip() for line in text.split("\n")) if p and not _is_credit(p)]
    if kept:
        match = _DATELINE.match(kept[0])
        if match and len(match["head"].split()) <= 8:
            kept[0] = kept[0][match.end():]
    return _NON_WORD.sub(" ", " ".join(kept)).split()


def _is_credit(paragraph: str) -> bool:
    n = paragraph.count(" ") + 1
    if n <= 3:
        return True  # "(Adb)", "FB/IG/MY/KKD", "(**/red)"
    if n <= 12 and paragraph.startswith("(") and paragraph.endswith(")"):
        return True  # "(Humas Polres Metro)"
    if n <= 8 and "humas" in paragraph:
        return True  # "Imam – Humas Polres Tegal"
    return n <= 15 and _CREDIT.match(paragraph) is not None


class Shingler:
    """Texts → sorted unique 32-bit shingle hashes (word hashes cached across calls)."""

    def __init__(self) -> None:
        self._words: dict[str, int] = {}

    def __call__(self, text: str) -> np.ndarray:
        return self.many([text])[0]

    def many(self, texts: Sequence[str]) -> list[np.ndarray]:
        """One shingle array per text (empty when the text is too short to compare)."""
        cache = self._words
        hashes: list[int] = []
        bounds: list[tuple[int, int]] = []
        for text in texts:
            found = words(text or "")
            if len(found) < MIN_WORDS:
                bounds.append((0, 0))
                continue
            start = len(hashes)
            for word in found:
                value = cache.get(word)
                if value is None:
                    value = cache[word] = zlib.crc32(word.encode("utf-8"))
                hashes.append(value)
            bounds.append((start, len(hashes) - SHINGLE_WORDS + 1))
        if not hashes:
            return [_EMPTY for _ in texts]
        combined = sliding_window_view(np.array(hashes, dtype=np.uint64), SHINGLE_WORDS) @ _POWERS
        folded = (combined ^ (combined >> np.uint64(32))).astype(np.uint32)
        return [np.unique(folded[a:b]) if b > a else _EMPTY for a, b in bounds]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle sets (sorted unique arrays)."""
    if not len(a) or not len(b):
        return 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (len(a) + len(b) - common)


def to_bytes(signature: LeanMinHash) -> bytes:
    """A signature as stored in ``article_minhash.signature``."""
    buffer = bytearray(signature.bytesize(_BYTEORDER))
    signature.serialize(buffer, _BYTEORDER)
    return bytes(buffer)


def from_bytes(blob: bytes) -> LeanMinHash:
    """The signature stored by :func:`to_bytes`."""
    from datasketch import LeanMinHash

    return LeanMinHash.deserialize(blob, _BYTEORDER)


def _sign_rows(rows: Sequence[tuple[int, str]]) -> list[tuple[int, bytes, bytes]]:
    """(id, shingles, stored signature) for each (id, body) long enough to compare.

    A module-level function of plain values, so worker processes can run it.
    """
    from datasketch import LeanMinHash, MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme=_SCHEME)
    signed = []
    for (aid, _), shingles in zip(rows, Shingler().many([body for _, body in rows]),
                                  strict=True):
        if len(shingles):
            minhash = template.copy()
            minhash.update_batch(shingles.tolist())
            signed.append((aid, shingles.tobytes(), to_bytes(LeanMinHash(minhash))))
    return signed


# -- clustering ---------------------------------------------------------------------------

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for x in list(self.parent):
            found[self.find(x)].append(x)
        return found


@dataclass
class _New:
    """The articles one call signs."""

    hashes: dict[int, str] = field(default_factory=dict)  # id → content_hash
    dates: dict[int, str | None] = field(default_factory=dict)  # id → published_utc
    shingles: dict[int, np.ndarray] = field(default_factory=dict)  # only comparable ones
    blobs: dict[int, bytes] = field(default_factory=dict)  # id → stored signature


def cluster_new(store: Store, *, workers: int | None = None) -> ClusterStats:
    """Sign the articles that have no (current) signature and cluster them with the rest.

    Cheap when nothing is new (one query). Writes signatures, ``cluster_id`` and
    ``is_origin`` in one transaction. ``workers``: signing processes (default: 2 for batches
    of :data:`PARALLEL_FROM` articles or more on a multi-core machine, else none).
    """
    started = time.monotonic()
    stats = ClusterStats()
    todo = _pending(store)
    if not todo:
        stats.seconds = time.monotonic() - started
        return stats
    if workers is None:
        workers = 2 if len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 0
    new = _sign_new(store, todo, workers)
    stats.signed, stats.compared = len(new.hashes), len(new.blobs)
    pairs = _find_pairs(store, new)
    stats.pairs = len(pairs)

    uf = _UnionFind()
    for aid in new.hashes:
        uf.find(aid)
    for a, b in pairs:
        uf.union(a, b)
    _add_stored_clusters(store, uf)
    groups = uf.groups()
    updates = _assignments(store, groups)
    big = [g for g in groups.values() if len(g) > 1]
    stats.updated, stats.clusters = len(updates), len(big)
    stats.joined = sum(1 for g in big for aid in g if aid in new.hashes)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO article_minhash (article_id, content_hash, signature) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET content_hash = excluded.content_hash, "
            "signature = excluded.signature",
            [(aid, h, new.blobs.get(aid)) for aid, h in new.hashes.items()])
        conn.executemany("UPDATE articles SET cluster_id = ?, is_origin = ? WHERE id = ?",
                         updates)
    stats.seconds = time.monotonic() - started
    return stats


def _pending(store: Store) -> list[tuple[int, str, str | None]]:
    """(id, content_hash, published_utc) of the articles to sign, by id."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT a.id, a.content_hash, a.published_utc FROM articles a "
        "LEFT JOIN article_minhash m ON m.article_id = a.id "
        "WHERE m.article_id IS NULL OR m.content_hash != a.content_hash ORDER BY a.id")]


def _bodies(store: Store, ids: Sequence[int]) -> Iterator[list[tuple[int, str]]]:
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start:start + _BATCH])
        found = dict(store.conn.execute(
            f"SELECT id, body_text FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
        yield [(aid, found.get(aid) or "") for aid in chunk]


def _sign_new(store: Store, todo: list[tuple[int, str, str | None]], workers: int) -> _New:
    new = _New()
    for aid, content_hash, published in todo:
        new.hashes[aid] = content_hash
        new.dates[aid] = published
    ids = [row[0] for row in todo]
    if workers > 1:
        import datasketch  # noqa: F401  (imported before forking: workers need not import)

        # fork, not spawn: spawn re-runs the parent's __main__ module in every worker.
        results: Iterable[list[tuple[int, bytes, bytes]]] = _in_workers(
            _bodies(store, ids), workers)
    else:
        results = map(_sign_rows, _bodies(store, ids))
    for chunk in results:
        for aid, shingles, blob in chunk:
            new.shingles[aid] = np.frombuffer(shingles, dtype=np.uint32)
            new.blobs[aid] = blob
    return new


def _in_workers(chunks: Iterator[list[tuple[int, str]]],
                workers: int) -> Iterator[list[tuple[int, bytes, bytes]]]:
    """_sign_rows over the chunks in worker processes, in order, a few chunks in flight."""
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        running: deque[Future[list[tuple[int, bytes, bytes]]]] = deque()
        for chunk in chunks:
            running.append(pool.submit(_sign_rows, chunk))
            if len(running) > 2 * workers:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()


def _instant(published_utc: str | None) -> datetime | None:
    """A stored ``published_utc`` ('2024-05-31T02:30:00Z') as a datetime."""
    if not published_utc:
        return None
    try:
        return datetime.fromisoformat(published_utc)
    except ValueError:
        return None


def _stored_in_window(store: Store, new: _New) -> dict[int, str | None]:
    """Signed stored articles that may be copies of a new one (id → published_utc): published
    within DAYS_APART days of one, or undated (all of them when a new one is undated)."""
    instants = [_instant(new.dates[aid]) for aid in new.blobs]
    if not instants:
        return {}
    span = timedelta(days=DAYS_APART)
    windows: list[list[str]] = []  # merged [low, high] as published_utc strings
    for instant in sorted(i for i in instants if i is not None):
        low, high = to_utc_iso(instant - span), to_utc_iso(instant + span)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    everything = any(i is None for i in instants)
    lows = [low for low, _ in windows]
    found: dict[int, str | None] = {}
    for aid, published in store.conn.execute(
            "SELECT m.article_id, a.published_utc FROM article_minhash m "
            "JOIN articles a ON a.id = m.article_id WHERE m.signature IS NOT NULL"):
        if aid in new.hashes:
            continue
        i = bisect.bisect_right(lows, published or "") - 1
        if everything or not published or (i >= 0 and windows[i][1] >= published):
            found[aid] = published
    return found


def _find_pairs(store: Store, new: _New) -> list[tuple[int, int]]:
    """Copy pairs among the new articles and between new and stored ones.

    A sweep in publication order: the LSH index holds the undated articles and those of the
    last DAYS_APART days, so its size is bounded by the publishing rate, not the archive.
    """
    from datasketch import LeanMinHash, MinHashLSH

    stored = _stored_in_window(store, new)
    blobs = dict(new.blobs)
    for chunk in _chunks(sorted(stored)):
        marks = ",".join("?" * len(chunk))
        blobs.update(store.conn.execute(
            f"SELECT article_id, signature FROM article_minhash WHERE article_id IN ({marks})",
            chunk).fetchall())
    dates = {**stored, **{aid: new.dates[aid] for aid in new.blobs}}
    timed = sorted((instant, aid) for aid in blobs
                   if (instant := _instant(dates[aid])) is not None)
    undated = sorted(aid for aid in blobs if _instant(dates[aid]) is None)

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    indexed: dict[int, LeanMinHash] = {}
    window: deque[tuple[datetime, int]] = deque()
    span = timedelta(days=DAYS_APART)
    pairs: list[tuple[int, int]] = []
    pending: dict[int, list[int]] = defaultdict(list)  # stored article → new ones to check
    for instant, aid in [*((None, aid) for aid in undated), *timed]:
        while instant is not None and window and window[0][0] < instant - span:
            gone = window.popleft()[1]
            lsh.remove(gone)
            del indexed[gone]
        signature = LeanMinHash.deserialize(blobs[aid], _BYTEORDER)
        for other in lsh.query(signature):
            if (aid not in new.shingles and other not in new.shingles
                    or signature.jaccard(indexed[other]) < _ESTIMATE_FLOOR):
                continue
            if aid not in new.shingles:
                pending[aid].append(other)
            elif other not in new.shingles:
                pending[other].append(aid)
            elif jaccard(new.shingles[aid], new.shingles[other]) >= SIMILARITY:
                pairs.append((other, aid))
        lsh.insert(aid, signature, check_duplication=False)
        indexed[aid] = signature
        if instant is not None:
            window.append((instant, aid))
    shingler = Shingler()
    for chunk in _chunks(sorted(pending)):
        marks = ",".join("?" * len(chunk))
        for other, body in store.conn.execute(
                f"SELECT id, body_text FROM articles WHERE id IN ({marks})", chunk):
            theirs = shingler(body or "")
            pairs.extend((other, aid) for aid in pending[other]
                         if jaccard(new.shingles[aid], theirs) >= SIMILARITY)
    return pairs


def _add_stored_clusters(store: Store, uf: _UnionFind) -> None:
    """Join the clusters the touched articles already belong to (with all their members)."""
    cluster_ids: set[int] = set()
    for chunk in _chunks(sorted(uf.parent)):
        marks = ",".join("?" * len(chunk))
        cluster_ids.update(r[0] for r in store.conn.execute(
            f"SELECT cluster_id FROM articles WHERE id IN ({marks}) "
            "AND cluster_id IS NOT NULL", chunk))
    for chunk in _chunks(sorted(cluster_ids)):
        marks = ",".join("?" * len(chunk))
        for aid, cluster_id in store.conn.execute(
                f"SELECT id, cluster_id FROM articles WHERE cluster_id IN ({marks})", chunk):
            uf.union(aid, cluster_id)


def _assignments(store: Store, groups: dict[int, list[int]]) -> list[tuple[int, int, int]]:
    """(cluster_id, is_origin, id) for every member whose stored values differ."""
    info: dict[int, tuple[Any, ...]] = {}
    everyone = sorted(aid for members in groups.values() for aid in members)
    for chunk in _chunks(everyone):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                "SELECT a.id, a.published_utc, a.quarantined, s.kind, a.cluster_id, a.is_origin "
                f"FROM articles a LEFT JOIN sites s ON s.id = a.site_id WHERE a.id IN ({marks})",
                chunk):
            info[row[0]] = tuple(row)
    updates = []
    for members in groups.values():
        present = [aid for aid in members if aid in info]
        if not present:
            continue
        cluster_id = min(present)
        origin = min(present, key=lambda aid: origin_key(*info[aid][:4]))
        for aid in present:
            wanted = (cluster_id, int(aid == origin))
            if info[aid][4:] != wanted:
                updates.append((*wanted, aid))
    return updates


def origin_key(article_id: int, published_utc: str | None, quarantined: int | None,
               kind: str | None) -> tuple[Any, ...]:
    """Sort key of a cluster member: the smallest is the origin (see the module doc)."""
    return (bool(quarantined), published_utc is None, published_utc or "",
            kind != "official", article_id)


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(values), size):
        yield list(values[start:start + size])


# -- reading clusters ---------------------------------------------------------------------

def biggest_clusters(store: Store, limit: int = 20, min_size: int = 2) -> list[Cluster]:
    """The largest clusters of copies, biggest first (ties: the newest cluster first)."""
    conn = store.conn
    rows = conn.execute(
        "SELECT cluster_id, count(*) AS n FROM articles WHERE cluster_id IS NOT NULL "
        "GROUP BY cluster_id HAVING n >= ? ORDER BY n DESC, cluster_id DESC LIMIT ?",
        (min_size, limit)).fetchall()
    clusters = []
    for cluster_id, size in rows:
        members = [dict(r) for r in conn.execute(
            "SELECT id, site_id, title, published_at, url, is_origin FROM articles "
            "WHERE cluster_id = ? ORDER BY published_utc IS NULL, published_utc, id",
            (cluster_id,))]
        origin = next((m for m in members if m["is_origin"]), members[0])
        clusters.append(Cluster(
            cluster_id, size,
            {k: origin[k] for k in ("id", "site_id", "title", "published_at", "url")},
            [{k: m[k] for k in ("id", "site_id", "published_at")} for m in members]))
    return clusters
