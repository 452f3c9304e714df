"""Which police unit issued a release, and which officers it names.

Indonesian police releases say who is speaking in their first line, the *dateline*:
``Polres Metro Polda Lampung - …``, ``PURWAKARTA - Polres Purwakarta, Polda Jawa Barat …``,
``Tribratanews.polri.go.id - Gianyar. Polsek Ubud Polres Gianyar Polda Bali …``,
``PANDEGLANG – Kepolisian Resor Pandeglang …``. :func:`detect_unit` reads the unit from there
first, then from a credit line (``(Humas Polres Metro)``, ``Sumber: Humas Polres X``), the title,
the rest of the body, and finally the registry row of the site (the ``fallback``).

Canonical names follow the registry (``crawler/sites/*.toml``): ``Polres Metro``,
``Polresta Surakarta``, ``Polrestabes Medan``, ``Polres Metro Jakarta Pusat``,
``Polsek Metro Pusat``, ``Polda Lampung`` (Polda names are the short forms in :data:`POLDAS`:
``Polda Jawa Barat`` → ``Polda Jabar``), ``Divhumas Polri`` / ``Mabes Polri`` (national units,
Polda ``Mabes Polri``) and ``Ditlantas Polda Riau`` (a Polda directorate, level ``satker``).
A *Sat* of a Polres (``Satlantas Polres Tegal``) or a *Bid* of a Polda (``Bidhumas Polda NTB``)
is reported as that Polres or Polda. Levels are the registry's: ``mabes``, ``polda``,
``polres`` (also Polresta, Polrestabes, Polres Metro X), ``polsek`` and ``satker``.

Officials are the ranked names in the text, rank + name with academic titles removed:
``AKBP Heri Sulistyo Nugroho, S.I.K., M.I.K.`` → ``AKBP Heri Sulistyo Nugroho``; the general
ranks are written with ``Pol`` (``Kombes Pol Dirmanto``). Later short mentions of the same
officer (``Kombes Pol Jules``) are not repeated.

Everything here is pure and never raises on odd text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "POLDAS",
    "UnitInfo",
    "canonical_polda",
    "detect_unit",
    "find_officials",
    "polda_for_province",
]


class UnitInfo(NamedTuple):
    """The issuing unit of a release: level, canonical name, its Polda, and ranked officials."""

    level: str | None
    name: str | None
    polda: str | None
    officials: list[str]


# --------------------------------------------------------------------------- Poldas

#: Canonical Polda name → other ways of writing the province part (besides the name itself).
POLDAS: dict[str, tuple[str, ...]] = {
    "Polda Aceh": ("Nanggroe Aceh Darussalam", "NAD", "Aceh Darussalam"),
    "Polda Sumut": ("Sumatera Utara", "Sumatra Utara"),
    "Polda Sumbar": ("Sumatera Barat", "Sumatra Barat"),
    "Polda Riau": (),
    "Polda Kepri": ("Kepulauan Riau", "Kep. Riau", "Kep Riau"),
    "Polda Jambi": (),
    "Polda Sumsel": ("Sumatera Selatan", "Sumatra Selatan"),
    "Polda Bengkulu": (),
    "Polda Lampung": (),
    "Polda Babel": ("Kepulauan Bangka Belitung", "Bangka Belitung", "Kep. Babel", "Kep Babel"),
    "Polda Metro Jaya": ("DKI Jakarta", "Jakarta"),
    "Polda Jabar": ("Jawa Barat",),
    "Polda Banten": (),
    "Polda Jateng": ("Jawa Tengah",),
    "Polda DIY": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta", "D.I. Yogyakarta",
                  "D.I Yogyakarta", "Yogyakarta", "Jogja", "Jogjakarta"),
    "Polda Jatim": ("Jawa Timur",),
    "Polda Bali": (),
    "Polda NTB": ("Nusa Tenggara Barat",),
    "Polda NTT": ("Nusa Tenggara Timur",),
    "Polda Kalbar": ("Kalimantan Barat",),
    "Polda Kalteng": ("Kalimantan Tengah",),
    "Polda Kalsel": ("Kalimantan Selatan",),
    "Polda Kaltim": ("Kalimantan Timur",),
    "Polda Kaltara": ("Kalimantan Utara",),
    "Polda Sulut": ("Sulawesi Utara",),
    "Polda Gorontalo": (),
    "Polda Sulteng": ("Sulawesi Tengah",),
    "Polda Sulbar": ("Sulawesi Barat",),
    "Polda Sulsel": ("Sulawesi Selatan",),
    "Polda Sultra": ("Sulawesi Tenggara",),
    "Polda Maluku": (),
    "Polda Maluku Utara": ("Malut",),
    "Polda Papua": (),
    "Polda Papua Barat": ("Pabar",),
    "Polda Papua Barat Daya": (),
    "Polda Papua Tengah": (),
    "Polda Papua Selatan": (),
    "Polda Papua Pegunungan": (),
}


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower().replace("sumatra", "sumatera"))


_POLDA_BY_KEY: dict[str, str] = {}
for _name, _aliases in POLDAS.items():
    for _alias in (_name[6:], *_aliases):
        _POLDA_BY_KEY[_key(_alias)] = _name
_POLDA_WORDS = sorted({w for n, a in POLDAS.items() for w in (n[6:], *a)}, key=len, reverse=True)


def canonical_polda(name: str | None) -> str | None:
    """'Polda Jawa Barat' / 'POLDA JABAR' / 'Jawa Barat' → 'Polda Jabar'; None if unknown."""
    if not name:
        return None
    key = _key(re.sub(r"^\s*(?:polda|kepolisian\s+daerah)\b", "", name, flags=re.I))
    return _POLDA_BY_KEY.get(key)


def polda_for_province(province: str | None) -> str | None:
    """The Polda of a province ('Jawa Barat' → 'Polda Jabar', 'DKI Jakarta' → 'Polda Metro
    Jaya'); None for 'Nasional', unknown or empty."""
    if not province:
        return None
    return _POLDA_BY_KEY.get(_key(province))


# --------------------------------------------------------------------------- unit mentions

_MABES_UNITS: tuple[tuple[str, str], ...] = (
    (r"Div(?:isi)?\.?\s*Humas\s+Polri", "Divhumas Polri"),
    (r"Bareskrim\s+Polri|Badan\s+Reserse\s+Kriminal\s+Polri", "Bareskrim Polri"),
    (r"Korlantas\s+Polri|Korps\s+Lalu\s+Lintas\s+Polri", "Korlantas Polri"),
    (r"Baharkam\s+Polri", "Baharkam Polri"),
    (r"Div(?:isi)?\.?\s*Propam\s+Polri", "Divpropam Polri"),
    (r"Korbrimob\s+Polri", "Korbrimob Polri"),
    (r"Baintelkam\s+Polri", "Baintelkam Polri"),
    (r"Mabes\s+Polri|Markas\s+Besar\s+Polri|(?:Waka)?[Kk]apolri", "Mabes Polri"),
)
#: Polda directorates (level ``satker``): short name → long form.
_DIRECTORATES: dict[str, str] = {
    "Ditlantas": r"Direktorat\s+Lalu\s+Lintas",
    "Ditreskrimum": r"Direktorat\s+Reserse\s+Kriminal\s+Umum",
    "Ditreskrimsus": r"Direktorat\s+Reserse\s+Kriminal\s+Khusus",
    "Ditresnarkoba": r"Direktorat\s+Reserse\s+Narkoba",
    "Ditsamapta": r"Direktorat\s+Samapta",
    "Ditbinmas": r"Direktorat\s+Pembinaan\s+Masyarakat",
    "Ditpolairud": r"Direktorat\s+(?:Kepolisian\s+)?Perairan\s+dan\s+Udara",
    "Ditintelkam": r"Direktorat\s+Intelijen\s+Keamanan",
    "Ditpamobvit": r"Direktorat\s+Pengamanan\s+Objek\s+Vital",
    "Satbrimob": r"Sat(?:uan)?\s*Brimob",
}
_DIR_ALT = "|".join(
    "(?P<d%d>%s|%s)" % (i, short, long)  # noqa: UP031 (regex braces)
    for i, (short, long) in enumerate(_DIRECTORATES.items())
)
_DIR_NAMES = list(_DIRECTORATES)

#: Words that end a place name (units, ranks, titles, common capitalised verbs of headlines).
_STOP_WORDS = """polda polres polresta polrestabes polsek polsekta polri mabes kepolisian tni
    jenderal komjen irjen brigjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol
    brigadir briptu bripda bharaka bharatu bharada pol kapolres kapolda kapolsek wakapolres
    kasat kasi kabag bersama jajaran gelar gelaran menggelar amankan tangkap bekuk ungkap
    berhasil kembali melalui dan di ke dari yang untuk pada saat dalam terus siap beri berikan
    bagikan salurkan sambangi sosialisasikan tingkatkan imbau himbau hadiri laksanakan cek
    pimpin musnahkan kerahkan terjunkan siagakan siapkan pantau luncurkan amankan bentuk bantu
    apel patroli razia operasi sat satlantas satreskrim satresnarkoba satsamapta satbinmas
    unit tim humas senin selasa rabu kamis jumat jum'at sabtu minggu kabupaten"""
_STOP = frozenset(_STOP_WORDS.split())
_PLACE_WORD = r"[A-Z][\w'’-]*"
_PLACE = rf"(?-i:(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}))"
_LONG_FORMS = (
    (r"Kepolisian\s+Resor\s+Kota\s+Besar", "Polrestabes"),
    (r"Kepolisian\s+Resor\s+Kota", "Polresta"),
    (r"Kepolisian\s+Resor", "Polres"),
    (r"Kepolisian\s+Sektor", "Polsek"),
)
_MABES_ALT = "|".join(f"(?:{p})" for p, _ in _MABES_UNITS)
_POLDA_ALT = "|".join(r"\s+".join(map(re.escape, w.split())) for w in _POLDA_WORDS)
_LONG_ALT = "|".join(f"(?:{p})" for p, _ in _LONG_FORMS)
_UNIT_RE = re.compile(
    rf"(?P<mabes>{_MABES_ALT})"
    rf"|(?:(?P<dir>{_DIR_ALT})\s+)?(?P<pd>Polda|Kepolisian\s+Daerah)\s+"
    rf"(?P<pdname>{_POLDA_ALT})(?!\w)"
    rf"|(?:\b(?:Waka|Ka|Ma)|\b)"  # 'Kapolres Metro', 'Mapolres Metro' name the unit too
    rf"(?P<kind>(?:Polrestabes|Polresta|Polres|Polsekta|Polsek)\b|{_LONG_ALT})\s+{_PLACE}",
    re.IGNORECASE,
)
_LONG_KIND = [(re.compile(p + r"$", re.I), k) for p, k in _LONG_FORMS]
_CREDIT_RE = re.compile(r"(?:\(|\bsumber\s*:\s*|\bhumas\s)", re.I)


class _Mention(NamedTuple):
    start: int
    level: str
    name: str
    polda: str | None


#: Words that may follow the first word of a place name in a Title Case headline.
_SUFFIXES = frozenset(
    ("barat", "timur", "utara", "selatan", "tengah", "kota", "pusat", "besar", "jaya", "daya")
)


def _place(raw: str, headline: bool = False) -> str:
    """The place part of a unit name; in a headline (Title Case) only the first word and
    compass/suffix words ('Sumbawa Barat', 'Kediri Kota')."""
    words: list[str] = []
    for word in raw.split():
        lowered = word.lower().strip("'’")
        if lowered in _STOP or (headline and words and lowered not in _SUFFIXES):
            break
        words.append(word.capitalize() if word.isupper() and len(word) > 3 else word)
    return " ".join(words)


# The matched words repeat from release to release: the lookups below are cached.
@lru_cache(maxsize=256)
def _kind(raw: str) -> str:
    for pattern, kind in _LONG_KIND:
        if pattern.match(" ".join(raw.split())):
            return kind
    lowered = raw.lower().replace("ſ", "s")  # the regex is IGNORECASE: 'ſ' matched as 's'
    return {"polrestabes": "Polrestabes", "polresta": "Polresta", "polres": "Polres",
            "polsekta": "Polsek", "polsek": "Polsek"}[lowered]


@lru_cache(maxsize=256)
def _mabes_name(raw: str) -> str:
    return next(n for p, n in _MABES_UNITS if re.fullmatch(p, raw, re.I))


_canonical_polda = lru_cache(maxsize=1024)(canonical_polda)


def _fold(text: str) -> str:
    """``text`` lower-cased the way ``re.IGNORECASE`` compares ASCII letters, and just as long:
    for any ASCII letter x, ``folded[i] == x`` exactly when ``text[i]`` matches x under re.I
    (str.lower() alone keeps 'ſ' and 'ı' and makes 'İ' two characters; tests/test_units.py
    checks every code point). Plain, case-sensitive patterns then scan it fast."""
    folded = text.lower()
    if len(folded) != len(text) or (not folded.isascii() and ("ı" in folded or "ſ" in folded)):
        folded = text.translate(_RE_FOLDS).lower()
    return folded


_RE_FOLDS = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s"}


def _starts_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching the first character of every occurrence of one of ``words``, also of
    overlapping ones (the rest of the word is a lookahead). Each alternative begins with a plain
    character, so re scans for those characters with its fast first-character search instead
    of trying a pattern at every position (as a leading word boundary, lookbehind or re.I makes
    it do)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?={'|'.join(alts)})"
                               for first, alts in rests.items()))


#: Every :data:`_UNIT_RE` match begins with one of these words (compared case-insensitively):
#: the Mabes units ('(?:Waka)?[Kk]apolri' reads 'Wakapolri' as W-a + 'kapolri'), the
#: directorates before 'Polda', 'Polda' / 'Polres' / 'Polsek' and the long 'Kepolisian …'
#: forms, alone or after 'Ka', 'Waka' or 'Ma'.
_UNIT_FIRST_WORDS = (
    "div", "bareskrim", "badan", "korlantas", "korps", "baharkam", "korbrimob", "baintelkam",
    "mabes", "markas", "wakakapolri", "kapolri",
    "dit", "direktorat", "sat",
    "polda", "polres", "polsek", "kepolisian",
    "kapolres", "kapolsek", "kakepolisian", "wakapolres", "wakapolsek", "wakakepolisian",
    "mapolres", "mapolsek", "makepolisian",
)
_UNIT_STARTS = _starts_of(_UNIT_FIRST_WORDS)  # run on _fold(text)
_LONGEST_FIRST_WORD = max(map(len, _UNIT_FIRST_WORDS))
_TRIGGER = re.compile("pol")  # on _fold(text): where re.compile("pol", re.I) matches text
_LOOKBACK, _LOOKAHEAD = 90, 120


class _UnitScan:
    """Finds the unit mentions of one text.

    :data:`_UNIT_RE` is tried in a window around each "pol" (every mention contains one), from
    ``_LOOKBACK`` characters before it to ``_LOOKAHEAD`` after, and a match that reaches the end
    of its window is redone on the whole text. (The windows were once the speed trick; they
    are kept because they decide some results: a window can cut 'Polda Papua Bar|at Daya' to
    'Polda Papua'.) Within a window the pattern is only tried where a unit word starts: one
    fast scan of the folded text finds those places, where re would otherwise try the big
    alternation at every character of every window."""

    def __init__(self, text: str) -> None:
        folded = _fold(text)
        self.text = text
        self.triggers = [m.start() for m in _TRIGGER.finditer(folded)]
        self.starts: list[int] = []
        if self.triggers:
            # Only the stretch the windows cover is scanned: no match starts after its own
            # "pol", and a unit word starting near the end needs its whole length for the
            # lookahead.
            first = max(0, self.triggers[0] - _LOOKBACK)
            last = self.triggers[-1] + len("pol") + _LOOKAHEAD + _LONGEST_FIRST_WORD
            self.starts = [m.start() for m in _UNIT_STARTS.finditer(folded, first, last)]

    def first_match(self, pos: int, endpos: int | None = None) -> re.Match[str] | None:
        """Like ``_UNIT_RE.search(text, pos, endpos)``: the pattern can only match where a
        unit word starts."""
        limit = len(self.text) if endpos is None else endpos
        for start in self.starts[bisect_left(self.starts, pos):]:
            if start >= limit:
                break
            found = _UNIT_RE.match(self.text, start, limit)
            if found is not None:
                return found
        return None

    def next_unit(self, pos: int) -> re.Match[str] | None:
        """The first unit mention at or after ``pos``."""
        for trigger in self.triggers[bisect_left(self.triggers, pos):]:
            end = trigger + len("pol") + _LOOKAHEAD
            found = self.first_match(max(pos, trigger - _LOOKBACK), end)
            if found is not None:
                if found.end() >= min(end, len(self.text)) - 1:  # may be cut by the window: redo
                    found = self.first_match(found.start())
                return found
        return None


def _mentions(text: str, headline: bool = False) -> list[_Mention]:
    """Unit mentions in order; a place name never swallows the next unit ('Polres Gianyar
    Polda Bali' is two mentions)."""
    found: list[_Mention] = []
    pos = 0
    scan = _UnitScan(text or "")
    while (m := scan.next_unit(pos)) is not None:
        pos = m.end()
        if m["mabes"]:
            found.append(_Mention(m.start(), "mabes", _mabes_name(m["mabes"]), "Mabes Polri"))
        elif m["pd"]:
            polda = _canonical_polda(m["pdname"])
            directorate = None
            if m["dir"]:
                directorate = next((d for i, d in enumerate(_DIR_NAMES) if m[f"d{i}"]), None)
            if polda and directorate:
                found.append(_Mention(m.start(), "satker", f"{directorate} {polda}", polda))
            elif polda:
                found.append(_Mention(m.start(), "polda", polda, polda))
        else:
            place = _place(m["place"], headline)
            if place:
                pos = m.start("place") + len(place)
                kind = _kind(m["kind"])
                level = "polsek" if kind == "Polsek" else "polres"
                found.append(_Mention(m.start(), level, f"{kind} {place}", None))
            else:
                pos = m.start("place")
    return found


#: A unit named within this many characters of the start is in the dateline.
LEAD_CHARS = 300
# The lookbehind (the character before the stop) comes after the stop, so re can scan for
# [.!?] quickly: a pattern that begins with a lookbehind is tried at every position.
_SENTENCE_END = re.compile(r"[.!?](?<=[a-z0-9)\]\"”’][.!?])(?=\s+[A-Z“\"(])")


def _lead_end(text: str, mentions: list[_Mention]) -> int:
    """Where the lead ends: the end of the sentence holding the first unit mention, when that
    mention is within :data:`LEAD_CHARS` of the start (else there is no lead: 0)."""
    if not mentions or mentions[0].start >= LEAD_CHARS:
        return 0
    end = _SENTENCE_END.search(text, mentions[0].start)
    return end.end() if end is not None else min(len(text), mentions[0].start + LEAD_CHARS)


# --------------------------------------------------------------------------- officials

_RANKS = (
    ("Jenderal Pol", r"Jend(?:eral)?\.?\s+Pol(?:isi)?\.?"),
    ("Komjen Pol", r"Komjen\.?(?:\s+Pol(?:isi)?\.?)?"),
    ("Irjen Pol", r"Irjen\.?(?:\s+Pol(?:isi)?\.?)?"),
    ("Brigjen Pol", r"Brigjen\.?(?:\s+Pol(?:isi)?\.?)?"),
    ("Kombes Pol", r"Kombes\.?(?:\s+Pol(?:isi)?\.?)?|Komisaris\s+Besar\s+Polisi"),
    ("AKBP", r"AKBP"), ("Kompol", r"Kompol"), ("AKP", r"AKP"), ("Iptu", r"Iptu"),
    ("Ipda", r"Ipda"), ("Aiptu", r"Aiptu"), ("Aipda", r"Aipda"), ("Bripka", r"Bripka"),
    ("Brigpol", r"Brigpol|Brigadir\s+Polisi"), ("Brigadir", r"Brigadir(?!\s+Jenderal)"),
    ("Briptu", r"Briptu"), ("Bripda", r"Bripda"), ("Abripda", r"Abripda"),
    ("Bharaka", r"Bharaka"), ("Bharatu", r"Bharatu"), ("Bharada", r"Bharada"),
)
_RANK_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(_RANKS)) + r")"
    r"\s+(?=(?P<rest>[^\n]{1,120}))"
)
_HONORIFIC = re.compile(r"^(?:dr|drg|Dr|Ir|H|Hj|Prof|Drs|Dra)\.$")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]*[a-z]|[A-Z]|I|Dg\.?)$")
_NAME_STOP_WORDS = (
    "Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Polres Polda Polsek Polresta "
    "Polrestabes Polri Kapolres Kapolda Kapolsek Mapolres Mapolda Mapolsek"
)
_NAME_STOP = frozenset(_NAME_STOP_WORDS.split())
_DEGREE = re.compile(r"[A-Z][a-z]?\.")
_RANK_NAMES = [rank for rank, _ in _RANKS]
#: Every alternative of a rank pattern begins with a plain word ('Jend', 'Komisaris', 'AKBP'):
#: :data:`_RANK_RE` (which begins with a lookbehind, so re.finditer would try it at every
#: character) is only tried where one of them starts.
_RANK_STARTS = _starts_of(tuple(dict.fromkeys(
    re.match(r"[A-Za-z]+", alternative)[0] for _, p in _RANKS for alternative in p.split("|"))))


def _rank_matches(text: str) -> Iterator[re.Match[str]]:
    """The same matches as ``_RANK_RE.finditer(text)``."""
    pos = 0
    for start in _RANK_STARTS.finditer(text):
        if start.start() >= pos and (m := _RANK_RE.match(text, start.start())) is not None:
            pos = m.end()
            yield m


def _name_after_rank(rest: str) -> str:
    words: list[str] = []
    for raw in rest.split():
        word = raw.rstrip(",.;:)\"”’")
        if not words and _HONORIFIC.match(raw):
            continue
        if not _NAME_WORD.match(word) or word in _NAME_STOP:
            break
        if words and _DEGREE.match(raw):  # 'S.H.' / 'M.Si.' degree
            break
        initial = len(word) == 1 and raw == word + "."
        words.append(raw if initial else word)
        if (raw != word and not initial) or len(words) == 5:
            break
    return " ".join(words)


def find_officials(text: str) -> list[str]:
    """Ranked officers named in ``text``, 'rank name' in order of first mention, no repeats."""
    found: list[str] = []
    for m in _rank_matches(text or ""):
        groups = m.groups()  # one rank group r0..r20 is set, then 'rest'
        rank = _RANK_NAMES[groups.index(next(filter(None, groups)))]
        name = _name_after_rank(m["rest"])
        if not name:
            continue
        full = f"{rank} {name}"
        if any(f == full or f.startswith(full + " ") for f in found):
            continue
        found = [f for f in found if not full.startswith(f + " ")]
        found.append(full)
    return found


# --------------------------------------------------------------------------- detection


def detect_unit(
    text: str,
    title: str = "",
    fallback: tuple[str | None, str | None, str | None] = (None, None, None),
    province: str | None = None,
) -> UnitInfo:
    """The unit that issued a release, its Polda and the officers the text names.

    ``text`` is the article body (its dateline first), ``title`` the headline, ``fallback`` the
    site's registry ``(unit_level, unit_name, polda)``, ``province`` the site's province.

    The unit is the first one named in the lead (the sentence holding the first unit mention,
    when that mention is within :data:`LEAD_CHARS` of the start), else in a credit
    (``(Humas Polres Tegal)``, ``Sumber: Humas Polres X``), else in the headline (completed
    from the body or the registry name: 'Polres Tulang' → 'Polres Tulang Bawang'), else the
    first one anywhere in the body, else the registry's. Its Polda: itself for a Polda, the
    named Polda for a directorate, 'Mabes Polri' for national units; for a Polres or Polsek the
    Polda named in the lead or headline, else the registry's Polda (unless 'Mabes Polri'), else
    the province's, else the first Polda named in the body. ``(None, None, None, [...])`` when
    nothing names a unit."""
    text = text or ""
    mentions = _mentions(text)
    lead_end = _lead_end(text, mentions)
    lead = [m for m in mentions if m.start < lead_end]
    credits = [m for m in mentions if m.start >= lead_end
               and _CREDIT_RE.search(text[max(0, m.start - 10):m.start])]
    in_title = [_complete(m, mentions, fallback) for m in _mentions(title or "", True)]
    unit = next((group[0] for group in (lead, credits, in_title, mentions) if group), None)
    if unit is not None:
        level, name, polda = unit.level, unit.name, unit.polda
    elif fallback[1]:
        level, name, polda = fallback[0], fallback[1], fallback[2] or None
    else:
        level = name = polda = None
    if polda is None and name is not None:
        polda = _polda_of(lead, in_title, mentions, fallback, province)
    return UnitInfo(level, name, polda, find_officials(text))


def _complete(mention: _Mention, body: list[_Mention],
              fallback: tuple[str | None, str | None, str | None]) -> _Mention:
    """A headline mention ('Polres Tulang') completed from the body or the registry name
    ('Polres Tulang Bawang')."""
    for name in (*(m.name for m in body), fallback[1] or ""):
        if name.startswith(mention.name + " "):
            return mention._replace(name=name)
    return mention


def _polda_of(lead: list[_Mention], title: list[_Mention], body: list[_Mention],
              fallback: tuple[str | None, str | None, str | None],
              province: str | None) -> str | None:
    """The Polda of a Polres/Polsek: named in the dateline or title, else the site's Polda
    (not Mabes), else the province's, else any Polda the body names."""
    for group in (lead, title):
        polda = next((m.polda for m in group if m.polda and m.level != "mabes"), None)
        if polda:
            return polda
    if fallback[2] and fallback[2] != "Mabes Polri":
        return fallback[2]
    return polda_for_province(province) or next(
        (m.polda for m in body if m.polda and m.level != "mabes"), None)
