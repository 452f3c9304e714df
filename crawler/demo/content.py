"""Deterministic demo content: Indonesian police humas blogs on Blogger.

This module writes the *content* side of the offline demo and of the test "mock web": generated
press releases in the register of real Polres humas blogs, and the Blogger pages that carry them.
The HTTP server and the feeds live elsewhere and call this API:

* :func:`make_blog` builds a :class:`DemoBlog` (newest post first). Same arguments, same blog.
* :func:`render_post_page` renders a Blogger item page, theme ``"simple"`` (classic layouts-v2
  markup) or ``"contempo"`` (the 2017 theme), with Indonesian UI strings.
* :func:`render_index_page` renders a home/listing page (date headers split by day).
* :func:`post_path` gives the ``/YYYY/MM/<slug>.html`` path of a post.

Contract between ``DemoPost.body_html`` and ``DemoPost.body_text`` (what a correct cleaner must
produce from the HTML):

* paragraphs are block elements (``p``/``div``) or runs of text separated by two or more
  consecutive ``<br />``; a single ``<br />`` inside a paragraph is a hard line break pasted from
  Word and is re-joined with one space (the next line always starts lowercase);
* ``<style>``, comments (Word's ``<!--[if gte mso 9]>`` blocks), images
  (``div.separator``) and empty spacer paragraphs (``&nbsp;``, ``<br />``, ``<o:p>``) carry no text;
* a paragraph starting with "Baca juga" (any case) is boilerplate and is not article text;
* whitespace is normalised: every run of spaces, newlines and no-break spaces becomes one space;
  paragraphs are joined by a blank line (``"\\n\\n"``).

Trailing credit lines such as "(Humas Polres Metro)" are part of the article text.
"Baca juga" links are root-relative (``/2024/05/slug.html``) because a blog's host is only known
when it is served. Everything is generated with ``random.Random`` instances seeded from the
arguments; the global random generator and the clock are never used.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import random
import re
from collections import ChainMap as _ChainMap
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cached_property
from urllib.parse import quote

__all__ = [
    "BULAN",
    "HARI",
    "DemoBlog",
    "DemoPost",
    "make_blog",
    "post_path",
    "render_index_page",
    "render_post_page",
]

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_TZ_LABEL = {7: "WIB", 8: "WITA", 9: "WIT"}


# --------------------------------------------------------------------------------------------
# Public data model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPost:
    """One generated blog post, with the clean text a correct extractor should produce."""

    post_id: str  # Blogger-style numeric id, 19 digits, unique per blog, deterministic
    title: str
    slug: str  # Blogger-style: lowercase words of the title, truncated to ~40 chars, '-' joined
    published: datetime  # tz-aware in the blog's offset
    updated: datetime  # >= published (some posts edited hours later)
    author: str  # e.g. 'Humas Polres Metro'
    labels: tuple[str, ...]  # e.g. ('Polres Metro', 'Kamtibmas')
    body_html: str  # the post body as Blogger's editor stores it (the feed's content)
    body_text: str  # the EXPECTED clean text of the body: paragraphs joined by '\n\n'
    unit: str  # issuing unit, canonical, e.g. 'Polres Metro'
    polda: str  # e.g. 'Polda Lampung'


@dataclass(frozen=True)
class DemoBlog:
    """A generated Blogger blog of one police unit; ``posts`` are newest first."""

    blog_id: str  # 18-19 digit numeric
    title: str  # e.g. 'Humas Polres Metro'
    unit: str
    polda: str
    province: str
    utc_offset_hours: int  # 7 (WIB), 8 (WITA) or 9 (WIT)
    posts: tuple[DemoPost, ...]  # newest first


# --------------------------------------------------------------------------------------------
# Geography: real kecamatan/kelurahan for a few units, a plausible fallback for the rest
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Geo:
    area: str  # 'Kota Metro', 'Kabupaten Purwakarta'
    village_kind: str  # 'Desa' or 'Kelurahan'
    kecamatan: tuple[tuple[str, tuple[str, ...]], ...]
    streets: tuple[str, ...]
    landmarks: tuple[str, ...]
    plate: str
    town: str = ""  # the short place name used in text ('Tegal' for Polres Tegal Kota)


_KNOWN_GEO: dict[str, _Geo] = {
    "Polres Metro": _Geo(
        "Kota Metro",
        "Kelurahan",
        (
            ("Metro Pusat", ("Hadimulyo Barat", "Hadimulyo Timur", "Yosomulyo", "Imopuro")),
            ("Metro Barat", ("Mulyojati", "Mulyosari", "Ganjar Agung", "Ganjar Asri")),
            ("Metro Timur", ("Iringmulyo", "Yosodadi", "Yosorejo", "Tejoagung", "Tejosari")),
            ("Metro Utara", ("Banjarsari", "Purwosari", "Purwoasri", "Karangrejo")),
            ("Metro Selatan", ("Margorejo", "Margodadi", "Rejomulyo", "Sumbersari")),
        ),
        (
            "Jalan AH Nasution",
            "Jalan Jenderal Sudirman",
            "Jalan Ahmad Yani",
            "Jalan Soekarno-Hatta",
            "Jalan Imam Bonjol",
            "Jalan Ki Hajar Dewantara",
        ),
        (
            "Taman Merdeka Kota Metro",
            "Lapangan Samber",
            "Pasar Cendrawasih",
            "Terminal Kota Metro",
            "Simpang Tugu Pesawat",
        ),
        "BE",
    ),
    "Polres Purwakarta": _Geo(
        "Kabupaten Purwakarta",
        "Desa",
        (
            ("Purwakarta", ("Nagri Kidul", "Nagri Kaler", "Nagri Tengah", "Ciseureuh")),
            ("Jatiluhur", ("Jatiluhur", "Cilegong", "Kembangkuning")),
            ("Plered", ("Plered", "Citeko", "Cibogogirang")),
            ("Babakancikao", ("Cigelam", "Babakancikao", "Ciwareng")),
            ("Campaka", ("Campaka", "Cirende", "Cijunti")),
            ("Bungursari", ("Bungursari", "Cibening", "Cibodas")),
        ),
        (
            "Jalan Veteran",
            "Jalan Ipik Gandamanah",
            "Jalan Kolonel Kornel Singawinata",
            "Jalan Raya Sadang",
            "Jalan Ibrahim Singadilaga",
        ),
        (
            "Taman Sri Baduga",
            "Situ Buleud",
            "Bendungan Jatiluhur",
            "Stasiun Purwakarta",
            "Simpang Sadang",
        ),
        "T",
    ),
    "Polres Tegal": _Geo(
        "Kabupaten Tegal",
        "Desa",
        (
            ("Slawi", ("Slawi Kulon", "Procot", "Kagok", "Kudaile")),
            ("Adiwerna", ("Adiwerna", "Ujungrusi", "Pesarean")),
            ("Dukuhturi", ("Dukuhturi", "Pekauman Kulon", "Kupu")),
            ("Talang", ("Talang", "Pacul", "Kajen")),
            ("Bumijawa", ("Bumijawa", "Guci", "Sigedong")),
            ("Pangkah", ("Pangkah", "Kendalserut", "Dukuhjati Wetan")),
        ),
        (
            "Jalan Ahmad Yani Slawi",
            "Jalan Raya Banjaran",
            "Jalan Dr. Soetomo",
            "Jalan Raya Pantura",
            "Jalan Raya Pagiyanten",
        ),
        (
            "Alun-alun Hanggawana Slawi",
            "Objek Wisata Guci",
            "Terminal Dukuhsalam",
            "Pasar Trayeman",
            "Simpang Empat Banjaran",
        ),
        "G",
    ),
    "Polres Nganjuk": _Geo(
        "Kabupaten Nganjuk",
        "Desa",
        (
            ("Nganjuk", ("Kauman", "Mangundikaran", "Ringinanom", "Kramat")),
            ("Bagor", ("Bagor Kulon", "Banaran Wetan", "Kutorejo")),
            ("Kertosono", ("Banaran", "Kudu", "Pelem")),
            ("Loceret", ("Loceret", "Sukorejo", "Ngepeh")),
            ("Tanjunganom", ("Kampungbaru", "Warujayeng", "Getas")),
            ("Berbek", ("Berbek", "Sengkut", "Sumberurip")),
        ),
        (
            "Jalan Gatot Subroto",
            "Jalan Ahmad Yani",
            "Jalan Raya Surabaya-Madiun",
            "Jalan Dermojoyo",
            "Jalan Veteran",
        ),
        (
            "Alun-alun Nganjuk",
            "Terminal Anjuk Ladang",
            "Stasiun Kertosono",
            "Pasar Wage Nganjuk",
            "Simpang Lima Kertosono",
        ),
        "AG",
    ),
    "Polres Sanggau": _Geo(
        "Kabupaten Sanggau",
        "Desa",
        (
            ("Kapuas", ("Beringin", "Tanjung Sekayam", "Sungai Sengkuang", "Penyeladi")),
            ("Entikong", ("Entikong", "Semanget", "Nekan")),
            ("Sekayam", ("Balai Karangan", "Sungai Tekam")),
            ("Parindu", ("Pusat Damai", "Marau")),
            ("Tayan Hilir", ("Kawat", "Pedalaman")),
            ("Meliau", ("Meliau Hulu", "Meliau Hilir")),
        ),
        (
            "Jalan Jenderal Sudirman",
            "Jalan Ahmad Yani",
            "Jalan Lintas Malindo",
            "Jalan Kartini",
            "Jalan Pancasila",
        ),
        ("PLBN Entikong", "Jembatan Tayan", "Taman Kota Sanggau", "Pelabuhan Sanggau"),
        "KB",
    ),
    "Polres Gowa": _Geo(
        "Kabupaten Gowa",
        "Desa",
        (
            ("Somba Opu", ("Sungguminasa", "Batang Kaluku", "Tompobalang", "Kalegowa")),
            ("Pallangga", ("Pallangga", "Bontoala", "Jenetallasa")),
            ("Bajeng", ("Kalebajeng", "Limbung")),
            ("Bontomarannu", ("Borongloe", "Romangloe")),
            ("Tinggimoncong", ("Malino", "Pattapang")),
            ("Parangloe", ("Lanna", "Belabori")),
        ),
        (
            "Jalan Poros Malino",
            "Jalan Sultan Hasanuddin",
            "Jalan Syekh Yusuf",
            "Jalan Tun Abdul Razak",
            "Jalan Mustafa Dg Bunga",
        ),
        (
            "Lapangan Syekh Yusuf",
            "Kawasan Wisata Malino",
            "Pasar Sentral Sungguminasa",
            "Bundaran Samata",
        ),
        "DD",
    ),
    "Polres Poso": _Geo(
        "Kabupaten Poso",
        "Kelurahan",
        (
            ("Poso Kota", ("Gebangrejo", "Kawua", "Lawanga", "Bonesompe")),
            ("Poso Pesisir", ("Tokorondo", "Kilo", "Masani")),
            ("Lage", ("Tagolu", "Silanca")),
            ("Pamona Puselemba", ("Tentena", "Sangele")),
            ("Poso Kota Utara", ("Kasintuwu", "Lembomawo")),
        ),
        ("Jalan Pulau Sumatera", "Jalan Trans Sulawesi", "Jalan Pattimura", "Jalan Sam Ratulangi"),
        ("Danau Poso", "Jembatan Pamona", "Pelabuhan Poso", "Taman Kota Poso"),
        "DN",
    ),
    "Polres Halmahera Barat": _Geo(
        "Kabupaten Halmahera Barat",
        "Desa",
        (
            ("Jailolo", ("Gamtala", "Gufasa", "Hoku-Hoku Kie", "Soakonora")),
            ("Jailolo Selatan", ("Sidangoli Dehe", "Sidangoli Gam")),
            ("Sahu", ("Susupu", "Awer")),
        ),
        ("Jalan Raya Jailolo", "Jalan Trans Halmahera", "Jalan Pelabuhan Jailolo"),
        ("Pelabuhan Jailolo", "Teluk Jailolo", "Lapangan Jailolo"),
        "DG",
    ),
}

_PLATE_BY_PROVINCE = {
    "aceh": "BL",
    "sumatera utara": "BK",
    "sumatera barat": "BA",
    "riau": "BM",
    "kepulauan riau": "BP",
    "jambi": "BH",
    "sumatera selatan": "BG",
    "bengkulu": "BD",
    "lampung": "BE",
    "kepulauan bangka belitung": "BN",
    "dki jakarta": "B",
    "jawa barat": "D",
    "banten": "A",
    "jawa tengah": "H",
    "di yogyakarta": "AB",
    "daerah istimewa yogyakarta": "AB",
    "jawa timur": "L",
    "bali": "DK",
    "nusa tenggara barat": "DR",
    "nusa tenggara timur": "DH",
    "kalimantan barat": "KB",
    "kalimantan tengah": "KH",
    "kalimantan selatan": "DA",
    "kalimantan timur": "KT",
    "kalimantan utara": "KU",
    "sulawesi utara": "DB",
    "gorontalo": "DM",
    "sulawesi tengah": "DN",
    "sulawesi barat": "DC",
    "sulawesi selatan": "DD",
    "sulawesi tenggara": "DT",
    "maluku": "DE",
    "maluku utara": "DG",
    "papua": "PA",
    "papua barat": "PB",
}

_OPS_WORD = {
    "Polda Lampung": "Krakatau",
    "Polda Jawa Barat": "Lodaya",
    "Polda Jawa Tengah": "Candi",
    "Polda Jawa Timur": "Semeru",
    "Polda Sulawesi Tengah": "Tinombala",
    "Polda Kalimantan Barat": "Kapuas",
    "Polda Jabar": "Lodaya",
    "Polda Jateng": "Candi",
    "Polda Jatim": "Semeru",
    "Polda Sulteng": "Tinombala",
    "Polda Kalbar": "Kapuas",
    "Polda Malut": "Kie Raha",
    "Polda Maluku Utara": "Kie Raha",
}

_GENERIC_VILLAGES = (
    "Sukamaju",
    "Sidomulyo",
    "Sumberejo",
    "Karang Anyar",
    "Mekarsari",
    "Tanjung Harapan",
    "Sukadamai",
    "Margomulyo",
    "Suka Jaya",
    "Bumi Ayu",
    "Tegal Sari",
    "Sido Makmur",
    "Mulya Jaya",
    "Harapan Jaya",
    "Sri Rejeki",
    "Purwodadi",
    "Wonosari",
    "Sukorejo",
    "Karya Bakti",
    "Tanjung Sari",
    "Gunung Sari",
    "Bukit Raya",
    "Telaga Sari",
    "Sindang Sari",
    "Banjar Rejo",
    "Rejosari",
    "Sumber Agung",
    "Pasir Putih",
    "Cempaka",
    "Mekar Jaya",
)
_GENERIC_STREETS = (
    "Jalan Jenderal Sudirman",
    "Jalan Ahmad Yani",
    "Jalan Diponegoro",
    "Jalan Imam Bonjol",
    "Jalan Pattimura",
    "Jalan Gatot Subroto",
    "Jalan Pahlawan",
    "Jalan Merdeka",
)

# Approximate Ramadan start and Idul Fitri (1 Syawal) dates, for seasonal activities.
_RAMADAN = {
    2018: (date(2018, 5, 17), date(2018, 6, 15)),
    2019: (date(2019, 5, 6), date(2019, 6, 5)),
    2020: (date(2020, 4, 24), date(2020, 5, 24)),
    2021: (date(2021, 4, 13), date(2021, 5, 13)),
    2022: (date(2022, 4, 2), date(2022, 5, 2)),
    2023: (date(2023, 3, 23), date(2023, 4, 22)),
    2024: (date(2024, 3, 12), date(2024, 4, 10)),
    2025: (date(2025, 3, 1), date(2025, 3, 31)),
    2026: (date(2026, 2, 18), date(2026, 3, 20)),
    2027: (date(2027, 2, 8), date(2027, 3, 10)),
}
_ELECTIONS = (
    (date(2018, 4, 1), date(2018, 6, 30), "Pilkada Serentak 2018"),
    (date(2018, 12, 1), date(2019, 4, 25), "Pemilu 2019"),
    (date(2020, 9, 15), date(2020, 12, 15), "Pilkada Serentak 2020"),
    (date(2023, 10, 1), date(2024, 2, 28), "Pemilu 2024"),
    (date(2024, 8, 20), date(2024, 12, 10), "Pilkada Serentak 2024"),
)


def _unit_kind(unit: str) -> tuple[str, str]:
    """('polres'|'polresta'|'polsek'|'polda', place name) for a unit name."""
    for prefix, kind in (
        ("Polrestabes ", "polresta"),
        ("Polresta ", "polresta"),
        ("Polres ", "polres"),
        ("Polsek ", "polsek"),
        ("Polda ", "polda"),
    ):
        if unit.startswith(prefix):
            return kind, unit[len(prefix) :]
    return "polres", unit


def _fallback_geo(kind: str, place: str, polda: str, province: str, rng: random.Random) -> _Geo:
    """Plausible geography for a unit without real data: '<town> Barat/Timur/...' kecamatan."""
    town, city = place, kind == "polresta"
    if town.endswith(" Kota"):
        town, city = town[: -len(" Kota")], True
    if town.startswith("Kota "):
        town, city = town[len("Kota ") :], True
    if town.startswith("Metro ") and "Metro Jaya" in polda:
        town, city = town[len("Metro ") :], True
    area = f"Kota {town}" if city else f"Kabupaten {town}"
    if kind == "polda":
        area = f"Provinsi {province}"
    pool = list(_GENERIC_VILLAGES)
    rng.shuffle(pool)
    suffixes = ("",) if kind == "polsek" else ("", " Barat", " Timur", " Utara", " Selatan")
    kec = tuple(
        (f"{town}{s}", tuple(pool[i * 4 : i * 4 + rng.randint(2, 4)]))
        for i, s in enumerate(suffixes)
    )
    landmarks = (
        f"Alun-alun {town}",
        f"Pasar Induk {town}",
        f"Terminal {town}",
        f"Bundaran {town}",
        f"Gedung Olahraga {town}",
    )
    streets = _GENERIC_STREETS + (f"Jalan Raya {town}", f"Jalan Lintas {province}")
    plate = _PLATE_BY_PROVINCE.get(province.strip().lower(), "B")
    return _Geo(area, "Kelurahan" if city else "Desa", kec, streets, landmarks, plate, town)


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

_MALE_FIRST = (
    "Budi",
    "Agus",
    "Hendra",
    "Dedi",
    "Rudi",
    "Heri",
    "Joko",
    "Slamet",
    "Bambang",
    "Eko",
    "Yudi",
    "Arief",
    "Rizky",
    "Fajar",
    "Ilham",
    "Irfan",
    "Taufik",
    "Wahyu",
    "Yoga",
    "Deni",
    "Dimas",
    "Sigit",
    "Imam",
    "Ahmad",
    "Muhammad",
    "Syahrul",
    "Ridwan",
    "Asep",
    "Dadang",
    "Andi",
    "Yohanes",
    "Benny",
    "Fredy",
    "Samuel",
    "Rahmat",
    "Syamsul",
    "Zulkifli",
    "Erwin",
    "Ferry",
    "Hadi",
    "Indra",
    "Lukman",
    "Mulyadi",
    "Nanang",
    "Prasetyo",
    "Rio",
    "Sandi",
    "Teguh",
    "Umar",
    "Wawan",
    "Yusuf",
    "Zainal",
    "Gede",
    "Made",
    "Ketut",
    "Aditya",
    "Bayu",
    "Reza",
    "Fikri",
    "Hasan",
    "Robby",
    "Tommy",
    "Haris",
    "Doni",
    "Firdaus",
    "Alfian",
)
_FEMALE_FIRST = (
    "Sri",
    "Dewi",
    "Rina",
    "Fitri",
    "Ayu",
    "Lestari",
    "Novi",
    "Yuliana",
    "Nurul",
    "Rosita",
    "Ratna",
    "Siska",
)
_MIDDLE = (
    "Adi",
    "Dwi",
    "Tri",
    "Eka",
    "Surya",
    "Nur",
    "Arif",
    "Putra",
    "Hari",
    "Budi",
    "Wira",
    "Dian",
    "Agung",
    "Rahmad",
    "Cahya",
)
_LAST = (
    "Santoso",
    "Prasetyo",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Kurniawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Sitompul",
    "Lubis",
    "Pratama",
    "Firmansyah",
    "Gunawan",
    "Susanto",
    "Wijaya",
    "Sulistyo",
    "Rahman",
    "Hakim",
    "Syahputra",
    "Hasibuan",
    "Tambunan",
    "Ginting",
    "Sembiring",
    "Tarigan",
    "Purba",
    "Manurung",
    "Sinaga",
    "Situmorang",
    "Effendi",
    "Iskandar",
    "Maulana",
    "Ramadhan",
    "Anwar",
    "Permana",
    "Suryadi",
    "Hutapea",
    "Pasaribu",
    "Panjaitan",
    "Marpaung",
    "Wardana",
    "Hermawan",
    "Kusuma",
    "Pranata",
    "Ardiansyah",
    "Utomo",
    "Yulianto",
    "Rumagesan",
    "Lapadu",
    "Daeng",
)
_DEGREES = {
    "Irjen Pol": ("M.Si.", "S.H., M.H.", "S.I.K., M.H.", "M.Hum."),
    "Brigjen Pol": ("S.I.K., M.H.", "S.I.K., M.Si."),
    "Kombes Pol": ("S.I.K., M.H.", "S.H., S.I.K., M.Si.", "S.I.K., M.Si.", "S.I.K."),
    "AKBP": (
        "S.I.K.",
        "S.I.K., M.H.",
        "S.I.K., M.Si.",
        "S.I.K., M.I.K.",
        "S.H., S.I.K., M.H.",
        "S.I.K., M.M.",
    ),
    "Kompol": ("S.H.", "S.H., M.H.", "S.I.K.", "S.E., M.M.", ""),
    "AKP": ("S.H.", "S.Tr.K.", "S.I.K.", "S.H., M.H.", "S.Tr.K., S.I.K.", ""),
    "Iptu": ("S.H.", "S.Tr.K.", "", "S.Sos."),
    "Ipda": ("S.Tr.K.", "S.H.", ""),
}
_NON_CALL = {"Muhammad", "Ahmad", "Andi", "Made", "Gede", "Ketut", "Sri", "Nurul"}


@dataclass(frozen=True)
class _Official:
    title: str  # 'Kapolres Metro'
    short: str  # 'Kapolres'
    rank: str  # 'AKBP'
    name: str  # 'Budi Santoso'
    prefix: str  # 'Drs. ' or ''
    degrees: str  # 'S.I.K., M.H.'
    call: str  # 'Budi'

    @cached_property
    def forms(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(first-mention forms, later-mention forms)."""
        named = f"{self.rank} {self.prefix}{self.name}"
        full = [f"{self.title} {named}", f"{self.title}, {named}"]
        if self.degrees:
            full += [f"{self.title} {named}, {self.degrees}"] * 2
        brief = (self.short, self.short, f"{self.rank} {self.call}", self.call)
        return tuple(full), brief


class _NameMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self, female: bool = False) -> tuple[str, str]:
        rng = self.rng
        for _ in range(50):
            first = rng.choice(_FEMALE_FIRST if female else _MALE_FIRST)
            if rng.random() < 0.6:
                name = f"{first} {rng.choice(_LAST)}"
            else:
                name = f"{first} {rng.choice(_MIDDLE)} {rng.choice(_LAST)}"
            if name not in self.used:
                break
        self.used.add(name)
        parts = name.split()
        call = parts[1] if parts[0] in _NON_CALL else parts[0]
        return name, call

    def official(
        self,
        title: str,
        short: str,
        ranks: Sequence[str],
        *,
        female_rate: float = 0.0,
        prefix: str = "",
    ) -> _Official:
        rng = self.rng
        rank = rng.choice(ranks)
        name, call = self.person(female=rng.random() < female_rate)
        if prefix == "dr. ":
            degrees = rng.choice(("", "M.Kes.", "Sp.KF.", "M.M."))
        else:
            degrees = rng.choice(_DEGREES.get(rank, ("", "", "", "S.H.")))
        return _Official(title, short, rank, name, prefix, degrees, call)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


# --------------------------------------------------------------------------------------------
# A unit's fixed context: geography, roster, sub-unit names
# --------------------------------------------------------------------------------------------


@dataclass
class _UnitCtx:
    unit: str
    polda: str
    province: str
    kind: str
    place: str
    geo: _Geo
    tz: str
    entities: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    plain: dict[str, str]
    kapolsek: dict[str, _Official]
    kanit: dict[str, _Official]
    bhabin: dict[str, _Official]
    subunit_prefix: str  # 'Polsek' (or 'Polres' for a Polda blog)
    allowed_cache: dict[tuple[date, date, int], list[_Activity]] = field(default_factory=dict)


def _make_unit_ctx(
    unit: str, polda: str, province: str, offset: int, rng: random.Random
) -> _UnitCtx:
    kind, place = _unit_kind(unit)
    geo = _KNOWN_GEO.get(unit) or _fallback_geo(kind, place, polda, province, rng)
    place = geo.town or place
    names = _NameMaker(rng)
    head_title = "Ka" + _lower_first(unit)
    head_short = "Ka" + _lower_first(unit.split()[0])
    kapolda_title = "Ka" + _lower_first(polda)
    big = kind == "polresta"
    off: dict[str, _Official] = {}
    if kind == "polda":
        off["kapolres"] = names.official(head_title, "Kapolda", ("Irjen Pol",), prefix="Drs. ")
        off["wakapolres"] = names.official(
            "Waka" + _lower_first(unit), "Wakapolda", ("Brigjen Pol",)
        )
        sat_titles = {
            "kabagops": ("Karoops", "Karoops"),
            "kasatreskrim": ("Dirreskrimum", "Dirreskrimum"),
            "kasatnarkoba": ("Dirresnarkoba", "Dirresnarkoba"),
            "kasatlantas": ("Dirlantas", "Dirlantas"),
            "kasatbinmas": ("Dirbinmas", "Dirbinmas"),
            "kasatsamapta": ("Dirsamapta", "Dirsamapta"),
            "kasihumas": ("Kabid Humas", "Kabid Humas"),
            "kasipropam": ("Kabid Propam", "Kabid Propam"),
            "kasidokkes": ("Kabid Dokkes", "Kabid Dokkes"),
        }
        for key, (title, short) in sat_titles.items():
            off[key] = names.official(
                f"{title} {unit}",
                short,
                ("Kombes Pol",),
                female_rate=0.2 if key == "kasihumas" else 0.0,
            )
        sats = {
            "satreskrim": "Ditreskrimum",
            "satnarkoba": "Ditresnarkoba",
            "satlantas": "Ditlantas",
            "satbinmas": "Ditbinmas",
            "satsamapta": "Ditsamapta",
        }
        sat_forms = {k: ((f"{v} {unit}",), (v,)) for k, v in sats.items()}
        subunit_prefix = "Polres"
    elif kind == "polsek":
        off["kapolres"] = names.official(head_title, "Kapolsek", ("AKP", "Kompol", "Iptu"))
        off["wakapolres"] = names.official(f"Wakapolsek {place}", "Wakapolsek", ("Iptu", "AKP"))
        for key, unit_name in (
            ("kabagops", "Kanit Samapta"),
            ("kasatreskrim", "Kanit Reskrim"),
            ("kasatnarkoba", "Kanit Reskrim"),
            ("kasatlantas", "Kanit Lantas"),
            ("kasatbinmas", "Kanit Binmas"),
            ("kasatsamapta", "Kanit Samapta"),
            ("kasihumas", "Kanit Binmas"),
            ("kasipropam", "Kasi Propam"),
            ("kasidokkes", "Kanit Binmas"),
        ):
            off[key] = names.official(f"{unit_name} {unit}", unit_name, ("Ipda", "Iptu", "Aiptu"))
        sats = {
            "satreskrim": "Unit Reskrim",
            "satnarkoba": "Unit Reskrim",
            "satlantas": "Unit Lantas",
            "satbinmas": "Unit Binmas",
            "satsamapta": "Unit Samapta",
        }
        sat_forms = {k: ((f"{v} {unit}",), (v,)) for k, v in sats.items()}
        subunit_prefix = "Polsek"
    else:
        head_rank = ("Kombes Pol",) if big else ("AKBP",)
        off["kapolres"] = names.official(head_title, head_short, head_rank)
        off["wakapolres"] = names.official(
            "Waka" + _lower_first(unit),
            "Waka" + _lower_first(head_short[2:]),
            ("AKBP",) if big else ("Kompol",),
        )
        kasat = ("Kompol", "AKP") if big else ("AKP", "AKP", "Iptu")
        for key, title, ranks, fem in (
            ("kabagops", "Kabag Ops", ("Kompol", "AKP"), 0.0),
            ("kasatreskrim", "Kasat Reskrim", ("Kompol",) if big else ("AKP",), 0.0),
            ("kasatnarkoba", "Kasat Resnarkoba", kasat, 0.0),
            ("kasatlantas", "Kasat Lantas", kasat, 0.15),
            ("kasatbinmas", "Kasat Binmas", kasat, 0.15),
            ("kasatsamapta", "Kasat Samapta", kasat, 0.0),
            ("kasihumas", "Kasi Humas", ("Iptu", "AKP", "Ipda"), 0.3),
            ("kasipropam", "Kasi Propam", ("Iptu", "AKP"), 0.0),
            ("kasidokkes", "Kasi Dokkes", ("Iptu", "AKP", "Ipda"), 0.4),
        ):
            off[key] = names.official(
                f"{title} {unit}",
                title,
                ranks,
                female_rate=fem,
                prefix="dr. " if key == "kasidokkes" else "",
            )
        sat_forms = {
            "satreskrim": (
                (
                    f"Satreskrim {unit}",
                    f"Sat Reskrim {unit}",
                    f"Satuan Reserse Kriminal (Satreskrim) {unit}",
                ),
                ("Satreskrim", "Sat Reskrim", "tim penyidik"),
            ),
            "satnarkoba": (
                (
                    f"Satresnarkoba {unit}",
                    f"Sat Resnarkoba {unit}",
                    f"Satuan Reserse Narkoba (Satresnarkoba) {unit}",
                ),
                ("Satresnarkoba", "Sat Resnarkoba", "tim opsnal"),
            ),
            "satlantas": (
                (
                    f"Satlantas {unit}",
                    f"Sat Lantas {unit}",
                    f"Satuan Lalu Lintas (Satlantas) {unit}",
                ),
                ("Satlantas", "Sat Lantas"),
            ),
            "satbinmas": (
                (
                    f"Sat Binmas {unit}",
                    f"Satbinmas {unit}",
                    f"Satuan Pembinaan Masyarakat (Satbinmas) {unit}",
                ),
                ("Sat Binmas", "Satbinmas"),
            ),
            "satsamapta": (
                (f"Sat Samapta {unit}", f"Satsamapta {unit}", f"Satuan Samapta {unit}"),
                ("Sat Samapta", "Satsamapta"),
            ),
        }
        subunit_prefix = "Polsek"
    kapolda = names.official(
        kapolda_title, "Kapolda", ("Irjen Pol",), prefix=rng.choice(("", "Drs. ", "Dr. "))
    )
    off["kapolda"] = off["kapolres"] if kind == "polda" else kapolda

    kapolsek: dict[str, _Official] = {}
    kanit: dict[str, _Official] = {}
    bhabin: dict[str, _Official] = {}
    for kec, villages in geo.kecamatan:
        sub = unit if kind == "polsek" else f"{subunit_prefix} {kec}"
        if kind == "polsek":
            kapolsek[kec] = off["kapolres"]
            kanit[kec] = off["kasatreskrim"]
        elif kind == "polda":
            kapolsek[kec] = names.official("Ka" + _lower_first(sub), "Kapolres", ("AKBP",))
            kanit[kec] = names.official(f"Kasat Reskrim {sub}", "Kasat Reskrim", ("AKP",))
        else:
            kapolsek[kec] = names.official(
                "Ka" + _lower_first(sub), "Kapolsek", ("Iptu", "AKP", "AKP", "Kompol")
            )
            kanit[kec] = names.official(
                f"Kanit Reskrim {sub}", "Kanit Reskrim", ("Ipda", "Ipda", "Aiptu", "Iptu")
            )
        for v in villages:
            bhabin[v] = names.official(
                f"Bhabinkamtibmas {geo.village_kind} {v}",
                "Bhabinkamtibmas",
                ("Aipda", "Bripka", "Brigpol", "Aiptu", "Bripka"),
                female_rate=0.05,
            )

    entities = {k: o.forms for k, o in off.items()}
    entities.update(sat_forms)
    plain = {
        "unit": unit,
        "polda": polda,
        "province": province,
        "place": place,
        "PLACE": place.upper(),
        "area": geo.area,
        "tz": _TZ_LABEL.get(offset, "WIB"),
        "head_title": head_title,
        "head_short": head_short,
        "kapolda_title": kapolda_title,
        "markas": "Ma" + _lower_first(unit),
        "kapolres_name": f"{off['kapolres'].rank} {off['kapolres'].name}",
        "ops_word": _OPS_WORD.get(polda, ""),
    }
    for k, (_full, brief) in sat_forms.items():
        plain[f"{k}_t"] = f"{brief[0]} {unit}"
    return _UnitCtx(
        unit,
        polda,
        province,
        kind,
        place,
        geo,
        plain["tz"],
        entities,
        plain,
        kapolsek,
        kanit,
        bhabin,
        subunit_prefix,
    )


# --------------------------------------------------------------------------------------------
# Activity templates
# --------------------------------------------------------------------------------------------
# Template syntax: {key} is a variable or an entity (officials and sub-units are "mentioned":
# full form with rank and name the first time, short form afterwards); [a|b|c] picks one
# alternative. Lead predicates and lead2 sentences must not contain dates or slashes: the first
# paragraph carries exactly one event date.

_When = Callable[[date, datetime], bool]


@dataclass(frozen=True)
class _Scene:
    """Titles, actors and leads that belong together (optionally their own bodies/quotes)."""

    titles: tuple[str, ...]
    actors: tuple[str, ...]
    leads: tuple[str, ...]
    bodies: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Activity:
    key: str
    labels: tuple[str, ...]
    titles: tuple[str, ...]
    actors: tuple[str, ...]
    leads: tuple[str, ...]
    bodies: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    lead2: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()
    when: _When | None = None
    weight: float = 1.0
    polsek: bool = False  # takes place in one Polsek's area (adds the Polsek label sometimes)
    scenes: tuple[_Scene, ...] = ()
    night: bool = False  # a night-time event: times in the text are evening times

    def pick_scene(self, rng: random.Random) -> _Scene:
        """A scene; its empty parts fall back to the activity's own lists."""
        if not self.scenes:
            return _Scene(self.titles, self.actors, self.leads, self.bodies, self.quotes)
        sc = rng.choice(self.scenes)
        return _Scene(
            sc.titles,
            sc.actors or self.actors,
            sc.leads or self.leads,
            sc.bodies or self.bodies,
            sc.quotes or self.quotes,
        )


def _weekday(n: int) -> _When:
    return lambda ev, pub: ev.weekday() == n


def _months(*months: int) -> _When:
    return lambda ev, pub: ev.month in months


def _night_ok(ev: date, pub: datetime) -> bool:
    return ev < pub.date() or pub.hour >= 21


def _ramadan(ev: date, pub: datetime) -> bool:
    span = _RAMADAN.get(ev.year)
    return bool(span and span[0] <= ev < span[1])


def _lebaran(ev: date, pub: datetime) -> bool:
    span = _RAMADAN.get(ev.year)
    return bool(span and abs((ev - span[1]).days) <= 9)


def _election(ev: date, pub: datetime) -> bool:
    return any(a <= ev <= b for a, b, _ in _ELECTIONS)


def _lilin(ev: date, pub: datetime) -> bool:
    return (ev.month == 12 and ev.day >= 20) or (ev.month == 1 and ev.day <= 2)


_A = _Activity
_ACTIVITIES: tuple[_Activity, ...] = (
    _A(
        "patroli_malam",
        ("Kamtibmas", "Sat Samapta"),
        (
            "Cegah Aksi C3, {satsamapta_t} Gelar Patroli Malam Hari",
            "Patroli Malam {satsamapta_t} Sasar {sasaran} di {kec}",
            "Cegah Kejahatan Jalanan, Personel {unit} Patroli ke {sasaran} di {desa}",
            "Sambangi Pos Ronda di {desa}, {satsamapta_t} Ingatkan Warga Waspada Curanmor",
            "Patroli Dialogis Malam Hari, {satsamapta_t} Sapa Warga {desa_name}",
            "Patroli Malam {satsamapta_t} Sasar Kawasan Rawan di {kec}",
            "Jaga Kamtibmas Tetap Kondusif, Personel {unit} Patroli Dialogis di {desa}",
            "Antisipasi Balap Liar dan Tawuran Remaja, {unit} Tingkatkan Patroli Malam",
            "{satsamapta_t} Sambangi Pos Ronda Warga {desa_name} Saat Patroli Malam",
        ),
        ("Personel {satsamapta}", "Tim Patroli {satsamapta}", "Jajaran {satsamapta}"),
        (
            "melaksanakan patroli malam hari di sejumlah titik rawan gangguan kamtibmas di "
            "wilayah Kecamatan {kec}",
            "menggelar patroli rutin ke kawasan pertokoan, perbankan dan permukiman warga di "
            "sepanjang {jalan}",
            "[melakukan|menggelar] patroli dialogis ke pos ronda dan pangkalan ojek di {desa}, "
            "Kecamatan {kec}",
        ),
        (
            "Dalam patroli tersebut, petugas menyisir area pertokoan, minimarket, SPBU hingga "
            "gang-gang permukiman yang kerap sepi pada malam hari. Petugas juga berhenti di "
            "beberapa titik untuk berdialog dengan warga yang sedang berjaga.",
            "Selain itu, personel juga mengecek sejumlah kendaraan yang terparkir di pinggir "
            "jalan dan mengingatkan pemiliknya agar menggunakan kunci ganda.",
            "Kegiatan ini merupakan upaya preventif untuk mencegah terjadinya kejahatan jalanan "
            "seperti pencurian dengan pemberatan (curat), pencurian dengan kekerasan (curas) "
            "dan pencurian kendaraan bermotor (curanmor) atau yang dikenal dengan istilah C3.",
            "Saat menyambangi pos ronda, petugas mengapresiasi warga yang masih aktif "
            "melaksanakan siskamling. Menurut petugas, keberadaan pos ronda sangat membantu "
            "Polri dalam menjaga keamanan lingkungan.",
            "Petugas juga membubarkan sekelompok remaja yang masih berkumpul di {landmark} "
            "menjelang dini hari dan meminta mereka segera pulang ke rumah masing-masing.",
        ),
        (
            (
                "kasatsamapta",
                "Patroli malam ini rutin kami laksanakan, terutama pada jam-jam "
                "rawan menjelang dini hari. Kehadiran polisi di tengah masyarakat diharapkan dapat "
                "mencegah niat pelaku kejahatan",
            ),
            (
                "kapolres",
                "Kami ingin masyarakat merasa aman dan nyaman saat beristirahat di "
                "malam hari. Karena itu patroli akan terus kami tingkatkan, khususnya di "
                "lokasi-lokasi yang rawan",
            ),
            (
                "kasatsamapta",
                "Kami [mengimbau|menghimbau] warga agar tidak meninggalkan "
                "kendaraan di luar rumah tanpa pengawasan dan segera melapor ke polisi terdekat "
                "apabila melihat hal-hal yang mencurigakan",
            ),
        ),
        lead2=(
            "Patroli dimulai sekitar pukul {jam_malam} {tz} dengan menggunakan kendaraan roda "
            "empat dan roda dua.",
        ),
        when=_night_ok,
        night=True,
        weight=2.0,
    ),
    _A(
        "sosialisasi_sekolah",
        ("Binmas", "Kamtibmas"),
        (),
        (),
        (),
        (
            "Di hadapan para siswa, petugas menjelaskan dampak buruk perundungan, baik secara "
            "fisik maupun verbal, serta sanksi hukum yang dapat dikenakan kepada pelakunya.",
            "Materi yang disampaikan meliputi bahaya penyalahgunaan narkoba, tertib berlalu "
            "lintas, bijak bermedia sosial serta pencegahan tawuran antarpelajar.",
            "Para siswa tampak antusias mengikuti kegiatan tersebut. Sejumlah pelajar bahkan "
            "mengajukan pertanyaan seputar cara melapor apabila menjadi korban perundungan.",
            "Kepala sekolah menyambut baik kegiatan tersebut dan berharap kegiatan serupa dapat "
            "dilaksanakan secara rutin setiap semester.",
        ),
        (
            (
                "kasatbinmas",
                "Pelajar adalah generasi penerus bangsa. Jangan sampai masa depan "
                "kalian rusak karena narkoba, tawuran ataupun perundungan",
            ),
            (
                "kapolres",
                "Kami ingin sekolah menjadi tempat yang aman dan nyaman untuk belajar. "
                "Jika ada permasalahan, jangan ragu untuk bercerita kepada guru, orang tua atau "
                "polisi",
            ),
            (
                "kasatbinmas",
                "Gunakan media sosial dengan bijak. Jangan mudah terprovokasi "
                "ajakan tawuran ataupun konten yang tidak jelas sumbernya",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Police Goes to School, {unit} Beri Pembinaan kepada Siswa {sekolah}",
                    "Cegah Kenakalan Remaja, {satbinmas_t} Sosialisasi Bahaya Perundungan di "
                    "{sekolah}",
                    "{satbinmas_t} Ajak Pelajar {sekolah} Jauhi Narkoba dan Tawuran",
                    "{satbinmas_t} Beri Materi {topik} kepada Pelajar {sekolah}",
                    "Sosialisasi {topik}, {unit} Sambangi {sekolah}",
                ),
                ("Personel {satbinmas}", "{kasatbinmas}"),
                (
                    "memberikan sosialisasi bahaya perundungan (bullying), narkoba dan "
                    "kenakalan remaja kepada ratusan pelajar {sekolah}",
                    "menggelar kegiatan Police Goes to School di {sekolah}, Kecamatan {kec}",
                ),
            ),
            _Scene(
                (
                    "Jadi Pembina Upacara di {sekolah}, {head_title} Pesan Pelajar Tertib "
                    "Berlalu Lintas",
                    "{head_title} Ajak Siswa {sekolah} Jadi Pelopor Keselamatan Berlalu Lintas",
                ),
                ("{kapolres}",),
                (
                    "menjadi pembina upacara bendera sekaligus memberikan pembinaan kepada "
                    "siswa-siswi {sekolah}",
                ),
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 5 and ev.month not in (6, 7),
        weight=1.2,
    ),
    _A(
        "penyuluhan_warga",
        ("Binmas", "Kamtibmas"),
        (),
        (),
        (),
        (
            "Dalam penyuluhan itu, petugas memaparkan berbagai modus penipuan yang marak terjadi, "
            "mulai dari pesan berantai berhadiah, tautan undangan palsu hingga penipuan yang "
            "mengatasnamakan kurir paket.",
            "Warga juga diingatkan agar tidak mudah tergiur tawaran kerja ke luar negeri dengan "
            "gaji tinggi melalui jalur tidak resmi karena rawan menjadi korban perdagangan orang.",
            "Selain itu, petugas mengajak warga mengaktifkan kembali siskamling dan menjaga "
            "kerukunan antarwarga agar lingkungan tetap aman.",
            "Kegiatan tersebut dihadiri kepala desa, Babinsa, tokoh agama, tokoh pemuda serta "
            "puluhan warga setempat.",
        ),
        (
            (
                "kasatbinmas",
                "Jangan pernah memberikan kode OTP, PIN ataupun data pribadi kepada "
                "siapa pun, termasuk yang mengaku dari bank atau instansi resmi",
            ),
            (
                "bhabin",
                "Kalau ada tawaran kerja yang mencurigakan, tanyakan dulu ke pemerintah "
                "desa atau ke Bhabinkamtibmas. Lebih baik berhati-hati daripada menyesal",
            ),
            (
                "kapolres",
                "Kejahatan saat ini banyak memanfaatkan teknologi. Masyarakat harus "
                "semakin waspada dan saling mengingatkan, terutama kepada orang tua kita",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{satbinmas_t} Sosialisasikan Modus Penipuan Online kepada Warga {desa_name}",
                    "{unit} Ingatkan Warga {kec} Bahaya Pinjaman Online Ilegal dan Penipuan Daring",
                ),
                ("Personel {satbinmas}", "{kasatbinmas}"),
                (
                    "mengumpulkan perangkat desa dan tokoh masyarakat {desa} untuk sosialisasi "
                    "[waspada|bahaya] penipuan daring",
                ),
            ),
            _Scene(
                (
                    "Waspada TPPO, {unit} Beri Penyuluhan kepada Warga {desa}",
                    "Cegah Perdagangan Orang, {unit} Sosialisasi kepada Warga {desa_name}",
                    "{unit} Ingatkan Warga {kec} Waspadai Tawaran Kerja ke Luar Negeri",
                ),
                ("Personel {satbinmas}", "{kasatbinmas}", "{bhabin}"),
                (
                    "menggelar sosialisasi pencegahan tindak pidana perdagangan orang (TPPO) "
                    "kepada warga {desa}",
                ),
            ),
            _Scene(
                (
                    "Penyuluhan Kamtibmas di Balai {desa}, Warga Diajak Aktif Jaga Lingkungan",
                    "Penyuluhan Kamtibmas, {unit} Ajak Warga {desa_name} Aktifkan Siskamling",
                    "Sampaikan Pesan {pesan}, {unit} Gelar Penyuluhan di Balai {desa}",
                ),
                ("Personel {satbinmas}", "{bhabin}"),
                ("memberikan penyuluhan kamtibmas kepada warga di Balai {desa}, Kecamatan {kec}",),
            ),
        ),
        polsek=True,
    ),
    _A(
        "salat_jumat",
        ("Kamtibmas",),
        (
            "{polsek} Lakukan Pengamanan Salat Jumat di {masjid}",
            "Personel {unit} Jaga Keamanan Jemaah Salat Jumat di {desa}",
            "Pastikan Ibadah Berjalan Khusyuk, {polsek} Amankan Salat Jumat",
        ),
        ("Personel {polsek}", "{kapolsek} bersama anggotanya", "Jajaran {polsek}"),
        (
            "melaksanakan pengamanan ibadah salat Jumat di {masjid}, {desa}",
            "menggelar pengamanan dan pengaturan lalu lintas di sekitar {masjid} saat "
            "pelaksanaan salat Jumat",
        ),
        (
            "Pengamanan dilakukan sejak sebelum azan berkumandang hingga jemaah selesai "
            "menunaikan ibadah. Personel juga membantu mengatur kendaraan jemaah yang "
            "diparkir di sekitar masjid.",
            "Usai salat, petugas menyempatkan diri berbincang dengan pengurus masjid dan "
            "jemaah untuk menyampaikan pesan-pesan kamtibmas.",
            "Kegiatan pengamanan ibadah merupakan bagian dari upaya Polri memberikan rasa aman "
            "kepada masyarakat dalam menjalankan ibadah sesuai keyakinannya.",
        ),
        (
            (
                "kapolsek",
                "Kami ingin jemaah dapat beribadah dengan tenang tanpa khawatir "
                "kendaraannya hilang. Pengamanan ini rutin kami lakukan setiap hari Jumat",
            ),
            (
                "kapolsek",
                "Kami juga mengajak para jemaah untuk bersama-sama menjaga situasi "
                "tetap aman dan tidak mudah terprovokasi berita bohong",
            ),
        ),
        when=_weekday(4),
        polsek=True,
    ),
    _A(
        "ibadah_minggu",
        ("Kamtibmas",),
        (
            "Personel {unit} Amankan Ibadah Minggu di {gereja}",
            "Jemaat Beribadah dengan Tenang, {polsek} Jaga Gereja di {desa}",
            "{polsek} Gelar Pengamanan Ibadah Minggu di Sejumlah Gereja",
        ),
        ("Personel {polsek}", "{kapolsek} beserta anggota", "Jajaran {polsek}"),
        (
            "melaksanakan pengamanan ibadah Minggu di {gereja}, {desa}",
            "melakukan sterilisasi dan pengamanan sejumlah gereja di wilayah Kecamatan {kec}",
        ),
        (
            "Sebelum ibadah dimulai, petugas melakukan pengecekan di sekitar gereja untuk "
            "memastikan tidak ada barang mencurigakan. Personel kemudian berjaga di pintu "
            "masuk dan area parkir.",
            "Pengurus gereja menyampaikan terima kasih atas kehadiran personel kepolisian yang "
            "setiap pekan membantu pengamanan ibadah jemaat.",
            "Ibadah berlangsung dengan khidmat. Usai kegiatan, petugas juga membantu mengatur "
            "arus lalu lintas saat jemaat meninggalkan lokasi.",
        ),
        (
            (
                "kapolsek",
                "Pengamanan ini merupakan wujud kehadiran Polri untuk menjamin setiap "
                "warga dapat beribadah dengan aman dan nyaman",
            ),
            (
                "kapolres",
                "Kerukunan umat beragama di wilayah kita harus terus dijaga. Polri "
                "hadir untuk seluruh masyarakat tanpa membeda-bedakan",
            ),
        ),
        when=_weekday(6),
        polsek=True,
    ),
    _A(
        "jumat_curhat",
        ("Jumat Curhat", "Kamtibmas"),
        (),
        (),
        (),
        (
            "Dalam kegiatan tersebut, warga menyampaikan sejumlah keluhan, di antaranya aksi "
            "balap liar pada malam hari, peredaran minuman keras serta minimnya penerangan "
            "jalan di beberapa titik.",
            "Seorang warga juga mengeluhkan maraknya pencurian ternak dan meminta polisi "
            "meningkatkan patroli pada malam hari.",
            "Setiap keluhan dicatat dan langsung ditindaklanjuti oleh fungsi terkait. Untuk "
            "persoalan penerangan jalan, pihak kepolisian akan berkoordinasi dengan pemerintah "
            "daerah.",
            "Kegiatan berlangsung santai dan penuh keakraban. Warga tampak antusias "
            "menyampaikan pertanyaan maupun masukan kepada jajaran kepolisian.",
        ),
        (
            (
                "kapolres",
                "Jumat Curhat ini menjadi sarana kami untuk mendengar langsung apa yang "
                "dirasakan masyarakat. Kritik dan saran dari warga menjadi bahan evaluasi bagi "
                "kami",
            ),
            (
                "kapolres",
                "Semua masukan akan kami tindak lanjuti. Patroli di titik-titik yang "
                "dikeluhkan warga akan kami tingkatkan mulai malam ini",
            ),
            (
                "kapolsek",
                "Kami berterima kasih kepada warga yang sudah terbuka menyampaikan "
                "keluhannya. Polisi tidak bisa bekerja sendiri tanpa dukungan masyarakat",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Jumat Curhat, {head_title} Serap Aspirasi Warga {desa}",
                    "Gelar Jumat Curhat di {desa}, {unit} Tampung Keluhan Masyarakat",
                    "Warga {desa_name} Keluhkan Balap Liar Saat Jumat Curhat Bersama {unit}",
                ),
                ("{kapolres}",),
                (
                    "menggelar kegiatan Jumat Curhat bersama warga di {desa}, Kecamatan {kec}",
                    "menyambangi warga {desa} dalam kegiatan Jumat Curhat yang digelar di balai "
                    "desa",
                ),
            ),
            _Scene(
                (
                    "Jumat Curhat {polsek}, Warga Minta Patroli Ditingkatkan",
                    "Gelar Jumat Curhat, {polsek} Dengarkan Keluhan Warga {desa_name}",
                ),
                ("{kapolsek}",),
                ("menggelar kegiatan Jumat Curhat bersama warga di {desa}, Kecamatan {kec}",),
            ),
        ),
        when=_weekday(4),
        weight=1.5,
        polsek=True,
    ),
    _A(
        "narkoba_sabu",
        ("Narkoba", "Sat Resnarkoba"),
        (
            "{satnarkoba_t} Amankan {N_orang} Pria Diduga Pengedar Sabu di {kec}",
            "Simpan Sabu di Bungkus Rokok, {N_orang} Warga {desa_name} Ditangkap Polisi",
            "Dalam Waktu 24 Jam, {satnarkoba_t} Ringkus {n} Terduga Penyalahguna Sabu",
            "{unit} Ungkap Peredaran Sabu, {berat} Gram Barang Bukti Diamankan",
            "Kembali, {satnarkoba_t} Tangkap Pengedar Sabu di {desa}",
            "Transaksi Sabu di {landmark} Digagalkan {satnarkoba_t}",
        ),
        ("{satnarkoba}", "Tim Opsnal {satnarkoba}"),
        (
            "berhasil mengamankan {n_orang} terduga pelaku penyalahgunaan narkotika jenis sabu "
            "di {desa}, Kecamatan {kec}",
            "[meringkus|menangkap] {n_orang} pria yang diduga kuat sebagai pengedar narkotika "
            "jenis sabu di wilayah Kecamatan {kec}",
            "kembali mengungkap peredaran narkotika jenis sabu dengan mengamankan {tersangka}",
        ),
        (
            "Pengungkapan tersebut berawal dari informasi masyarakat yang resah dengan adanya "
            "aktivitas transaksi narkoba di lingkungan mereka. Menindaklanjuti laporan itu, tim "
            "langsung melakukan penyelidikan dan pengintaian di lokasi.",
            "Saat dilakukan penggeledahan, petugas menemukan barang bukti berupa {paket} paket "
            "plastik klip berisi kristal putih yang diduga sabu dengan berat bruto {berat} gram, "
            "satu buah timbangan digital, plastik klip kosong serta satu unit telepon genggam.",
            "Kepada petugas, {pelaku} mengaku mendapatkan barang haram tersebut dari seseorang "
            "yang saat ini masih dalam penyelidikan. Sabu tersebut rencananya akan dijual "
            "kembali secara eceran.",
            "Saat ini {pelaku} beserta barang bukti telah dibawa ke {markas} untuk proses "
            "penyidikan lebih lanjut.",
            "Atas perbuatannya, {pelaku} dijerat dengan Pasal 114 ayat (1) subsider Pasal 112 "
            "ayat (1) Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika dengan ancaman pidana "
            "penjara paling singkat lima tahun dan paling lama 20 tahun.",
        ),
        (
            (
                "kasatnarkoba",
                "Kami tidak akan memberi ruang sedikit pun bagi peredaran narkoba "
                "di wilayah hukum {unit}. Informasi dari masyarakat sangat membantu kami dalam "
                "mengungkap kasus ini",
            ),
            (
                "kapolres",
                "Narkoba merusak masa depan generasi muda. Kami mengajak seluruh "
                "elemen masyarakat untuk bersama-sama memerangi peredaran gelap narkoba",
            ),
            (
                "kasatnarkoba",
                "Kami masih melakukan pengembangan untuk mengungkap jaringan di "
                "atasnya. Siapa pun yang terlibat akan kami tindak tegas",
            ),
        ),
        lead2=(
            "Para terduga pelaku ditangkap tanpa perlawanan sekitar pukul {jam} {tz}.",
            "Penangkapan dilakukan di sebuah rumah yang diduga kerap dijadikan tempat transaksi.",
        ),
        closings=(
            "{unit} juga mengajak masyarakat untuk tidak ragu memberikan informasi "
            "terkait peredaran narkoba. Identitas pelapor dijamin kerahasiaannya.",
        ),
        weight=2.5,
    ),
    _A(
        "narkoba_ganja",
        ("Narkoba", "Sat Resnarkoba"),
        (),
        ("{satnarkoba}", "Tim Opsnal {satnarkoba}"),
        (),
        (
            "Dari tangan {pelaku} petugas menyita barang bukti berupa daun, batang dan biji "
            "kering yang diduga ganja seberat {berat_ganja} yang dibungkus kertas koran dan "
            "lakban cokelat.",
            "Berdasarkan hasil pemeriksaan awal, ganja tersebut dipesan melalui media sosial "
            "dan rencananya akan diedarkan kembali kepada sejumlah pemuda di wilayah {kec}.",
            "{Pelaku} kini mendekam di sel tahanan {markas} dan dijerat Pasal 111 ayat (1) atau "
            "Pasal 114 ayat (1) Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika.",
        ),
        (
            (
                "kasatnarkoba",
                "Kami masih mendalami asal barang haram tersebut. Siapa pun yang "
                "terlibat dalam peredaran ganja ini akan kami kejar",
            ),
            (
                "kapolres",
                "Kami berkomitmen memberantas peredaran narkoba hingga ke akarnya. "
                "Peran orang tua sangat penting untuk mengawasi pergaulan anak-anaknya",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Miliki Ganja {berat_ganja}, {N_orang} Pemuda Asal {desa_name} Diamankan "
                    "{satnarkoba_t}",
                    "{satnarkoba_t} Gagalkan Peredaran Ganja Kering di {kec}",
                    "{unit} Amankan {N_orang} Remaja Pengguna Ganja",
                ),
                (),
                (
                    "mengamankan {n_orang} terduga pelaku penyalahgunaan narkotika jenis ganja "
                    "di {desa}, Kecamatan {kec}",
                ),
            ),
            _Scene(
                ("Paket Ganja Dikirim Lewat Ekspedisi, {N_orang} Penerima Ditangkap {unit}",),
                (),
                (
                    "berhasil menggagalkan peredaran narkotika jenis ganja kering seberat "
                    "{berat_ganja} yang dikirim melalui jasa ekspedisi",
                ),
                (
                    "Penangkapan bermula saat petugas menerima informasi adanya paket "
                    "mencurigakan yang akan diambil seseorang di sebuah agen ekspedisi. Petugas "
                    "kemudian melakukan pengintaian hingga penerima paket datang mengambil "
                    "barang tersebut.",
                    "Dari tangan {pelaku} petugas menyita barang bukti berupa daun, batang dan "
                    "biji kering yang diduga ganja seberat {berat_ganja} yang dibungkus kertas "
                    "koran dan lakban cokelat.",
                    "{Pelaku} kini mendekam di sel tahanan {markas} dan dijerat Pasal 111 ayat "
                    "(1) atau Pasal 114 ayat (1) Undang-Undang Nomor 35 Tahun 2009 tentang "
                    "Narkotika.",
                ),
                (
                    (
                        "kasatnarkoba",
                        "Modus pengiriman melalui jasa ekspedisi terus kami "
                        "pantau. Kami juga berkoordinasi dengan pihak ekspedisi agar lebih waspada "
                        "terhadap paket mencurigakan",
                    ),
                    (
                        "kapolres",
                        "Kami berkomitmen memberantas peredaran narkoba hingga ke "
                        "akarnya. Peran orang tua sangat penting untuk mengawasi pergaulan "
                        "anak-anaknya",
                    ),
                ),
            ),
        ),
        weight=1.2,
    ),
    _A(
        "curanmor",
        ("Kriminal", "Sat Reskrim"),
        (
            "{satreskrim_t} Bekuk Pelaku Curanmor yang Beraksi di {desa}",
            "Gasak {motor} Milik Warga {desa_name}, {N_orang} Pemuda Diringkus Polisi",
            "Kurang dari 24 Jam, {polsek} Tangkap Pelaku Pencurian Sepeda Motor",
            "Spesialis Curanmor Antarkecamatan Dibekuk {satreskrim_t} di {desa}",
        ),
        (
            "{satreskrim}",
            "Tim Opsnal {satreskrim}",
            "Unit Reskrim {polsek}",
            "{kanit} bersama anggota Unit Reskrim",
        ),
        (
            "berhasil menangkap {n_orang} pelaku pencurian kendaraan bermotor (curanmor) yang "
            "beraksi di {desa}, Kecamatan {kec}",
            "meringkus {tersangka} yang diduga menjadi pelaku pencurian sepeda motor milik "
            "warga {desa}",
        ),
        (
            "Peristiwa pencurian terjadi saat korban, {korban}, memarkir sepeda motor {motor} "
            "warna {warna} dengan nomor polisi {plat} di halaman rumahnya dalam keadaan "
            "terkunci setang.",
            "Keesokan paginya korban mendapati kendaraannya sudah tidak ada di tempat dan "
            "langsung melaporkan kejadian tersebut ke {polsek}. Akibat kejadian itu korban "
            "mengalami kerugian sekitar Rp{kerugian}.",
            "Berbekal rekaman kamera pengawas (CCTV) di sekitar lokasi, petugas berhasil "
            "mengidentifikasi pelaku dan melakukan penangkapan di tempat persembunyiannya.",
            "Dari tangan {pelaku}, polisi menyita satu unit sepeda motor milik korban, sebuah "
            "kunci leter T serta pakaian yang digunakan saat beraksi.",
            "{Pelaku} dijerat Pasal 363 KUHP tentang pencurian dengan pemberatan dengan ancaman "
            "hukuman maksimal tujuh tahun penjara.",
        ),
        (
            (
                "kasatreskrim",
                "Pelaku mengaku sudah beraksi di beberapa lokasi. Saat ini kami "
                "masih melakukan pengembangan untuk mengungkap tempat kejadian perkara lainnya",
            ),
            (
                "kapolsek",
                "Kami [mengimbau|menghimbau] masyarakat agar memasang kunci ganda dan "
                "tidak memarkir kendaraan di tempat yang gelap atau tanpa pengawasan",
            ),
            (
                "kanit",
                "Pelaku kami amankan tanpa perlawanan di tempat persembunyiannya. Sepeda "
                "motor milik korban juga berhasil kami temukan dalam kondisi utuh",
            ),
        ),
        weight=1.5,
        polsek=True,
    ),
    _A(
        "rilis_curas",
        ("Kriminal", "Sat Reskrim"),
        (
            "Konferensi Pers, {unit} Ungkap Kasus Pencurian dengan Kekerasan di {kec}",
            "Rampas Ponsel Pelajar, {N_orang} Pemuda Ditangkap {satreskrim_t}",
            "Jambret Tas Warga {desa_name}, {N_orang} Pelaku Diringkus {satreskrim_t}",
            "{satreskrim_t} Tangkap {N_orang} Pelaku Curas yang Beraksi di {jalan}",
            "Korban Terjatuh Saat Dijambret di {jalan}, {N_orang} Pelaku Diamankan Polisi",
            "Pelaku Jambret di {jalan} Berhasil Diringkus {satreskrim_t}",
        ),
        ("{kapolres}", "{satreskrim}", "{wakapolres}"),
        (
            "menggelar konferensi pers pengungkapan kasus pencurian dengan kekerasan (curas) "
            "yang terjadi di wilayah Kecamatan {kec}",
            "berhasil mengungkap kasus penjambretan yang meresahkan warga di sepanjang {jalan}",
        ),
        (
            "Dalam kasus tersebut, {pelaku} beraksi dengan cara memepet korban yang sedang "
            "mengendarai sepeda motor, kemudian merampas tas dan telepon genggam milik korban.",
            "Korban, {korban}, sempat terjatuh dan mengalami luka lecet akibat kejadian itu. "
            "Korban kemudian melaporkan peristiwa tersebut ke {markas}.",
            "Setelah melakukan penyelidikan selama beberapa hari, petugas berhasil mengamankan "
            "{tersangka} berikut barang bukti berupa telepon genggam milik korban dan sepeda "
            "motor yang digunakan saat beraksi.",
            "Atas perbuatannya, {pelaku} dijerat Pasal 365 KUHP dengan ancaman hukuman penjara "
            "paling lama sembilan tahun.",
        ),
        (
            (
                "kapolres",
                "Kami berterima kasih kepada masyarakat yang telah membantu memberikan "
                "informasi sehingga pelaku dapat segera kami amankan",
            ),
            (
                "kasatreskrim",
                "Dari hasil pemeriksaan, pelaku mengaku hasil kejahatannya dijual "
                "dan uangnya digunakan untuk kebutuhan sehari-hari",
            ),
        ),
    ),
    _A(
        "penipuan_online",
        ("Kriminal", "Sat Reskrim"),
        (),
        ("{satreskrim}", "Unit Tipidter {satreskrim}"),
        (),
        (
            "Dari tangan {pelaku} petugas menyita barang bukti berupa telepon genggam, buku "
            "tabungan dan kartu ATM yang digunakan untuk menampung uang hasil kejahatan.",
            "{Pelaku} dijerat Pasal 378 KUHP tentang penipuan dengan ancaman pidana penjara "
            "paling lama empat tahun.",
        ),
        (
            (
                "kapolres",
                "Masyarakat yang merasa menjadi korban dengan modus serupa kami minta "
                "segera melapor agar bisa kami tindak lanjuti",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Tipu Korban Puluhan Juta Rupiah Lewat Media Sosial, {N_orang} Pria "
                    "Diamankan Polisi",
                    "{satreskrim_t} Ungkap Penipuan Jual Beli Online, Kerugian Korban Capai "
                    "Rp{kerugian}",
                ),
                (),
                (
                    "mengamankan {tersangka} yang diduga melakukan tindak pidana penipuan "
                    "dengan modus jual beli daring",
                ),
                (
                    "Modus yang digunakan {pelaku} yaitu menawarkan barang dengan harga murah "
                    "melalui media sosial. Setelah korban mentransfer uang, barang yang "
                    "dijanjikan tidak pernah dikirim.",
                    "Korban, {korban}, mengalami kerugian sebesar Rp{kerugian} dan melaporkan "
                    "kejadian tersebut ke {markas}.",
                    "Dari tangan {pelaku} petugas menyita barang bukti berupa telepon genggam, "
                    "buku tabungan dan kartu ATM yang digunakan untuk menampung uang hasil "
                    "kejahatan.",
                    "{Pelaku} dijerat Pasal 378 KUHP tentang penipuan dengan ancaman pidana "
                    "penjara paling lama empat tahun.",
                ),
                (
                    (
                        "kasatreskrim",
                        "Jangan mudah percaya dengan penawaran harga yang tidak "
                        "masuk akal. Pastikan penjual dan rekening tujuan benar-benar dapat "
                        "dipercaya",
                    ),
                    (
                        "kapolres",
                        "Masyarakat yang merasa menjadi korban dengan modus serupa "
                        "kami minta segera melapor agar bisa kami tindak lanjuti",
                    ),
                ),
            ),
            _Scene(
                (
                    "Ngaku Bisa Loloskan Jadi Pegawai, {N_orang} Warga {desa_name} Ditangkap "
                    "{satreskrim_t}",
                    "Janjikan Korban Jadi Pegawai Honorer, {N_orang} Terduga Penipu Diamankan "
                    "{unit}",
                ),
                (),
                (
                    "berhasil menangkap {tersangka} yang diduga melakukan penipuan berkedok "
                    "penerimaan pegawai dengan sasaran warga Kecamatan {kec}",
                ),
                (
                    "Modus yang digunakan {pelaku} yaitu mengaku memiliki kenalan di instansi "
                    "pemerintah dan menjanjikan korban dapat diterima sebagai pegawai dengan "
                    "syarat menyerahkan sejumlah uang.",
                    "Korban, {korban}, telah menyerahkan uang secara bertahap dengan total "
                    "Rp{kerugian}. Namun hingga berbulan-bulan, janji tersebut tidak pernah "
                    "terwujud.",
                    "Dari tangan {pelaku} petugas menyita barang bukti berupa kuitansi "
                    "penyerahan uang, telepon genggam dan sejumlah dokumen palsu.",
                    "{Pelaku} dijerat Pasal 378 KUHP tentang penipuan dan atau Pasal 372 KUHP "
                    "tentang penggelapan.",
                ),
                (
                    (
                        "kasatreskrim",
                        "Penerimaan pegawai pemerintah dilakukan secara terbuka "
                        "dan tidak dipungut biaya. Jangan percaya kepada siapa pun yang "
                        "menjanjikan kelulusan dengan imbalan uang",
                    ),
                    (
                        "kapolres",
                        "Masyarakat yang merasa menjadi korban dengan modus serupa "
                        "kami minta segera melapor agar bisa kami tindak lanjuti",
                    ),
                ),
            ),
        ),
    ),
    _A(
        "judi_online",
        ("Kriminal", "Judi Online"),
        (
            "{satreskrim_t} Ungkap Praktik Judi Online, {N_orang} Pelaku Diamankan",
            "Promosikan Situs Judi Online di Media Sosial, {N_orang} Pemuda Asal {desa_name} "
            "Ditangkap",
            "Berantas Judi Online, {unit} Amankan Pelaku Beserta Barang Bukti Ponsel",
            "{satreskrim_t} Amankan {N_orang} Pelaku Promosi Judi Online Asal {desa_name}",
            "Judi Online Meresahkan, {N_orang} Warga {kec} Diamankan Polisi",
        ),
        ("{satreskrim}", "Tim Siber {satreskrim}"),
        (
            "berhasil mengungkap praktik perjudian daring atau judi online dengan mengamankan "
            "{tersangka}",
            "menangkap {n_orang} terduga pelaku yang mempromosikan situs judi online melalui "
            "akun media sosial",
        ),
        (
            "Pengungkapan bermula dari patroli siber yang dilakukan petugas. Dari hasil "
            "penelusuran, petugas menemukan akun yang aktif mempromosikan situs judi online "
            "dengan iming-iming keuntungan besar.",
            "Dari tangan {pelaku} petugas menyita barang bukti berupa telepon genggam, kartu "
            "ATM, buku rekening serta tangkapan layar percakapan terkait aktivitas perjudian.",
            "Kepada petugas, {pelaku} mengaku mendapat bayaran untuk setiap anggota baru yang "
            "berhasil diajak mendaftar ke situs tersebut.",
            "{Pelaku} dijerat Pasal 45 ayat (3) jo Pasal 27 ayat (2) Undang-Undang Informasi dan "
            "Transaksi Elektronik dan atau Pasal 303 KUHP tentang perjudian.",
        ),
        (
            (
                "kapolres",
                "Judi online tidak hanya merugikan secara ekonomi, tetapi juga memicu "
                "tindak kejahatan lain. Kami akan menindak tegas siapa pun yang terlibat",
            ),
            (
                "kasatreskrim",
                "Kami terus melakukan patroli siber. Masyarakat yang mengetahui "
                "aktivitas judi online di lingkungannya silakan melapor kepada kami",
            ),
        ),
    ),
    _A(
        "bakti_sosial",
        ("Sosial", "Bakti Sosial"),
        (),
        (),
        (),
        (
            "Setiap paket bantuan berisi beras, minyak goreng, gula pasir, mi instan dan telur. "
            "Bantuan diserahkan langsung agar tepat sasaran.",
            "Penerima bantuan didata bersama pemerintah desa setempat sehingga bantuan "
            "benar-benar diterima warga yang membutuhkan.",
            "Salah seorang penerima, {korban}, mengaku senang dan berterima kasih atas "
            "kepedulian jajaran kepolisian.",
            "Selain menyerahkan bantuan, personel juga berdialog dengan warga dan menyampaikan "
            "pesan kamtibmas agar warga turut menjaga keamanan lingkungan.",
        ),
        (
            (
                "kapolres",
                "Bantuan ini memang tidak seberapa, namun kami berharap dapat sedikit "
                "meringankan beban saudara-saudara kita yang membutuhkan",
            ),
            (
                "kapolres",
                "Polri tidak hanya hadir saat ada gangguan keamanan, tetapi juga ingin "
                "hadir di tengah kesulitan masyarakat",
            ),
            (
                "wakapolres",
                "Kegiatan ini merupakan wujud kepedulian sosial keluarga besar {unit} "
                "kepada masyarakat",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Peduli Sesama, {unit} Salurkan {sembako} Paket Sembako kepada Warga Kurang "
                    "Mampu",
                    "{head_title} Turun Langsung Bagikan Sembako untuk Warga {desa_name}",
                    "Baksos {unit}, {sembako} Paket Sembako Dibagikan kepada Warga {desa_name}",
                ),
                ("{kapolres}",),
                (
                    "menggelar kegiatan bakti sosial dengan membagikan {sembako} paket sembako "
                    "kepada warga kurang mampu di {desa}, Kecamatan {kec}",
                ),
            ),
            _Scene(
                (
                    "Bakti Sosial {unit} Sasar Panti Asuhan di {kec}",
                    "Bakti Sosial ke Panti Asuhan, {unit} Serahkan Bantuan di {desa}",
                ),
                ("{kapolres}", "Jajaran {unit}", "{wakapolres}"),
                (
                    "menyambangi panti asuhan di wilayah {kec} untuk menyerahkan bantuan "
                    "sembako dan perlengkapan sekolah",
                ),
                (
                    "Bantuan yang diserahkan berupa beras, minyak goreng, susu, alat tulis dan "
                    "perlengkapan sekolah bagi puluhan anak asuh.",
                    "Pengurus panti asuhan menyampaikan terima kasih atas kepedulian jajaran "
                    "kepolisian yang rutin memberikan perhatian kepada anak-anak panti.",
                    "Dalam kesempatan itu, personel juga bermain dan berbincang dengan anak-anak "
                    "panti serta memberikan motivasi agar mereka tetap semangat belajar.",
                ),
            ),
            _Scene(
                (
                    "{unit} Bagikan Sembako kepada Lansia dan Penyandang Disabilitas di {desa}",
                    "Peduli Lansia, Personel {unit} Salurkan Sembako ke Warga {desa_name}",
                ),
                ("Jajaran {unit}", "{wakapolres}"),
                (
                    "menyalurkan bantuan paket sembako kepada lansia, janda dan penyandang "
                    "disabilitas di {desa}",
                ),
            ),
        ),
        weight=1.3,
    ),
    _A(
        "donor_darah",
        ("Sosial", "Kesehatan"),
        (
            "Donor Darah {unit} Bersama PMI Kumpulkan {kantong} Kantong Darah",
            "Aksi Kemanusiaan, Personel {unit} Ramai-ramai Donorkan Darah di {markas}",
            "{kantong} Kantong Darah Terkumpul dari Aksi Donor Darah {unit}",
            "Stok Darah Menipis, {unit} Gelar Donor Darah dan Kumpulkan {kantong} Kantong",
        ),
        ("Jajaran {unit}", "Personel dan Bhayangkari {unit}"),
        (
            "menggelar kegiatan donor darah bekerja sama dengan Palang Merah Indonesia (PMI) "
            "{area}",
            "mengikuti aksi donor darah yang dipusatkan di aula {markas}",
        ),
        (
            "Kegiatan diikuti personel, aparatur sipil negara, anggota Bhayangkari serta "
            "masyarakat umum. Sebelum mendonorkan darah, para peserta menjalani pemeriksaan "
            "tekanan darah dan kadar hemoglobin oleh petugas PMI.",
            "Dari kegiatan tersebut berhasil terkumpul sebanyak {kantong} kantong darah yang "
            "selanjutnya akan disalurkan kepada pasien yang membutuhkan.",
            "Pihak PMI menyampaikan apresiasi karena kegiatan tersebut sangat membantu "
            "memenuhi kebutuhan stok darah yang sempat menipis.",
        ),
        (
            (
                "kapolres",
                "Setetes darah yang kita donorkan sangat berarti bagi mereka yang "
                "membutuhkan. Ini adalah bentuk kepedulian kita kepada sesama",
            ),
            (
                "kasidokkes",
                "Kami memastikan seluruh peserta dalam kondisi sehat sebelum mendonorkan darahnya",
            ),
        ),
    ),
    _A(
        "bakti_kesehatan",
        ("Sosial", "Kesehatan"),
        (
            "{unit} Gelar Pengobatan Gratis untuk Warga {desa}",
            "Bakti Kesehatan, Dokkes {unit} Layani Ratusan Warga {kec}",
            "Warga {desa_name} Antusias Ikuti Pemeriksaan Kesehatan Gratis dari {unit}",
            "Pengobatan Gratis {unit} di {desa}, {peserta} Warga Terlayani",
            "Bakti Kesehatan di {desa}, Warga Periksa Tekanan Darah dan Gula Darah Gratis",
        ),
        ("Seksi Kedokteran dan Kesehatan (Sidokkes) {unit}", "{kasidokkes} bersama tim"),
        (
            "menggelar kegiatan pengobatan gratis bagi warga {desa}, Kecamatan {kec}",
            "memberikan layanan pemeriksaan kesehatan gratis kepada {peserta} warga di balai "
            "{desa}",
        ),
        (
            "Layanan yang diberikan meliputi pemeriksaan tekanan darah, gula darah, asam urat "
            "serta konsultasi kesehatan. Warga yang membutuhkan juga diberikan obat secara "
            "cuma-cuma.",
            "Sebagian besar warga yang datang mengeluhkan hipertensi, nyeri sendi dan gangguan "
            "pernapasan ringan.",
            "Kepala desa setempat menyampaikan terima kasih karena kegiatan tersebut sangat "
            "membantu warga yang jauh dari fasilitas kesehatan.",
        ),
        (
            (
                "kasidokkes",
                "Kami mengimbau warga untuk rutin memeriksakan kesehatan, terutama "
                "para lansia yang rentan terhadap penyakit tidak menular",
            ),
            (
                "kapolres",
                "Kesehatan masyarakat juga menjadi perhatian kami. Kegiatan ini akan "
                "kami gelar bergiliran di desa-desa lainnya",
            ),
        ),
    ),
    _A(
        "vaksinasi",
        ("Kesehatan", "Vaksinasi"),
        (),
        (),
        (),
        (
            "Sebanyak {peserta} dosis vaksin disiapkan dalam kegiatan tersebut, baik untuk dosis "
            "pertama, dosis kedua maupun dosis penguat.",
            "Sebelum divaksin, warga terlebih dahulu menjalani skrining kesehatan oleh tenaga "
            "kesehatan. Petugas juga memastikan protokol kesehatan diterapkan selama kegiatan.",
            "Warga yang mengikuti vaksinasi mendapatkan paket sembako sebagai bentuk apresiasi.",
        ),
        (
            (
                "kapolres",
                "Vaksinasi adalah ikhtiar kita bersama untuk membentuk kekebalan "
                "kelompok. Kami mengajak warga yang belum divaksin untuk segera datang ke gerai",
            ),
            (
                "kasidokkes",
                "Vaksin aman dan halal. Tidak perlu takut, petugas kesehatan kami "
                "siap memberikan penjelasan kepada warga yang masih ragu",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Percepat Vaksinasi, {unit} Buka Gerai Vaksin di {desa}",
                    "Gerai Vaksinasi Presisi {unit} Sasar Pelajar dan Lansia di {kec}",
                ),
                ("Jajaran {unit}", "Sidokkes {unit}"),
                ("menggelar vaksinasi massal yang menyasar pelajar dan lansia di {desa}",),
            ),
            _Scene(
                (
                    "{head_title} Tinjau Vaksinasi Massal di {landmark}",
                    "{head_title} Tinjau Gerai Vaksinasi di {landmark}, Targetkan {peserta} Dosis",
                ),
                ("{kapolres}",),
                ("meninjau pelaksanaan vaksinasi COVID-19 bagi masyarakat umum di {landmark}",),
            ),
        ),
        when=lambda ev, pub: date(2021, 3, 1) <= ev <= date(2022, 12, 31),
        weight=2.0,
    ),
    _A(
        "sambang_desa",
        ("Binmas", "Bhabinkamtibmas"),
        (),
        ("{bhabin}",),
        (),
        (
            "Dalam kegiatan tersebut, Bhabinkamtibmas berdialog dengan warga mengenai situasi "
            "keamanan lingkungan serta permasalahan yang sedang dihadapi masyarakat.",
            "Warga diajak untuk kembali mengaktifkan pos kamling dan melaksanakan ronda malam "
            "secara bergiliran demi mencegah tindak kejahatan.",
            "Bhabinkamtibmas juga mengingatkan warga agar tidak mudah terpancing isu-isu yang "
            "belum jelas kebenarannya, terutama yang beredar di media sosial.",
            "Kegiatan tersebut disambut hangat oleh warga. Mereka mengaku senang karena dapat "
            "menyampaikan keluhan secara langsung kepada polisi.",
        ),
        (
            (
                "bhabin",
                "Kami ingin lebih dekat dengan warga. Kalau ada permasalahan, sekecil apa "
                "pun, silakan sampaikan kepada kami agar bisa dicarikan solusinya bersama",
            ),
            (
                "kapolsek",
                "Bhabinkamtibmas adalah ujung tombak Polri di desa. Mereka kami minta "
                "rutin menyambangi warga dan menjadi problem solver di tengah masyarakat",
            ),
            (
                "bhabin",
                "Keamanan lingkungan adalah tanggung jawab kita bersama. Mari kita "
                "hidupkan kembali siskamling di setiap RT",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Bhabinkamtibmas {desa} Sambangi Warga, Sampaikan Pesan Kamtibmas",
                    "Bhabinkamtibmas {desa} Sampaikan Pesan {pesan} kepada Warga",
                    "Sambang Desa, Bhabinkamtibmas {polsek} Ajak Warga Aktifkan Siskamling",
                    "Door to Door System, Bhabinkamtibmas {desa_name} Dengarkan Keluhan Warga",
                ),
                (),
                (
                    "melaksanakan kegiatan sambang desa dan silaturahmi dengan warga di wilayah "
                    "binaannya",
                    "menyambangi rumah-rumah warga {desa} melalui program Door to Door System "
                    "(DDS)",
                ),
            ),
            _Scene(
                (
                    "Bhabinkamtibmas {polsek} Bantu Petani {desa_name} Saat Panen",
                    "Dekat dengan Warga, Bhabinkamtibmas {desa} Ikut Turun ke Sawah",
                    "Bhabinkamtibmas {desa} Sambangi Kelompok Tani, Sampaikan Pesan {pesan}",
                ),
                (),
                (
                    "mengunjungi kelompok tani di {desa} yang sedang memanen padi sekaligus "
                    "menyampaikan pesan kamtibmas",
                ),
                (
                    "Bhabinkamtibmas tampak ikut turun ke sawah membantu petani memanen padi "
                    "sembari berbincang mengenai hasil panen dan kendala yang dihadapi.",
                    "Para petani mengeluhkan harga pupuk serta adanya pencurian hasil panen yang "
                    "sempat terjadi beberapa waktu lalu.",
                    "Bhabinkamtibmas mengajak warga untuk kembali mengaktifkan pos kamling dan "
                    "segera melapor apabila terjadi gangguan keamanan.",
                ),
            ),
        ),
        weight=2.5,
        polsek=True,
    ),
    _A(
        "knalpot_brong",
        ("Lalu Lintas", "Sat Lantas"),
        (
            "{satlantas_t} Razia Knalpot Brong, {n_motor} Sepeda Motor Diamankan",
            "{satlantas_t} Tindak {n_motor} Pengendara Berknalpot Brong di {jalan}",
            "Resahkan Warga, Motor Berknalpot Brong Terjaring Razia di {jalan}",
            "Razia di {jalan}, {satlantas_t} Minta Pengendara Gunakan Knalpot Standar",
        ),
        ("{satlantas}", "Personel {satlantas}"),
        (
            "menggelar razia kendaraan berknalpot brong di sejumlah ruas jalan di wilayah {area}",
            "mengamankan {n_motor} unit sepeda motor yang menggunakan knalpot tidak sesuai "
            "standar di kawasan {jalan}",
        ),
        (
            "Razia tersebut digelar menyusul banyaknya keluhan masyarakat terkait suara bising "
            "knalpot brong, terutama pada malam hari dan saat ibadah berlangsung.",
            "Pengendara yang terjaring diberikan teguran dan tilang. Sepeda motor mereka "
            "diamankan sementara dan baru dapat diambil setelah pemilik membawa knalpot standar.",
            "Petugas juga menemukan sejumlah pelanggaran lain seperti tidak menggunakan helm, "
            "tidak membawa surat-surat kendaraan serta pengendara di bawah umur.",
        ),
        (
            (
                "kasatlantas",
                "Knalpot brong sangat mengganggu ketenangan masyarakat. Penindakan "
                "ini akan terus kami lakukan hingga tidak ada lagi knalpot brong di jalan",
            ),
            (
                "kapolres",
                "Kami juga meminta para orang tua agar tidak memberikan kendaraan "
                "kepada anak yang belum cukup umur dan belum memiliki SIM",
            ),
        ),
    ),
    _A(
        "bansos",
        ("Sosial", "Bansos"),
        (),
        (),
        (),
        (
            "Setiap penerima mendapatkan beras sebanyak sepuluh kilogram. Bantuan disalurkan "
            "dengan melibatkan Bhabinkamtibmas, Babinsa serta perangkat desa.",
            "Data penerima disusun bersama pemerintah desa agar bantuan tepat sasaran dan tidak "
            "terjadi penerimaan ganda.",
            "Warga penerima bantuan menyampaikan terima kasih karena bantuan tersebut sangat "
            "membantu di tengah naiknya harga kebutuhan pokok.",
        ),
        (
            (
                "kapolres",
                "Penyaluran bantuan sosial ini merupakan program Polri untuk membantu "
                "meringankan beban masyarakat. Kami pastikan bantuan diterima warga yang berhak",
            ),
            (
                "kabagops",
                "Penyaluran kami lakukan secara bertahap dan diawasi langsung agar "
                "tidak ada pungutan apa pun kepada penerima",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{unit} Salurkan Bantuan Beras kepada Warga Terdampak Kenaikan Harga",
                    "Bansos Polri Presisi Sasar Warga {desa}",
                    "{unit} Salurkan {sembako} Paket Beras untuk Warga {desa_name}",
                ),
                ("Jajaran {unit}", "{kabagops}"),
                (
                    "menyalurkan bantuan sosial berupa beras kepada warga terdampak kenaikan "
                    "harga kebutuhan pokok di {desa}, Kecamatan {kec}",
                ),
            ),
            _Scene(
                (
                    "{head_title} Serahkan Bantuan Sosial kepada Nelayan dan Buruh Harian",
                    "{head_title} Serahkan Bantuan Sosial kepada Warga {desa_name}",
                ),
                ("{kapolres}",),
                (
                    "menyerahkan bantuan sosial kepada buruh harian, ojek pangkalan dan nelayan "
                    "di wilayah {area}",
                ),
            ),
        ),
    ),
    _A(
        "kunjungan_kapolda",
        ("Kunjungan Kerja",),
        (
            "Kunjungan Kerja ke {unit}, {kapolda_title} Tekankan Pelayanan Humanis",
            "{kapolda_title} Cek Kesiapan Personel dan Sarana Prasarana {unit}",
            "Kunker ke {place}, {kapolda_title} Ingatkan Personel Jauhi Pelanggaran",
            "{kapolda_title} Kunjungi {unit}, Beri Pengarahan kepada {personel} Personel",
            "{kapolda_title} Cek Kesiapan {personel} Personel {unit}",
            "{kapolda_title} Tinjau Pelayanan SPKT dan SKCK di {markas}",
        ),
        ("{kapolda}",),
        (
            "melaksanakan kunjungan kerja ke {unit} dan disambut langsung oleh {kapolres} "
            "beserta pejabat utama",
            "mengunjungi {markas} untuk memberikan pengarahan kepada seluruh personel",
        ),
        (
            "Dalam kunjungan tersebut, Kapolda memberikan pengarahan kepada seluruh personel "
            "dan meninjau sejumlah fasilitas pelayanan publik, seperti ruang Sentra Pelayanan "
            "Kepolisian Terpadu (SPKT), pelayanan SIM dan SKCK.",
            "Kapolda juga menekankan agar personel menjaga soliditas, menjauhi pelanggaran "
            "disiplin serta menghindari gaya hidup hedonis.",
            "Usai memberikan arahan, Kapolda menyerahkan tali asih kepada personel berprestasi "
            "dan meninjau ruang tahanan.",
        ),
        (
            (
                "kapolda",
                "Layani masyarakat dengan hati. Jangan ada lagi keluhan masyarakat soal "
                "pelayanan yang berbelit-belit atau tidak ramah",
            ),
            (
                "kapolda",
                "Setiap personel adalah wajah Polri di mata masyarakat. Jaga nama baik "
                "institusi dengan bekerja secara profesional",
            ),
            (
                "kapolres",
                "Seluruh arahan Bapak Kapolda akan kami tindak lanjuti dan menjadi "
                "pedoman kami dalam melaksanakan tugas",
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 6,
        weight=0.6,
    ),
    _A(
        "apel",
        ("Kegiatan",),
        (
            "{unit} Gelar Apel Kesiapsiagaan Bencana Hidrometeorologi",
            "Hadapi Cuaca Ekstrem, {unit} Cek Kesiapan Personel dan Peralatan SAR",
            "Gelar Apel Siaga, {unit} Siapkan Personel Hadapi Musim Penghujan",
            "Apel Siaga Bencana, {unit} Kerahkan {personel} Personel",
            "{personel} Personel Gabungan Ikuti Apel Kesiapsiagaan di {markas}",
            "{head_title} Pimpin Apel Siaga, {personel} Personel Disiagakan",
        ),
        ("{kapolres}", "Jajaran {unit}"),
        (
            "memimpin apel kesiapsiagaan personel dan peralatan di halaman {markas}",
            "menggelar apel siaga yang diikuti {personel} personel gabungan di halaman {markas}",
        ),
        (
            "Apel tersebut diikuti personel {unit}, TNI, BPBD, Dinas Pemadam Kebakaran serta "
            "unsur relawan. Selain personel, sejumlah peralatan seperti perahu karet, mobil "
            "tangki air dan gergaji mesin juga turut dicek kesiapannya.",
            "Dalam amanatnya, {head_short} menekankan pentingnya kesiapan personel dan peralatan "
            "sehingga ketika terjadi bencana, penanganan dapat dilakukan dengan cepat.",
            "Usai apel, dilakukan pengecekan kelengkapan peralatan dan kendaraan dinas yang "
            "akan digunakan untuk mendukung tugas di lapangan.",
        ),
        (
            (
                "kapolres",
                "Kita harus siap sebelum bencana terjadi. Koordinasi dan komunikasi "
                "antarinstansi harus terus dijaga agar penanganan bisa cepat dan tepat",
            ),
            (
                "kabagops",
                "Seluruh personel kami siagakan. Pemetaan wilayah rawan banjir dan "
                "longsor juga sudah kami lakukan",
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 5,
    ),
    _A(
        "supervisi_polsek",
        ("Kegiatan",),
        (),
        (),
        (),
        (
            "Dalam kunjungan tersebut, dilakukan pengecekan administrasi perkantoran, "
            "kelengkapan sarana dan prasarana, ruang pelayanan masyarakat hingga ruang tahanan.",
            "Personel {polsek} juga diingatkan untuk selalu responsif terhadap laporan "
            "masyarakat dan menjaga kebersihan lingkungan kantor.",
            "Kegiatan ditutup dengan dialog bersama seluruh personel untuk mendengarkan "
            "kendala yang dihadapi di lapangan.",
        ),
        (
            (
                "kapolres",
                "Polsek adalah garda terdepan pelayanan kepada masyarakat. Saya minta "
                "seluruh personel memberikan pelayanan yang cepat, ramah dan tanpa pungutan",
            ),
            (
                "kapolsek",
                "Arahan pimpinan akan kami laksanakan. Kekurangan yang ditemukan akan "
                "segera kami benahi",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{head_title} Kunjungi {polsek}, Cek Kesiapan Pelayanan Masyarakat",
                    "Sambangi {polsek}, {head_title} Minta Personel Tingkatkan Pelayanan",
                ),
                ("{kapolres}",),
                ("melaksanakan kunjungan kerja ke {polsek} dan disambut oleh {kapolsek}",),
            ),
            _Scene(
                (
                    "Supervisi ke {polsek}, {unit} Cek Administrasi dan Ruang Tahanan",
                    "Tim Supervisi {unit} Cek Kesiapan Pelayanan di {polsek}",
                ),
                ("{wakapolres}", "Tim Supervisi {unit}"),
                (
                    "melakukan supervisi ke {polsek} untuk mengecek kesiapan personel dan "
                    "sarana pelayanan",
                ),
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 5,
        weight=0.6,
        polsek=True,
    ),
    _A(
        "operasi_pekat",
        ("Kamtibmas", "Operasi Pekat"),
        (
            "Operasi Pekat, {unit} Sita Ratusan Botol Minuman Keras",
            "Penertiban Miras, {polsek} Sita {botol} Liter Tuak dari Warung di {desa}",
            "{unit} Gelar Operasi Penyakit Masyarakat, Miras Oplosan dan Petasan Disita",
        ),
        ("{satsamapta}", "Personel gabungan {unit}", "Jajaran {polsek}"),
        (
            "menggelar operasi penyakit masyarakat (pekat) dengan sasaran peredaran minuman "
            "keras di wilayah Kecamatan {kec}",
            "melakukan penertiban warung yang menjual minuman keras tanpa izin di {desa}",
        ),
        (
            "Dari operasi tersebut petugas menyita {botol} liter minuman keras berbagai merek "
            "serta tuak dan arak yang dijual tanpa izin.",
            "Para pemilik warung didata dan diberikan pembinaan. Mereka juga diminta membuat "
            "surat pernyataan untuk tidak lagi menjual minuman keras.",
            "Operasi ini digelar menyusul keluhan warga terkait sejumlah kasus keributan yang "
            "dipicu oleh pengaruh minuman keras.",
        ),
        (
            (
                "kapolres",
                "Minuman keras kerap menjadi pemicu tindak kriminal, mulai dari "
                "perkelahian hingga kecelakaan lalu lintas. Karena itu kami akan terus melakukan "
                "penertiban",
            ),
            (
                "kasatsamapta",
                "Barang bukti yang disita akan dimusnahkan. Jika masih ada yang "
                "kedapatan menjual, akan kami proses sesuai aturan yang berlaku",
            ),
        ),
        polsek=True,
    ),
    _A(
        "tes_urine",
        ("Internal", "Propam"),
        (
            "Pastikan Personel Bebas Narkoba, {unit} Gelar Tes Urine Mendadak",
            "Tes Urine Mendadak, Puluhan Personel {unit} Dinyatakan Negatif Narkoba",
            "{personel} Personel {unit} Jalani Tes Urine Mendadak, Hasilnya Negatif",
            "Tes Urine Usai Apel Pagi, {personel} Personel {unit} Bebas Narkoba",
            "Sipropam {unit} Gelar Tes Urine bagi Personel dan ASN",
        ),
        ("{kasipropam}", "Seksi Propam {unit}"),
        (
            "menggelar tes urine secara mendadak kepada personel dan aparatur sipil negara di "
            "lingkungan {unit}",
            "melaksanakan pemeriksaan urine terhadap {personel} personel usai apel pagi di "
            "halaman {markas}",
        ),
        (
            "Tes urine dilaksanakan tanpa pemberitahuan sebelumnya. Personel yang mengikuti "
            "apel pagi langsung diarahkan untuk mengikuti pemeriksaan.",
            "Pemeriksaan dilakukan oleh petugas kesehatan dari Sidokkes {unit} dengan "
            "disaksikan Seksi Propam.",
            "Hasilnya, seluruh personel yang menjalani pemeriksaan dinyatakan negatif dari "
            "penyalahgunaan narkoba.",
        ),
        (
            (
                "kapolres",
                "Sebelum memberantas narkoba di masyarakat, kita harus memastikan "
                "internal kita bersih. Tidak ada toleransi bagi anggota yang terlibat narkoba",
            ),
            (
                "kasipropam",
                "Tes urine seperti ini akan terus kami lakukan secara berkala dan "
                "mendadak sebagai langkah pengawasan internal",
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 5,
        weight=0.7,
    ),
    _A(
        "sim_keliling",
        ("Pelayanan", "Lalu Lintas"),
        (
            "Permudah Masyarakat, {satlantas_t} Hadirkan SIM Keliling di {landmark}",
            "{unit} Buka Layanan SIM Keliling di {kec}, Warga Antusias",
            "SIM Keliling {unit} Hadir di {landmark}, Puluhan Warga Antre Perpanjang SIM",
            "Perpanjang SIM Kini Lebih Dekat, {satlantas_t} Buka Layanan di {desa}",
            "{satlantas_t} Layani Perpanjangan SIM Keliling di {landmark}",
        ),
        ("{satlantas}", "Unit Regident {satlantas}"),
        (
            "menghadirkan layanan SIM keliling bagi masyarakat di {landmark}",
            "membuka layanan perpanjangan SIM A dan SIM C secara keliling di Kecamatan {kec}",
        ),
        (
            "Layanan SIM keliling diperuntukkan bagi warga yang akan memperpanjang SIM A dan SIM "
            "C yang masa berlakunya belum habis.",
            "Warga cukup membawa KTP asli, SIM lama serta surat keterangan sehat. Proses "
            "pelayanan hanya memerlukan waktu sekitar 15 menit.",
            "Sejak dibuka pagi hari, puluhan warga tampak mengantre dengan tertib untuk "
            "mendapatkan pelayanan.",
        ),
        (
            (
                "kasatlantas",
                "Kami ingin mendekatkan pelayanan kepada masyarakat, khususnya "
                "warga yang tinggal jauh dari kantor pelayanan SIM",
            ),
            (
                "kasatlantas",
                "Biaya perpanjangan sesuai dengan ketentuan PNBP. Kami pastikan "
                "tidak ada pungutan di luar ketentuan",
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 6,
    ),
    _A(
        "unjuk_rasa",
        ("Kamtibmas", "Pengamanan"),
        (
            "Personel {unit} Kawal Aksi Unjuk Rasa Mahasiswa di Kantor DPRD",
            "Unjuk Rasa Berjalan Damai, {head_title} Apresiasi Peserta Aksi",
            "{personel} Personel {unit} Kawal Unjuk Rasa di Kantor DPRD {area}",
            "{unit} Kerahkan {personel} Personel Amankan Aksi Penyampaian Pendapat",
        ),
        ("{kapolres}", "Jajaran {unit}", "{kabagops}"),
        (
            "mengerahkan {personel} personel untuk mengamankan aksi unjuk rasa mahasiswa di "
            "depan Kantor DPRD {area}",
            "memimpin langsung pengamanan aksi penyampaian pendapat di muka umum di kawasan "
            "{landmark}",
        ),
        (
            "Aksi diikuti ratusan mahasiswa dari sejumlah organisasi kemahasiswaan yang "
            "menyampaikan aspirasi terkait kebijakan pemerintah daerah.",
            "Personel yang diterjunkan tidak dibekali senjata api. Pengamanan dilakukan secara "
            "humanis dengan mengedepankan dialog.",
            "Perwakilan mahasiswa kemudian diterima oleh pimpinan DPRD untuk beraudiensi. "
            "Setelah aspirasi disampaikan, massa membubarkan diri dengan tertib.",
        ),
        (
            (
                "kapolres",
                "Kami mengapresiasi adik-adik mahasiswa yang telah menyampaikan "
                "aspirasinya dengan tertib dan damai. Polri hadir untuk melayani dan mengamankan",
            ),
            (
                "kabagops",
                "Pengamanan kami laksanakan secara humanis sesuai standar operasional "
                "prosedur. Arus lalu lintas di sekitar lokasi juga kami alihkan sementara",
            ),
        ),
        when=lambda ev, pub: ev.weekday() < 5,
        weight=0.6,
    ),
    _A(
        "laka_lantas",
        ("Lalu Lintas", "Laka Lantas"),
        (
            "Kecelakaan di {jalan}, {satlantas_t} Lakukan Olah TKP",
            "Motor Tabrak Truk di {jalan}, Pengendara Asal {desa_name} Dilarikan ke Rumah Sakit",
            "Kecelakaan Lalu Lintas di {desa}, {satlantas_t} Imbau Pengendara Jaga Jarak",
            "Tabrakan Sepeda Motor dan Truk di {desa}, Satu Pengendara Luka Berat",
            "{satlantas_t} Tangani Kecelakaan Motor dan Truk di {jalan}",
        ),
        ("Unit Gakkum {satlantas}", "Personel {satlantas}"),
        (
            "menangani kecelakaan lalu lintas yang melibatkan sepeda motor dan truk di {jalan}, "
            "{desa}",
            "melakukan olah tempat kejadian perkara kecelakaan lalu lintas di ruas {jalan}",
        ),
        (
            "Kecelakaan bermula saat sepeda motor {motor} dengan nomor polisi {plat} yang "
            "dikendarai {korban} melaju dari arah pusat kota. Diduga kurang berhati-hati, "
            "pengendara menabrak bagian belakang truk yang berada di depannya.",
            "Akibat kejadian tersebut, pengendara sepeda motor mengalami luka di bagian kepala "
            "dan kaki dan langsung dilarikan ke rumah sakit terdekat untuk mendapatkan "
            "perawatan.",
            "Petugas telah mengamankan kedua kendaraan beserta pengemudi truk untuk dimintai "
            "keterangan. Arus lalu lintas sempat tersendat sebelum kembali normal.",
        ),
        (
            (
                "kasatlantas",
                "Kami mengimbau pengendara untuk selalu menjaga jarak aman, "
                "menggunakan helm standar dan tidak memaksakan diri berkendara dalam kondisi lelah",
            ),
            (
                "kasatlantas",
                "Penyebab pasti kecelakaan masih kami dalami. Saksi-saksi di lokasi "
                "sudah kami mintai keterangan",
            ),
        ),
    ),
    _A(
        "bencana",
        ("Kemanusiaan", "Bencana"),
        (),
        (),
        (),
        (),
        (
            (
                "kapolres",
                "Kami terjunkan personel untuk membantu masyarakat yang terdampak. "
                "Keselamatan warga adalah prioritas utama kami",
            ),
            (
                "kapolsek",
                "Kami bersama TNI, BPBD dan relawan akan terus bersiaga di lokasi "
                "hingga situasi benar-benar aman",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Banjir Rendam Permukiman di {desa}, Personel {unit} Bantu Evakuasi Warga",
                    "Sungai Meluap di {kec}, {polsek} Evakuasi Lansia dan Anak-anak",
                ),
                ("Personel {unit}", "{kapolres}", "Jajaran {polsek}"),
                (
                    "membantu evakuasi warga yang rumahnya terendam banjir di {desa}, "
                    "Kecamatan {kec}",
                ),
                (
                    "Hujan deras yang mengguyur sejak sore membuat sungai di sekitar permukiman "
                    "meluap. Ketinggian air di sejumlah rumah warga mencapai lutut orang dewasa.",
                    "Personel membantu mengevakuasi warga lanjut usia dan anak-anak ke tempat "
                    "yang lebih aman serta membantu memindahkan barang-barang berharga milik "
                    "warga.",
                    "Selain evakuasi, polisi juga menyalurkan bantuan berupa makanan siap saji, "
                    "air bersih dan selimut bagi warga terdampak.",
                    "Tidak ada korban jiwa dalam peristiwa tersebut. Pendataan kerugian masih "
                    "dilakukan bersama BPBD dan pemerintah desa.",
                ),
            ),
            _Scene(
                (
                    "Tanggap Bencana, {unit} Bantu Warga Terdampak Angin Puting Beliung di {kec}",
                    "Puluhan Rumah Rusak Diterjang Angin Kencang, Personel {polsek} Bantu Warga "
                    "{desa_name}",
                ),
                ("Personel {unit}", "{kapolres}", "Jajaran {polsek}"),
                (
                    "turun langsung membantu warga terdampak angin kencang yang merusak puluhan "
                    "rumah di {desa}",
                ),
                (
                    "Angin kencang disertai hujan deras menerjang permukiman warga dan "
                    "menyebabkan atap sejumlah rumah beterbangan serta beberapa pohon tumbang.",
                    "Bersama TNI dan warga, personel membersihkan pohon tumbang yang menutup "
                    "akses jalan desa serta membantu memperbaiki atap rumah yang rusak.",
                    "Polisi juga menyalurkan bantuan berupa terpal, makanan siap saji dan air "
                    "bersih bagi warga terdampak.",
                    "Tidak ada korban jiwa dalam peristiwa tersebut. Pendataan kerugian masih "
                    "dilakukan bersama BPBD dan pemerintah desa.",
                ),
            ),
        ),
        when=_months(1, 2, 3, 4, 10, 11, 12),
        polsek=True,
    ),
    _A(
        "silaturahmi_tokoh",
        ("Kamtibmas", "Silaturahmi"),
        (),
        ("{kapolres}", "{wakapolres}"),
        (),
        (
            "Silaturahmi tersebut menjadi sarana untuk bertukar pikiran mengenai situasi "
            "keamanan di wilayah serta upaya menjaga kerukunan antarwarga.",
            "Para tokoh menyampaikan dukungan kepada kepolisian dan berkomitmen mengajak "
            "masyarakat untuk tidak mudah terprovokasi isu yang memecah belah.",
            "Kegiatan berlangsung dalam suasana penuh kekeluargaan dan diakhiri dengan makan "
            "bersama.",
        ),
        (
            (
                "kapolres",
                "Tokoh agama dan tokoh masyarakat adalah mitra strategis Polri. Dengan "
                "kebersamaan, situasi yang aman dan damai dapat terus kita jaga",
            ),
            (
                "kapolres",
                "Kami membutuhkan masukan dan kritik yang membangun dari semua pihak "
                "agar pelayanan Polri semakin baik",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{head_title} Silaturahmi dengan Tokoh Agama dan Tokoh Masyarakat {area}",
                    "Cooling System, {unit} Rangkul Tokoh Pemuda {kec}",
                    "{head_title} Silaturahmi dengan {tokoh} {kec}",
                    "Jaga Kondusivitas, {unit} Rangkul {tokoh} di {desa}",
                ),
                (),
                ("bersilaturahmi dengan tokoh agama, tokoh masyarakat dan tokoh pemuda di {kec}",),
            ),
            _Scene(
                (
                    "Ngopi Bareng Wartawan, {head_title} Ajak Insan Pers Jaga Kondusivitas",
                    "Ngopi Bareng Insan Pers, {head_title} Paparkan Situasi Kamtibmas {area}",
                ),
                ("{kapolres}",),
                ("menggelar kegiatan ngopi bareng bersama insan pers di {markas}",),
                (
                    "Dalam suasana santai, {head_short} berbincang dengan para jurnalis mengenai "
                    "situasi kamtibmas serta program kerja kepolisian.",
                    "Para wartawan juga menyampaikan sejumlah masukan terkait keterbukaan "
                    "informasi dan kecepatan penyampaian rilis kegiatan.",
                    "Kegiatan berlangsung dalam suasana penuh kekeluargaan dan diakhiri dengan "
                    "makan bersama.",
                ),
                (
                    (
                        "kapolres",
                        "Rekan-rekan media adalah mitra kami dalam menyampaikan "
                        "informasi yang benar kepada masyarakat. Mari bersama-sama menangkal "
                        "berita bohong",
                    ),
                    (
                        "kapolres",
                        "Kami terbuka terhadap kritik dan masukan. Silakan konfirmasi "
                        "kepada kami apabila ada informasi yang perlu diluruskan",
                    ),
                ),
            ),
            _Scene(
                (
                    "Perkuat Sinergi, {unit} Silaturahmi ke Pondok Pesantren di {kec}",
                    "Silaturahmi ke Pondok Pesantren di {desa}, {unit} Ajak Santri Jauhi Narkoba",
                ),
                (),
                (
                    "berkunjung ke salah satu pondok pesantren di {desa} untuk bersilaturahmi "
                    "dengan pimpinan pondok dan para santri",
                ),
                (
                    "Kedatangan rombongan disambut langsung oleh pimpinan pondok pesantren "
                    "beserta para pengajar dan santri.",
                    "Dalam kesempatan itu, para santri diajak untuk menjauhi narkoba, bijak "
                    "bermedia sosial serta menjaga persatuan dan kesatuan.",
                    "Kegiatan berlangsung dalam suasana penuh kekeluargaan dan ditutup dengan doa "
                    "bersama.",
                ),
            ),
        ),
        weight=1.2,
    ),
    _A(
        "pengamanan_event",
        ("Kamtibmas", "Pengamanan"),
        (),
        ("{kabagops}", "Jajaran {unit}", "{kapolres}"),
        (),
        (
            "Personel disebar di sejumlah titik, mulai dari pintu masuk, area penonton hingga "
            "lokasi parkir kendaraan. Petugas juga melakukan pemeriksaan barang bawaan penonton.",
            "Penonton dilarang membawa senjata tajam, minuman keras dan petasan ke dalam area "
            "kegiatan.",
            "Hingga acara berakhir, situasi terpantau aman dan tertib. Arus lalu lintas di "
            "sekitar lokasi juga berjalan lancar.",
        ),
        (
            (
                "kabagops",
                "Kami menerapkan pola pengamanan terbuka dan tertutup. Personel juga "
                "kami bekali pemahaman untuk bertindak humanis",
            ),
            (
                "kapolres",
                "Terima kasih kepada panitia dan penonton yang telah tertib sehingga "
                "kegiatan berjalan aman dan lancar",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{unit} Amankan Pertandingan Sepak Bola Antarkecamatan di Stadion {place}",
                    "Laga Sepak Bola Antarkecamatan, {unit} Siagakan {personel} Personel",
                ),
                (),
                (
                    "melaksanakan pengamanan pertandingan sepak bola antarkecamatan di Stadion "
                    "{place} dengan menerjunkan {personel} personel",
                ),
            ),
            _Scene(
                (
                    "Ribuan Penonton Padati Konser Musik, {unit} Terjunkan {personel} Personel",
                    "Pengamanan Hiburan Rakyat di {landmark}, {unit} Siagakan Personel",
                    "{personel} Personel {unit} Amankan Hiburan Rakyat di {landmark}",
                ),
                (),
                (
                    "menerjunkan {personel} personel untuk mengamankan kegiatan hiburan rakyat "
                    "di {landmark}",
                ),
            ),
        ),
        when=lambda ev, pub: ev.weekday() >= 4,
    ),
    _A(
        "operasi_zebra",
        ("Lalu Lintas", "Operasi Zebra"),
        (
            "Hari Pertama {ops_zebra}, {satlantas_t} Tegur Puluhan Pengendara",
            "{satlantas_t} Gelar {ops_zebra}, Ini Pelanggaran yang Jadi Sasaran",
            "Sosialisasi {ops_zebra}, {satlantas_t} Bagikan Brosur kepada Pengguna Jalan",
            "{ops_zebra}, {satlantas_t} Tegur Pengendara di {jalan}",
            "{satlantas_t} Gelar Sosialisasi {ops_zebra} di {landmark}",
        ),
        ("{satlantas}", "Personel {satlantas}"),
        (
            "menggelar {ops_zebra} di sejumlah ruas jalan di wilayah {area}",
            "melaksanakan kegiatan sosialisasi dan penindakan dalam rangka {ops_zebra} di {jalan}",
        ),
        (
            "Operasi berlangsung selama 14 hari dengan mengedepankan kegiatan edukatif dan "
            "preemtif, didukung penegakan hukum secara elektronik.",
            "Sasaran operasi antara lain pengendara yang tidak menggunakan helm, melawan arus, "
            "menggunakan telepon genggam saat berkendara, pengendara di bawah umur serta "
            "berboncengan lebih dari satu orang.",
            "Selain melakukan teguran, petugas juga membagikan brosur berisi imbauan "
            "keselamatan berlalu lintas kepada para pengendara.",
        ),
        (
            (
                "kasatlantas",
                "Operasi ini bertujuan meningkatkan kesadaran dan kepatuhan "
                "masyarakat dalam berlalu lintas sehingga angka kecelakaan dapat ditekan",
            ),
            (
                "kapolres",
                "Kami berharap tertib berlalu lintas menjadi kebiasaan, bukan hanya "
                "saat ada operasi",
            ),
        ),
        when=_months(9, 10, 11),
        weight=2.0,
    ),
    _A(
        "operasi_ketupat",
        ("Lalu Lintas", "Operasi Ketupat"),
        (),
        (),
        (),
        (
            "Pos pengamanan dilengkapi tempat istirahat, layanan kesehatan dan informasi jalur "
            "mudik bagi para pemudik yang melintas.",
            "Personel gabungan dari Polri, TNI, Dinas Perhubungan dan tenaga kesehatan disiagakan "
            "selama 24 jam selama masa operasi.",
            "Petugas juga mengimbau pemudik agar beristirahat apabila merasa lelah dan tidak "
            "memaksakan diri melanjutkan perjalanan.",
        ),
        (
            (
                "kapolres",
                "Kami ingin masyarakat dapat merayakan Idul Fitri dengan aman dan "
                "nyaman, baik yang mudik maupun yang tetap berada di rumah",
            ),
            (
                "kasatlantas",
                "Bagi warga yang hendak mudik, pastikan kendaraan dalam kondisi "
                "prima dan rumah yang ditinggalkan dalam keadaan terkunci",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "{ops_ketupat}, {unit} Dirikan Pos Pengamanan di {jalan}",
                    "Pos Pengamanan {ops_ketupat} di {landmark} Siap Layani Pemudik",
                    "Personel {unit} Atur Arus Mudik di {jalan}",
                    "Arus Mudik Meningkat, Personel Pos Pam {unit} Atur Lalu Lintas di {landmark}",
                ),
                ("Personel {satlantas}", "Jajaran {unit}"),
                (
                    "mendirikan pos pengamanan dan pos pelayanan dalam rangka {ops_ketupat} di "
                    "{jalan}",
                ),
            ),
            _Scene(
                (
                    "{head_title} Cek Pos Pelayanan {ops_ketupat} di {landmark}",
                    "Pemudik Manfaatkan Pos Pelayanan {unit} di {landmark} untuk Beristirahat",
                ),
                ("{kapolres}",),
                ("meninjau kesiapan pos pengamanan {ops_ketupat} di kawasan {landmark}",),
            ),
        ),
        when=_lebaran,
        weight=6.0,
    ),
    _A(
        "takjil",
        ("Sosial", "Ramadan"),
        (),
        (),
        (),
        (
            "Paket takjil berisi kurma, kue basah dan air mineral dibagikan kepada pengendara "
            "ojek, sopir angkutan umum serta warga yang melintas menjelang waktu berbuka puasa.",
            "Pembagian takjil dilakukan sambil mengatur arus lalu lintas yang biasanya padat "
            "menjelang waktu berbuka.",
            "Warga yang menerima takjil menyambut baik kegiatan tersebut dan berterima kasih "
            "atas kepedulian personel kepolisian.",
        ),
        (
            (
                "kapolres",
                "Di bulan suci ini kami ingin berbagi kebahagiaan dengan masyarakat. "
                "Semoga kegiatan ini membawa berkah bagi kita semua",
            ),
            (
                "kasihumas",
                "Kegiatan berbagi takjil akan kami laksanakan secara bergantian oleh "
                "satuan fungsi selama bulan Ramadan",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Berkah Ramadan, {unit} Bagikan Takjil kepada Pengguna Jalan di {jalan}",
                    "Berbagi di Bulan Suci, {unit} Bagikan Takjil di {jalan}",
                ),
                ("Personel {unit}", "{kapolres} bersama pejabat utama"),
                ("membagikan ratusan paket takjil kepada pengguna jalan di {jalan}",),
            ),
            _Scene(
                (
                    "Polwan {unit} Bagi-bagi Takjil Gratis di {landmark}",
                    "Polwan {unit} Bagikan Takjil kepada Pengendara di {landmark}",
                ),
                ("Polisi wanita (Polwan) {unit}",),
                ("berbagi takjil gratis kepada warga dan pengendara yang melintas di {landmark}",),
            ),
            _Scene(
                (
                    "Jelang Berbuka, Personel {polsek} Bagikan Ratusan Paket Takjil",
                    "Berkah Ramadan, {polsek} Bagikan Takjil kepada Pengendara di {jalan}",
                ),
                ("Personel {polsek}", "{kapolsek} bersama anggota"),
                ("membagikan ratusan paket takjil kepada pengguna jalan di {jalan}",),
            ),
        ),
        when=_ramadan,
        weight=5.0,
        polsek=True,
    ),
    _A(
        "pemilu",
        ("Pemilu", "Kamtibmas"),
        (),
        ("{kapolres}", "Jajaran {unit}", "{kabagops}"),
        (),
        (
            "{head_short} juga menegaskan komitmen netralitas Polri dalam setiap tahapan "
            "pemilihan. Personel yang terbukti tidak netral akan ditindak tegas.",
            "Pihak penyelenggara pemilu menyampaikan terima kasih atas dukungan pengamanan yang "
            "diberikan jajaran kepolisian.",
        ),
        (
            (
                "kapolres",
                "Polri bersikap netral dan siap mengamankan seluruh tahapan {pemilu}. "
                "Kami mengajak masyarakat menjaga situasi tetap sejuk dan tidak terprovokasi",
            ),
            (
                "kapolres",
                "Perbedaan pilihan adalah hal yang biasa dalam demokrasi. Jangan sampai "
                "perbedaan itu merusak persatuan dan persaudaraan kita",
            ),
            (
                "kabagops",
                "Personel pengamanan sudah kami siapkan di setiap tempat pemungutan "
                "suara dengan pola pengamanan yang disesuaikan tingkat kerawanan",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Jelang {pemilu}, {unit} Gelar Simulasi Sistem Pengamanan Kota",
                    "Sispamkota Jelang {pemilu}, {unit} Libatkan {personel} Personel",
                ),
                (),
                (
                    "menggelar simulasi sistem pengamanan kota (Sispamkota) dalam rangka "
                    "menghadapi tahapan {pemilu}",
                ),
                (
                    "Simulasi menggambarkan situasi mulai dari kampanye, unjuk rasa massa yang "
                    "tidak puas terhadap hasil penghitungan suara hingga penanganan kericuhan "
                    "oleh pasukan pengendali massa.",
                    "{head_short} juga menegaskan komitmen netralitas Polri dalam setiap tahapan "
                    "pemilihan. Personel yang terbukti tidak netral akan ditindak tegas.",
                ),
            ),
            _Scene(
                (
                    "{head_title} Cek Kesiapan Pengamanan Gudang Logistik KPU",
                    "Personel {unit} Kawal Distribusi Logistik {pemilu} ke {kec}",
                    "Distribusi Logistik {pemilu} ke PPK {kec} Dikawal Ketat Personel {unit}",
                ),
                (),
                (
                    "meninjau gudang logistik KPU {area} untuk memastikan keamanan logistik "
                    "{pemilu}",
                    "mengawal pendistribusian logistik {pemilu} dari gudang KPU menuju kantor "
                    "PPK Kecamatan {kec}",
                ),
                (
                    "Pengamanan gudang logistik dilakukan selama 24 jam secara bergantian oleh "
                    "personel gabungan Polri dan TNI.",
                    "Kotak suara, bilik suara dan surat suara dikawal ketat hingga tiba di "
                    "tujuan dan diterima oleh petugas penyelenggara.",
                    "Pihak penyelenggara pemilu menyampaikan terima kasih atas dukungan "
                    "pengamanan yang diberikan jajaran kepolisian.",
                ),
            ),
            _Scene(
                ("{unit} Silaturahmi ke KPU dan Bawaslu, Perkuat Sinergi Sukseskan {pemilu}",),
                ("{kapolres}",),
                (
                    "melakukan kunjungan kerja ke kantor KPU dan Bawaslu {area} untuk "
                    "memperkuat koordinasi menjelang {pemilu}",
                ),
                (
                    "Kedatangan rombongan disambut oleh komisioner KPU dan pimpinan Bawaslu "
                    "beserta jajaran sekretariat.",
                    "Dalam pertemuan itu dibahas pemetaan kerawanan, jadwal tahapan serta pola "
                    "komunikasi apabila terjadi gangguan di lapangan.",
                    "{head_short} juga menegaskan komitmen netralitas Polri dalam setiap tahapan "
                    "pemilihan. Personel yang terbukti tidak netral akan ditindak tegas.",
                ),
            ),
        ),
        when=_election,
        weight=3.0,
    ),
    _A(
        "operasi_lilin",
        ("Kamtibmas", "Operasi Lilin"),
        (
            "Pengamanan Natal, Personel {unit} Sterilisasi Gereja di {kec}",
            "{ops_lilin}, {unit} Dirikan Pos Pengamanan di {landmark}",
            "Malam Pergantian Tahun, {unit} Siagakan {personel} Personel",
        ),
        ("{kapolres}", "Jajaran {unit}", "Personel gabungan {unit}"),
        (
            "melaksanakan pengamanan perayaan Natal dan Tahun Baru dalam rangka {ops_lilin} di "
            "wilayah {area}",
            "mendirikan pos pengamanan dan pos pelayanan {ops_lilin} di {landmark}",
        ),
        (
            "Sebelum ibadah Natal dimulai, tim gabungan melakukan sterilisasi di sejumlah gereja "
            "dengan melibatkan unit Jibom dan anjing pelacak.",
            "Menjelang malam pergantian tahun, personel disiagakan di pusat-pusat keramaian "
            "untuk mencegah aksi balap liar dan konvoi kendaraan.",
            "Petugas juga mengimbau masyarakat untuk merayakan pergantian tahun secara "
            "sederhana dan tidak menyalakan petasan yang membahayakan.",
        ),
        (
            (
                "kapolres",
                "Kami pastikan umat Kristiani dapat merayakan Natal dengan aman dan "
                "khidmat. Pengamanan kami lakukan bersama TNI dan instansi terkait",
            ),
            (
                "kabagops",
                "Seluruh pos pengamanan sudah siap beroperasi. Kami juga menyiapkan "
                "personel cadangan untuk mengantisipasi situasi yang tidak diinginkan",
            ),
        ),
        when=_lilin,
        weight=6.0,
    ),
    _A(
        "hut_ri",
        ("Kegiatan", "HUT RI"),
        (),
        (),
        (),
        (),
        (
            (
                "kapolres",
                "Mari kita isi kemerdekaan ini dengan kerja nyata dan menjaga "
                "persatuan. Polri akan terus hadir menjaga keamanan bangsa",
            ),
            (
                "kabagops",
                "Pengamanan kami laksanakan sejak persiapan hingga seluruh rangkaian "
                "kegiatan selesai",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Upacara HUT ke-{hut_ri} RI di {landmark} Berlangsung Khidmat, {unit} "
                    "Siagakan Personel",
                ),
                ("Jajaran {unit}", "{kabagops} beserta personel"),
                (
                    "mengamankan upacara peringatan Hari Ulang Tahun ke-{hut_ri} Kemerdekaan "
                    "Republik Indonesia di {landmark}",
                ),
                (
                    "Upacara diikuti unsur Forkopimda, TNI, Polri, ASN, pelajar dan organisasi "
                    "kemasyarakatan. Pasukan pengibar bendera berhasil menjalankan tugasnya "
                    "dengan baik.",
                    "Arus lalu lintas di sekitar lokasi upacara dialihkan sementara dan kembali "
                    "normal setelah kegiatan selesai.",
                ),
            ),
            _Scene(
                ("Meriahkan HUT ke-{hut_ri} RI, {unit} Gelar Lomba untuk Anak-anak Bhayangkari",),
                ("Keluarga besar {unit}", "{kapolres}"),
                (
                    "memeriahkan peringatan HUT ke-{hut_ri} RI dengan menggelar berbagai "
                    "perlombaan di halaman {markas}",
                ),
                (
                    "Berbagai perlombaan digelar, mulai dari lomba balap karung, tarik tambang "
                    "hingga makan kerupuk, yang diikuti personel dan keluarga besar Bhayangkari.",
                    "Suasana kebersamaan tampak terasa. Para pemenang lomba mendapatkan hadiah "
                    "yang diserahkan langsung oleh pimpinan.",
                ),
            ),
        ),
        when=lambda ev, pub: ev.month == 8 and 10 <= ev.day <= 19,
        weight=5.0,
    ),
    _A(
        "hari_bhayangkara",
        ("Kegiatan", "Hari Bhayangkara"),
        (),
        (),
        (),
        (
            "Rangkaian kegiatan meliputi bakti religi di rumah-rumah ibadah, ziarah ke taman "
            "makam pahlawan, donor darah serta bakti sosial kepada masyarakat.",
            "Acara dihadiri unsur Forkopimda, purnawirawan Polri, tokoh agama dan tokoh "
            "masyarakat.",
        ),
        (
            (
                "kapolres",
                "Hari Bhayangkara menjadi momentum bagi kami untuk introspeksi dan "
                "terus berbenah memberikan pelayanan terbaik kepada masyarakat",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Peringati Hari Bhayangkara ke-{hut_polri}, {unit} Gelar Bakti Religi",
                    "Sambut Hari Bhayangkara ke-{hut_polri}, {unit} Gelar Lomba dan Bakti Sosial",
                ),
                ("Keluarga besar {unit}", "Jajaran {unit}"),
                (
                    "menggelar rangkaian kegiatan dalam rangka memperingati Hari Bhayangkara "
                    "ke-{hut_polri}",
                ),
            ),
            _Scene(
                ("Syukuran Hari Bhayangkara ke-{hut_polri}, {head_title} Potong Tumpeng",),
                ("{kapolres}",),
                ("memimpin syukuran Hari Bhayangkara ke-{hut_polri} di halaman {markas}",),
                (
                    "Acara syukuran dihadiri unsur Forkopimda, purnawirawan Polri, tokoh agama "
                    "dan tokoh masyarakat.",
                    "{head_short} menyerahkan potongan tumpeng kepada personel tertua dan termuda "
                    "sebagai simbol kebersamaan.",
                ),
            ),
        ),
        when=lambda ev, pub: (ev.month == 6 and ev.day >= 22) or (ev.month == 7 and ev.day <= 4),
        weight=5.0,
    ),
    _A(
        "ketahanan_pangan",
        ("Ketahanan Pangan", "Kegiatan"),
        (),
        (),
        (),
        (
            "Kegiatan tersebut merupakan bagian dari program Polri dalam mendukung ketahanan "
            "pangan nasional dengan memanfaatkan lahan tidur milik warga.",
            "Bibit dan pupuk disiapkan oleh kepolisian, sedangkan pengelolaan lahan melibatkan "
            "kelompok tani setempat dengan pendampingan penyuluh pertanian.",
            "Hasil panen nantinya akan diserap oleh Bulog sesuai harga pembelian pemerintah "
            "sehingga petani tidak perlu khawatir harga jatuh.",
        ),
        (
            (
                "kapolres",
                "Polri mendukung penuh program ketahanan pangan pemerintah. Kami ingin "
                "lahan yang tidak produktif bisa memberikan manfaat bagi petani",
            ),
            ("kapolsek", "Kami mendampingi petani mulai dari penanaman, perawatan hingga panen"),
        ),
        scenes=(
            _Scene(
                (
                    "Dukung Ketahanan Pangan, {unit} Tanam Jagung di Lahan {desa}",
                    "{unit} dan Kelompok Tani {desa_name} Mulai Tanam Jagung Serentak",
                ),
                ("Jajaran {unit}", "{kapolsek}", "{kapolres}"),
                (
                    "melaksanakan penanaman jagung serentak di lahan milik kelompok tani "
                    "{desa}, Kecamatan {kec}",
                ),
            ),
            _Scene(
                ("{head_title} Tinjau Panen Jagung di Lahan Binaan {polsek}",),
                ("{kapolres}",),
                ("meninjau panen jagung di lahan binaan {polsek} di {desa}",),
            ),
        ),
        when=lambda ev, pub: ev >= date(2024, 11, 1),
        weight=1.5,
        polsek=True,
    ),
    _A(
        "rekrutmen",
        ("Rekrutmen", "Pelayanan"),
        (),
        ("{kapolres}", "Bagian SDM {unit}", "{wakapolres}"),
        (),
        (
            "Dalam sosialisasi tersebut dijelaskan persyaratan, tahapan seleksi serta jadwal "
            "pendaftaran untuk jalur Akpol, Bintara dan Tamtama.",
            "Seluruh proses seleksi dilaksanakan dengan prinsip bersih, transparan, akuntabel "
            "dan humanis (BETAH) tanpa dipungut biaya.",
            "Masyarakat yang menemukan adanya oknum yang menjanjikan kelulusan dengan imbalan "
            "uang diminta segera melapor kepada pengawas internal.",
        ),
        (
            (
                "kapolres",
                "Jangan percaya kepada siapa pun yang menjanjikan bisa meloloskan "
                "dengan membayar sejumlah uang. Kelulusan murni ditentukan kemampuan peserta",
            ),
            (
                "wakapolres",
                "Persiapkan diri sejak dini, baik fisik, mental maupun akademik. "
                "Polri membutuhkan putra-putri terbaik daerah",
            ),
        ),
        scenes=(
            _Scene(
                (
                    "Sosialisasi Penerimaan Polri, {unit} Tegaskan Tidak Dipungut Biaya",
                    "Ratusan Pelajar Ikuti Sosialisasi Penerimaan Anggota Polri di {markas}",
                    "Sosialisasi Rekrutmen Polri di {sekolah}, {unit} Tegaskan Seleksi Gratis",
                    "{unit} Ajak Pemuda {kec} Daftar Calon Anggota Polri Tahun {tahun}",
                ),
                (),
                (
                    "menggelar sosialisasi penerimaan anggota Polri tahun {tahun} kepada pelajar "
                    "dan masyarakat umum",
                ),
            ),
            _Scene(
                ("{unit} Buka Pendaftaran Penerimaan Anggota Polri Tahun {tahun}, Dijamin Gratis",),
                (),
                ("membuka pendaftaran penerimaan calon anggota Polri tahun {tahun} di {markas}",),
            ),
        ),
        when=_months(1, 2, 3, 4, 5),
    ),
)
del _A

_CLOSINGS = (
    "Kegiatan tersebut dibenarkan oleh {kasihumas}. Menurutnya, {unit} akan terus hadir "
    "memberikan pelayanan terbaik kepada masyarakat.",
    "{unit} [mengimbau|menghimbau] masyarakat untuk segera melaporkan apabila mengetahui "
    "adanya gangguan kamtibmas melalui layanan Call Center Polri 110 yang dapat diakses gratis "
    "selama 24 jam.",
    "Kegiatan berjalan dengan aman, tertib dan lancar. {unit} berkomitmen untuk terus hadir di "
    "tengah masyarakat guna memberikan rasa aman dan nyaman.",
    "Melalui kegiatan ini, {unit} berharap hubungan antara Polri dan masyarakat semakin erat "
    "sehingga situasi kamtibmas di wilayah {area} tetap aman dan kondusif.",
    "Hingga kegiatan selesai, situasi di lokasi terpantau aman dan kondusif. {unit} akan terus "
    "melaksanakan kegiatan serupa secara berkelanjutan.",
    "Sinergi antara {unit}, TNI, pemerintah daerah dan masyarakat diharapkan terus terjaga demi "
    "terwujudnya wilayah {area} yang aman, damai dan sejahtera.",
    "Kegiatan tersebut merupakan wujud nyata implementasi program Polri Presisi yang terus "
    "digaungkan jajaran {unit} dalam melayani masyarakat.",
    "{unit} mengajak seluruh lapisan masyarakat untuk bersama-sama menjaga keamanan dan "
    "ketertiban di lingkungan masing-masing.",
)
_CREDITS = ("(Humas {unit})", "(Sihumas {unit})", "(Humas {unit}/red)", "(Hms {unit})")
_QUOTE_VERBS = ("ujar", "kata", "ungkap", "jelas", "tegas", "tutur", "terang", "imbuh")
_SAY_VERBS = ("menyampaikan", "mengatakan", "menegaskan", "menjelaskan", "mengungkapkan")
_NUM_WORDS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
)
_MOTORS = (
    "Honda Beat",
    "Honda Vario 125",
    "Yamaha NMAX",
    "Honda Scoopy",
    "Yamaha Mio M3",
    "Honda Supra X 125",
    "Yamaha Vixion",
    "Suzuki Satria F150",
    "Yamaha Aerox",
    "Honda PCX",
    "Honda Revo",
)
_COLORS = ("hitam", "merah", "putih", "biru", "abu-abu", "merah hitam", "putih biru")
_ALIASES = (
    "Bewok",
    "Gondrong",
    "Kribo",
    "Codet",
    "Ucok",
    "Bagong",
    "Item",
    "Cungkring",
    "Jabrik",
    "Kancil",
    "Botak",
)
_INITIALS = "AABDEFHIJKMNRRSSTWY"
_MASJID = (
    "Al-Ikhlas",
    "Nurul Huda",
    "Baiturrahman",
    "Al-Muhajirin",
    "Nurul Iman",
    "Jami Al-Falah",
    "At-Taqwa",
    "Al-Hidayah",
)
_PATROL_TARGETS = (
    "Kawasan Perbankan",
    "Pusat Keramaian",
    "Permukiman Warga",
    "Minimarket dan SPBU",
    "Objek Vital",
    "Jalur Rawan Balap Liar",
)
_SCHOOL_TOPICS = (
    "Bahaya Narkoba",
    "Kenakalan Remaja",
    "Tertib Berlalu Lintas",
    "Bijak Bermedia Sosial",
    "Bahaya Perundungan",
    "Pencegahan Tawuran",
)
_MESSAGES = (
    "Kamtibmas",
    "Waspada Curanmor",
    "Bahaya Narkoba",
    "Cegah Kebakaran Lahan",
    "Waspada Penipuan Online",
    "Jaga Kerukunan Warga",
    "Cegah Kenakalan Remaja",
    "Bijak Bermedia Sosial",
)
_FIGURES = (
    "Tokoh Agama",
    "Tokoh Masyarakat",
    "Tokoh Pemuda",
    "Tokoh Adat",
    "Para Ulama",
    "Pengurus FKUB",
    "Pengurus MUI",
)
_FIELD_RE = re.compile(r"\{(\w+)\}")
_CHOICE_RE = re.compile(r"\[([^\[\]|]*(?:\|[^\[\]|]*)+)\]")
_LOWER_ACTOR = ("Personel ", "Tim ", "Jajaran ", "Keluarga ", "Seksi ", "Bagian ")


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _initials(rng: random.Random) -> str:
    return "".join(rng.choice(_INITIALS) for _ in range(rng.choice((2, 2, 2, 3))))


def _person_ref(rng: random.Random, lo: int = 17, hi: int = 52, alias: float = 0.0) -> str:
    ini = _initials(rng)
    if rng.random() < alias:
        ini = f"{ini} alias {rng.choice(_ALIASES)}"
    return f"{ini} ({rng.randint(lo, hi)})"


def _join_id(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " dan " + items[-1]


@dataclass
class _Draft:
    """An article before its HTML is rendered."""

    activity: str
    title: str
    paragraphs: list[str]
    dateline: str  # the first paragraph starts with this + " "
    labels: tuple[str, ...]
    polsek: str
    event_date: date
    has_credit: bool


_DOUBLE_DOT = re.compile(r"\.\.(?=[\s,]|$)")


def _tidy(text: str) -> str:
    """Single spaces, and no '..' after an abbreviation that ends a sentence ('M.H..')."""
    return _DOUBLE_DOT.sub(".", " ".join(text.split()))


_SUSPECT_KEYS = frozenset(
    ("n", "n_word", "n_orang", "N_orang", "tersangka", "t1", "pelaku", "Pelaku")
)


class _LazyVars(dict[str, str]):
    """Template variables; missing ones are drawn on first use (in a deterministic order)."""

    def __init__(self, writer: _Writer, base: dict[str, str]) -> None:
        super().__init__(base)
        self._writer = writer

    def __missing__(self, key: str) -> str:
        self.update(self._writer.make_var(key))
        return self[key]


class _Writer:
    """Fills one article's templates: variables, alternatives and smart mentions."""

    def __init__(self, rng: random.Random, u: _UnitCtx, ev: date, pub: datetime) -> None:
        self.rng = rng
        self.u = u
        self.ev = ev
        self.pub = pub
        self.mentioned: set[str] = set()
        self.vars = self._draw_vars()
        kec, village = self.vars["kec"], self.vars["desa_name"]
        self.entities = _ChainMap(
            {
                "kapolsek": u.kapolsek[kec].forms,
                "kanit": u.kanit[kec].forms,
                "bhabin": u.bhabin[village].forms,
            },
            u.entities,
        )
        self.qmarks = ("“", "”") if rng.random() < 0.55 else ('"', '"')

    def _draw_vars(self) -> _LazyVars:
        """Place variables now; the rest lazily, when a template first uses them."""
        rng, u, ev = self.rng, self.u, self.ev
        kec, villages = rng.choice(u.geo.kecamatan)
        village = rng.choice(villages)
        word = u.plain["ops_word"]
        ops = f" {word}" if word else ""
        lilin_year = ev.year if ev.month == 12 else ev.year - 1
        v = _LazyVars(self, u.plain)
        v.update(
            {
                "kec": kec,
                "desa_name": village,
                "desa": f"{u.geo.village_kind} {village}",
                "polsek": u.unit if u.kind == "polsek" else f"{u.subunit_prefix} {kec}",
                "ops_zebra": f"Operasi Zebra{ops} {ev.year}",
                "ops_ketupat": f"Operasi Ketupat{ops} {ev.year}",
                "ops_lilin": f"Operasi Lilin{ops} {lilin_year}",
                "pemilu": next((name for a, b, name in _ELECTIONS if a <= ev <= b), "Pemilu"),
                "tahun": str(ev.year),
                "hut_ri": str(ev.year - 1945),
                "hut_polri": str(ev.year - 1946),
            }
        )
        return v

    def make_var(self, key: str) -> dict[str, str]:
        """Draw a lazily generated variable (or the group it belongs to)."""
        rng, u = self.rng, self.u
        place = u.place
        if key in _SUSPECT_KEYS:
            n = rng.choices((1, 2, 3, 4), weights=(50, 30, 15, 5))[0]
            suspects = [_person_ref(rng, 17, 48, alias=0.25) for _ in range(n)]
            return {
                "n": str(n),
                "n_word": _NUM_WORDS[n],
                "n_orang": "seorang" if n == 1 else f"{_NUM_WORDS[n]} orang",
                "N_orang": "Seorang" if n == 1 else _NUM_WORDS[n].capitalize(),
                "tersangka": _join_id(suspects),
                "t1": suspects[0],
                "pelaku": "tersangka" if n == 1 else "para tersangka",
                "Pelaku": "Tersangka" if n == 1 else "Para tersangka",
            }
        same_day = self.ev == self.pub.date()
        if key == "jam":
            hour = (
                rng.randint(7, min(17, max(7, self.pub.hour - 1)))
                if same_day
                else (rng.randint(8, 17))
            )
            return {"jam": f"{hour:02d}.{rng.choice((0, 0, 15, 30, 30, 45, 10, 20)):02d}"}
        if key == "jam_malam":
            hour = (
                rng.randint(19, max(19, self.pub.hour - 1)) if same_day else (rng.randint(20, 23))
            )
            return {"jam_malam": f"{hour:02d}.{rng.choice((0, 0, 15, 30, 30, 45)):02d}"}
        if key == "berat":
            sabu = rng.uniform(0.2, 5.0) if rng.random() < 0.5 else rng.uniform(5.0, 120.0)
            return {"berat": f"{sabu:.2f}".replace(".", ",")}
        if key == "berat_ganja":
            if rng.random() < 0.6:
                return {"berat_ganja": f"{rng.randint(5, 900)} gram"}
            return {"berat_ganja": f"{rng.uniform(1.0, 12.0):.1f} kilogram".replace(".", ",")}
        if key == "sekolah":
            school = rng.choice(("SMA Negeri", "SMP Negeri", "SMK Negeri", "MTs Negeri"))
            return {"sekolah": f"{school} {rng.randint(1, 6)} {place}"}
        if key == "gereja":
            village = self.vars["desa_name"]
            return {
                "gereja": rng.choice(
                    (
                        f"Gereja HKBP {place}",
                        f"Gereja Katolik Santo Yosef {place}",
                        f"GPdI Imanuel {village}",
                        f"Gereja Kristen Jawa {place}",
                        f"Gereja Santa Maria {place}",
                    )
                )
            }
        if key == "plat":
            letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
            return {
                "plat": f"{u.geo.plate} {rng.randint(1000, 9999)} "
                f"{rng.choice(letters)}{rng.choice(letters)}"
            }
        simple: dict[str, Callable[[], str]] = {
            "jalan": lambda: rng.choice(u.geo.streets),
            "landmark": lambda: rng.choice(u.geo.landmarks),
            "masjid": lambda: f"Masjid {rng.choice(_MASJID)}",
            "paket": lambda: str(rng.randint(1, 25)),
            "motor": lambda: rng.choice(_MOTORS),
            "warna": lambda: rng.choice(_COLORS),
            "korban": lambda: _person_ref(rng, 19, 67),
            "kerugian": lambda: _thousands(rng.randrange(3_000_000, 95_000_000, 250_000)),
            "personel": lambda: str(rng.randrange(60, 420, 10)),
            "sembako": lambda: str(rng.choice((50, 75, 100, 120, 150, 200, 250, 300))),
            "kantong": lambda: str(rng.randint(40, 160)),
            "peserta": lambda: str(rng.randint(80, 350)),
            "botol": lambda: str(rng.randint(30, 400)),
            "n_motor": lambda: str(rng.randint(12, 85)),
            "sasaran": lambda: rng.choice(_PATROL_TARGETS),
            "topik": lambda: rng.choice(_SCHOOL_TOPICS),
            "pesan": lambda: rng.choice(_MESSAGES),
            "tokoh": lambda: rng.choice(_FIGURES),
        }
        return {key: simple[key]()}

    def mention(self, key: str) -> str:
        full, brief = self.entities[key]
        if key in self.mentioned:
            return self.rng.choice(brief)
        self.mentioned.add(key)
        return self.rng.choice(full)

    def _choices(self, tpl: str) -> str:
        return _CHOICE_RE.sub(lambda m: self.rng.choice(m.group(1).split("|")), tpl)

    def fill(self, tpl: str) -> str:
        def field(m: re.Match[str]) -> str:
            key = m.group(1)
            if key in self.entities:
                return self.mention(key)
            return self.vars[key]

        return _tidy(_FIELD_RE.sub(field, self._choices(tpl)))

    def fill_plain(self, tpl: str) -> str:
        """Fill without mentions (titles): only plain variables are allowed."""
        return _tidy(_FIELD_RE.sub(lambda m: self.vars[m.group(1)], self._choices(tpl)))

    # -- pieces of the article ---------------------------------------------------------------

    def date_expr(self) -> tuple[str, str]:
        """The event date in one of the body styles, and its kind ('paren'/'bare'/'long')."""
        rng, ev = self.rng, self.ev
        hari = HARI[ev.weekday()]
        if ev.weekday() == 4 and rng.random() < 0.35:
            hari = "Jum'at"
        pad = rng.random() < 0.4
        dd = f"{ev.day:02d}" if pad else str(ev.day)
        mm = f"{ev.month:02d}" if pad else str(ev.month)
        r = rng.random()
        if r < 0.32:
            return f"{hari} ({dd}/{mm}/{ev.year})", "paren"
        if r < 0.46:
            return f"({hari}, {dd}/{mm}/{ev.year})", "bare"
        if r < 0.58:
            return f"{hari} ({ev.day:02d}/{ev.month:02d}/{ev.year % 100:02d})", "paren"
        if r < 0.63 and ev.year == self.pub.year:
            return f"{hari} ({dd}/{mm})", "paren"
        if r < 0.88:
            return f"{hari}, {dd} {BULAN[ev.month - 1]} {ev.year}", "long"
        return f"{hari} {dd} {BULAN[ev.month - 1]} {ev.year}", "long"

    def dateline(self) -> tuple[str, bool]:
        """(dateline, whether it carries the date)."""
        rng, v, ev = self.rng, self.vars, self.ev
        r = rng.random()
        if r < 0.30:
            return f"{v['unit']} {v['polda']} -", False
        if r < 0.36:
            return f"{v['unit']} {v['polda']} –", False
        if r < 0.58:
            return f"{v['PLACE']} -", False
        if r < 0.70:
            return f"Humas {v['unit']} -", False
        if r < 0.80:
            dd = f"{ev.day:02d}" if rng.random() < 0.5 else str(ev.day)
            hari = HARI[ev.weekday()]
            return f"{v['place']}, {hari} {dd} {BULAN[ev.month - 1]} {ev.year} -", True
        if r < 0.92:
            return f"{v['unit']} -", False
        return f"{v['PLACE']}, {self.u.province.upper()} -", False

    def time_suffix(self, night: bool) -> str:
        jam = self.vars["jam_malam" if night else "jam"]
        r = self.rng.random()
        if r < 0.2:
            return f" sekitar pukul {jam} {self.vars['tz']}"
        if r < 0.35:
            hour = int(jam[:2])
            part = (
                "pagi" if hour < 11 else "siang" if hour < 15 else "sore" if hour < 18 else "malam"
            )
            return f" {part}"
        return ""

    def lead(self, scene: _Scene, lead2: Sequence[str], night: bool) -> tuple[str, str]:
        rng = self.rng
        dateline, dated = self.dateline()
        actor = self.fill(rng.choice(scene.actors))
        pred = self.fill(rng.choice(scene.leads))
        if dated:
            sentence = f"{actor} {pred}."
        else:
            expr, kind = self.date_expr()
            if kind != "bare" and rng.random() < 0.15:
                if actor.startswith(_LOWER_ACTOR):
                    actor = _lower_first(actor)
                hari = "hari " if kind == "long" and rng.random() < 0.4 else ""
                sentence = f"Pada {hari}{expr}, {actor} {pred}."
            else:
                if kind == "bare":
                    clause = f" {expr}"
                else:
                    conn = rng.choice((", ", ", ", " pada ", " pada hari "))
                    clause = f"{conn}{expr}"
                sentence = f"{actor} {pred}{clause}{self.time_suffix(night)}."
        if lead2 and rng.random() < 0.5:
            sentence += " " + self.fill(rng.choice(lead2))
        return dateline, _tidy(f"{dateline} {sentence}")

    def quote(self, role: str, text: str, last: bool) -> str:
        rng = self.rng
        q = self.fill(text)
        o, c = self.qmarks
        who = self.mention(role)
        verb = "pungkas" if last and rng.random() < 0.5 else rng.choice(_QUOTE_VERBS)
        r = rng.random()
        if r < 0.35:
            out = f"{o}{q}{c}, {verb} {who}."
        elif r < 0.6:
            out = f"{o}{q},{c} {verb} {who}."
        elif r < 0.82:
            out = f"{who} {rng.choice(_SAY_VERBS)}, {o}{q}.{c}"
        else:
            suffix = f"{verb}nya"
            if rng.random() < 0.25:
                suffix = suffix.capitalize()
            intro = rng.choice(("Dalam kesempatan tersebut", "Lebih lanjut", "Di sela kegiatan"))
            out = f"{intro}, {who} {rng.choice(_SAY_VERBS)} {o}{q}{c}, {suffix}."
        return _tidy(out)


def _allowed(ev: date, pub: datetime, u: _UnitCtx) -> list[_Activity]:
    """The activities that fit an event date (seasons, weekdays) and this kind of unit."""
    key = (ev, pub.date(), pub.hour)
    cached = u.allowed_cache.get(key)
    if cached is not None:
        return cached
    out = []
    for act in _ACTIVITIES:
        if act.when is not None and not act.when(ev, pub):
            continue
        if act.key == "kunjungan_kapolda" and u.kind == "polda":
            continue
        out.append(act)
    u.allowed_cache[key] = out
    return out


def _draft(
    rng: random.Random,
    u: _UnitCtx,
    pub: datetime,
    used_titles: set[str],
    title_fails: Counter[str],
    activity: str | None = None,
) -> _Draft:
    p_prev = 0.55 if pub.hour < 11 else 0.2
    ev = pub.date() - timedelta(days=1) if rng.random() < p_prev else pub.date()
    acts = _allowed(ev, pub, u)
    if activity is not None:
        acts = [a for a in _ACTIVITIES if a.key == activity]
    weights = [a.weight for a in acts]
    # The activity is drawn once, by weight, so the mix of activities does not drift towards
    # templates with many variables; only its scene, title template and variables are redrawn
    # until the title is new in this blog.
    act = rng.choices(acts, weights=weights)[0]
    writer = scene = title = None
    tries = 0
    for spin in range(60):
        scene = act.pick_scene(rng)
        tpl = rng.choice(scene.titles)
        if title_fails[tpl] >= 6 and spin < 59:
            continue  # this template has (nearly) run out of distinct titles in this blog
        tries += 1
        writer = _Writer(rng, u, ev, pub)
        title = writer.fill_plain(tpl)
        if title not in used_titles:
            break
        title_fails[tpl] += 1
        if tries >= 12:
            break
    if title is None or title in used_titles:
        # Sweep every title template of the activity before giving up on a natural title.
        for sc in act.scenes or (act.pick_scene(rng),):
            for tpl in sc.titles:
                for _ in range(3):
                    cand_writer = _Writer(rng, u, ev, pub)
                    cand = cand_writer.fill_plain(tpl)
                    if cand not in used_titles:
                        writer, title = cand_writer, cand
                        scene = (
                            act.pick_scene(rng)
                            if not act.scenes
                            else _Scene(
                                sc.titles,
                                sc.actors or act.actors,
                                sc.leads or act.leads,
                                sc.bodies or act.bodies,
                                sc.quotes or act.quotes,
                            )
                        )
                        break
                if title not in used_titles:
                    break
            if title not in used_titles:
                break
    assert writer is not None and act is not None and scene is not None and title is not None
    if title in used_titles:
        title = f"{title}, {HARI[ev.weekday()]} {ev.day} {BULAN[ev.month - 1]} {ev.year}"
    k = 2
    base_title = title
    while title in used_titles:
        title = f"{base_title} ({k})"
        k += 1
    used_titles.add(title)

    dateline, lead = writer.lead(scene, act.lead2, act.night)
    n_bodies = rng.randint(1, min(4, len(scene.bodies)))
    body_idx = sorted(rng.sample(range(len(scene.bodies)), n_bodies))
    n_quotes = rng.randint(1, min(2, len(scene.quotes)))
    quotes = rng.sample(scene.quotes, n_quotes)
    has_credit = rng.random() < 0.35
    while 1 + n_bodies + n_quotes + 1 + has_credit > 8:
        n_bodies -= 1
        body_idx = body_idx[:n_bodies]
    plan: list[tuple[str, int]] = [("b", i) for i in body_idx]
    for qi in range(n_quotes):
        plan.insert(rng.randint(1, len(plan)), ("q", qi))
    paragraphs = [lead]
    last_q = max((j for j, (kind, _) in enumerate(plan) if kind == "q"), default=-1)
    for j, (kind, i) in enumerate(plan):
        if kind == "b":
            paragraphs.append(writer.fill(scene.bodies[i]))
        else:
            role, text = quotes[i]
            paragraphs.append(writer.quote(role, text, last=j == last_q))
    if act.closings and rng.random() < 0.5:
        paragraphs.append(writer.fill(rng.choice(act.closings)))
    else:
        paragraphs.append(writer.fill(rng.choice(_CLOSINGS)))
    if has_credit:
        paragraphs.append(writer.fill(rng.choice(_CREDITS)))
    labels = [u.unit, *act.labels[: rng.randint(1, len(act.labels))]]
    if act.polsek and u.kind != "polsek" and rng.random() < 0.4:
        labels.append(writer.vars["polsek"])
    return _Draft(
        act.key,
        title,
        paragraphs,
        dateline,
        tuple(dict.fromkeys(labels)),
        writer.vars["polsek"],
        ev,
        has_credit,
    )


# --------------------------------------------------------------------------------------------
# Body HTML as Blogger's editor stores it
# --------------------------------------------------------------------------------------------

_WORD_P = (
    '<p class="MsoNormal" style="margin-bottom: 0cm; text-align: justify; line-height: 150%;">'
)
_WORD_SPAN = (
    '<span lang="IN" style="font-family: &quot;Arial&quot;,&quot;sans-serif&quot;; '
    'font-size: 12.0pt; line-height: 150%;">'
)
_WORD_XML = (
    "<!--[if gte mso 9]><xml>\n<w:WordDocument>\n<w:View>Normal</w:View>\n<w:Zoom>0</w:Zoom>\n"
    "<w:TrackMoves/>\n<w:TrackFormatting/>\n<w:PunctuationKerning/>\n"
    "<w:ValidateAgainstSchemas/>\n<w:Compatibility>\n<w:BreakWrappedTables/>\n"
    "</w:Compatibility>\n</w:WordDocument>\n</xml><![endif]-->"
)
_WORD_VML_STYLE = (
    "<style>\nv\\:* {behavior:url(#default#VML);}\no\\:* {behavior:url(#default#VML);}\n"
    "w\\:* {behavior:url(#default#VML);}\n.shape {behavior:url(#default#VML);}\n</style>"
)
_JUNK_SLUG = "v-behaviorurldefaultvmlo"
_SPANS = (
    '<span style="font-family: arial;">',
    '<span style="font-family: arial, helvetica, sans-serif;">',
    '<span style="font-size: medium;">',
    '<span style="font-family: &quot;times new roman&quot;, serif; font-size: 12pt;">',
)


@dataclass(frozen=True)
class _Habits:
    """How one blog's operator writes posts."""

    style: str  # 'p', 'div' or 'br'
    justify: bool
    spacer_rate: float
    bold_dateline: float
    span_rate: float
    nbsp_rate: float
    image_rate: float
    newline_join: bool


def _make_habits(rng: random.Random) -> _Habits:
    return _Habits(
        style=rng.choices(("p", "div", "br"), weights=(45, 35, 20))[0],
        justify=rng.random() < 0.7,
        spacer_rate=rng.choice((0.0, 0.3, 0.8)),
        bold_dateline=rng.choice((0.0, 0.5, 0.9)),
        span_rate=rng.choice((0.0, 0.3, 0.9)),
        nbsp_rate=rng.choice((0.0, 0.01, 0.03)),
        image_rate=rng.uniform(0.22, 0.38),
        newline_join=rng.random() < 0.7,
    )


@dataclass(frozen=True)
class _Ents:
    quot: bool
    curly: bool
    apos: bool


def _esc(word: str, ents: _Ents) -> str:
    s = html.escape(word, quote=False)
    if ents.quot:
        s = s.replace('"', "&quot;")
    if ents.curly:
        s = s.replace("“", "&#8220;").replace("”", "&#8221;")
    if ents.apos:
        s = s.replace("'", "&#39;")
    return s


_NBSP_SEPS = ("&nbsp;", " &nbsp;", "&nbsp; ", "  ")
_NO_BREAK_AFTER = (".", "!", "?", ":", '"', "”", ",")


def _inline(rng: random.Random, text: str, *, hard: bool, nbsp: float, ents: _Ents) -> str:
    """Text to inline HTML; ``hard`` inserts Word-style hard line breaks mid-sentence.

    Escaping never adds spaces, so the escaped words line up with the plain ones.
    """
    escaped = _esc(text, ents)
    if not hard and not nbsp:
        return escaped
    words = text.split(" ")
    n_seps = len(words) - 1
    changes: dict[int, str] = {}
    if hard:
        since = 0
        next_break = rng.randint(8, 15)
        for i in range(n_seps - 3):
            since += 1
            if (
                since >= next_break
                and words[i + 1][:1].islower()
                and not words[i].endswith(_NO_BREAK_AFTER)
            ):
                changes[i] = "<br />\n"
                since = 0
                next_break = rng.randint(9, 16)
    if nbsp and n_seps > 0:
        expected = nbsp * n_seps
        count = int(expected) + (rng.random() < expected - int(expected))
        if count:
            for i in rng.sample(range(n_seps), min(count, n_seps)):
                if i not in changes:
                    changes[i] = rng.choice(_NBSP_SEPS)
    if not changes:
        return escaped
    out_words = escaped.split(" ")
    seps = [" "] * n_seps
    for i, sep in changes.items():
        seps[i] = sep
    parts = [""] * (2 * n_seps + 1)
    parts[0::2] = out_words
    parts[1::2] = seps
    return "".join(parts)


def _image_block(rng: random.Random, ev: date) -> str:
    token = "AVvXsE" + base64.urlsafe_b64encode(rng.randbytes(rng.randint(90, 120))).decode()
    token = token.rstrip("=")
    h, m, s = rng.randint(7, 21), rng.randint(0, 59), rng.randint(0, 59)
    name = rng.choice(
        (
            f"IMG-{ev:%Y%m%d}-WA{rng.randint(1, 180):04d}.jpg",
            f"WhatsApp%20Image%20{ev:%Y-%m-%d}%20at%20{h:02d}.{m:02d}.{s:02d}.jpeg",
            "foto.jpg",
            f"DSC_{rng.randint(1000, 9999)}.JPG",
            f"IMG_{ev:%Y%m%d}_{h:02d}{m:02d}{s:02d}.jpg",
        )
    )
    root = f"https://blogger.googleusercontent.com/img/b/R29vZ2xl/{token}"
    big = f"{root}/s1600/{name}"
    w, hh = rng.choice(((1280, 720), (1600, 1200), (1040, 780), (960, 1280)))
    dw = 640 if w >= hh else 300
    dh = round(hh * dw / w)
    small = rng.choice((big, f"{root}/s{dw}/{name}", f"{root}/w{dw}-h{dh}/{name}"))
    return (
        '<div class="separator" style="clear: both; text-align: center;">'
        f'<a href="{big}" style="margin-left: 1em; margin-right: 1em;">'
        f'<img border="0" data-original-height="{hh}" data-original-width="{w}" '
        f'height="{dh}" src="{small}" width="{dw}" /></a></div>'
    )


def _baca_block(rng: random.Random, style: str, href: str, title: str) -> str:
    t = html.escape(title, quote=False)
    label = rng.choice(("Baca juga:", "Baca juga:", "Baca juga :", "Baca Juga:"))
    if style == "word":
        return (
            f'<p class="MsoNormal"><b><span lang="IN">{label} </span></b>'
            f'<a href="{href}">{t}</a><o:p></o:p></p>'
        )
    if style == "br":
        return f'<b>{label}</b> <a href="{href}">{t}</a>'
    if style == "div":
        return f'<div><b>{label}</b>&nbsp;<a href="{href}" target="_blank">{t}</a></div>'
    if rng.random() < 0.5:
        return f'<p><b>{label} <a href="{href}">{t}</a></b></p>'
    return f'<p style="text-align: justify;"><b>{label}</b> <a href="{href}">{t}</a></p>'


def _render_body(
    rng: random.Random,
    d: _Draft,
    style: str,
    junk: bool,
    habits: _Habits,
    baca: tuple[str, str] | None,
) -> str:
    ents = _Ents(rng.random() < 0.15, rng.random() < 0.2, rng.random() < 0.3)
    word = style == "word"
    nbsp = habits.nbsp_rate
    bold = rng.random() < habits.bold_dateline
    span = None if word or rng.random() >= habits.span_rate else rng.choice(_SPANS)
    inner: list[str] = []
    last = len(d.paragraphs) - 1
    for i, para in enumerate(d.paragraphs):
        is_credit = d.has_credit and i == last
        hard = word and not is_credit
        if i == 0:
            head = para[: len(d.dateline)]
            rest = para[len(d.dateline) + 1 :]
            head_html = _inline(rng, head, hard=False, nbsp=0.0, ents=ents)
            if bold:
                tag = rng.choice(("b", "strong"))
                head_html = f"<{tag}>{head_html}</{tag}>"
            s = f"{head_html} {_inline(rng, rest, hard=hard, nbsp=nbsp, ents=ents)}"
        else:
            s = _inline(rng, para, hard=hard, nbsp=nbsp, ents=ents)
        if is_credit and rng.random() < 0.5:
            s = f"<i>{s}</i>"
        if span:
            s = f"{span}{s}</span>"
        if rng.random() < 0.1:
            s += "&nbsp;"
        inner.append(s)

    if word:
        blocks = [f"{_WORD_P}{_WORD_SPAN}{s}<o:p></o:p></span></p>" for s in inner]
        spacer = f"{_WORD_P}{_WORD_SPAN}<o:p>&nbsp;</o:p></span></p>"
    elif style == "div":
        attr = ' style="text-align: justify;"' if habits.justify else ""
        blocks = [f"<div{attr}>{s}</div>" for s in inner]
        spacer = f"<div{attr}><br /></div>"
    elif style == "p":
        attr = ' style="text-align: justify;"' if habits.justify else ""
        blocks = [f"<p{attr}>{s}</p>" for s in inner]
        spacer = rng.choice(("<p>&nbsp;</p>", f"<p{attr}><br /></p>", "<p>&nbsp;</p>"))
    else:
        blocks = list(inner)
        spacer = ""
    spacer_rate = 0.6 if word else habits.spacer_rate
    out: list[tuple[bool, str]] = []  # (is a paragraph, html)
    for i, b in enumerate(blocks):
        out.append((True, b))
        if spacer and i < len(blocks) - 1 and rng.random() < spacer_rate:
            out.append((False, spacer))
    if baca is not None:
        after = rng.randint(1, max(1, min(3, len(blocks) - 2)))
        out.insert(_block_pos(out, after), (False, _baca_block(rng, style, baca[0], baca[1])))
    if rng.random() < habits.image_rate:
        pos = 0 if rng.random() < 0.55 else _block_pos(out, 1)
        out.insert(pos, (False, _image_block(rng, d.event_date)))
    items = [h for _, h in out]
    if style == "br":
        sep = rng.choice(("<br /><br />", "<br />\n<br />", "<br /><br />\n"))
        body = sep.join(items)
        if habits.justify:
            body = f'<div style="text-align: justify;">{body}</div>'
    else:
        body = ("\n" if habits.newline_join else "").join(items)
    if word:
        prefix = ""
        if junk:
            prefix = _WORD_VML_STYLE + "\n"
        if rng.random() < 0.5:
            prefix += _WORD_XML + "\n"
        body = prefix + body
    return body


def _block_pos(out: list[tuple[bool, str]], after: int) -> int:
    """Index in ``out`` just after the ``after``-th paragraph (1-based)."""
    seen = 0
    for i, (is_par, _) in enumerate(out):
        if is_par:
            seen += 1
            if seen == after:
                return i + 1
    return len(out)


# --------------------------------------------------------------------------------------------
# make_blog
# --------------------------------------------------------------------------------------------


def _derive_seed(*parts: object) -> int:
    digest = hashlib.sha256(repr(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def _slugify(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower().replace("'", "").replace("’", ""))
    slug = ""
    for w in words:
        cand = f"{slug}-{w}" if slug else w
        if len(cand) > 40:
            if not slug:
                slug = cand[:40]
            break
        slug = cand
    return slug or "blog-post"


def post_path(post: DemoPost) -> str:
    """The Blogger path of a post: ``/YYYY/MM/<slug>.html`` (publication month, blog time)."""
    return f"/{post.published:%Y}/{post.published:%m}/{post.slug}.html"


def _publish_times(
    rng: random.Random, n: int, newest: datetime, tz: timezone, mean_gap_hours: float
) -> list[datetime]:
    t = newest.astimezone(tz) if newest.tzinfo is not None else newest.replace(tzinfo=tz)
    t = t.replace(second=0, microsecond=0)
    out: list[datetime] = []
    for i in range(n):
        if i:
            gap = max(0.3, rng.expovariate(1.0 / max(mean_gap_hours, 0.5)))
            t = (t - timedelta(hours=gap)).replace(second=0, microsecond=0)
            if t.hour < 7:
                t = (t - timedelta(days=1)).replace(
                    hour=rng.randint(19, 21), minute=rng.randint(0, 59)
                )
            elif t.hour >= 22:
                t = t.replace(hour=rng.randint(18, 21), minute=rng.randint(0, 59))
        out.append(t)
    return out


def make_blog(
    unit: str,
    polda: str,
    province: str,
    n_posts: int,
    *,
    seed: int,
    newest: datetime,
    utc_offset_hours: int = 7,
    mean_gap_hours: float = 20.0,
    title: str | None = None,
) -> DemoBlog:
    """Deterministic for the same arguments. Posts go back in time from `newest` with random gaps
    (mean `mean_gap_hours`), times of day 07:00-22:00 local. Titles unique within the blog.

    The first post is published at `newest` (in the blog's offset, truncated to the minute;
    a naive `newest` is taken as blog-local time). Every random choice comes from
    ``random.Random`` instances seeded from (`seed`, `unit`, `polda`, `province`, offset).
    """
    if n_posts < 0:
        raise ValueError("n_posts must be >= 0")
    tz = timezone(timedelta(hours=utc_offset_hours))
    base = _derive_seed(seed, unit, polda, province, utc_offset_hours)
    rng_blog = random.Random(base)
    u = _make_unit_ctx(unit, polda, province, utc_offset_hours, rng_blog)
    blog_id = str(rng_blog.randrange(10**17, 2**63 - 1))
    habits = _make_habits(rng_blog)
    author = f"Humas {unit}"
    pubs = _publish_times(random.Random(base + 1), n_posts, newest, tz, mean_gap_hours)

    rng = random.Random(base + 2)
    used_titles: set[str] = set()
    title_fails: Counter[str] = Counter()
    used_slugs: set[str] = set()
    used_ids: set[str] = set()
    drafts: list[tuple[_Draft, str, bool, str, str]] = []
    for pub in pubs:
        d = _draft(rng, u, pub, used_titles, title_fails)
        style = (
            "word"
            if rng.random() < 0.2
            else (habits.style if rng.random() < 0.75 else rng.choice(("p", "div", "br")))
        )
        junk = style == "word" and rng.random() < 0.12
        slug = _JUNK_SLUG if junk else _slugify(d.title)
        if slug in used_slugs:
            stem = slug
            for _ in range(20):
                slug = f"{stem}_{rng.randint(10, 99)}"
                if slug not in used_slugs:
                    break
            k = 100
            while slug in used_slugs:
                slug = f"{stem}_{k}"
                k += 1
        used_slugs.add(slug)
        post_id = str(rng.randrange(10**18, 2**63 - 1))
        while post_id in used_ids:
            post_id = str(rng.randrange(10**18, 2**63 - 1))
        used_ids.add(post_id)
        drafts.append((d, style, junk, slug, post_id))

    posts: list[DemoPost] = []
    n = len(drafts)
    for i, (d, style, junk, slug, post_id) in enumerate(drafts):
        pub = pubs[i]
        baca = None
        if n > 1 and rng.random() < 0.25:
            older = list(range(i + 1, min(n, i + 16)))
            j = rng.choice(older) if older else rng.randrange(0, i)
            other, _s, _j, oslug, _pid = drafts[j]
            baca = (f"/{pubs[j]:%Y}/{pubs[j]:%m}/{oslug}.html", other.title)
        body_html = _render_body(rng, d, style, junk, habits, baca)
        if rng.random() < 0.12:
            updated = pub + timedelta(
                minutes=rng.randint(60, 1800),
                seconds=rng.randint(0, 59),
                milliseconds=rng.randint(0, 999),
            )
        else:
            updated = pub + timedelta(
                seconds=rng.randint(15, 900), milliseconds=rng.randint(0, 999)
            )
        posts.append(
            DemoPost(
                post_id=post_id,
                title=d.title,
                slug=slug,
                published=pub,
                updated=updated,
                author=author if rng.random() < 0.9 else f"Sihumas {unit}",
                labels=d.labels,
                body_html=body_html,
                body_text="\n\n".join(d.paragraphs),
                unit=unit,
                polda=polda,
            )
        )
    return DemoBlog(
        blog_id=blog_id,
        title=title or f"Humas {unit}",
        unit=unit,
        polda=polda,
        province=province,
        utc_offset_hours=utc_offset_hours,
        posts=tuple(posts),
    )


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


def _a(s: str) -> str:
    """Escape for a single-quoted attribute or text."""
    return html.escape(s, quote=True)


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def _date_header(dt: datetime) -> str:
    return f"{HARI[dt.weekday()]}, {dt.day:02d} {BULAN[dt.month - 1]} {dt.year}"


def _snippet(post: DemoPost, n: int = 150) -> str:
    text = " ".join(post.body_text.split())
    if len(text) <= n:
        return text
    return text[:n].rsplit(" ", 1)[0] + "..."


_IMG_RE = re.compile(r'<img [^>]*src="([^"]+)"')


def _first_image(post: DemoPost) -> str | None:
    m = _IMG_RE.search(post.body_html)
    return m.group(1) if m else None


def _profile_id(blog: DemoBlog) -> str:
    return str(_derive_seed("profile", blog.blog_id) % 10**20).rjust(20, "1")


def _default_popular(blog: DemoBlog, exclude: str | None) -> list[DemoPost]:
    pool = [p for p in blog.posts if p.post_id != exclude]
    if not pool:
        return []
    rng = random.Random(_derive_seed("popular", blog.blog_id))
    return rng.sample(pool, min(3, len(pool)))


def _head(
    blog: DemoBlog,
    base: str,
    *,
    title: str,
    canonical: str,
    og_title: str,
    description: str,
    image: str | None,
    post_id: str | None,
    viewport: str,
) -> str:
    bt = _a(blog.title)
    lines = [
        "<head>",
        f"<meta content='{viewport}' name='viewport'/>",
        "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>",
        "<meta content='blogger' name='generator'/>",
        f"<link href='{base}/favicon.ico' rel='icon' type='image/x-icon'/>",
        f"<link href='{_a(canonical)}' rel='canonical'/>",
        f'<link rel="alternate" type="application/atom+xml" title="{bt} - Atom" '
        f'href="{base}/feeds/posts/default" />',
        f'<link rel="alternate" type="application/rss+xml" title="{bt} - RSS" '
        f'href="{base}/feeds/posts/default?alt=rss" />',
        f'<link rel="service.post" type="application/atom+xml" title="{bt} - Atom" '
        f'href="https://www.blogger.com/feeds/{blog.blog_id}/posts/default" />',
    ]
    if post_id:
        lines.append(
            f'<link rel="alternate" type="application/atom+xml" title="{bt} - Atom" '
            f'href="{base}/feeds/{post_id}/comments/default" />'
        )
    if image:
        lines.append(f"<link href='{_a(image)}' rel='image_src'/>")
    lines += [
        f"<meta content='{_a(canonical)}' property='og:url'/>",
        f"<meta content='{_a(og_title)}' property='og:title'/>",
        f"<meta content='{_a(description)}' property='og:description'/>",
    ]
    if image:
        lines.append(f"<meta content='{_a(image)}' property='og:image'/>")
    if post_id:
        lines.append("<meta content='article' property='og:type'/>")
    lines += [
        f"<title>{_a(title)}</title>",
        "<link type='text/css' rel='stylesheet' "
        "href='https://www.blogger.com/static/v1/widgets/2437439463-css_bundle_v2.css' />",
        "<style id='page-skin-1' type='text/css'><!--\nbody { font: normal normal 14px Arial, "
        "Tahoma, Helvetica, FreeSans, sans-serif; color: #222222; }\n.post-body { "
        "line-height: 1.4; }\nh2.date-header { font: normal bold 11px Arial, sans-serif; }\n"
        "--></style>",
        "</head>",
    ]
    return "\n".join(lines)


def _scripts(blog: DemoBlog, base: str, page_type: str, url: str, post_id: str | None) -> str:
    data = {
        "blogId": blog.blog_id,
        "title": blog.title,
        "url": url,
        "canonicalUrl": url,
        "homepageUrl": f"{base}/",
        "pageType": page_type,
        "languageDirection": "ltr",
        "locale": "id",
    }
    if post_id:
        data["postId"] = post_id
    ctx = json.dumps([{"name": "blog", "data": data}]).replace("</", "<\\/")
    host = base.split("://", 1)[-1]
    return (
        "<script type='text/javascript'>\nwindow.setTimeout(function() {\n"
        "document.body.className = document.body.className.replace('loading', '');\n"
        "}, 10);\n</script>\n"
        '<script type="text/javascript" '
        'src="https://www.blogger.com/static/v1/widgets/1601900224-widgets.js"></script>\n'
        "<script type='text/javascript'>\n"
        f"_WidgetManager._Init('//www.blogger.com/rearrange?blogID={blog.blog_id}',"
        f"'//{host}/','{blog.blog_id}');\n"
        f"_WidgetManager._SetDataContext({ctx});\n"
        "_WidgetManager._RegisterWidget('_BlogView', new _WidgetInfo('Blog1', 'main', "
        "document.getElementById('Blog1'), {}, 'displayModeFull'));\n</script>"
    )


def _share_simple(blog: DemoBlog, post: DemoPost) -> str:
    q = f"https://www.blogger.com/share-post.g?blogID={blog.blog_id}&postID={post.post_id}"
    items = (
        ("email", "Kirimkan Ini lewat Email"),
        ("blog", "BlogThis!"),
        ("twitter", "Berbagi ke X"),
        ("facebook", "Berbagi ke Facebook"),
        ("pinterest", "Bagikan ke Pinterest"),
    )
    links = "".join(
        f"<a class='goog-inline-block share-button sb-{t}' href='{q}&target={t}' "
        f"target='_blank' title='{label}'><span class='share-button-link-text'>{label}"
        "</span></a>"
        for t, label in items
    )
    return f"<div class='post-share-buttons goog-inline-block'>\n{links}\n</div>"


def _label_links(base: str, labels: Sequence[str]) -> str:
    return ",\n".join(
        f"<a href='{base}/search/label/{quote(lab)}' rel='tag'>{_a(lab)}</a>" for lab in labels
    )


def _post_outer_simple(blog: DemoBlog, post: DemoPost, base: str, *, item: bool) -> str:
    url = base + post_path(post)
    t = _a(post.title)
    title = t if item else f"<a href='{url}'>{t}</a>"
    image = _first_image(post)
    prof = f"https://www.blogger.com/profile/{_profile_id(blog)}"
    comment_link = (
        ""
        if item
        else (
            f"<a class='comment-link' href='{url}#comment-form' onclick=''>Tidak ada komentar:</a>"
        )
    )
    parts = [
        "<div class='post-outer'>",
        "<div class='post hentry uncustomized-post-template' itemprop='blogPost' "
        "itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>",
    ]
    if image:
        parts.append(f"<meta content='{_a(image)}' itemprop='image_url'/>")
    parts += [
        f"<meta content='{blog.blog_id}' itemprop='blogId'/>",
        f"<meta content='{post.post_id}' itemprop='postId'/>",
        f"<a name='{post.post_id}'></a>",
        "<h3 class='post-title entry-title' itemprop='name'>",
        title,
        "</h3>",
        "<div class='post-header'>\n<div class='post-header-line-1'></div>\n</div>",
        f"<div class='post-body entry-content' id='post-body-{post.post_id}' "
        "itemprop='description articleBody'>",
        post.body_html,
        "<div style='clear: both;'></div>",
        "</div>",
        "<div class='post-footer'>",
        "<div class='post-footer-line post-footer-line-1'>",
        "<span class='post-author vcard'>\nDiposting oleh",
        "<span class='fn' itemprop='author' itemscope='itemscope' "
        "itemtype='http://schema.org/Person'>",
        f"<meta content='{prof}' itemprop='url'/>",
        f"<a class='g-profile' href='{prof}' rel='author' title='author profile'>",
        f"<span itemprop='name'>{_a(post.author)}</span>",
        "</a>\n</span>\n</span>",
        "<span class='post-timestamp'>\ndi",
        f"<meta content='{url}' itemprop='url'/>",
        f"<a class='timestamp-link' href='{url}' rel='bookmark' title='permanent link'>"
        f"<abbr class='published' itemprop='datePublished' title='{_iso(post.published)}'>"
        f"{post.published:%H.%M}</abbr></a>",
        "</span>",
        f"<span class='post-comment-link'>\n{comment_link}\n</span>",
        "<span class='post-icons'>",
        f"<span class='item-control blog-admin pid-{_profile_id(blog)[:9]}'>",
        f"<a href='https://www.blogger.com/post-edit.g?blogID={blog.blog_id}&postID="
        f"{post.post_id}&from=pencil' title='Edit Entri'>",
        "<img alt='' class='icon-action' height='18' "
        "src='https://resources.blogblog.com/img/icon18_edit_allbkg.gif' width='18'/>",
        "</a>\n</span>\n</span>",
        _share_simple(blog, post),
        "</div>",
        "<div class='post-footer-line post-footer-line-2'>",
        f"<span class='post-labels'>\nLabel:\n{_label_links(base, post.labels)}\n</span>",
        "</div>",
        "<div class='post-footer-line post-footer-line-3'>",
        "<span class='post-location'>\n</span>",
        "</div>",
        "</div>",
        "</div>",
    ]
    if item:
        parts += [
            "<div class='comments' id='comments'>",
            "<a name='comments'></a>",
            "<h4>Tidak ada komentar:</h4>",
            "<div id='Blog1_comments-block-wrapper'>",
            "<dl class='avatar-comment-indent' id='comments-block'>\n</dl>",
            "</div>",
            "<p class='comment-footer'>",
            "<div class='comment-form'>",
            "<a name='comment-form'></a>",
            "<h4 id='comment-post-message'>Posting Komentar</h4>",
            "<p>\n</p>",
            f"<a href='https://www.blogger.com/comment/frame/{blog.blog_id}?po={post.post_id}"
            f"&hl=id&origin={base}' id='comment-editor-src'></a>",
            "<iframe allowtransparency='true' class='blogger-iframe-colorize "
            "blogger-comment-from-post' frameborder='0' height='410px' id='comment-editor' "
            "name='comment-editor' src='' width='100%'></iframe>",
            "</div>",
            "</p>",
            "</div>",
        ]
    parts.append("</div>")
    return "\n".join(parts)


def _popular_simple(base: str, popular: Sequence[DemoPost]) -> str:
    items = []
    for p in popular:
        url = base + post_path(p)
        img = _first_image(p)
        thumb = ""
        if img:
            thumb = (
                f"<div class='item-thumbnail'>\n<a href='{url}' target='_blank'>\n"
                f"<img alt='' border='0' src='{_a(img)}'/>\n</a>\n</div>\n"
            )
        items.append(
            "<li>\n<div class='item-content'>\n"
            + thumb
            + f"<div class='item-title'><a href='{url}'>{_a(p.title)}</a></div>\n"
            f"<div class='item-snippet'>{_a(_snippet(p))}</div>\n</div>\n"
            "<div style='clear: both;'></div>\n</li>"
        )
    return (
        "<div class='widget PopularPosts' data-version='1' id='PopularPosts1'>\n"
        "<h2>Postingan populer dari blog ini</h2>\n"
        "<div class='widget-content popular-posts'>\n<ul>\n"
        + "\n".join(items)
        + "\n</ul>\n<div class='clear'></div>\n</div>\n</div>"
    )


def _label_widget(blog: DemoBlog, base: str, heading: str) -> str:
    counts = Counter(lab for p in blog.posts for lab in p.labels)
    items = "\n".join(
        f"<li>\n<a dir='ltr' href='{base}/search/label/{quote(lab)}'>{_a(lab)}</a>\n"
        f"<span dir='ltr'>({n})</span>\n</li>"
        for lab, n in sorted(counts.items())
    )
    return (
        f"<div class='widget Label' data-version='1' id='Label1'>\n<h2>{heading}</h2>\n"
        f"<div class='widget-content list-label-widget-content'>\n<ul>\n{items}\n</ul>\n"
        "<div class='clear'></div>\n</div>\n</div>"
    )


def _archive_widget(blog: DemoBlog, base: str, heading: str, open_year: int | None) -> str:
    years: Counter[int] = Counter()
    months: Counter[tuple[int, int]] = Counter()
    for p in blog.posts:
        years[p.published.year] += 1
        months[(p.published.year, p.published.month)] += 1
    out = []
    for y in sorted(years, reverse=True):
        expanded = y == open_year
        zippy = "toggle-open'>&#9660;&#160;" if expanded else "'>&#9658;&#160;"
        sub = ""
        if expanded:
            sub_items = "\n".join(
                f"<li class='archivedate collapsed'>\n<a class='toggle' href='javascript:void(0)'>"
                f"<span class='zippy'>&#9658;&#160;</span></a>\n"
                f"<a class='post-count-link' href='{base}/{y}/{m:02d}/'>{BULAN[m - 1]}</a>\n"
                f"<span class='post-count' dir='ltr'>({months[(y, m)]})</span>\n</li>"
                for (yy, m) in sorted(months, reverse=True)
                if yy == y
            )
            sub = f"\n<ul class='hierarchy'>\n{sub_items}\n</ul>"
        state = "expanded" if expanded else "collapsed"
        out.append(
            f"<ul class='hierarchy'>\n<li class='archivedate {state}'>\n"
            f"<a class='toggle' href='javascript:void(0)'><span class='zippy {zippy}</span></a>\n"
            f"<a class='post-count-link' href='{base}/{y}/'>{y}</a>\n"
            f"<span class='post-count' dir='ltr'>({years[y]})</span>{sub}\n</li>\n</ul>"
        )
    return (
        "<div class='widget BlogArchive' data-version='1' id='BlogArchive1'>\n"
        f"<h2>{heading}</h2>\n<div class='widget-content'>\n<div id='ArchiveList'>\n"
        "<div id='BlogArchive1_ArchiveList'>\n"
        + "\n".join(out)
        + "\n</div>\n</div>\n<div class='clear'></div>\n</div>\n</div>"
    )


def _sidebar_simple(
    blog: DemoBlog, base: str, popular: Sequence[DemoPost], open_year: int | None
) -> str:
    prof = f"https://www.blogger.com/profile/{_profile_id(blog)}"
    search = (
        "<div class='widget BlogSearch' data-version='1' id='BlogSearch1'>\n"
        "<h2 class='title'>Telusuri Blog Ini</h2>\n<div class='widget-content'>\n"
        f"<form action='{base}/search' class='gsc-search-box' target='_top'>\n"
        "<input autocomplete='off' class='gsc-input' name='q' size='10' title='search' "
        "type='text' value=''/>\n<input class='gsc-search-button' title='search' "
        "type='submit' value='Telusuri'/>\n</form>\n</div>\n</div>"
    )
    profile = (
        "<div class='widget Profile' data-version='1' id='Profile1'>\n<h2>Mengenai Saya</h2>\n"
        "<div class='widget-content'>\n<dl class='profile-datablock'>\n<dt class='profile-data'>\n"
        f"<a class='profile-name-link g-profile' href='{prof}' rel='author'>\n"
        f"{_a(f'Humas {blog.unit}')}\n</a>\n</dt>\n</dl>\n"
        f"<a class='profile-link' href='{prof}' rel='author'>Lihat profil lengkapku</a>\n"
        "<div class='clear'></div>\n</div>\n</div>"
    )
    return (
        "<div class='sidebar section' id='sidebar-right-1'>\n"
        + "\n".join(
            (
                search,
                profile,
                _popular_simple(base, popular),
                _label_widget(blog, base, "Label"),
                _archive_widget(blog, base, "Arsip Blog", open_year),
            )
        )
        + "\n</div>"
    )


def _simple_document(
    blog: DemoBlog, base: str, head: str, main: str, sidebar: str, scripts: str
) -> str:
    description = f"Berita dan informasi kegiatan {blog.unit} {blog.polda}"
    return "\n".join(
        (
            "<!DOCTYPE html>",
            "<html class='v2' dir='ltr' lang='id' xmlns='http://www.w3.org/1999/xhtml' "
            "xmlns:b='http://www.google.com/2005/gml/b' "
            "xmlns:data='http://www.google.com/2005/gml/data' "
            "xmlns:expr='http://www.google.com/2005/gml/expr'>",
            head,
            "<body class='loading variant-simplysimple'>",
            "<div class='navbar no-items section' id='navbar' name='Navbar'>\n</div>",
            "<div class='content'>\n<div class='content-outer'>\n<div class='content-inner'>",
            "<header>\n<div class='header-outer'>\n<div class='region-inner header-inner'>",
            "<div class='header section' id='header' name='Header'>"
            "<div class='widget Header' data-version='1' id='Header1'>",
            "<div id='header-inner'>\n<div class='titlewrapper'>\n<h1 class='title'>",
            f"<a href='{base}/'>{_a(blog.title)}</a>",
            "</h1>\n</div>\n<div class='descriptionwrapper'>",
            f"<p class='description'><span>{_a(description)}</span></p>",
            "</div>\n</div>\n</div></div>",
            "</div>\n</div>\n</header>",
            "<div class='main-outer'>\n<div class='region-inner main-inner'>",
            "<div class='columns fauxcolumns'>\n<div class='columns-inner'>",
            "<div class='column-center-outer'>\n<div class='column-center-inner'>",
            "<div class='main section' id='main' name='Utama'>"
            "<div class='widget Blog' data-version='1' id='Blog1'>",
            main,
            "</div></div>",
            "</div>\n</div>",
            "<div class='column-right-outer'>\n<div class='column-right-inner'>\n<aside>",
            sidebar,
            "</aside>\n</div>\n</div>",
            "</div>\n</div>\n</div>\n</div>",
            "<footer>\n<div class='footer-outer'>\n<div class='region-inner footer-inner'>",
            "<div class='foot section' id='footer-3' name='Footer'>"
            "<div class='widget Attribution' data-version='1' id='Attribution1'>",
            "<div class='widget-content' style='text-align: center;'>",
            "Tema Sederhana. <a href='https://www.blogger.com' target='_blank'>"
            "Diberdayakan oleh Blogger</a>.",
            "</div>\n<div class='clear'></div>\n</div></div>",
            "</div>\n</div>\n</footer>",
            "</div>\n</div>\n</div>",
            scripts,
            "</body>",
            "</html>",
        )
    )


def _neighbours(blog: DemoBlog, post: DemoPost) -> tuple[DemoPost | None, DemoPost | None]:
    """(newer, older) neighbours of ``post`` in the blog."""
    for i, p in enumerate(blog.posts):
        if p.post_id == post.post_id:
            newer = blog.posts[i - 1] if i > 0 else None
            older = blog.posts[i + 1] if i + 1 < len(blog.posts) else None
            return newer, older
    return None, None


def _pager_item(base: str, newer: DemoPost | None, older: DemoPost | None) -> str:
    parts = ["<div class='blog-pager' id='blog-pager'>"]
    if newer is not None:
        parts.append(
            "<span id='blog-pager-newer-link'>\n"
            f"<a class='blog-pager-newer-link' href='{base}{post_path(newer)}' "
            "id='Blog1_blog-pager-newer-link' title='Posting Lebih Baru'>Posting Lebih Baru</a>"
            "\n</span>"
        )
    if older is not None:
        parts.append(
            "<span id='blog-pager-older-link'>\n"
            f"<a class='blog-pager-older-link' href='{base}{post_path(older)}' "
            "id='Blog1_blog-pager-older-link' title='Posting Lama'>Posting Lama</a>\n</span>"
        )
    parts.append(f"<a class='home-link' href='{base}/'>Beranda</a>\n</div>")
    return "\n".join(parts)


def render_post_page(
    blog: DemoBlog,
    post: DemoPost,
    base_url: str,
    *,
    theme: str = "simple",
    popular: Sequence[DemoPost] = (),
) -> str:
    """A complete Blogger item page (HTML5 document) for the post at
    f"{base_url}/{yyyy}/{mm}/{slug}.html", in theme 'simple' (classic layouts-v2 markup:
    h2.date-header, div.post.hentry with meta itemprop blogId/postId, h3.post-title.entry-title,
    div.post-body.entry-content#post-body-<postId>, abbr.published[title=ISO], .post-footer with
    'Diposting oleh', 'Label:' links, .post-share-buttons, #comments with 'Komentar' /
    'Posting Komentar', #blog-pager 'Posting Lebih Baru' / 'Posting Lama' / 'Beranda', sidebar
    widgets incl. PopularPosts headed 'Postingan populer dari blog ini' listing `popular` titles,
    'Diberdayakan oleh Blogger') or 'contempo' (2017 theme: time.published[datetime],
    ul.share-buttons with 'Dapatkan link' / Facebook / X / Pinterest / Email / 'Aplikasi
    Lainnya', the PopularPosts block after the post, 'Posting Komentar'). Head:
    <meta name='generator' content='blogger'>, link rel=canonical, og:title/og:url/og:type=article,
    the /feeds/posts/default alternate links.

    With no `popular` posts given, three other posts of the blog are picked deterministically.
    """
    base = base_url.rstrip("/")
    if not popular:
        popular = _default_popular(blog, post.post_id)
    if theme == "contempo":
        return _contempo_page(blog, post, base, popular)
    if theme != "simple":
        raise ValueError(f"unknown theme {theme!r}")
    url = base + post_path(post)
    head = _head(
        blog,
        base,
        title=f"{blog.title}: {post.title}",
        canonical=url,
        og_title=post.title,
        description=_snippet(post),
        image=_first_image(post),
        post_id=post.post_id,
        viewport="width=1100",
    )
    newer, older = _neighbours(blog, post)
    main = "\n".join(
        (
            "<div class='blog-posts hfeed'>",
            '<div class="date-outer">',
            f"<h2 class='date-header'><span>{_date_header(post.published)}</span></h2>",
            '<div class="date-posts">',
            _post_outer_simple(blog, post, base, item=True),
            "</div></div>",
            "</div>",
            _pager_item(base, newer, older),
            "<div class='clear'></div>",
            "<div class='post-feeds'>\n<div class='feed-links'>\nLangganan:",
            f"<a class='feed-link' href='{base}/feeds/{post.post_id}/comments/default' "
            "target='_blank' type='application/atom+xml'>Posting Komentar (Atom)</a>",
            "</div>\n</div>",
        )
    )
    sidebar = _sidebar_simple(blog, base, popular, post.published.year)
    return _simple_document(
        blog, base, head, main, sidebar, _scripts(blog, base, "item", url, post.post_id)
    )


def render_index_page(blog: DemoBlog, posts: Sequence[DemoPost], base_url: str) -> str:
    """A Blogger home/index page listing the given posts (date headers split by day,
    'Posting Lama' link).

    Theme 'simple'. The 'Posting Lama' link is present when older posts exist in the blog:
    ``{base}/search?updated-max=<published of the last listed post, ISO, '+' as %2B>
    &max-results=<len(posts)>`` (posts published strictly before that time). When the first
    listed post is not the blog's newest, a 'Posting Lebih Baru' link
    ``{base}/search?updated-min=<published of the first listed post>&max-results=N
    &reverse-paginate=true`` is added.
    """
    base = base_url.rstrip("/")
    posts = list(posts)
    groups: list[list[DemoPost]] = []
    for p in posts:
        if groups and groups[-1][0].published.date() == p.published.date():
            groups[-1].append(p)
        else:
            groups.append([p])
    chunks = ["<div class='blog-posts hfeed'>"]
    for g in groups:
        chunks.append('<div class="date-outer">')
        chunks.append(f"<h2 class='date-header'><span>{_date_header(g[0].published)}</span></h2>")
        chunks.append('<div class="date-posts">')
        chunks.extend(_post_outer_simple(blog, p, base, item=False) for p in g)
        chunks.append("</div></div>")
    if not posts:
        chunks.append(
            "<div class='status-msg-wrap'><div class='status-msg-body'>"
            "Tidak ada postingan.</div></div>"
        )
    chunks.append("</div>")
    index = {p.post_id: i for i, p in enumerate(blog.posts)}
    n = max(1, len(posts))
    pager = ["<div class='blog-pager' id='blog-pager'>"]
    if posts and index.get(posts[0].post_id, 0) > 0:
        ts = quote(_iso(posts[0].published), safe=":")
        pager.append(
            "<span id='blog-pager-newer-link'>\n<a class='blog-pager-newer-link' "
            f"href='{base}/search?updated-min={ts}&amp;max-results={n}&amp;reverse-paginate=true' "
            "id='Blog1_blog-pager-newer-link' title='Posting Lebih Baru'>Posting Lebih Baru</a>"
            "\n</span>"
        )
    if posts and index.get(posts[-1].post_id, len(blog.posts)) < len(blog.posts) - 1:
        ts = quote(_iso(posts[-1].published), safe=":")
        pager.append(
            "<span id='blog-pager-older-link'>\n<a class='blog-pager-older-link' "
            f"href='{base}/search?updated-max={ts}&amp;max-results={n}' "
            "id='Blog1_blog-pager-older-link' title='Posting Lama'>Posting Lama</a>\n</span>"
        )
    pager.append(f"<a class='home-link' href='{base}/'>Beranda</a>\n</div>")
    chunks.append("\n".join(pager))
    chunks.append(
        "<div class='clear'></div>\n<div class='blog-feeds'>\n<div class='feed-links'>\n"
        f"Langganan:\n<a class='feed-link' href='{base}/feeds/posts/default' target='_blank' "
        "type='application/atom+xml'>Entri (Atom)</a>\n</div>\n</div>"
    )
    desc = f"Berita dan informasi kegiatan {blog.unit} {blog.polda}"
    head = _head(
        blog,
        base,
        title=blog.title,
        canonical=f"{base}/",
        og_title=blog.title,
        description=desc,
        image=None,
        post_id=None,
        viewport="width=1100",
    )
    popular = _default_popular(blog, None)
    open_year = posts[0].published.year if posts else None
    sidebar = _sidebar_simple(blog, base, popular, open_year)
    return _simple_document(
        blog,
        base,
        head,
        "\n".join(chunks),
        sidebar,
        _scripts(blog, base, "index", f"{base}/", None),
    )


# -- Contempo (2017 theme) -------------------------------------------------------------------


def _contempo_date(dt: datetime) -> str:
    return f"{BULAN[dt.month - 1]} {dt.day:02d}, {dt.year}"


def _share_contempo(blog: DemoBlog, post: DemoPost, url: str, where: str) -> str:
    q = f"https://www.blogger.com/share-post.g?blogID={blog.blog_id}&postID={post.post_id}"
    pid = f"sharing-popup-Blog1-{where}-{post.post_id}"
    items = (
        ("link", "", "Dapatkan link", "Dapatkan link"),
        ("facebook", "facebook", "Berbagi ke Facebook", "Facebook"),
        ("twitter", "twitter", "Berbagi ke X", "X"),
        ("pinterest", "pinterest", "Berbagi ke Pinterest", "Pinterest"),
        ("email", "email", "Email", "Email"),
    )
    lis = "\n".join(
        f"<li>\n<span aria-label='{title}' class='sharing-platform-button sharing-element-{cls}' "
        f"data-href='{q}&target={target}' data-url='{url}' role='menuitem' tabindex='-1' "
        f"title='{title}'>\n<div class='flat-icon-button ripple'>\n<svg class='svg-icon-24 "
        f"touch-icon sharing-{cls}'>\n<use xlink:href='/responsive/sprite_v1_6.css.svg#ic_24_"
        f"{cls}_dark' xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</div>\n"
        f"<span class='platform-sharing-text'>{text}</span>\n</span>\n</li>"
        for cls, target, title, text in items
    )
    lis += (
        "\n<li aria-hidden='true' class='hidden'>\n<span aria-label='Berbagi ke aplikasi "
        f"lainnya' class='sharing-platform-button sharing-element-other' data-url='{url}' "
        "role='menuitem' tabindex='-1' title='Berbagi ke aplikasi lainnya'>\n"
        "<div class='flat-icon-button ripple'>\n<svg class='svg-icon-24 touch-icon'>\n"
        "<use xlink:href='/responsive/sprite_v1_6.css.svg#ic_more_horiz_black_24dp' "
        "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</div>\n"
        "<span class='platform-sharing-text'>Aplikasi Lainnya</span>\n</span>\n</li>"
    )
    return (
        f"<div class='post-share-buttons post-share-buttons-{where}'>\n"
        "<div class='byline post-share-buttons goog-inline-block'>\n"
        f"<div aria-owns='{pid}' class='sharing' data-title='{_a(post.title)}'>\n"
        f"<button aria-controls='{pid}' aria-label='Bagikan' class='sharing-button "
        f"touch-icon-button' id='sharing-button-Blog1-{where}-{post.post_id}' role='button'>\n"
        "<div class='flat-icon-button ripple'>\n<svg class='svg-icon-24'>\n"
        "<use xlink:href='/responsive/sprite_v1_6.css.svg#ic_share_black_24dp' "
        "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</div>\n</button>\n"
        "<div class='share-buttons-container'>\n"
        f"<ul aria-hidden='true' aria-label='Bagikan' class='share-buttons hidden' id='{pid}' "
        f"role='menu'>\n{lis}\n</ul>\n</div>\n</div>\n</div>\n</div>"
    )


def _popular_contempo(base: str, popular: Sequence[DemoPost]) -> str:
    arts = []
    for p in popular:
        url = base + post_path(p)
        img = _first_image(p)
        thumb = ""
        if img:
            thumb = (
                f"<div class='snippet-thumbnail'>\n<a href='{url}'><img alt='' "
                f"src='{_a(img)}'/></a>\n</div>\n"
            )
        arts.append(
            "<article class='post' role='article'>\n"
            f"<h3 class='post-title'><a href='{url}'>{_a(p.title)}</a></h3>\n"
            "<div class='post-header'>\n<div class='post-header-line-1'>\n"
            f"<span class='byline post-timestamp'>\n<meta content='{url}'/>\n"
            f"<a class='timestamp-link' href='{url}' rel='bookmark' title='permanent link'>\n"
            f"<time class='published' datetime='{_iso(p.published)}' "
            f"title='{_iso(p.published)}'>{_contempo_date(p.published)}</time>\n</a>\n</span>\n"
            "</div>\n</div>\n<div class='item-content float-container'>\n"
            + thumb
            + "<div class='popular-posts-snippet snippet-container r-snippet-container'>\n"
            f"<div class='snippet-item r-snippetized'>\n{_a(_snippet(p))}\n</div>\n"
            "<a class='snippet-fade r-snippet-fade hidden' href=''></a>\n</div>\n"
            "<div class='jump-link flat-button ripple'>\n"
            f"<a href='{url}' title='{_a(p.title)}'>\nTerus membaca\n</a>\n</div>\n</div>\n"
            "</article>"
        )
    return (
        "<div class='widget PopularPosts' data-version='2' id='PopularPosts1'>\n"
        "<h3 class='title'>\nPostingan populer dari blog ini\n</h3>\n"
        "<div class='widget-content'>\n<div role='feed'>\n"
        + "\n".join(arts)
        + "\n</div>\n</div>\n</div>"
    )


def _contempo_page(blog: DemoBlog, post: DemoPost, base: str, popular: Sequence[DemoPost]) -> str:
    url = base + post_path(post)
    image = _first_image(post)
    head = _head(
        blog,
        base,
        title=post.title,
        canonical=url,
        og_title=post.title,
        description=_snippet(post),
        image=image,
        post_id=post.post_id,
        viewport="width=device-width, initial-scale=1",
    )
    prof = f"https://www.blogger.com/profile/{_profile_id(blog)}"
    ld = {
        "@context": "http://schema.org",
        "@type": "BlogPosting",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": post.title,
        "description": _snippet(post),
        "datePublished": _iso(post.published),
        "dateModified": post.updated.isoformat(timespec="milliseconds"),
        "image": {
            "@type": "ImageObject",
            "url": image or "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/default.png",
            "height": 348,
            "width": 1200,
        },
        "publisher": {
            "@type": "Organization",
            "name": "Blogger",
            "logo": {
                "@type": "ImageObject",
                "url": "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/logo.png",
                "width": 206,
                "height": 60,
            },
        },
        "author": {"@type": "Person", "name": post.author},
    }
    ld_json = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    labels = "\n".join(
        f"<a href='{base}/search/label/{quote(lab)}' rel='tag'>\n{_a(lab)}\n</a>"
        for lab in post.labels
    )
    main = "\n".join(
        (
            "<div class='blog-posts hfeed container'>",
            "<article class='post-outer-container'>",
            "<div class='post-outer'>",
            "<div class='post'>",
            f"<script type='application/ld+json'>{ld_json}</script>",
            f"<a name='{post.post_id}'></a>",
            "<h3 class='post-title entry-title'>",
            _a(post.title),
            "</h3>",
            _share_contempo(blog, post, url, "top"),
            "<div class='post-header'>\n<div class='post-header-line-1'>",
            "<span class='byline post-timestamp'>",
            f"<meta content='{url}'/>",
            f"<a class='timestamp-link' href='{url}' rel='bookmark' title='permanent link'>",
            f"<time class='published' datetime='{_iso(post.published)}' "
            f"title='{_iso(post.published)}'>{_contempo_date(post.published)}</time>",
            "</a>\n</span>",
            "</div>\n</div>",
            "<div class='post-body-container'>",
            f"<div class='post-body entry-content float-container' id='post-body-{post.post_id}'>",
            post.body_html,
            "</div>",
            "</div>",
            "<div class='post-footer'>",
            "<div class='post-footer-line post-footer-line-0'>",
            "<span class='byline post-author vcard'>",
            "<span class='byline-label'>Diposting oleh</span>",
            f"<span class='fn'>\n<meta content='{prof}'/>",
            f"<a class='g-profile' href='{prof}' rel='author' title='author profile'>",
            f"<span>{_a(post.author)}</span>",
            "</a>\n</span>\n</span>",
            "<span class='byline post-labels'>",
            "<span class='byline-label'>Label:</span>",
            labels,
            "</span>",
            "</div>",
            _share_contempo(blog, post, url, "bottom"),
            "</div>",
            "</div>",
            "<section class='comments embed' data-num-comments='0' id='comments'>",
            "<a name='comments'></a>",
            "<h3 class='title'>Komentar</h3>",
            "<div id='Blog1_comments-block-wrapper'>\n</div>",
            "<div class='footer'>",
            "<div class='comment-form'>",
            "<a name='comment-form'></a>",
            "<h4 id='comment-post-message'>Posting Komentar</h4>",
            f"<a href='https://www.blogger.com/comment/frame/{blog.blog_id}?po={post.post_id}"
            f"&hl=id&skin=contempo&origin={base}' id='comment-editor-src'></a>",
            "<iframe allowtransparency='allowtransparency' class='blogger-iframe-colorize "
            "blogger-comment-from-post' frameborder='0' height='410px' id='comment-editor' "
            "name='comment-editor' src='' width='100%'></iframe>",
            "</div>",
            "</div>",
            "</section>",
            "</div>",
            "</article>",
            "</div>",
        )
    )
    sidebar = "\n".join(
        (
            "<aside class='sidebar-container container sidebar-invisible' role='complementary'>",
            "<div class='navigation'>\n<button class='svg-icon-24-button flat-icon-button ripple "
            "sidebar-back'>\n<svg class='svg-icon-24'>\n<use "
            "xlink:href='/responsive/sprite_v1_6.css.svg#ic_arrow_back_black_24dp' "
            "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</button>\n</div>",
            "<div class='sidebar_top_wrapper'>\n<div class='sidebar_top section' id='sidebar_top' "
            "name='Atas Sidebar'><div class='widget Profile' data-version='2' id='Profile1'>",
            "<div class='wrapper solo'>\n<div class='widget-content individual'>",
            f"<a href='{prof}' rel='nofollow'>\n<svg class='svg-icon-24 avatar-icon'>\n<use "
            "xlink:href='/responsive/sprite_v1_6.css.svg#ic_person_black_24dp' "
            "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</a>",
            "<div class='profile-info'>\n<dl class='profile-datablock'>\n"
            "<dt class='profile-data'>\n"
            f"<a class='profile-link g-profile' href='{prof}' rel='author nofollow'>\n"
            f"{_a(f'Humas {blog.unit}')}\n</a>\n</dt>\n</dl>\n"
            f"<a class='profile-link visit-profile' href='{prof}' rel='author'>Kunjungi profil</a>"
            "\n</div>",
            "</div>\n</div>\n</div></div>\n</div>",
            "<div class='sidebar_bottom section' id='sidebar_bottom' name='Bawah Sidebar'>",
            _archive_widget(blog, base, "Arsip", post.published.year),
            _label_widget(blog, base, "Label"),
            "<div class='widget ReportAbuse' data-version='2' id='ReportAbuse1'>",
            "<h3 class='title'>\n<a class='report_abuse' href='https://www.blogger.com/go/"
            "report-abuse' rel='noopener nofollow' target='_blank'>\nLaporkan Penyalahgunaan\n"
            "</a>\n</h3>\n</div>",
            "</div>",
            "</aside>",
        )
    )
    doc = "\n".join(
        (
            "<!DOCTYPE html>",
            "<html dir='ltr' lang='id'>",
            head,
            "<body class='version-1-3-3 variant-indie_light item-view'>",
            "<a class='skip-navigation' href='#main' tabindex='0'>\nLangsung ke konten utama\n</a>",
            "<div class='page'>",
            "<div class='bg-photo-overlay'></div>",
            "<div class='bg-photo-container'>\n<div class='bg-photo'></div>\n</div>",
            "<div class='page_body'>",
            "<div class='centered'>",
            "<div class='centered-top-placeholder'></div>",
            "<header class='centered-top-container' role='banner'>",
            "<div class='centered-top'>",
            "<div class='return_link'>",
            f"<a class='flat-button ripple' href='{base}/' title='{_a(blog.title)}'>",
            "<svg class='svg-icon-24'>\n<use xlink:href='/responsive/sprite_v1_6.css.svg#"
            "ic_arrow_back_black_24dp' xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>",
            "</a>\n</div>",
            "<div class='search'>",
            "<button aria-label='Telusuri' class='search-expand touch-icon-button'>",
            "<div class='flat-icon-button ripple'>\n<svg class='svg-icon-24 search-expand-icon'>\n"
            "<use xlink:href='/responsive/sprite_v1_6.css.svg#ic_search_black_24dp' "
            "xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>\n</div>",
            "</button>",
            "<div class='section' id='search_top' name='Search (Top)'>"
            "<div class='widget BlogSearch' data-version='2' id='BlogSearch1'>",
            "<h3 class='title'>\nTelusuri blog ini\n</h3>",
            "<div class='widget-content' role='search'>",
            f"<form action='{base}/search' target='_top'>",
            "<div class='search-input'>",
            "<input aria-label='Telusuri blog ini' autocomplete='off' name='q' "
            "placeholder='Telusuri blog ini' value=''/>",
            "</div>",
            "<input class='search-action flat-button' type='submit' value='Telusuri'/>",
            "</form>",
            "</div>\n</div></div>",
            "</div>",
            "<div class='clearboth'></div>",
            "<div class='blog-name container'>",
            "<div class='container section' id='header' name='Header'>"
            "<div class='widget Header' data-version='2' id='Header1'>",
            "<div class='header-widget'>",
            f"<div>\n<h1>\n<a href='{base}/'>\n{_a(blog.title)}\n</a>\n</h1>\n</div>",
            "<p>\n</p>",
            "</div>",
            "</div></div>",
            "</div>",
            "</div>",
            "</header>",
            "<div>",
            "<div class='vertical-ad-placeholder no-ad'></div>",
            "<main class='centered-bottom' id='main' role='main' tabindex='-1'>",
            "<div class='main section' id='page_body' name='Badan Halaman'>",
            "<div class='widget Blog' data-version='2' id='Blog1'>",
            main,
            "</div>",
            _popular_contempo(base, popular),
            "</div>",
            "</main>",
            "</div>",
            "<footer class='footer section' id='footer' name='Footer'>"
            "<div class='widget Attribution' data-version='2' id='Attribution1'>",
            "<div class='widget-content'>",
            "<div class='blogger'>",
            "<a href='https://www.blogger.com' rel='nofollow'>",
            "<svg class='svg-icon-24'>\n<use xlink:href='/responsive/sprite_v1_6.css.svg#"
            "ic_post_blogger_black_24dp' xmlns:xlink='http://www.w3.org/1999/xlink'></use>\n</svg>",
            "Diberdayakan oleh Blogger",
            "</a>",
            "</div>",
            "<div class='image-attribution'>\nGambar tema oleh "
            "<a href='https://www.michael-tompert.com' rel='nofollow'>Michael Elkan</a>\n</div>",
            "</div>",
            "</div></footer>",
            "</div>",
            "</div>",
            "</div>",
            sidebar,
            "</div>",
            _scripts(blog, base, "item", url, post.post_id),
            "</body>",
            "</html>",
        )
    )
    return doc
