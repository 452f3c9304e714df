"""Issuing unit, Polda and officials of police releases (crawler.extract.units)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.units import (
    _RANK_RE,
    _RANK_STARTS,
    _UNIT_RE,
    _UNIT_STARTS,
    POLDAS,
    UnitInfo,
    _fold,
    _rank_matches,
    _UnitScan,
    canonical_polda,
    detect_unit,
    find_officials,
    polda_for_province,
)
from crawler.registry import UNIT_LEVELS, load_registry

# The first lines of the two real seed releases (shared/seeds), verbatim.
METRO_SEED = (
    "Polres Metro Polda Lampung - Jalin sineregitas untuk mensukseskan pemilu 2024 mendatang, "
    "Kapolres Metro AKBP Heri Sulistyo Nugroho, S.I.K., M.I.K yang didampingi Kasat Reskrim "
    "Polres Metro dan Kapolsek Metro Pusat, melakukan kunjungan kerja ke kantor Komisi Pemilihan "
    "Umum (KPU) Kota Metro, Jumat (17/11/2023)."
)
PURWAKARTA_SEED = (
    "PURWAKARTA - Polres Purwakarta, Polda Jawa Barat meningkatkan koordinasi dengan pihak "
    "terkait agar pemilihan kepala daerah (pilkada) di wilayah tersebut berlangsung tertib dan "
    "keamanan kondusif.\n\nKapolres Purwakarta, AKBP Lilik Ardiansyah mengemukakan, koordinasi "
    "terus dilakukan sehingga dia pun optimis perhelatan pilkada di wilayah Kabupaten Purwakarta "
    "pada 27 November 2024 akan aman."
)


def test_seed_metro_dateline_unit_polda_and_officer():
    assert detect_unit(METRO_SEED) == UnitInfo(
        "polres", "Polres Metro", "Polda Lampung", ["AKBP Heri Sulistyo Nugroho"])


def test_seed_purwakarta_long_polda_name_is_shortened():
    assert detect_unit(PURWAKARTA_SEED) == UnitInfo(
        "polres", "Polres Purwakarta", "Polda Jabar", ["AKBP Lilik Ardiansyah"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Polsek Metro Pusat Polres Metro Polda Lampung - Bhabinkamtibmas Kelurahan Hadimulyo "
     "Barat melaksanakan sambang.", ("polsek", "Polsek Metro Pusat", "Polda Lampung")),
    ("Tribratanews.polri.go.id - Gianyar. Polsek Ubud Polres Gianyar Polda Bali meningkatkan "
     "patroli.", ("polsek", "Polsek Ubud", "Polda Bali")),
    ("MEDAN – Satreskrim Polrestabes Medan, Polda Sumatera Utara membekuk komplotan begal.",
     ("polres", "Polrestabes Medan", "Polda Sumut")),
    ("SOLO – Satresnarkoba Polresta Surakarta Polda Jawa Tengah mengungkap peredaran obat keras.",
     ("polres", "Polresta Surakarta", "Polda Jateng")),
    ("Jakarta – Polres Metro Jakarta Pusat Polda Metro Jaya mengerahkan 1.200 personel.",
     ("polres", "Polres Metro Jakarta Pusat", "Polda Metro Jaya")),
    ("Kediri - Satresnarkoba Polres Kediri Kota Polda Jatim menangkap seorang pengedar.",
     ("polres", "Polres Kediri Kota", "Polda Jatim")),
    ("SURABAYA – Polda Jawa Timur menyiapkan 12 ribu personel.",
     ("polda", "Polda Jatim", "Polda Jatim")),
    ("Manado – Polda Sulawesi Utara menggelar apel.", ("polda", "Polda Sulut", "Polda Sulut")),
    ("Yogyakarta – Polda D.I. Yogyakarta menggelar operasi.", ("polda", "Polda DIY", "Polda DIY")),
    ("PEKANBARU – Direktorat Lalu Lintas Polda Riau meluncurkan layanan SIM keliling.",
     ("satker", "Ditlantas Polda Riau", "Polda Riau")),
    ("Semarang – Ditreskrimsus Polda Jateng mengungkap penipuan daring.",
     ("satker", "Ditreskrimsus Polda Jateng", "Polda Jateng")),
    ("Tribratanews.polri.go.id - Jakarta. Divisi Humas Polri kembali menggelar lomba.",
     ("mabes", "Divhumas Polri", "Mabes Polri")),
    ("JAKARTA – Bareskrim Polri menangkap tersangka judi online.",
     ("mabes", "Bareskrim Polri", "Mabes Polri")),
    ("PANDEGLANG – Kepolisian Resor Pandeglang memantau harga bahan pokok.",
     ("polres", "Polres Pandeglang", None)),
    ("MEDAN – Kepolisian Resor Kota Besar Medan menggelar razia.",
     ("polres", "Polrestabes Medan", None)),
    ("SOLO – Kepolisian Resor Kota Surakarta menggelar razia.",
     ("polres", "Polresta Surakarta", None)),
    ("Ubud – Kepolisian Sektor Ubud, Kepolisian Daerah Bali berpatroli.",
     ("polsek", "Polsek Ubud", "Polda Bali")),
    ("Pesawaran - Kapolres Pesawaran AKBP Heru Sasongko, S.I.K. mengecek pos kamling.",
     ("polres", "Polres Pesawaran", None)),
    ("TULANG BAWANG – POLRES TULANG BAWANG menggelar razia knalpot brong.",
     ("polres", "Polres Tulang Bawang", None)),
])
def test_dateline_forms(text, expected):
    info = detect_unit(text)
    assert (info.level, info.name, info.polda) == expected


def test_polres_place_stops_at_the_next_unit_and_at_lowercase():
    info = detect_unit("Taliwang – Polres Sumbawa Barat, Polda NTB menggelar patroli dialogis.")
    assert (info.name, info.polda) == ("Polres Sumbawa Barat", "Polda NTB")


def test_credit_line_names_the_unit_when_the_dateline_does_not():
    text = ("Slawi – Puluhan pelajar menerima helm gratis di depan SMA Negeri 1 Slawi, Senin "
            "(18/11/19).\n\nKegiatan ini untuk menekan angka kecelakaan.\n\n"
            "(Humas Polres Tegal)")
    assert detect_unit(text)[:3] == ("polres", "Polres Tegal", None)
    reprint = ("Warga Pasar Badak menyambut baik pemantauan harga bahan pokok oleh polisi. "
               "Pemantauan dilakukan berkala bersama dinas terkait sejak awal bulan. Menurut "
               "petugas, harga beras dan minyak goreng masih stabil, sementara harga cabai naik "
               "akibat cuaca yang tidak menentu di wilayah Banten selama sepekan terakhir.\n\n"
               "Sumber: Humas Polres Pandeglang")
    assert detect_unit(reprint, fallback=(None, None, None), province="Banten")[:3] == (
        "polres", "Polres Pandeglang", "Polda Banten")


def test_headline_is_used_and_completed_from_the_registry_name():
    text = "Petugas membagikan helm kepada pelajar di depan sekolah."
    info = detect_unit(text, "Polres Tulang Bawang Barat Gelar Razia Helm",
                       ("polres", "Polres Tulang Bawang Barat", "Polda Lampung"))
    assert info[:3] == ("polres", "Polres Tulang Bawang Barat", "Polda Lampung")
    # Title Case verbs never become part of the place name.
    assert detect_unit(text, "Polres Purwakarta Tingkatkan Koordinasi")[:2] == (
        "polres", "Polres Purwakarta")


def test_registry_fallback_when_the_text_names_no_unit():
    text = "Warga menyambut baik kegiatan tersebut dan berharap patroli terus ditingkatkan."
    assert detect_unit(text, "", ("polres", "Polres Metro", "Polda Lampung")) == UnitInfo(
        "polres", "Polres Metro", "Polda Lampung", [])
    assert detect_unit("", "", (None, None, None)) == UnitInfo(None, None, None, [])


def test_polda_of_a_polres_on_a_national_site_is_never_mabes():
    text = "Kendal – Polres Kendal mengungkap kasus peredaran uang palsu di Weleri."
    national = ("mabes", "Divhumas Polri", "Mabes Polri")
    assert detect_unit(text, "", national)[:3] == ("polres", "Polres Kendal", None)
    assert detect_unit(text, "", national, "Jawa Tengah")[:3] == (
        "polres", "Polres Kendal", "Polda Jateng")
    # A Polda named in the body is the last resort.
    body = text + " Kasus ini kini ditangani bersama Ditreskrimsus Polda Jawa Tengah."
    assert detect_unit(body, "", national).polda == "Polda Jateng"


def test_site_polda_beats_a_polda_named_later_in_the_body():
    text = ("Polres Metro - Personel Satlantas mengatur arus lalu lintas. Sebanyak 20 personel "
            "juga diperbantukan ke Polda Metro Jaya untuk pengamanan pelantikan presiden.")
    assert detect_unit(text, "", ("polres", "Polres Metro", "Polda Lampung")).polda == (
        "Polda Lampung")


def test_officials_rank_and_name_without_titles():
    text = (
        "Kapolres Metro AKBP Heri Sulistyo Nugroho, S.I.K., M.I.K. didampingi Kasat Lantas AKP "
        "Rudi Santoso, S.H. dan Kasi Dokkes Ipda dr. Rina Dian Manurung. Kabid Humas Kombes "
        "Pol. Dirmanto menyampaikan bahwa Bripka Agus Setiawan dan Brigpol I Ketut Sukadi "
        "bertugas di pos. Wakapolda Brigjen Pol Umar Effendi, S.I.K., M.M. hadir. \"Siap,\" "
        "kata Kombes Pol Dirmanto. Irjen Sandi Nugroho menutup acara."
    )
    assert find_officials(text) == [
        "AKBP Heri Sulistyo Nugroho", "AKP Rudi Santoso", "Ipda Rina Dian Manurung",
        "Kombes Pol Dirmanto", "Bripka Agus Setiawan", "Brigpol I Ketut Sukadi",
        "Brigjen Pol Umar Effendi", "Irjen Pol Sandi Nugroho",
    ]


def test_officials_short_mentions_are_folded_into_the_full_name():
    text = ("Kombes Pol Jules menyampaikan imbauan. Kabid Humas Polda Jabar Kombes Pol Jules "
            "Abraham Abast mengatakan rekayasa lalu lintas disiapkan. \"Kami siaga,\" kata "
            "Kombes Pol Jules.")
    assert find_officials(text) == ["Kombes Pol Jules Abraham Abast"]
    assert find_officials("Kanit Reskrim Aiptu M. Rizal Hakim, S.H. memimpin.") == [
        "Aiptu M. Rizal Hakim"]


@pytest.mark.parametrize(("written", "canonical"), [
    ("Polda Jawa Barat", "Polda Jabar"), ("POLDA JAWA TIMUR", "Polda Jatim"),
    ("Polda D.I. Yogyakarta", "Polda DIY"), ("Polda Kep. Riau", "Polda Kepri"),
    ("Polda Sumatra Utara", "Polda Sumut"), ("Polda Nusa Tenggara Timur", "Polda NTT"),
    ("Polda Papua Barat Daya", "Polda Papua Barat Daya"), ("Kepolisian Daerah Bali", "Polda Bali"),
    ("Polda Kepulauan Bangka Belitung", "Polda Babel"), ("Sulawesi Selatan", "Polda Sulsel"),
    ("Polda Atlantis", None), ("", None), (None, None),
])
def test_canonical_polda(written, canonical):
    assert canonical_polda(written) == canonical


def test_province_polda():
    assert polda_for_province("DKI Jakarta") == "Polda Metro Jaya"
    assert polda_for_province("Nusa Tenggara Barat") == "Polda NTB"
    assert polda_for_province("Maluku Utara") == "Polda Maluku Utara"
    assert polda_for_province("Nasional") is None
    assert polda_for_province(None) is None


def test_every_registry_polda_is_canonical_and_every_registry_unit_is_recognised():
    sites = load_registry().values()
    poldas = {s.polda for s in sites if s.polda and s.polda != "Mabes Polri"}
    assert poldas and all(canonical_polda(p) == p for p in poldas)
    units = {(s.unit_level, s.unit_name, s.polda) for s in sites
             if s.unit_level in ("polres", "polda") and s.unit_name}
    assert len(units) > 30
    for level, name, polda in units:
        info = detect_unit(f"{name} {polda} - Personel menggelar patroli dialogis.")
        assert (info.level, info.name, info.polda) == (level, name, polda or None), name


@given(st.sampled_from([(c, a) for c, aliases in POLDAS.items() for a in (c[6:], *aliases)]),
       st.sampled_from([str.lower, str.upper, str.title, lambda s: s]))
@settings(max_examples=150, deadline=None)
def test_any_way_of_writing_a_polda_gives_its_canonical_name(pair, case):
    canonical, alias = pair
    text = f"{case('Polres Contoh')} {case('Polda ' + alias)} – Personel berpatroli."
    assert detect_unit(text).polda == canonical


@given(st.text(max_size=400), st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_detect_unit_never_raises(text, title):
    info = detect_unit(text, title, (None, None, None), "Lampung")
    assert info.level is None or info.level in UNIT_LEVELS
    assert all(isinstance(o, str) and o for o in info.officials)


# --------------------------------------------------------------------------- fast scanning
# detect_unit and find_officials only try their big patterns where a unit or rank word starts
# (crawler.extract.units._UnitScan, _rank_matches). These tests pin that the shortcuts find
# exactly what the plain searches find.

UNIT_PHRASES = [
    "Polda Papua Barat Daya", "Polda Papua Barat", "POLDA JAWA TIMUR", "Polda D.I. Yogyakarta",
    "Kepolisian Daerah Bali", "Direktorat Lalu Lintas Polda Riau", "Ditreskrimsus Polda Jateng",
    "Satuan  Brimob Polda Maluku Utara", "Satbrimob Polda Aceh", "Div. Humas Polri",
    "Divisi Propam Polri", "Badan Reserse Kriminal Polri", "Korps Lalu Lintas Polri",
    "Korbrimob Polri", "Baharkam Polri", "Baintelkam Polri", "Markas Besar Polri", "Wakapolri",
    "kapolri", "Kapolres Metro", "Wakapolres Tulang Bawang", "Mapolsek Ubud", "KaPolda Bali",
    "Polres Metro Jakarta Pusat", "Polrestabes Medan", "Polsekta Kota", "polres kediri kota",
    "Kepolisian Resor Kota Besar Medan", "Kepolisian Sektor Ubud", "Makepolisian Resor X",
    "Kakepolisian Resor Gianyar", "Wakakepolisian Sektor Kuta", "Wakapolsek Kuta",
    "Mapolres Metro", "Kapolsek Ubud", "Ditlantas Polda Riau", "Mabes Polri", "Korlantas Polri",
    "Bareskrim Polri", "Wakakapolri",
    "Polres Sumbawa Barat, Polda NTB", "(Humas Polres Tegal)", "Sumber: Humas Polres X",
    "polisi", "Polri", "Pol.", "Kabupaten", "Sat", "Dit", "AKBP Heri Nugroho, S.I.K.",
    "Kombes Pol. Dirmanto", "Brigadir Jenderal", "Brigadir Polisi Agus", "Iptu dr. Rina",
    "Senin (21/8)", "\u017f", "\u0130", "\u0131", "\u212a",
]
_GLUE = st.sampled_from(["", " ", "  ", "\n", " x ", " Warga ", "x", "-", ". ", ", "])
UNITISH = st.lists(
    st.one_of(st.sampled_from(UNIT_PHRASES), _GLUE, st.text(max_size=130)), max_size=12
).map("".join)


def test_fold_is_re_ignorecase_for_every_code_point():
    any_letter = re.compile("[a-z]", re.I)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = _fold(char)
        assert len(folded) == 1, hex(code)
        if any_letter.fullmatch(char):  # it is an ASCII letter to re.I: the same one
            assert folded.isascii() and re.fullmatch(folded, char, re.I), hex(code)
        else:
            assert not ("a" <= folded <= "z"), hex(code)
    assert _fold("POLRE\u017f Kep. R\u0130AU \u0131\u212a") == "polres kep. riau ik"


def _plain_starts(pattern, text, endpos=None):
    end = len(text) if endpos is None else endpos
    return {p for p in range(end) if pattern.match(text, p, end)}


@pytest.mark.parametrize("phrase", UNIT_PHRASES)
def test_unit_words_are_found_wherever_the_unit_pattern_can_start(phrase):
    for text in (phrase, f"x{phrase} ", f"{phrase}{phrase}", phrase.upper()):
        for cut in range(len(text) + 1):
            _check_word_starts(text, cut)


@given(UNITISH, st.integers(0, 500))
@settings(max_examples=300, deadline=None)
def test_unit_words_are_found_wherever_the_unit_pattern_can_start_property(text, cut):
    _check_word_starts(text, cut)


def _check_word_starts(text, cut):
    starts = {m.start() for m in _UNIT_STARTS.finditer(_fold(text))}
    assert _plain_starts(_UNIT_RE, text) <= starts
    assert _plain_starts(_UNIT_RE, text, min(cut, len(text))) <= starts
    ranks = {m.start() for m in _RANK_STARTS.finditer(text)}
    assert _plain_starts(_RANK_RE, text) <= ranks
    assert [(m.span(), m.groups()) for m in _rank_matches(text)] == [
        (m.span(), m.groups()) for m in _RANK_RE.finditer(text)]


def _windowed_mentions(text):
    """The definition _UnitScan implements: search a window around each 'pol' in turn."""
    spans, pos = [], 0
    while True:
        for trigger in re.finditer("pol", text[pos:], re.I):
            t = pos + trigger.start()
            end = t + 3 + 120
            found = _UNIT_RE.search(text, max(pos, t - 90), end)
            if found is not None:
                if found.end() >= min(end, len(text)) - 1:
                    found = _UNIT_RE.search(text, found.start())
                break
        else:
            return spans
        if found is None:
            return spans
        spans.append(found.span())
        pos = found.end()


def _scanned_mentions(text):
    scan, spans, pos = _UnitScan(text), [], 0
    while (found := scan.next_unit(pos)) is not None:
        spans.append(found.span())
        pos = found.end()
    return spans


@pytest.mark.parametrize("text", [
    *UNIT_PHRASES, METRO_SEED, PURWAKARTA_SEED,
    # the first window ends inside the name: 'Polda Papua' (a plain search: '... Barat Daya')
    "polisi " + "x" * 101 + "Polda Papua Barat Daya menggelar apel.",
    # no window holds all of it: 'Polda Riau' (a plain search: 'Direktorat ... Polda Riau')
    "Polri " + "x" * 20 + "Direktorat" + " " * 100 + "Lalu Lintas Polda Riau",
    "polisi " + "x" * 100 + "Direktorat" + " " * 40 + "Lalu Lintas Polda Riau",
    "Polri" + " " * 200 + "Div.   Humas Polri",
])
def test_unit_scan_finds_what_the_windowed_search_finds(text):
    assert _scanned_mentions(text) == _windowed_mentions(text)


@given(UNITISH)
@settings(max_examples=300, deadline=None)
def test_unit_scan_finds_what_the_windowed_search_finds_property(text):
    assert _scanned_mentions(text) == _windowed_mentions(text)


def test_a_long_s_in_a_unit_word_does_not_crash() -> None:
    # Case-insensitive regexes match 'ſ' (U+017F) as 's'; the unit kind lookup must too.
    found = detect_unit("POLREſ Metro menggelar apel pagi di halaman Mapolres.")
    assert (found.level, found.name) == ("polres", "Polres Metro")
