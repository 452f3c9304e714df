"""Issuing unit, Polda and officials of police releases (crawler.extract.units)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.units import (
    POLDAS,
    UnitInfo,
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
