"""Turn the date strings Indonesian police sites publish into timezone-aware datetimes.

Three kinds of input reach this module:

* machine values from feeds and metadata (ISO 8601 / RFC 3339, RSS ``pubDate``):
  :func:`parse_iso`, :func:`parse_rfc822`;
* free Indonesian (or English) text from bylines and bodies, such as ``Jumat (17/11/2023)``,
  ``Kamis, 02 Nov 2023 20:59 WIB`` or ``2 jam yang lalu``: :func:`parse_indonesian`;
* command-line options such as ``--since 7d``: :func:`parse_date_arg`.

Numeric dates are always read day first. A value without a zone is local time in the site's
zone (WIB unless told otherwise), never UTC. Parsers return ``None`` for junk and never raise,
except :func:`parse_date_arg`, which raises :class:`ValueError` with a readable sentence.
No third-party date library is used: everything is a compiled regular expression below.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

__all__ = [
    "TIMEZONES",
    "WIB",
    "WIT",
    "WITA",
    "parse_date_arg",
    "parse_indonesian",
    "parse_iso",
    "parse_rfc822",
    "timezone_name",
    "to_iso",
    "to_utc_iso",
    "tz_for_province",
]

WIB: tzinfo = timezone(timedelta(hours=7), "WIB")
"""Waktu Indonesia Barat, UTC+07:00 (Sumatra, Java, West and Central Kalimantan)."""
WITA: tzinfo = timezone(timedelta(hours=8), "WITA")
"""Waktu Indonesia Tengah, UTC+08:00 (Bali, Nusa Tenggara, rest of Kalimantan, Sulawesi)."""
WIT: tzinfo = timezone(timedelta(hours=9), "WIT")
"""Waktu Indonesia Timur, UTC+09:00 (Maluku, Papua)."""
TIMEZONES: dict[str, tzinfo] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
"""The three Indonesian zones by their usual abbreviation."""

_OFFSET_NAMES = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}
_MIN_YEAR, _MAX_YEAR = 1990, 2100

# --------------------------------------------------------------------------- provinces

_PROVINCE_ZONES: dict[str, tzinfo] = {}
for _zone, _names in (
    (
        WIB,
        "aceh nad nanggroeacehdarussalam acehdarussalam sumaterautara sumut sumaterabarat sumbar "
        "riau kepulauanriau kepriau kepri jambi sumateraselatan sumsel bangkabelitung "
        "kepulauanbangkabelitung kepbangkabelitung babel bengkulu lampung dkijakarta jakarta "
        "metrojaya jawabarat "
        "jabar banten jawatengah jateng diyogyakarta yogyakarta daerahistimewayogyakarta diy "
        "jogja jogjakarta yogya jawatimur jatim kalimantanbarat kalbar kalimantantengah kalteng "
        "nasional mabes mabespolri indonesia",
    ),
    (
        WITA,
        "bali nusatenggarabarat ntb nusatenggaratimur ntt kalimantanselatan kalsel "
        "kalimantantimur kaltim kalimantanutara kaltara sulawesiutara sulut gorontalo "
        "sulawesitengah sulteng sulawesibarat sulbar sulawesiselatan sulsel sulawesitenggara "
        "sultra",
    ),
    (
        WIT,
        "maluku malukuutara malut papua papuabarat pabar papuabaratdaya papuaselatan "
        "papuatengah papuapegunungan irianjaya irianjayabarat",
    ),
):
    for _name in _names.split():
        _PROVINCE_ZONES[_name] = _zone

_PROVINCE_FAMILIES: tuple[tuple[str, tzinfo], ...] = (
    ("papua", WIT),
    ("maluku", WIT),
    ("sulawesi", WITA),
    ("nusatenggara", WITA),
)
_PROVINCE_PREFIXES = ("polda", "provinsi", "propinsi", "prov")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _province_key(province: str) -> str:
    key = _NON_ALNUM.sub("", province.lower().replace("sumatra", "sumatera"))
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def tz_for_province(province: str | None) -> tzinfo:
    """WIB/WITA/WIT for an Indonesian province name (case/spacing-insensitive, accepts common
    variants like 'DKI Jakarta', 'DI Yogyakarta'/'Yogyakarta', 'Jawa Timur', 'NTB'/'Nusa Tenggara
    Barat', 'Kalbar', 'Sulsel', 'Papua Barat', 'Maluku Utara', 'Kepulauan Riau', 'Bangka Belitung',
    ...). Sumatra, Java, Kalimantan Barat & Tengah -> WIB; Bali, NTB, NTT, Kalimantan
    Selatan/Timur/Utara, all Sulawesi -> WITA; Maluku, Maluku Utara, all Papua -> WIT. 'Nasional',
    unknown or None -> WIB. A leading 'Polda'/'Provinsi' is ignored."""
    if not isinstance(province, str):
        return WIB
    key = _province_key(province)
    zone = _PROVINCE_ZONES.get(key)
    if zone is not None:
        return zone
    for family, family_zone in _PROVINCE_FAMILIES:
        if key.startswith(family):
            return family_zone
    return WIB


def timezone_name(tz: tzinfo | None) -> str | None:
    """The name WIB, WITA or WIT for a zone whose UTC offset is +07:00, +08:00 or +09:00, else
    None (also for None and for zones without a fixed offset at the current time)."""
    if tz is None:
        return None
    try:
        offset = tz.utcoffset(None)
        if offset is None:  # zoneinfo-style zones only know their offset at a given moment
            offset = tz.utcoffset(datetime.now())
    except Exception:  # a broken custom tzinfo is simply not an Indonesian zone
        return None
    return _OFFSET_NAMES.get(offset) if offset is not None else None


def _zone_for_offset(offset: timedelta) -> tzinfo:
    """The named zone for +07/+08/+09 and UTC for zero, otherwise a plain fixed offset."""
    name = _OFFSET_NAMES.get(offset)
    if name is not None:
        return TIMEZONES[name]
    if not offset:
        return UTC
    return timezone(offset)


# --------------------------------------------------------------------------- months and years

_MONTHS: dict[str, int] = {}
for _number, _spellings in enumerate(
    (
        "januari january jan",
        "februari february feb pebruari peb",
        "maret march mar mrt",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august agu agt ags agst agus agust aug",
        "september sep sept",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ),
    start=1,
):
    for _spelling in _spellings.split():
        _MONTHS[_spelling] = _number
# Only long names are matched with a typo allowed, so 'Juli'/'Mei' never absorb a name.
_LONG_MONTHS = tuple((name, num) for name, num in _MONTHS.items() if len(name) >= 6)


def _within_one_edit(word: str, target: str) -> bool:
    """True when one insertion, deletion, substitution or adjacent swap turns word into target."""
    if word == target:
        return True
    if abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == target[diffs[1]]
            and word[diffs[1]] == target[diffs[0]]
        )
    shorter, longer = sorted((word, target), key=len)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    return shorter[i:] == longer[i + 1 :]


def _month_number(word: str) -> int | None:
    """1..12 for an Indonesian or English month name, abbreviation or near-miss typo."""
    word = word.lower().rstrip(".")
    number = _MONTHS.get(word)
    if number is not None or len(word) < 5:
        return number
    for name, num in _LONG_MONTHS:
        if name[0] == word[0] and _within_one_edit(word, name):
            return num
    return None


def _year(digits: str) -> int | None:
    """A plausible year from 2 digits (20yy) or 4 digits, else None."""
    if len(digits) == 2:
        return 2000 + int(digits)
    if len(digits) == 4:
        year = int(digits)
        return year if _MIN_YEAR <= year <= _MAX_YEAR else None
    return None


# --------------------------------------------------------------------------- ISO 8601

_ISO_BODY = r"""
    (?P<y>[0-9]{4})(?P<dsep>[-/])(?P<mo>[0-9]{1,2})(?P=dsep)(?P<d>[0-9]{1,2})(?![0-9])
    (?:[Tt\ ]
        (?:(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]+))?)?
          |(?P<dh>[0-9]{2})-(?P<dmi>[0-9]{2})-(?P<ds>[0-9]{2})(?:[.,](?P<df>[0-9]+))?)
        (?![0-9])
        \ ?(?P<z>[Zz](?![A-Za-z])|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2})?)?(?![0-9]))?
    )?
"""
_ISO_FULL = re.compile(rf"\s*{_ISO_BODY}\s*", re.VERBOSE)
_ISO_IN_TEXT = re.compile(rf"(?<![0-9]){_ISO_BODY}", re.VERBOSE)


def _parse_offset(text: str) -> timedelta:
    """'+07:00', '+0700', '+07' or '+07:00:00' as a timedelta (may be out of range)."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes, seconds = int(digits[:2]), int(digits[2:4] or 0), int(digits[4:6] or 0)
    return sign * timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _iso_from_match(match: re.Match[str], default_tz: tzinfo) -> datetime | None:
    """Build the datetime an ISO-like match describes; None when a field is out of range."""
    g = match.groupdict()
    dashed = g["dh"] is not None
    hour = g["dh"] if dashed else g["h"]
    minute = g["dmi"] if dashed else g["mi"]
    second = g["ds"] if dashed else g["s"]
    fraction = g["df"] if dashed else g["f"]
    zone = g["z"]
    tz: tzinfo
    if zone is None or (dashed and zone in ("Z", "z")):
        # No zone means local time; detik's '20-59-53Z' is local time with a bogus 'Z'.
        tz = default_tz
    elif zone in ("Z", "z", "UTC", "GMT"):
        tz = UTC
    else:
        tz = _zone_for_offset(_parse_offset(zone))
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return datetime(
        int(g["y"]),
        int(g["mo"]),
        int(g["d"]),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        micro,
        tzinfo=tz,
    )


def parse_iso(value: str | None, default_tz: tzinfo | None = None) -> datetime | None:
    """ISO 8601 / RFC 3339 as feeds and metadata give it: '2018-05-09T18:53:00.001+01:00',
    '2024-10-07T06:33:35', '...Z', a space instead of T, date only '2024-10-07' (midnight),
    '2023/11/02 20:59:53'. Naive values get ``default_tz`` (WIB when that is None). The detik trap
    '2023-11-02T20-59-53Z' (dashes in the time plus a bogus Z) is local time in ``default_tz``.
    Offsets of +07:00/+08:00/+09:00 come back as WIB/WITA/WIT and a zero offset as UTC.
    Returns None (never raises) for junk or impossible values."""
    if not isinstance(value, str):
        return None
    match = _ISO_FULL.fullmatch(value)
    if match is None:
        return None
    try:
        return _iso_from_match(match, default_tz or WIB)
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------- RFC 822

_NAMED_ZONES: dict[str, timedelta] = {
    "UT": timedelta(0),
    "UTC": timedelta(0),
    "GMT": timedelta(0),
    "Z": timedelta(0),
    "WIB": timedelta(hours=7),
    "WITA": timedelta(hours=8),
    "WIT": timedelta(hours=9),
    "EST": timedelta(hours=-5),
    "EDT": timedelta(hours=-4),
    "CST": timedelta(hours=-6),
    "CDT": timedelta(hours=-5),
    "MST": timedelta(hours=-7),
    "MDT": timedelta(hours=-6),
    "PST": timedelta(hours=-8),
    "PDT": timedelta(hours=-7),
}
_RFC822 = re.compile(
    r"\s*(?:[A-Za-z']+\s*,?\s*)?"
    r"(?P<d>[0-9]{1,2})\s+(?P<mon>[A-Za-z]+)\.?\s+(?P<y>[0-9]{4}|[0-9]{2})\s+"
    r"(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
    r"\s*(?P<z>[+-][0-9]{4}|[A-Za-z]{1,4})?\s*",
)


def parse_rfc822(value: str | None) -> datetime | None:
    """An RSS ``pubDate`` such as 'Tue, 15 Dec 2020 13:00:00 +0000' as an aware datetime.

    Month and day names may be Indonesian ('Sel, 15 Des 2020 ...'); zones may be numeric, UT/GMT/Z,
    WIB/WITA/WIT or the US names RFC 822 lists. A missing zone means WIB (the site's local time)
    and '-0000' means UTC. Falls back to :func:`parse_iso` for feeds that put ISO 8601 there.
    Returns None (never raises) for junk."""
    if not isinstance(value, str):
        return None
    match = _RFC822.fullmatch(value)
    if match is None:
        return parse_iso(value)
    g = match.groupdict()
    month = _month_number(g["mon"])
    year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
    zone = g["z"]
    if month is None or (
        zone is not None and zone[0] not in "+-" and zone.upper() not in _NAMED_ZONES
    ):
        return None
    try:
        if zone is None:
            tz: tzinfo = WIB
        elif zone[0] in "+-":
            tz = _zone_for_offset(_parse_offset(zone))
        else:
            tz = _zone_for_offset(_NAMED_ZONES[zone.upper()])
        return datetime(
            year, month, int(g["d"]), int(g["h"]), int(g["mi"]), int(g["s"] or 0), tzinfo=tz
        )
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------- free text

_DAY = (
    r"(?:senin|selasa|rabu|kamis|jum['’‘`]?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_MONTH_WORD = r"(?P<mon>[A-Za-z]{3,10})"

# 17/11/2023, 29/9/23, 4/02-2025, 9-10-2022, 27.09.2024
_NUMERIC = re.compile(
    r"(?<![0-9])(?<![0-9][/.:])(?P<d>[0-9]{1,2})\s*(?P<s1>[/.\-])\s*(?P<m>[0-9]{1,2})"
    r"\s*(?P<s2>[/.\-])\s*(?P<y>[0-9]{2,4})(?![0-9])"
)
# 22 November 2016, 02 Nov 2023, 12-Mei-2022, 1st May 2024
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?[\s\-/.,]{{1,3}}{_MONTH_WORD}"
    r"[\s\-/.,]{1,3}(?P<y>[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# January 20, 2026; Oktober 09, 2024
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![A-Za-z]){_MONTH_WORD}\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])"
    r"(?:\s*,\s*|\s+)(?P<y>[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# Senin pagi (21/8), (Rabu, 07/08), Senin (21 Agustus): no year, needs a reference.
_YEARLESS_PREFIX = rf"(?:\b{_DAY}\b(?:\s+[a-z]+)?\s*\(\s*|\(\s*{_DAY}\b\s*,?\s*)"
_YEARLESS_NUMERIC = re.compile(
    rf"{_YEARLESS_PREFIX}(?P<d>[0-9]{{1,2}})\s*/\s*(?P<m>[0-9]{{1,2}})\s*\)", re.IGNORECASE
)
_YEARLESS_NAME = re.compile(
    rf"{_YEARLESS_PREFIX}(?P<d>[0-9]{{1,2}})\s+{_MONTH_WORD}\.?\s*\)", re.IGNORECASE
)
# 2 jam yang lalu, 3 hari lalu, sejam lalu, 15 minutes ago, an hour ago
_RELATIVE = re.compile(
    r"(?:(?<![0-9A-Za-z])(?P<n>[0-9]{1,4})\s*|\b(?P<one>se|an?|one)\s*)"
    r"(?P<unit>detik|dtk|seconds?|secs?|menit|mnt|minutes?|mins?|jam|hours?|hrs?|hari|days?|"
    r"minggu|pekan|weeks?|bulan|months?|tahun|thn|years?)"
    r"\s+(?:yang\s+)?(?:lalu|ago)\b",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(?P<word>kemarin\s+lusa|kemarin|yesterday)\b", re.IGNORECASE)
# What may follow a date: ', 21:34 WIB', ' | 19:17 WIB', ' - 3:47 WITA', ' pukul 14.30', ',17:10'
_TIME_AFTER = re.compile(
    r"[\s,|@/)\-–—]{0,6}(?:(?:pukul|pkl|jam|at)\.?\s*)?"
    r"(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.](?P<s>[0-9]{2}))?(?![0-9])"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?(?![a-z]))?"
    r"(?:\s*(?P<zone>WITA|WIB|WIT|UTC|GMT)(?![a-z]))?",
    re.IGNORECASE,
)
_ZONE_AFTER = re.compile(r"\s*(?P<zone>WITA|WIB|WIT)(?![a-z])", re.IGNORECASE)

_UNIT_SECONDS = {"detik": 1, "dtk": 1, "sec": 1, "second": 1, "menit": 60, "mnt": 60}
_UNIT_SECONDS.update({"min": 60, "minute": 60, "jam": 3600, "hour": 3600, "hr": 3600})
_UNIT_SECONDS.update({"hari": 86400, "day": 86400, "minggu": 604800, "pekan": 604800})
_UNIT_SECONDS["week"] = 604800
_UNIT_MONTHS = {"bulan": 1, "month": 1, "tahun": 12, "thn": 12, "year": 12}


class _Context(NamedTuple):
    text: str
    default_tz: tzinfo
    reference: datetime | None  # aware, or None


class _Time(NamedTuple):
    hour: int
    minute: int
    second: int
    tz: tzinfo | None


def _zone_word(word: str | None) -> tzinfo | None:
    if word is None:
        return None
    upper = word.upper()
    return UTC if upper in ("UTC", "GMT") else TIMEZONES[upper]


def _time_after(text: str, pos: int) -> _Time | None:
    """The clock time (and zone word) written right after a date ending at ``pos``, if any."""
    match = _TIME_AFTER.match(text, pos)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["mi"])
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return _Time(hour, minute, second, _zone_word(match["zone"]))


def _build(ctx: _Context, year: int, month: int, day: int, end: int) -> datetime | None:
    """The datetime for a calendar date ending at ``end`` in the text, with any time after it."""
    try:
        day_date = date(year, month, day)
    except ValueError:
        return None
    clock = _time_after(ctx.text, end)
    if clock is None:
        return datetime(day_date.year, day_date.month, day_date.day, tzinfo=ctx.default_tz)
    return datetime(
        day_date.year,
        day_date.month,
        day_date.day,
        clock.hour,
        clock.minute,
        clock.second,
        tzinfo=clock.tz or ctx.default_tz,
    )


def _from_numeric(match: re.Match[str], ctx: _Context) -> datetime | None:
    year = _year(match["y"])
    if year is None or ("." in (match["s1"], match["s2"]) and len(match["y"]) != 4):
        return None
    return _build(ctx, year, int(match["m"]), int(match["d"]), match.end())


def _from_named(match: re.Match[str], ctx: _Context) -> datetime | None:
    month = _month_number(match["mon"])
    year = _year(match["y"])
    if month is None or year is None:
        return None
    return _build(ctx, year, month, int(match["d"]), match.end())


def _from_iso_text(match: re.Match[str], ctx: _Context) -> datetime | None:
    if not _MIN_YEAR <= int(match["y"]) <= _MAX_YEAR:
        return None
    tz = ctx.default_tz
    if match["z"] is None:
        zone = _ZONE_AFTER.match(ctx.text, match.end())
        if zone is not None:
            tz = TIMEZONES[zone["zone"].upper()]
    return _iso_from_match(match, tz)


def _resolve_year(ctx: _Context, month: int, day: int, end: int) -> datetime | None:
    """The latest year that puts day/month no more than a day after the reference."""
    if ctx.reference is None:
        return None
    limit = ctx.reference + timedelta(days=1)
    local_year = ctx.reference.astimezone(ctx.default_tz).year
    for year in range(local_year + 1, local_year - 8, -1):
        candidate = _build(ctx, year, month, day, end)
        if candidate is not None and candidate <= limit:
            return candidate if _MIN_YEAR <= year <= _MAX_YEAR else None
    return None


def _from_yearless_numeric(match: re.Match[str], ctx: _Context) -> datetime | None:
    return _resolve_year(ctx, int(match["m"]), int(match["d"]), match.end())


def _from_yearless_name(match: re.Match[str], ctx: _Context) -> datetime | None:
    month = _month_number(match["mon"])
    return None if month is None else _resolve_year(ctx, month, int(match["d"]), match.end())


def _subtract_months(moment: datetime, months: int) -> datetime:
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    day = min(moment.day, monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _from_relative(match: re.Match[str], ctx: _Context) -> datetime | None:
    if ctx.reference is None:
        return None
    count = int(match["n"]) if match["n"] is not None else 1
    unit = match["unit"].lower()
    if unit not in _UNIT_SECONDS and unit not in _UNIT_MONTHS:
        unit = unit.rstrip("s")
    local = ctx.reference.astimezone(ctx.default_tz).replace(microsecond=0)
    if unit in _UNIT_MONTHS:
        return _subtract_months(local, count * _UNIT_MONTHS[unit])
    return local - timedelta(seconds=count * _UNIT_SECONDS[unit])


def _from_yesterday(match: re.Match[str], ctx: _Context) -> datetime | None:
    if ctx.reference is None:
        return None
    days = 2 if "lusa" in match["word"].lower() else 1
    local = ctx.reference.astimezone(ctx.default_tz).date() - timedelta(days=days)
    return datetime(local.year, local.month, local.day, tzinfo=ctx.default_tz)


_Handler = Callable[[re.Match[str], _Context], datetime | None]


class _Form(NamedTuple):
    """One way of writing a date in free text, and how to look for it quickly.

    The patterns above begin with a lookbehind or a word boundary, and a pattern that does makes
    re try it at every position of the text. ``starts`` begins with a plain character class, so re
    scans for it quickly; it matches (one character) at least at every position where
    ``pattern`` can start, and ``pattern`` is only tried there. Without ``starts`` the form
    is searched for the ordinary way, and only when ``gate`` (something every match contains)
    says the text may hold one."""

    pattern: re.Pattern[str]
    handler: _Handler
    starts: re.Pattern[str] | None = None
    gate: Callable[[str], object] | None = None


def _contains_any(*words: str) -> Callable[[str], bool]:
    """A gate: does the text hold one of ``words``, compared as re.IGNORECASE does? Only for
    words without 'i' and 's', whose odd case forms ('İ', 'ı', 'ſ') str.lower() keeps apart."""
    assert not any(c in "is" for word in words for c in word)

    def gate(text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in words)

    return gate


# Absolute forms, in priority order for matches starting at the same position.
_ABSOLUTE: tuple[_Form, ...] = (
    _Form(_ISO_IN_TEXT, _from_iso_text, starts=re.compile(r"[0-9](?=[0-9]{3}[-/])")),
    _Form(_NUMERIC, _from_numeric, starts=re.compile(r"[0-9](?=[0-9]?\s*[/.\-])")),
    _Form(_DAY_MONTH_YEAR, _from_named,
          starts=re.compile(r"[0-9](?=[0-9]?(?:st|nd|rd|th)?[\s\-/.,])", re.I)),
    # The gates: the day and year of 'January 20, 2026'; the '(' and what follows it of
    # 'Senin (21/8)' and '(Rabu, 21 Agustus)', whose day name may be before or after the '('.
    _Form(_MONTH_DAY_YEAR, _from_named, gate=re.compile(
        r"[0-9](?<=\s[0-9])[0-9]?(?:st|nd|rd|th)?(?![0-9])(?:\s*,\s*|\s+)[0-9]{4}(?![0-9])",
        re.I).search),
    _Form(_YEARLESS_NUMERIC, _from_yearless_numeric, gate=re.compile(
        rf"\(\s*(?:{_DAY}\b\s*,?\s*)?[0-9]{{1,2}}\s*/\s*[0-9]{{1,2}}\s*\)", re.I).search),
    _Form(_YEARLESS_NAME, _from_yearless_name, gate=re.compile(
        rf"\(\s*(?:{_DAY}\b\s*,?\s*)?[0-9]{{1,2}}\s+[A-Za-z]{{3,10}}\.?\s*\)", re.I).search),
)
# Relative forms are a fallback: 'kemarin, Senin (9/10/2022)' means the explicit date.
_RELATIVE_FORMS: tuple[_Form, ...] = (
    _Form(_RELATIVE, _from_relative, gate=_contains_any("lalu", "ago")),
    _Form(_YESTERDAY, _from_yesterday, gate=_contains_any("kemar", "terday")),
)


def _plausible(value: datetime | None) -> bool:
    return value is not None and _MIN_YEAR <= value.year <= _MAX_YEAR


def _matches(form: _Form, text: str) -> Iterator[re.Match[str]]:
    """Every match of ``form.pattern`` in ``text``, one per start position, in order (what
    ``pattern.search(text, pos)`` finds for pos 0, then each match's start + 1)."""
    if form.starts is not None:
        for start in form.starts.finditer(text):
            match = form.pattern.match(text, start.start())
            if match is not None:
                yield match
    elif form.gate is None or form.gate(text):
        pos = 0
        while (match := form.pattern.search(text, pos)) is not None:
            yield match
            pos = match.start() + 1


def _first_valid(form: _Form, ctx: _Context, before: int) -> tuple[int, datetime] | None:
    """The earliest match of ``form`` that its handler turns into a plausible datetime, if it
    starts before ``before``."""
    for match in _matches(form, ctx.text):
        if match.start() >= before:
            return None
        try:
            value = form.handler(match, ctx)
        except (ValueError, OverflowError):
            value = None
        if value is not None and _plausible(value):
            return match.start(), value
    return None


def _earliest(forms: tuple[_Form, ...], ctx: _Context) -> datetime | None:
    """The plausible datetime that starts earliest in the text among all ``forms``."""
    best: tuple[int, datetime] | None = None
    for form in forms:
        # A later form only counts if it starts earlier than the best so far: stop there.
        found = _first_valid(form, ctx, len(ctx.text) if best is None else best[0])
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return None if best is None else best[1]


def parse_indonesian(
    text: str | None, default_tz: tzinfo = WIB, reference: datetime | None = None
) -> datetime | None:
    """The first plausible date in free Indonesian (or English) text, as an aware datetime.

    Handles day-first numeric dates with any of ``/ - .`` as separators and 2- or 4-digit years
    ('Jumat (17/11/2023)', "Jum'at (29/9/23)", 'Selasa (4/02-2025)', 'Minggu (9-10-2022)'), day
    + month name + year ('Kamis ( 6 April 2017 )', 'hari Minggu, 2 Juni 2024', 'Kamis/12 Mei
    2022', '07 August 2024'), month name + day + year ('January 20, 2026', 'By On Senin, Februari
    02, 2026'), ISO dates inside text ('Last Updated 2024-02-16T13:22:26Z'), a following time
    with ':' or '.' and an optional zone word ('02/11/2023, 21:34 WIB', '27/09/24 14.30 WITA',
    'Rabu 13-11-2019,17:10 WIB', '07 August 2024 - 3:47 WITA', '... pukul 09.00 WIT'), yearless
    'Senin pagi (21/8)' / '(Rabu, 21 Agustus)' and relative '2 jam yang lalu', '3 hari lalu',
    'sejam lalu', '15 minutes ago', 'kemarin'.

    Month names are Indonesian or English, full or abbreviated (Agu/Agt/Ags/Agust, Sept, Okt,
    Nop, Des, ...), with one-letter typos in long names tolerated ('Febuari', 'Agustuss',
    'Septemper', 'Desemebr'). 2-digit years are 20yy; years outside 1990..2100, impossible dates
    ('32/13/2024'), 3-digit years ('21/10/204') and unfilled templates are skipped and scanning
    goes on. Without a zone word the result is in ``default_tz``; without a time it is local
    midnight.

    ``reference`` (naive means ``default_tz``) is required for yearless and relative forms: a
    yearless date takes the latest year that puts it no more than a day after ``reference``;
    '2 jam yang lalu' is ``reference`` minus two hours; 'kemarin' is midnight of the day before.
    Relative forms are only used when the text holds no absolute date. Never raises."""
    if not isinstance(text, str) or not text:
        return None
    tz = default_tz or WIB
    if reference is not None and reference.tzinfo is None:
        reference = reference.replace(tzinfo=tz)
    ctx = _Context(text, tz, reference)
    found = _earliest(_ABSOLUTE, ctx)
    if found is None and reference is not None:
        found = _earliest(_RELATIVE_FORMS, ctx)
    return found


# --------------------------------------------------------------------------- CLI and output

_SPAN = re.compile(r"\s*(?P<n>[0-9]{1,9})\s*(?P<unit>[mhdw])\s*", re.IGNORECASE)
_SPAN_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_date_arg(value: str, default_tz: tzinfo = WIB, now: datetime | None = None) -> datetime:
    """For CLI options like --since/--until. Accepts YYYY-MM-DD (local midnight in
    ``default_tz``), ISO 8601 datetimes with or without offset (naive means ``default_tz``), and
    relative spans '7d', '24h', '2w', '30m' meaning ``now`` minus that (``now`` defaults to the
    current time; naive means ``default_tz``). Raises ValueError with one readable sentence that
    repeats the bad value and shows the accepted forms; impossible dates ('2024-02-30') too."""
    tz = default_tz or WIB
    text = value if isinstance(value, str) else ""
    span = _SPAN.fullmatch(text)
    result: datetime | None = None
    if span is not None:
        if now is None:
            now = datetime.now(tz)
        elif now.tzinfo is None:
            now = now.replace(tzinfo=tz)
        unit = _SPAN_UNITS[span["unit"].lower()]
        try:
            result = now - timedelta(**{unit: int(span["n"])})
        except OverflowError:
            result = None
    else:
        result = parse_iso(text, tz)
    if result is None:
        raise ValueError(
            f"{value!r} is not a date: use YYYY-MM-DD, an ISO 8601 time such as "
            "2024-05-01T08:00+07:00, or a span such as 7d or 24h"
        )
    return result


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None and dt.utcoffset() is not None else dt.replace(tzinfo=WIB)


def to_iso(dt: datetime) -> str:
    """'2023-11-17T09:30:00+07:00': seconds precision, microseconds dropped, offset kept (UTC as
    +00:00). A naive datetime is taken to be WIB."""
    return _aware(dt).replace(microsecond=0).isoformat(timespec="seconds")


def to_utc_iso(dt: datetime) -> str:
    """'2023-11-17T02:30:00Z': the instant in UTC, for sorting and filtering columns. A naive
    datetime is taken to be WIB."""
    utc = _aware(dt).astimezone(UTC).replace(tzinfo=None, microsecond=0)
    return utc.isoformat(timespec="seconds") + "Z"
