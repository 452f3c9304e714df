"""Tests for crawler.extract.clean (body HTML -> sanitized HTML + clean text)."""

from __future__ import annotations

import html
import random
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from lxml_html_clean import Cleaner

from crawler.extract.clean import (
    _ALLOWED_TAGS,
    _KILL_TAGS,
    _SAFE_ATTRS,
    _fragment,
    _strip_unsafe,
    clean_body,
    extract_images,
    html_to_text,
    sanitize_html,
    strip_boilerplate_text,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
READABILITY = SHARED / "research" / "data" / "readability"
BASE = "https://humaspolresmetro.example.id/2023/11/kapolres-metro-silaturahmi.html"


def norm(line: str) -> str:
    """Whitespace-normalise one line the way the cleaner does (nbsp, runs of spaces)."""
    return " ".join(line.replace("\u00a0", " ").split())


def esc(line: str) -> str:
    return html.escape(line.strip(" \t\r"), quote=False)


# --------------------------------------------------------------------------- seeds


def split_seed(path: Path) -> tuple[str, list[str], list[str], str]:
    """(platform, article lines, tail lines, expected text) of a seed page text.

    The first line is the title (repeated as the page heading on network-CMS pages, which is
    excluded too). Lines stay raw (an nbsp-only line is an nbsp paragraph on the page).
    """
    raw = path.read_text(encoding="utf-8").splitlines()
    title = norm(raw[0])
    lines = [ln.strip(" \t\r") for ln in raw[1:] if ln.strip(" \t\r") and norm(ln) != title]
    normed = [norm(ln) for ln in lines]
    if "Postingan populer dari blog ini" in normed:
        platform, cut = "blogger", normed.index("Komentar")
    elif "Artikel Sebelumnya" in normed:
        platform, cut = "network", normed.index("Artikel Sebelumnya")
        if normed[cut - 1] == normed[cut - 2]:  # author/channel name printed twice
            cut -= 2
    else:
        pytest.skip(f"{path.name}: no known platform tail (Blogger/network CMS) in this seed")
    article, tail = lines[:cut], lines[cut:]
    expected = "\n\n".join(n for n in map(norm, article) if n)
    assert expected, f"{path.name}: no article text before the tail"
    return platform, article, tail, expected


def blogger_page(article: list[str], tail: list[str], variant: str) -> str:
    """A Blogger post as a spider sees it: the post body, then footer, comments, PopularPosts."""
    titles = tail[tail.index("Postingan populer dari blog ini") + 1 :]
    if variant == "flattened":  # compose-mode body: text separated by <br><br>, chrome leaked in
        return "<div>" + "<br><br>".join(esc(ln) for ln in article + tail) + "</div>"
    body = "\n".join(f"<p>{esc(ln)}</p>" for ln in article)
    if variant == "plain":
        return body + "".join(f"\n<div>{esc(ln)}</div>" for ln in tail)
    popular = "".join(
        f'<article class="post"><h3 class="post-title"><a href="/2023/11/p{i}.html">{esc(t)}</a>'
        f'</h3><div class="snippet-item">Polres Metro Polda Lampung - …</div></article>'
        for i, t in enumerate(titles)
    )
    return f"""
<div class="post-body entry-content float-container" id="post-body-6d1afd8a343d2646"
     itemprop="articleBody">
{body}
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1">
  <span class="byline post-author vcard">Diposting oleh <span class="fn">Humas Polres Metro</span>
  </span><span class="byline post-labels">Label: <a href="/search/label/Pemilu" rel="tag">Pemilu</a>
  </span></div>
  <div class="post-share-buttons"><a class="goog-inline-block share-button sb-email"
     href="https://www.blogger.com/share-post.g?blogID=1&amp;postID=2&amp;target=email">Email</a>
  <a class="share-button sb-facebook" onclick="window.open(this.href, '_blank')"
     href="https://www.blogger.com/share-post.g?target=facebook">Facebook</a></div>
</div>
<section class="comments" id="comments"><h3 class="title">Komentar</h3>
  <div class="comment-form"><a href="javascript:;" onclick="openForm()">Posting Komentar</a>
  <iframe src="https://www.blogger.com/comment/frame/1?po=2"></iframe></div></section>
<div class="widget PopularPosts" data-version="2" id="PopularPosts1">
  <h3 class="title">Postingan populer dari blog ini</h3>
  <div class="widget-content"><div role="feed">{popular}</div></div>
</div>"""


def network_page(article: list[str], tail: list[str], variant: str) -> str:
    """A network-CMS article: body, author twice, prev/next, related, recommendations, tags."""
    if variant == "flattened":
        return "<div>" + "<br><br>".join(esc(ln) for ln in article + tail) + "</div>"
    body = "\n".join(f"<p>{esc(ln)}</p>" for ln in article)
    if variant == "plain":
        return body + "".join(f"\n<div>{esc(ln)}</div>" for ln in tail)
    author, prev_t, next_t = tail[0], tail[3], tail[5]
    recs = tail[tail.index("Rekomendasi berita") + 1 : tail.index("Tags")]
    items = "".join(f'<li><a href="/r{i}">{esc(t)}</a></li>' for i, t in enumerate(recs))
    return f"""
<div class="td-post-content tagdiv-type">
{body}
</div>
<div class="author-box-wrap"><a class="td-author-name" href="/author/x">{esc(author)}</a>
  <div class="td-author-description">{esc(tail[1])}</div></div>
<div class="td-post-next-prev">
  <div class="td-post-next-prev-content"><span>{esc(tail[2])}</span>
    <a href="/prev">{esc(prev_t)}</a></div>
  <div class="td-post-next-prev-content"><span>{esc(tail[4])}</span>
    <a href="/next">{esc(next_t)}</a></div>
</div>
<div class="td_block_wrap td_block_related_posts">
  <h4 class="td-related-title">Berita terkait</h4></div>
<div class="td_block_wrap"><h4 class="block-title">Rekomendasi berita</h4><ul>{items}</ul></div>
<div class="td-post-source-tags"><ul class="td-tags"><li><span>Tags</span></li></ul></div>"""


@pytest.mark.parametrize("variant", ["classed", "plain", "flattened"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_article_text_is_exactly_the_paragraphs(seed: Path, variant: str) -> None:
    platform, article, tail, expected = split_seed(seed)
    build = blogger_page if platform == "blogger" else network_page
    page = build(article, tail, variant)
    clean_html, text = clean_body(page, BASE)
    assert text == expected
    for marker in ("Postingan populer dari blog ini", "Artikel Sebelumnya", "Rekomendasi berita"):
        assert marker not in clean_html
    assert "<iframe" not in clean_html and "onclick" not in clean_html
    first = article[0] if norm(article[0]) else article[1]
    assert html.escape(norm(first)[:40], quote=False) in clean_html.replace("\u00a0", " ")
    if variant != "classed":  # HTML-level line rules agree with the text: author lines gone
        assert "<div>Polres Purwakarta</div>" not in clean_html
        assert "Polres Purwakarta<br><br>Polres Purwakarta" not in clean_html
        assert "Polres Purwakarta<br>" not in clean_html


def test_seed_texts_through_strip_boilerplate_text() -> None:
    if not SEEDS:
        pytest.skip(f"no seed texts at {SHARED / 'seeds'} (../shared is absent)")
    for seed in SEEDS:
        _, _, _, expected = split_seed(seed)
        raw = seed.read_text(encoding="utf-8").splitlines()
        title = norm(raw[0])
        text = "\n".join("" if norm(ln) == title else norm(ln) for ln in raw[1:])
        assert strip_boilerplate_text(text) == expected, seed.name


# --------------------------------------------------------------------------- hand-written release

RELEASE = """
<div class="entry-content">
<p><img src="/wp-content/uploads/2024/10/apel-ops-zebra.jpg" alt="Apel Operasi Zebra"
        onerror="alert(1)" style="width:100%" class="aligncenter"></p>
<p style="text-align: justify;"><span style="font-family: Arial;">SANGGAU &#8211; Satuan Lalu
Lintas Polres Sanggau menggelar apel gelar pasukan<br>
dalam rangka Operasi Zebra Kapuas 2024 di halaman Mapolres Sanggau, Senin (14/10/2024).<br>
Kegiatan dipimpin langsung oleh Kapolres Sanggau AKBP Suparno Agus Candra Kusumah.</span></p>
<p>&nbsp;</p>
<p><strong>Baca juga:</strong> <a href="/2024/10/polda-kalbar-gelar-operasi-zebra/">Polda Kalbar
Gelar Operasi Zebra Kapuas 2024</a></p>
<p>&#8220;Operasi ini bertujuan menekan angka kecelakaan dan fatalitas korban lalu lintas di
wilayah hukum Polres Sanggau,&#8221; ujar Kapolres.</p>
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
<p onclick="track()">Kapolres menambahkan, masyarakat dapat menyampaikan komentar maupun saran
terkait pelayanan lalu lintas melalui <a href="javascript:alert('x')" onclick="t()">layanan
pengaduan</a> Polri 110 atau <a href="/kontak/">kanal resmi</a> Polres Sanggau.</p>
<p>Komentar warga terhadap kegiatan ini sangat positif.</p>
<p><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315"></iframe></p>
<p>Tidak ada komentar dari pihak pengendara yang terjaring razia.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">
  <h3 class="sd-title">Bagikan ini:</h3><ul><li><a class="share-facebook"
  href="https://www.facebook.com/sharer.php?u=x">Facebook</a></li>
  <li><a href="https://wa.me/?text=x">WhatsApp</a></li></ul></div></div>
<p>Facebook Twitter WhatsApp Telegram</p>
<p>Editor: Humas Polres Sanggau</p>
</div>
<div id="respond"><h3 id="reply-title">Tinggalkan Balasan</h3>
<form id="commentform"><input name="author"><button onclick="x()">Kirim Komentar</button></form>
</div>"""

RELEASE_TEXT = (
    "SANGGAU – Satuan Lalu Lintas Polres Sanggau menggelar apel gelar pasukan dalam rangka "
    "Operasi Zebra Kapuas 2024 di halaman Mapolres Sanggau, Senin (14/10/2024).\n"
    "Kegiatan dipimpin langsung oleh Kapolres Sanggau AKBP Suparno Agus Candra Kusumah.\n\n"
    "“Operasi ini bertujuan menekan angka kecelakaan dan fatalitas korban lalu lintas di wilayah "
    "hukum Polres Sanggau,” ujar Kapolres.\n\n"
    "Kapolres menambahkan, masyarakat dapat menyampaikan komentar maupun saran terkait pelayanan "
    "lalu lintas melalui layanan pengaduan Polri 110 atau kanal resmi Polres Sanggau.\n\n"
    "Komentar warga terhadap kegiatan ini sangat positif.\n\n"
    "Tidak ada komentar dari pihak pengendara yang terjaring razia."
)
RELEASE_BASE = "https://polres-sanggau.example.id/2024/10/14/apel-operasi-zebra/"


def test_release_clean_text() -> None:
    _, text = clean_body(RELEASE, RELEASE_BASE)
    assert text == RELEASE_TEXT


def test_release_sanitized_html() -> None:
    out, _ = clean_body(RELEASE, RELEASE_BASE)
    assert out == sanitize_html(RELEASE, RELEASE_BASE)
    lowered = out.lower()
    for bad in ("<script", "_gaq", "<iframe", "youtube", "onclick", "onerror", "javascript:",
                "style=", "class=", "<form", "<input", "<button", "<span", "baca juga",
                "sharedaddy", "facebook", "tinggalkan balasan", "editor:"):
        assert bad not in lowered, bad
    assert (
        '<img src="https://polres-sanggau.example.id/wp-content/uploads/2024/10/apel-ops-zebra.jpg"'
        ' alt="Apel Operasi Zebra">' in out
    )
    assert '<a href="https://polres-sanggau.example.id/kontak/">kanal resmi</a>' in out
    assert "melalui layanan\npengaduan Polri 110" in out  # the javascript: link is unwrapped
    assert "<p>&nbsp;</p>" not in out and "<p>\xa0</p>" not in out
    assert "Tidak ada komentar dari pihak pengendara" in out


# --------------------------------------------------------------------------- html_to_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Word-pasted hard breaks mid-sentence are re-joined ...
        ("<p>Personel Polsek Metro Pusat melaksanakan<br>patroli dialogis di<br>pasar "
         "Kota Metro.</p>", "Personel Polsek Metro Pusat melaksanakan patroli dialogis di pasar "
         "Kota Metro."),
        # ... but not after sentence/clause punctuation, nor before a capital letter.
        ("<p>Adapun sasaran operasi:<br>pengendara tanpa helm;<br>pengendara di bawah umur.</p>",
         "Adapun sasaran operasi:\npengendara tanpa helm;\npengendara di bawah umur."),
        ("<p>Kapolres Metro<br>AKBP Heri Sulistyo Nugroho</p>",
         "Kapolres Metro\nAKBP Heri Sulistyo Nugroho"),
        ("<p>“Kami siap mengamankan pemilu,”<br>ujar Kapolres.</p>",
         "“Kami siap mengamankan pemilu,”\nujar Kapolres."),
        # <br><br> separates paragraphs (Blogger compose mode); nbsp-only paragraphs vanish.
        ("Paragraf satu.<br><br>&nbsp;<br /><br />Paragraf dua.<div>&nbsp;</div><p> </p>"
         "<p>&nbsp;&nbsp;</p><p>Paragraf tiga.</p>",
         "Paragraf satu.\n\nParagraf dua.\n\nParagraf tiga."),
        # entities, nbsp, zero-width characters, runs of spaces, source newlines
        ("<p>Polres&nbsp;&nbsp;Metro &amp; KPU\u200b  Kota&#160;Metro\n  bersinergi&#8230;</p>",
         "Polres Metro & KPU Kota Metro bersinergi…"),
        ("<p>S&amp;P&nbsp;</p><p>&amp;nbsp;</p>", "S&P"),
        ("<p>Pol\u200bres Me\u00adtro\ufeff</p>", "Polres Metro"),
        # script/style/comments are not text; inline tags do not split words
        ("<style>p{color:red}</style><p>Sat<b>lantas</b> <!-- x -->Polres<script>x()</script> "
         "Metro</p>", "Satlantas Polres Metro"),
        # one paragraph per block element: headings, list items, table rows
        ("<h2>Sasaran</h2><ul><li>Balap liar</li><li>Knalpot brong</li></ul>"
         "<table><tr><td>No</td><td>Jenis</td></tr><tr><td>1</td><td>R2</td></tr></table>",
         "Sasaran\n\nBalap liar\n\nKnalpot brong\n\nNo Jenis\n\n1 R2"),
        ("", ""),
    ],
)
def test_html_to_text(source: str, expected: str) -> None:
    assert html_to_text(source) == expected


# --------------------------------------------------------------------------- strip_boilerplate_text

ART = "Polres Metro menggelar patroli skala besar, Sabtu (18/11/2023)."
ART2 = "Kegiatan tersebut berlangsung aman dan kondusif."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{ART}\n\nBaca juga: Polres Metro Amankan Pelaku Curanmor\n\n{ART2}", f"{ART}\n\n{ART2}"),
        (f"{ART}\nBaca Juga : Kapolres Sambangi KPU\n{ART2}", f"{ART}\n{ART2}"),
        (f"{ART}\n\nBACA JUGA\n\n{ART2}\n\nSimak juga: video patroli", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\nKomentar\n\n{ART2}", ART),
        (f"{ART}\n\n0 Komentar\n\nPosting Komentar\n\nx", ART),
        (f"{ART}\n\nTidak ada komentar:\n\nPosting Komentar", ART),
        (f"{ART}\n\nPostingan populer dari blog ini\n\nJudul lain", ART),
        (f"{ART}\n\nArtikel Sebelumnya Sambut Pilkada 2024, TNI-Polri...\n\n{ART2}", ART),
        (f"{ART}\n\nBerita terkait\n\n{ART2}", ART),
        (f"{ART}\n\nRekomendasi berita\nNagari TV, TVnya Nagari!", ART),
        (f"{ART}\n\nRelated Posts:\n{ART2}", ART),
        (f"{ART}\n\nShare this:\n\nFacebook", ART),
        (f"{ART}\n\nBagikan artikel ini\n\n{ART2}", ART),
        (f"{ART}\n\nTinggalkan Balasan Batalkan balasan\n\nAlamat email Anda tidak akan", ART),
        (f"{ART}\n\nLeave a Reply", ART),
        (f"{ART}\n\nPos terkait\n\n{ART2}", ART),
        (f"{ART}\n\nBacaan Lainnya\n\n{ART2}", ART),
        (f"{ART}\n\nDiscussion about this post\n\n{ART2}", ART),
        # sentences that merely contain/start with a marker word are kept
        (f"Warga menyampaikan komentar positif.\n\n{ART2}",
         f"Warga menyampaikan komentar positif.\n\n{ART2}"),
        (f"Komentar warga sangat positif.\n\n{ART2}", f"Komentar warga sangat positif.\n\n{ART2}"),
        (f"Tidak ada komentar dari tersangka.\n\n{ART2}",
         f"Tidak ada komentar dari tersangka.\n\n{ART2}"),
        (f"Berita terkait penangkapan itu viral.\n\n{ART2}",
         f"Berita terkait penangkapan itu viral.\n\n{ART2}"),
        # single lines dropped anywhere
        (f"{ART}\n\nADVERTISEMENT\nSCROLL TO RESUME CONTENT\n\n{ART2}", f"{ART}\n\n{ART2}"),
        (f"error: Content is protected !!\n\n{ART}\n\n[penci_related_posts dis_pview=\"no\" "
         f"title=\"Berita\" number=\"4\"]\n\n{ART2}", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\nArray\n\n-->\n\n{ART2}", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\nDiposting oleh Humas Polres Metro\n\nLabel: Berita, Pemilu\n\n"
         f"Diberdayakan oleh Blogger\n\n{ART2}", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\nFacebook Twitter WhatsApp Telegram\n\nSalin Link\n\n"
         f"Dapatkan link Facebook X Pinterest Email Aplikasi Lainnya\n\n{ART2}",
         f"{ART}\n\n{ART2}"),
        # credits and tags only at the very end
        (f"{ART}\n\nEditor: Humas Polres Metro\n\n{ART2}", f"{ART}\n\nEditor: Humas Polres Metro"
         f"\n\n{ART2}"),
        (f"{ART}\n\n{ART2}\n\nPenulis: Bripda Andi\nEditor: Humas", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\n{ART2}\n\nSumber : Humas Polres Metro", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\n{ART2}\n\nTags: pemilu, polres metro", f"{ART}\n\n{ART2}"),
        (f"{ART}\n\n{ART2}\n\nTags\nPemilu\nPolres Metro", f"{ART}\n\n{ART2}"),
        # author/channel printed twice at the end
        (f"{ART}\n\nPolres Purwakarta\n\nPolres Purwakarta", ART),
        (f"{ART}\n\nPolres Purwakarta", f"{ART}\n\nPolres Purwakarta"),
        (f"{ART}\n\nPolres Metro\nPolres Metro\n\nEditor: Humas", ART),
        # a longer run of identical short lines (photo captions) is not an author pair
        (f"{ART}\n\nFoto kegiatan\n\nFoto kegiatan\n\nFoto kegiatan",
         f"{ART}\n\nFoto kegiatan\n\nFoto kegiatan\n\nFoto kegiatan"),
        # a cut-off marker above any article text (share bar on top) is only dropped
        (f"Share this:\n\n{ART}\n\nKomentar\n\nBagus", ART),
        (f"Bagikan artikel ini\nFacebook Twitter\n\n{ART}\n\n{ART2}", f"{ART}\n\n{ART2}"),
        ("", ""),
    ],
)
def test_strip_boilerplate_text(text: str, expected: str) -> None:
    assert strip_boilerplate_text(text) == expected


# --------------------------------------------------------------------------- sanitize_html


def test_sanitize_urls_and_attributes() -> None:
    src = (
        '<h1 class="t">Judul</h1><p style="color:red" onmouseover="x()"><font face="Arial">'
        '<a href="jav&#x09;ascript:alert(1)">a</a> <a href="vbscript:msgbox(1)">b</a> '
        '<a href="data:text/html;base64,PHNjcmlwdD4=">c</a> <a href="#top">d</a> '
        '<a href="//polri.go.id/berita">e</a> <a href="mailto:humas@polri.go.id">f</a></font></p>'
        '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="peta"><img src="javascript:x">'
        '<img data-src="foto/kapolres.jpg" src="data:image/gif;base64,R0lGOD" alt="Kapolres">'
        '<svg><script>alert(1)</script></svg><object data="x.swf"></object><embed src="x.swf">'
        '<noscript><img src="/pixel.gif"></noscript><link rel="stylesheet" href="x.css">'
        '<meta name="x" content="y"></p>'
    )
    out = sanitize_html(src, "https://humas.polri.go.id/berita/2024/")
    assert out == (
        "<h2>Judul</h2><p>a b c d "
        '<a href="https://polri.go.id/berita">e</a> <a href="mailto:humas@polri.go.id">f</a></p>'
        '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="peta">'
        '<img src="https://humas.polri.go.id/berita/2024/foto/kapolres.jpg" alt="Kapolres"></p>'
    )
    assert sanitize_html('<a href="//polri.go.id/x">x</a>') == '<a href="https://polri.go.id/x">x</a>'
    assert sanitize_html("") == "" and sanitize_html("   ") == ""


HOSTILE = (
    '<p onclick="x()">Isi <a href=" JaVa&#x0A;script:alert(1)">tautan</a> '
    '<a href="https://polri.go.id/about:x">about</a> <a href=" /berita/1 ">satu</a> '
    '<img src="vbscript:x" alt="v"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s">'
    '<img src="data:image/png;base64,iVBO" alt="p"></p><!-- komentar --><?php echo 1 ?>'
    "<style>p{}</style><object data=\"x.swf\"><param name=\"a\" value=\"b\">objek</object>"
    '<form action="/kirim"><input name="q"><button>Kirim</button>Formulir</form>'
    '<iframe src="https://evil.example/"></iframe><noframes>nf</noframes>'
    '<div href="javascript:x()" src=" /a.jpg " title="t" style="x">blok</div>'
    '<blink>kedip</blink> <marquee onstart="x()">jalan</marquee>'
    '<image src="/foto.jpg" onerror="x()"><embed src="x.swf">'
)


def test_sanitize_hostile_markup() -> None:
    out, text = clean_body(HOSTILE, "https://polres.example.id/berita/")
    assert out == (
        '<p>Isi tautan about <a href="https://polres.example.id/berita/1">satu</a> '
        '<img src="data:image/png;base64,iVBO" alt="p"></p>'
        '<div href="" src="/a.jpg" title="t">blok</div>kedip jalan'
        '<img src="https://polres.example.id/foto.jpg">'
    )  # "about:" anywhere in a link counts as a scheme; <image> is read as <img>
    assert text == "Isi tautan about satu\n\nblok\n\nkedip jalan"


# The sanitizing step _strip_unsafe replaced this lxml_html_clean configuration (with
# lxml.html's parser); both must leave the same tree.
REFERENCE_CLEANER = Cleaner(
    scripts=True, javascript=True, comments=True, style=True, inline_style=True, links=True,
    meta=True, page_structure=True, processing_instructions=True, embedded=False, frames=True,
    forms=True, annoying_tags=True, remove_unknown_tags=False, allow_tags=_ALLOWED_TAGS,
    kill_tags=_KILL_TAGS, safe_attrs_only=True, safe_attrs=_SAFE_ATTRS,
)
FUZZ_TAGS = (
    *sorted(_KILL_TAGS), *sorted(_ALLOWED_TAGS), "noframes", "param", "blink", "marquee",
    "html", "body", "image", "span", "font", "h1", "section", "aside", "o:p", "layer", "label",
)
FUZZ_ATTRS = ("href", "src", "onclick", "onerror", "style", "class", "id", "alt", "title",
              "colspan", "data-src", "action", "background", "xlink:href", "http-equiv",
              "content", "srcset", "codebase", "data", "value", "valuetype")
FUZZ_VALUES = (
    "javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "jav%61script:x", "vbscript:x",
    "data:text/html,<b>", "data:image/png;base64,iVBO", "data:image/svg+xml;base64,PHN2",
    "about:blank", "mocha:x", "livescript:x", "https://evil.example/x.js", "//cdn.example/a.jpg",
    "/rel.jpg", "#top", "  https://a.example/b?c=d  ", "mailto:a@b.example", "refresh",
    "0;url=javascript:x", "expression(alert(1))", "url(javascript:x)", "ref", "",
)
FUZZ_TEXT = ("Isi berita.", "&nbsp;", "x < y & z", "<!-- c -->", "<?pi x?>", "<br>", "\n  ",
             "</p>", "<![CDATA[x]]>", "<!DOCTYPE x>")


def fuzz_html(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            out.append(rng.choice(FUZZ_TEXT))
            continue
        tag = rng.choice(FUZZ_TAGS)
        attrs = "".join(f' {rng.choice(FUZZ_ATTRS)}="{rng.choice(FUZZ_VALUES)}"'
                        for _ in range(rng.randint(0, 3)))
        inner = fuzz_html(rng, depth + 1) if depth < 3 else rng.choice(FUZZ_TEXT)
        out.append(f"<{tag}{attrs}>{inner}" + ("" if rng.random() < 0.1 else f"</{tag}>"))
    return "".join(out)


def test_strip_unsafe_leaves_the_tree_lxml_html_clean_left() -> None:
    rng = random.Random(20261120)
    for src in [HOSTILE, *(fuzz_html(rng) for _ in range(400))]:
        try:
            reference = lxml.html.fragment_fromstring(src, create_parent="div")
        except etree.ParserError:  # e.g. nothing but a doctype
            with pytest.raises(etree.ParserError):
                _fragment(src)
            continue
        REFERENCE_CLEANER(reference)
        ours = _fragment(src)
        _strip_unsafe(ours)
        assert etree.tostring(ours, encoding="unicode", method="html") == lxml.html.tostring(
            reference, encoding="unicode"), src


def test_sanitize_keeps_structure() -> None:
    src = (
        "<blockquote><p>Kutipan</p></blockquote><ol><li>Satu</li></ol>"
        "<table><thead><tr><th colspan=\"2\">Data</th></tr></thead><tbody><tr><td>1</td>"
        "<td>2</td></tr></tbody></table><figure><img src=\"https://x.id/a.jpg\" alt=\"a\">"
        "<figcaption>Foto: Humas</figcaption></figure><p><b>b</b><strong>s</strong><i>i</i>"
        "<em>e</em><u>u</u></p><h3>Sub</h3>"
    )
    assert sanitize_html(src) == src


def test_sanitize_odoo_post() -> None:
    src = """
<nav aria-label="breadcrumb" class="breadcrumb">
  <ol><li class="breadcrumb-item">Semua Blog</li></ol></nav>
<div class="o_wblog_post_content_field o_wblog_read_text">
  <div class="oe_structure"></div>
  <p>Tribratanews.polri.go.id - Jakarta. Polri memastikan pengamanan arus mudik berjalan lancar.</p>
  <section class="s_text_block"><p>Kakorlantas meninjau posko terpadu di Cikampek.</p></section>
  <div class="oe_structure"><section class="s_banner">
    <h2>Unduh aplikasi Polri Super App</h2></section></div>
</div>
<section id="o_wblog_post_footer"><div class="o_wblog_post_footer"><div id="o_wblog_next_container">
  <h1 id="o_wblog_post_name">Berita berikutnya</h1></div></div></section>
<div id="o_wblog_post_comments"><p>Sign in to leave a comment</p></div>"""
    out, text = clean_body(src)
    assert text == (
        "Tribratanews.polri.go.id - Jakarta. Polri memastikan pengamanan arus mudik berjalan "
        "lancar.\n\nKakorlantas meninjau posko terpadu di Cikampek."
    )
    for gone in ("Semua Blog", "Super App", "berikutnya", "Sign in"):
        assert gone not in out


def test_marker_above_the_article_is_not_a_cut() -> None:
    src = (
        '<p><img src="/foto.jpg"></p><div>Bagikan artikel ini</div><p>Facebook WhatsApp</p>'
        f"<p>{ART}</p><p>{ART2}</p><h3>Berita terkait</h3><p>Lain</p>"
    )
    out, text = clean_body(src, "https://polres.example.id/berita/")
    assert text == f"{ART}\n\n{ART2}"
    assert out == (
        '<p><img src="https://polres.example.id/foto.jpg"></p>' f"<p>{ART}</p><p>{ART2}</p>"
    )


def test_blogger_compose_mode_lines() -> None:
    src = (
        f"<div>{ART}<br>Baca juga: Polres Metro Amankan Pelaku Curanmor<br>{ART2}<br><br>"
        'Baca Juga : <a href="/2023/11/x.html">Kapolres Sambangi KPU</a><br>Polres Metro<br>'
        "Polres Metro<br></div>"
    )
    out, text = clean_body(src)
    assert text == f"{ART}\n{ART2}"
    assert out == f"<div>{ART}<br>{ART2}<br><br>Baca Juga : " + (
        '<a href="/2023/11/x.html">Kapolres Sambangi KPU</a><br></div>'
    )  # a line spanning a link stays in the HTML; the text drops it


def test_whole_document_and_bytes_input() -> None:
    doc = "<html><head><title>T</title><script>x()</script></head><body><p>Isi.</p></body></html>"
    assert clean_body(doc) == ("<p>Isi.</p>", "Isi.")
    assert html_to_text(doc.encode()) == "Isi."  # type: ignore[arg-type]
    assert clean_body("") == ("", "")


def test_widget_class_does_not_remove_the_post_itself() -> None:
    # a spider that passes the whole Blogger "widget Blog" column must not lose the post
    src = (
        '<div class="widget Blog" id="Blog1"><div class="post hentry"><div class="post-body '
        'entry-content" id="post-body-1"><p>Isi berita.</p></div></div>'
        '<div class="widget PopularPosts"><h3>Populer</h3><p>Lain</p></div></div>'
    )
    assert clean_body(src)[1] == "Isi berita."


# --------------------------------------------------------------------------- extract_images


def test_extract_images() -> None:
    bp = "https://1.bp.blogspot.com/-abc/ZV1x/AAAAAAAAB/xyz"
    src = f"""
<div class="separator"><a href="{bp}/s1600/IMG_0412.jpg">
  <img src="{bp}/s72-c/IMG_0412.jpg"></a></div>
<p><img src="{bp}/s320/IMG_0412.jpg" alt="Kapolres"></p>
<p>Kapolres Metro meninjau pos pengamanan pemilu, Sabtu (18/11/2023).</p>
<p><img src="/wp-content/uploads/2024/10/foto-2.jpg">
   <img src="/wp-content/uploads/2024/10/foto-2.jpg"></p>
<p><img data-lazy-src="foto-3.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
<p><img src="https://4.bp.blogspot.com/-q/s72-c/lain.jpg"></p>
<img width="1" height="1" alt="" src="https://blogger.googleusercontent.com/tracker/1-2?l=x">
<img src="https://stats.example.id/p.gif" width="1px" height="1px">
<img class="wp-smiley" src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f64f.png">
<img src="javascript:alert(1)">
<div id="jp-relatedposts"><img src="/wp-content/uploads/related.jpg"></div>
<p>Berita terkait</p><p><img src="/wp-content/uploads/after-cut.jpg"></p>"""
    base = "https://polres.example.id/2024/10/14/berita/"
    expected = [
        f"{bp}/s320/IMG_0412.jpg",
        "https://polres.example.id/wp-content/uploads/2024/10/foto-2.jpg",
        "https://polres.example.id/2024/10/14/berita/foto-3.jpg",
        "https://4.bp.blogspot.com/-q/s72-c/lain.jpg",
    ]
    assert extract_images(src, base) == expected
    # the pipeline runs it on clean_body's output: pixels are already gone from that HTML
    clean_html = clean_body(src, base)[0]
    assert "tracker" not in clean_html and "stats.example.id" not in clean_html
    assert extract_images(clean_html, base) == expected
    assert extract_images("") == []


# --------------------------------------------------------------------------- real pages


@pytest.mark.parametrize(
    ("name", "source_xpath", "expected_xpath"),
    [
        ("blogger", "//*[starts-with(@id, 'post-body-')]", "//*[starts-with(@id, 'post-body-')]"),
        ("wordpress", "//div[contains(@class, 'entry-content')]", "//div[@itemprop='articleBody']"),
    ],
)
def test_readability_pages(name: str, source_xpath: str, expected_xpath: str) -> None:
    folder = READABILITY / name
    if not (folder / "source.html").exists():
        pytest.skip(f"research data absent: {folder} (../shared is not checked out)")
    source = lxml.html.fromstring((folder / "source.html").read_text(encoding="utf-8"))
    expected = lxml.html.fromstring((folder / "expected.html").read_text(encoding="utf-8"))
    body = lxml.html.tostring(source.xpath(source_xpath)[0], encoding="unicode")
    out, text = clean_body(body, "https://example.org/post.html")
    want = html_to_text(lxml.html.tostring(expected.xpath(expected_xpath)[0], encoding="unicode"))
    assert text == want
    assert len(text) > 2000
    assert "jp-relatedposts" not in out and "sharedaddy" not in out and "<script" not in out


def test_a_body_that_opens_several_bodies_keeps_all_their_text() -> None:
    # Markup pasted into a post can open <body> twice; lxml then yields two body elements.
    html, text = clean_body('<p>Polres Metro menggelar apel.</p></body><body class="a">'
                            "<p>Kapolres memimpin apel pagi.</p>")
    assert text == "Polres Metro menggelar apel.\n\nKapolres memimpin apel pagi."
    assert html == "<p>Polres Metro menggelar apel.</p><p>Kapolres memimpin apel pagi.</p>"
    # All of it in <head>: no body text, and no exception.
    assert clean_body("<html><title>x</title>") == ("", "")
