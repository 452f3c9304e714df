"""Tests for the deterministic demo content (crawler.demo.content)."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import lxml.html
import pytest
from lxml import etree

from crawler.demo import content
from crawler.demo.content import (
    BULAN,
    HARI,
    DemoBlog,
    DemoPost,
    make_blog,
    post_path,
    render_index_page,
    render_post_page,
)

WIB = timezone(timedelta(hours=7))
NEWEST = datetime(2025, 5, 2, 16, 45, tzinfo=WIB)
BASE = "http://127.0.0.1:8751"


@pytest.fixture(scope="module")
def blog() -> DemoBlog:
    return make_blog("Polres Metro", "Polda Lampung", "Lampung", 400, seed=7, newest=NEWEST)


@pytest.fixture(scope="module")
def big_blog() -> DemoBlog:
    return make_blog(
        "Polres Purwakarta", "Polda Jawa Barat", "Jawa Barat", 2000, seed=3, newest=NEWEST
    )


# --------------------------------------------------------------------------------------------
# A reference cleaner: what a correct extractor must produce from body_html (see the contract
# in the module docstring of crawler.demo.content).
# --------------------------------------------------------------------------------------------

_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "center",
    "section",
    "article",
    "figure",
    "figcaption",
}


def reference_clean(body_html: str) -> str:
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    paragraphs: list[str] = []
    buf: list[str] = []
    pending = 0  # consecutive <br> not yet resolved

    def flush() -> None:
        nonlocal pending
        text = " ".join("".join(buf).split())
        if text:
            paragraphs.append(text)
        buf.clear()
        pending = 0

    def emit(text: str | None) -> None:
        nonlocal pending
        if not text:
            return
        if pending:
            if not text.strip():
                return
            if pending >= 2:
                flush()
            else:
                buf.append(" ")
            pending = 0
        buf.append(text)

    def walk(el: etree._Element) -> None:
        nonlocal pending
        emit(el.text)
        for child in el:
            if not isinstance(child.tag, str) or child.tag in ("style", "script"):
                emit(child.tail)
                continue
            if child.tag == "br":
                pending += 1
                emit(child.tail)
                continue
            if child.tag in _BLOCK:
                flush()
                walk(child)
                flush()
                emit(child.tail)
                continue
            walk(child)
            emit(child.tail)

    walk(root)
    flush()
    kept = [p for p in paragraphs if not p.lower().startswith("baca juga")]
    return "\n\n".join(kept)


# --------------------------------------------------------------------------------------------
# Body-date parsing for the dateline check
# --------------------------------------------------------------------------------------------

_DAY = r"(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
_MONTHS = "|".join(BULAN)
_DATE_PATTERNS = (
    re.compile(rf"{_DAY}\s*\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)"),
    re.compile(rf"\({_DAY},\s*(\d{{1,2}})/(\d{{1,2}})/(\d{{2,4}})\)"),
)
_LONG = re.compile(rf"{_DAY},?\s+(\d{{1,2}}) ({_MONTHS}) (\d{{4}})")
_ANY_DATE = re.compile(rf"\d{{1,2}}/\d{{1,2}}|\d{{1,2}} (?:{_MONTHS}) \d{{4}}")


def body_date(paragraph: str, default_year: int) -> tuple[date, str]:
    """The one event date in a paragraph, and the day name written next to it."""
    assert len(_ANY_DATE.findall(paragraph)) == 1, paragraph
    for pattern in _DATE_PATTERNS:
        m = pattern.search(paragraph)
        if m:
            day_name, d, mo, y = m.groups()
            year = default_year if y is None else int(y) + (2000 if len(y) == 2 else 0)
            return date(year, int(mo), int(d)), day_name
    m = _LONG.search(paragraph)
    assert m, paragraph
    day_name, d, month, y = m.groups()
    return date(int(y), BULAN.index(month) + 1, int(d)), day_name


def norm(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# make_blog
# --------------------------------------------------------------------------------------------


def test_deterministic() -> None:
    a = make_blog("Polres Metro", "Polda Lampung", "Lampung", 60, seed=5, newest=NEWEST)
    b = make_blog("Polres Metro", "Polda Lampung", "Lampung", 60, seed=5, newest=NEWEST)
    assert a == b
    assert [p.body_html for p in a.posts] == [p.body_html for p in b.posts]
    c = make_blog("Polres Metro", "Polda Lampung", "Lampung", 60, seed=6, newest=NEWEST)
    assert c.blog_id != a.blog_id
    assert [p.title for p in c.posts] != [p.title for p in a.posts]


def test_does_not_touch_global_random() -> None:
    import random

    random.seed(1234)
    expected = random.random()
    random.seed(1234)
    make_blog("Polres Metro", "Polda Lampung", "Lampung", 20, seed=1, newest=NEWEST)
    assert random.random() == expected


@pytest.mark.parametrize("n", [0, 1, 2, 7, 55])
def test_n_posts_honoured(n: int) -> None:
    blog = make_blog("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", n, seed=n, newest=NEWEST)
    assert len(blog.posts) == n


def test_negative_n_posts_rejected() -> None:
    with pytest.raises(ValueError):
        make_blog("Polres Metro", "Polda Lampung", "Lampung", -1, seed=1, newest=NEWEST)


def test_blog_fields(blog: DemoBlog) -> None:
    assert blog.title == "Humas Polres Metro"
    assert (blog.unit, blog.polda, blog.province) == ("Polres Metro", "Polda Lampung", "Lampung")
    assert blog.utc_offset_hours == 7
    assert re.fullmatch(r"[1-9]\d{17,18}", blog.blog_id)
    custom = make_blog(
        "Polres Metro",
        "Polda Lampung",
        "Lampung",
        3,
        seed=7,
        newest=NEWEST,
        title="Berita Polres Metro",
    )
    assert custom.title == "Berita Polres Metro"
    assert custom.posts[0].author in ("Humas Polres Metro", "Sihumas Polres Metro")


def test_order_ids_slugs_titles(big_blog: DemoBlog) -> None:
    posts = big_blog.posts
    assert posts[0].published == NEWEST
    for newer, older in zip(posts, posts[1:], strict=False):
        assert newer.published > older.published
    ids = [p.post_id for p in posts]
    assert all(re.fullmatch(r"[1-9]\d{18}", i) for i in ids)
    assert int(max(ids)) < 2**63
    assert len(set(ids)) == len(ids)
    assert len({p.slug for p in posts}) == len(posts)
    assert len({p.title for p in posts}) == len(posts)
    assert len({post_path(p) for p in posts}) == len(posts)


def test_times(big_blog: DemoBlog) -> None:
    posts = big_blog.posts
    gaps = []
    for i, p in enumerate(posts):
        assert p.published.utcoffset() == timedelta(hours=7)
        assert p.updated.utcoffset() == timedelta(hours=7)
        assert p.updated >= p.published
        if i:
            assert 7 <= p.published.hour < 22, p.published
            gaps.append((posts[i - 1].published - p.published).total_seconds() / 3600)
    mean_gap = sum(gaps) / len(gaps)
    assert 14 < mean_gap < 30, mean_gap
    edited_late = sum(p.updated - p.published > timedelta(hours=1) for p in posts)
    assert 0.05 * len(posts) < edited_late < 0.25 * len(posts)


def test_other_offsets_and_naive_newest() -> None:
    gowa = make_blog(
        "Polres Gowa",
        "Polda Sulsel",
        "Sulawesi Selatan",
        30,
        seed=2,
        newest=NEWEST,
        utc_offset_hours=8,
        mean_gap_hours=6,
    )
    assert gowa.utc_offset_hours == 8
    assert all(p.published.utcoffset() == timedelta(hours=8) for p in gowa.posts)
    assert gowa.posts[0].published == NEWEST  # the same instant, shown in WITA
    assert gowa.posts[0].published.hour == 17
    assert "WIB" not in "".join(p.body_text for p in gowa.posts)
    naive = make_blog(
        "Polres Halmahera Barat",
        "Polda Maluku Utara",
        "Maluku Utara",
        5,
        seed=2,
        newest=datetime(2024, 3, 1, 9, 30, 59),
        utc_offset_hours=9,
    )
    assert naive.posts[0].published == datetime(
        2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=9))
    )


def test_slugs(big_blog: DemoBlog) -> None:
    junk = 0
    for p in big_blog.posts:
        m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)(?:_(\d+))?", p.slug)
        assert m, p.slug
        stem = m.group(1)
        assert len(stem) <= 40
        if stem == "v-behaviorurldefaultvmlo":  # a Word paste published without a title
            junk += 1
            assert "behavior:url(#default#VML)" in p.body_html
            continue
        words = re.findall(r"[a-z0-9]+", p.title.lower().replace("'", ""))
        assert stem == "-".join(words)[: len(stem)]
        assert stem.split("-") == words[: len(stem.split("-"))]
    assert 0 < junk < 0.05 * len(big_blog.posts)


def test_labels_and_author(big_blog: DemoBlog) -> None:
    labels = Counter(lab for p in big_blog.posts for lab in p.labels)
    for p in big_blog.posts:
        assert p.labels[0] == "Polres Purwakarta"
        assert 2 <= len(p.labels) == len(set(p.labels))
        assert p.author in ("Humas Polres Purwakarta", "Sihumas Polres Purwakarta")
        assert (p.unit, p.polda) == ("Polres Purwakarta", "Polda Jawa Barat")
    assert len(labels) >= 20
    assert any(lab.startswith("Polsek ") for lab in labels)


# --------------------------------------------------------------------------------------------
# Article text
# --------------------------------------------------------------------------------------------


def test_body_text_shape(big_blog: DemoBlog) -> None:
    for p in big_blog.posts:
        paras = p.body_text.split("\n\n")
        assert 4 <= len(paras) <= 8, p.body_text
        assert "Polres Purwakarta" in p.body_text
        assert "baca juga" not in p.body_text.lower()
        assert "\xa0" not in p.body_text and "  " not in p.body_text
        assert "<" not in p.body_text and "&nbsp" not in p.body_text
        assert ".." not in p.body_text
        for para in paras:
            assert para == norm(para) and para
        assert "{" not in p.body_text and "[" not in p.body_text  # no unfilled template


def test_dateline_date_matches_published(big_blog: DemoBlog) -> None:
    styles = Counter()
    for p in big_blog.posts:
        first = p.body_text.split("\n\n")[0]
        ev, day_name = body_date(first, p.published.year)
        assert ev in (p.published.date(), p.published.date() - timedelta(days=1)), (first, p)
        assert day_name.replace("'", "") == HARI[ev.weekday()]
        head = first.split(" ", 1)[0]
        styles[head] += 1
        assert re.match(
            r"^(Polres Purwakarta|PURWAKARTA|Humas Polres Purwakarta|Purwakarta,)", first
        ), first
    # several dateline styles are used
    assert len(styles) >= 3
    # and several body date styles
    firsts = [p.body_text.split("\n\n")[0] for p in big_blog.posts]
    assert any(re.search(r"\(\w+, \d{1,2}/\d{1,2}/\d{4}\)", f) for f in firsts)
    assert any(re.search(r"\w+ \(\d\d/\d\d/\d\d\)", f) for f in firsts)
    assert any("Jum'at" in f for f in firsts)
    assert any(_LONG.search(f) for f in firsts)


def test_article_register(big_blog: DemoBlog) -> None:
    text = "\n".join(p.body_text for p in big_blog.posts)
    for rank in ("AKBP", "Kompol", "AKP", "Iptu", "Ipda", "Aiptu", "Bripka", "Brigpol"):
        assert re.search(rf"\b{rank} [A-Z][a-z]+", text), rank
    assert "S.I.K." in text
    assert "“" in text and "”" in text and '"' in text
    assert "Kapolres Purwakarta" in text and "Kapolda Jawa Barat" in text
    assert re.search(r"\b(Desa|Kecamatan) (Nagri Kidul|Jatiluhur|Plered|Cibening)", text)
    for phrase in (
        "sabu",
        "ganja",
        "curanmor",
        "Jumat Curhat",
        "donor darah",
        "knalpot brong",
        "Bhabinkamtibmas",
        "judi online",
        "tes urine",
        "Operasi Zebra",
        "Operasi Ketupat",
        "Pilkada Serentak 2024",
        "Pemilu 2024",
        "takjil",
    ):
        assert phrase.lower() in text.lower(), phrase
    credits = [
        p
        for p in big_blog.posts
        if re.fullmatch(
            r"\((Humas|Sihumas|Hms) Polres Purwakarta(/red)?\)", p.body_text.split("\n\n")[-1]
        )
    ]
    assert 0.2 * len(big_blog.posts) < len(credits) < 0.5 * len(big_blog.posts)


def test_every_activity_renders() -> None:
    assert len(content._ACTIVITIES) >= 25
    rng = __import__("random").Random(1)
    for unit, polda, province in (
        ("Polres Metro", "Polda Lampung", "Lampung"),
        ("Polres Tegal Kota", "Polda Jateng", "Jawa Tengah"),
        ("Polresta Bandar Lampung", "Polda Lampung", "Lampung"),
        ("Polsek Cibatu", "Polda Jabar", "Jawa Barat"),
        ("Polda Lampung", "Polda Lampung", "Lampung"),
    ):
        u = content._make_unit_ctx(unit, polda, province, 7, rng)
        used: set[str] = set()
        fails: Counter[str] = Counter()
        for act in content._ACTIVITIES:
            for _ in range(12):  # every scene, with high probability
                pub = datetime(2024, 11, 22, 15, 0, tzinfo=WIB)
                d = content._draft(rng, u, pub, used, fails, activity=act.key)
                assert d.activity == act.key
                assert 4 <= len(d.paragraphs) <= 8
                assert unit in "\n".join(d.paragraphs)
                for para in d.paragraphs + [d.title]:
                    assert "{" not in para and "[" not in para, para


def test_activity_variety(big_blog: DemoBlog) -> None:
    # Titles are built from many parametrised templates: the first three words vary a lot.
    heads = Counter(" ".join(p.title.split()[:2]) for p in big_blog.posts)
    assert len(heads) >= 40
    assert heads.most_common(1)[0][1] < 0.12 * len(big_blog.posts)


# --------------------------------------------------------------------------------------------
# body_html as Blogger stores it
# --------------------------------------------------------------------------------------------


def test_reference_cleaner_reproduces_body_text(big_blog: DemoBlog, blog: DemoBlog) -> None:
    for p in big_blog.posts + blog.posts:
        assert reference_clean(p.body_html) == p.body_text, p.body_html


def test_body_html_features(big_blog: DemoBlog) -> None:
    posts = big_blog.posts
    n = len(posts)
    baca = [p for p in posts if "baca juga" in p.body_html.lower()]
    images = [p for p in posts if 'class="separator"' in p.body_html]
    word = [p for p in posts if re.search(r"<br />\n[a-z]", p.body_html)]
    assert 0.15 * n < len(baca) < 0.35 * n
    assert 0.2 * n < len(images) < 0.4 * n
    assert 0.12 * n < len(word) < 0.3 * n
    assert any("Baca juga" in p.body_html for p in baca)
    assert any("&nbsp;" in p.body_html for p in posts)
    assert any("<span style=" in p.body_html for p in posts)
    assert any("<div" in p.body_html and "<p" not in p.body_html for p in posts)
    assert any("<br /><br />" in p.body_html for p in posts)
    assert any("MsoNormal" in p.body_html and "<o:p>" in p.body_html for p in word)
    for p in images:
        assert re.search(
            r'<img [^>]*src="https://blogger\.googleusercontent\.com/img/b/'
            r'R29vZ2xl/[^"]+/(s\d+|w\d+-h\d+)/[^"/]+"',
            p.body_html,
        )
    for p in word:
        # the hard-broken lines re-join with one space in body_text
        for line_end, nxt in re.findall(r"(\S+)<br />\n(\S+)", p.body_html):
            if "<" in line_end or "<" in nxt or "&" in line_end + nxt:
                continue
            assert f"{line_end} {nxt}" in p.body_text


def test_baca_juga_links_point_to_posts_of_the_blog(big_blog: DemoBlog) -> None:
    by_path = {post_path(p): p for p in big_blog.posts}
    seen = 0
    for p in big_blog.posts:
        for href, title in re.findall(
            r'<a href="(/\d{4}/\d\d/[^"]+\.html)"[^>]*>([^<]+)</a>', p.body_html
        ):
            target = by_path[href]
            assert target.post_id != p.post_id
            assert lxml.html.fromstring(f"<i>{title}</i>").text_content() == target.title
            seen += 1
    assert seen > 100


def test_fallback_units() -> None:
    for unit, polda, province, expected in (
        ("Polres Tegal Kota", "Polda Jateng", "Jawa Tengah", "Kota Tegal"),
        ("Polresta Bandar Lampung", "Polda Lampung", "Lampung", "Kota Bandar Lampung"),
        ("Polres Blitar", "Polda Jatim", "Jawa Timur", "Kabupaten Blitar"),
    ):
        blog = make_blog(unit, polda, province, 40, seed=4, newest=NEWEST)
        text = "\n".join(p.body_text for p in blog.posts)
        assert expected in text
        assert "Kapolres" in text or "Kapolresta" in text
        for p in blog.posts:
            assert unit in p.body_text
            assert reference_clean(p.body_html) == p.body_text


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


def _doc(page: str) -> lxml.html.HtmlElement:
    assert page.startswith("<!DOCTYPE html>")
    return lxml.html.document_fromstring(page)


def _check_head(doc: lxml.html.HtmlElement, post: DemoPost) -> None:
    url = BASE + post_path(post)
    assert doc.xpath("//meta[@name='generator']/@content") == ["blogger"]
    assert doc.xpath("//link[@rel='canonical']/@href") == [url]
    assert doc.xpath("//meta[@property='og:url']/@content") == [url]
    assert doc.xpath("//meta[@property='og:title']/@content") == [post.title]
    assert doc.xpath("//meta[@property='og:type']/@content") == ["article"]
    feeds = doc.xpath("//link[@rel='alternate']/@href")
    assert f"{BASE}/feeds/posts/default" in feeds
    assert f"{BASE}/feeds/posts/default?alt=rss" in feeds


def _check_body(doc: lxml.html.HtmlElement, post: DemoPost) -> None:
    bodies = doc.xpath(f"//*[@id='post-body-{post.post_id}']")
    assert len(bodies) == 1
    body = bodies[0]
    assert "post-body" in body.get("class") and "entry-content" in body.get("class")
    text = norm(body.text_content())
    for para in post.body_text.split("\n\n"):
        assert para in text


@pytest.mark.parametrize("theme", ["simple", "contempo"])
def test_post_page(blog: DemoBlog, theme: str) -> None:
    popular = blog.posts[10:13]
    for i in (0, 3, len(blog.posts) - 1):
        post = blog.posts[i]
        page = render_post_page(blog, post, BASE + "/", theme=theme, popular=popular)
        for s in (
            "Postingan populer dari blog ini",
            "Posting Komentar",
            "Diberdayakan oleh Blogger",
            "Komentar",
            "Diposting oleh",
            "Label:",
        ):
            assert s in page, s
        doc = _doc(page)
        _check_head(doc, post)
        _check_body(doc, post)
        assert (
            doc.xpath("//h3[contains(@class,'post-title')]")[0].text_content().strip() == post.title
        )
        for p in popular:
            assert doc.xpath(
                f"//a[@href='{BASE}{post_path(p)}' and normalize-space()=$t]", t=p.title
            )
        labels = doc.xpath("//*[contains(@class,'post-labels')]//a[@rel='tag']")
        assert [norm(a.text_content()) for a in labels] == list(post.labels)
        if theme == "simple":
            assert doc.xpath("//meta[@itemprop='blogId']/@content") == [blog.blog_id]
            assert doc.xpath("//meta[@itemprop='postId']/@content") == [post.post_id]
            assert doc.xpath("//abbr[@class='published']/@title") == [post.published.isoformat()]
            header = doc.xpath("//h2[@class='date-header']/span/text()")[0]
            assert header == (
                f"{HARI[post.published.weekday()]}, {post.published.day:02d} "
                f"{BULAN[post.published.month - 1]} {post.published.year}"
            )
            assert doc.xpath("//div[@id='comments']")
            assert doc.xpath("//*[contains(@class,'post-share-buttons')]")
            older = doc.xpath("//a[@id='Blog1_blog-pager-older-link']/@href")
            newer = doc.xpath("//a[@id='Blog1_blog-pager-newer-link']/@href")
            assert older == (
                [] if i == len(blog.posts) - 1 else [BASE + post_path(blog.posts[i + 1])]
            )
            assert newer == ([] if i == 0 else [BASE + post_path(blog.posts[i - 1])])
            assert "Posting Lama" in page or i == len(blog.posts) - 1
            assert "Beranda" in page
        else:
            assert (
                doc.xpath("//time[contains(@class,'published')]/@datetime")[0]
                == post.published.isoformat()
            )
            shares = doc.xpath("//ul[contains(@class,'share-buttons')]")
            assert shares
            share_text = norm(shares[0].text_content())
            for s in ("Dapatkan link", "Facebook", "X", "Pinterest", "Email", "Aplikasi Lainnya"):
                assert s in share_text
            # the PopularPosts block comes after the post
            html_text = page
            assert html_text.index(f"post-body-{post.post_id}") < html_text.index(
                "Postingan populer dari blog ini"
            )


def test_post_page_default_popular_and_bad_theme(blog: DemoBlog) -> None:
    post = blog.posts[4]
    page = render_post_page(blog, post, BASE)
    doc = _doc(page)
    items = doc.xpath("//div[@id='PopularPosts1']//div[@class='item-title']/a")
    assert len(items) == 3
    assert post.title not in [a.text_content() for a in items]
    assert page == render_post_page(blog, post, BASE)  # deterministic
    with pytest.raises(ValueError):
        render_post_page(blog, post, BASE, theme="dynamic-views")


def test_index_page(blog: DemoBlog) -> None:
    posts = blog.posts[5:17]
    page = render_index_page(blog, posts, BASE + "/")
    doc = _doc(page)
    assert doc.xpath("//meta[@name='generator']/@content") == ["blogger"]
    for p in posts:
        _check_body(doc, p)
    headers = doc.xpath("//h2[@class='date-header']/span/text()")
    assert len(headers) == len({p.published.date() for p in posts})
    assert len(doc.xpath("//div[@class='date-outer']")) == len(headers)
    older = doc.xpath("//a[@id='Blog1_blog-pager-older-link']")
    assert older and older[0].text_content() == "Posting Lama"
    last = posts[-1].published.isoformat().replace("+", "%2B")
    assert older[0].get("href") == f"{BASE}/search?updated-max={last}&max-results={len(posts)}"
    assert doc.xpath("//a[@id='Blog1_blog-pager-newer-link']")
    for s in ("Postingan populer dari blog ini", "Diberdayakan oleh Blogger", "Beranda"):
        assert s in page
    # home page: no newer link; last page: no older link
    home = _doc(render_index_page(blog, blog.posts[:10], BASE))
    assert not home.xpath("//a[@id='Blog1_blog-pager-newer-link']")
    tail = _doc(render_index_page(blog, blog.posts[-3:], BASE))
    assert not tail.xpath("//a[@id='Blog1_blog-pager-older-link']")
    assert _doc(render_index_page(blog, [], BASE)) is not None


def test_generation_speed() -> None:
    start = time.perf_counter()
    blog = make_blog("Polres Nganjuk", "Polda Jatim", "Jawa Timur", 2000, seed=9, newest=NEWEST)
    elapsed = time.perf_counter() - start
    assert len(blog.posts) == 2000
    assert elapsed < 2.5, elapsed  # about 0.4 s on a laptop; generous for slow CI
