"""Spam and hijacked domains: gambling pages and content farms where police news should be.

Former police domains expire and come back as slot sites ("NAGA169 … Situs Slot Gacor"),
look-alike domains carry togel, and police-named WordPress farms publish generic essays
(research notes, sites.md §4). :func:`score_page` reads one page and says whether it is spam,
with a score and readable reasons; :class:`SpamPipeline` scores every article of a crawl
(:class:`SiteRunLedger`), quarantines spam (stored, but ``quarantined = 1`` so exports and
views leave it out) and flags a site that yields spam (``site_flags``), quarantining all its
new articles until ``police-news sites unflag ID``.

The score adds up evidence (``is_spam`` from :data:`SPAM_SCORE`):

* **gambling promotion** — "slot gacor", "maxwin", "link alternatif", "RTP live", "bonus new
  member", game and provider names… each distinct term 0.5, repeats up to +0.5, double in the
  title. Police releases about gambling arrests quote them ("admin situs slot gacor… link
  alternatif"): on a page that reads as law enforcement (two of tersangka, diamankan, barang
  bukti, Pasal 303, KUHP…) they count a fifth;
* **gambling words** — "judi online", "togel", "slot", "casino"… 0.25 each, not at all on a
  law-enforcement page;
* **Polri vocabulary** — polres, polsek, kapolres, bhabinkamtibmas, satreskrim, AKBP, Iptu…
  each distinct term takes 0.15 off (at most 0.9); none at all in a long page adds 0.4;
* **content-farm phrasing** — "kesimpulan", "dalam artikel ini", "di era digital", readers
  addressed as "Anda"… 0.3 each;
* **language drift** — fewer than 5 % Indonesian function words adds 0.7; mojibake
  ("Ã©", "â€œ", Thai "à¸" / "ยป") 0.4.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.items import ArticleItem
from crawler.store import Store, utc_now
from crawler.urls import canonicalize_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: A page is spam from this score.
SPAM_SCORE = 1.0
#: A site is flagged when a run yields this many spam articles…
FLAG_MIN_SPAM = 3
#: …or when at least this share of its articles (and two or more) are spam.
FLAG_SHARE = 0.5
STAT_SPAM = "police_news/spam"

#: Gambling promotion: (pattern, label). Each is a regex matched on lowercase text.
PROMO_TERMS: tuple[tuple[str, str], ...] = (
    (r"slot\s*gacor", "slot gacor"), (r"gacor", "gacor"), (r"max\s*win", "maxwin"),
    (r"link\s+alternatif", "link alternatif"), (r"rtp(\s+live|\s+slot)?", "RTP"),
    (r"bocoran\s+(rtp|pola|slot)", "bocoran"), (r"pola\s+(gacor|slot)", "pola slot"),
    (r"bonus\s+(new\s+member|deposit|harian|cashback)", "bonus"),
    (r"(minimal\s+)?depo(sit)?\s+(pulsa|dana|ovo|gopay|5rb|10rb|\d+\s*(rb|ribu|k))",
     "deposit"), (r"tanpa\s+potongan", "tanpa potongan"), (r"anti\s+rungkad", "anti rungkad"),
    (r"scatter", "scatter"), (r"jackpot", "jackpot"), (r"gampang\s+menang|mudah\s+menang",
                                                       "gampang menang"),
    (r"(situs|agen|bandar|daftar|login)\s+(slot|togel|toto|judi|casino|kasino|bola)",
     "situs/agen/daftar judi"), (r"slot\s+online|slot88|slot\s+deposit", "slot online"),
    (r"pragmatic\s+play|pg\s*soft|habanero|spadegaming", "game provider"),
    (r"gates\s+of\s+olympus|mahjong\s+ways|sweet\s+bonanza|starlight\s+princess|zeus",
     "slot game"),
    (r"sbobet|maxbet|idn\s*poker|domino\s*qq|bandarq|pkv\s+games", "betting brand"),
    (r"toto\s*(macau|4d|sgp|hk)|togel\s+(hari\s+ini|online|sgp|hk|sdy)|live\s+draw|"
     r"angka\s+jitu|prediksi\s+(togel|sgp|hk)|paito|keluaran\s+(sgp|hk|sdy)", "togel draw"),
    (r"live\s+casino|(casino|kasino)\s+online|online\s+casinos?|baccarat|roulette|"
     r"free\s+spins|welcome\s+bonus|real\s+money", "casino"),
    (r"krong\s+poi\s*pet|poi\s*pet", "Poi Pet casino town"),
    (r"[a-z]+(togel|slot|gacor|toto|4d|88|77|138|168|169|303)", "gambling brand name"),
)
#: Gambling words that police releases use too (only counted outside a law-enforcement page).
GAMBLING_WORDS: tuple[tuple[str, str], ...] = (
    (r"judi(\s+online)?|judol|perjudian", "judi"), (r"togel", "togel"), (r"slot", "slot"),
    (r"casino|kasino", "casino"), (r"taruhan|betting", "taruhan"), (r"poker", "poker"),
    (r"las\s+vegas|macau|makau|genting", "casino city"),
)
#: Gambling promotion quoted in a law-enforcement page counts this much.
ENFORCEMENT_DISCOUNT = 0.2
#: A page with two or more of these reads as law enforcement, not promotion.
ENFORCEMENT_TERMS = (
    r"tersangka", r"(terduga\s+)?pelaku", r"ditangkap|menangkap|diringkus|dibekuk",
    r"diamankan|mengamankan", r"barang\s+bukti", r"pasal\s+303", r"kuhp", r"penyidik",
    r"dijerat", r"ancaman\s+hukuman", r"berantas|pemberantasan", r"patroli\s+siber",
)
#: Polri vocabulary (units, functions, ranks).
POLICE_TERMS = (
    r"polri", r"polda", r"polres(ta|tabes)?", r"polsek", r"mapol(res|resta|sek|da)",
    r"kapol(ri|da|res|resta|restabes|sek)", r"wakapol(res|da|resta)",
    r"bh?abinkamtibmas|bhabin", r"sat\s*reskrim|reskrim", r"sat\s*lantas|satlantas|polantas",
    r"sat\s*(binmas|samapta|sabhara|resnarkoba|intelkam|tahti|polairud)|sabhara",
    r"kasat|kasatreskrim|kanit|kapospol|kasi\s*humas|kasihumas|paur\s+humas",
    r"akbp|akp|iptu|ipda|aiptu|aipda|bripka|brigpol|bripda|briptu|bharada|kompol|kombes",
    r"irjen|brigjen|kamtibmas|tribrata|propam|polwan|bhayangkara",
)
#: Essay / SEO phrasing of content farms.
FARM_TERMS: tuple[tuple[str, str], ...] = (
    (r"kesimpulan", "kesimpulan"), (r"(dalam|pada)\s+artikel\s+ini", "dalam artikel ini"),
    (r"artikel\s+ini\s+(akan\s+)?membahas", "artikel ini membahas"),
    (r"pertanyaan\s+yang\s+sering\s+diajukan|\bfaq\b", "FAQ"),
    (r"simak\s+(ulasan|penjelasan|selengkapnya)", "simak ulasan"),
    (r"di\s+era\s+digital", "di era digital"), (r"secara\s+keseluruhan", "secara keseluruhan"),
    (r"tidak\s+dapat\s+dipungkiri", "tidak dapat dipungkiri"),
    (r"(berikut|inilah)\s+(adalah\s+)?(beberapa\s+)?(tips|cara|manfaat|langkah)",
     "berikut tips/cara"),
)
_ID_FUNCTION_WORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "dalam", "pada", "oleh",
    "akan", "juga", "tersebut", "telah", "sudah", "para", "agar", "bahwa", "serta", "kepada",
    "tidak", "ada", "adalah", "karena", "saat", "atau", "bisa", "dapat", "kami", "kita",
    "mereka", "ia", "dia", "secara", "lebih", "hingga", "sebagai", "antara", "setelah", "masih",
))
_MOJIBAKE = re.compile(r"Ã[\x80-\xbf]|â€|Â[\xa0-\xbf]|à¸|à¹|ยป|ï»¿|\ufffd")
_TOKEN = re.compile(r"[^\W\d_]+")


# -- terms matched as whole words, fast ---------------------------------------------------
#
# score_page looks for some 65 terms in every article and a police release matches few of
# them, so a miss must be cheap. CPython's re jumps straight to a pattern's literal prefix
# (~0.5 µs on a release), but a pattern that starts with \b, a group or a class has none and
# is tried at every position of the text (~15 µs). The answers stay those of the plain
# ``\b(?:pattern)\b`` regex (tests/test_spam.py compares them on edge cases).

def _is_word_char(char: str) -> bool:
    r"""Whether ``\b`` and ``\w`` count ``char`` as part of a word (the same test as theirs)."""
    return char.isalnum() or char == "_"


def _top_level(pattern: str) -> list[tuple[int, str]]:
    """(index, char) of the ``(``, ``)`` and ``|`` of a regex that are not escaped or in a
    character class."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = pattern.index("]", i + 2)
        elif char in "()|":
            found.append((i, char))
        i += 1
    return found


def _alternatives(pattern: str) -> list[str]:
    """'a|b(c|d)' → ['a', 'b(c|d)']."""
    cuts, depth = [-1], 0
    for i, char in _top_level(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and not depth:
            cuts.append(i)
    return [pattern[a + 1:b] for a, b in zip(cuts, [*cuts[1:], len(pattern)], strict=True)]


def _open_group(pattern: str) -> tuple[list[str], str]:
    """The ways through the group ``pattern`` starts with, and what follows it:
    '(a|b)?c' → (['a', 'b', ''], 'c')."""
    depth = 0
    for i, char in _top_level(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if not depth:
            inner, after = pattern[1:i], pattern[i + 1:]
            break
    else:
        raise ValueError(f"unbalanced group: {pattern!r}")
    if inner.startswith("?") or after[:1] in ("*", "+", "{"):
        raise ValueError(f"cannot multiply out the group of {pattern!r}")
    ways = _alternatives(inner)
    if after.startswith("?"):
        ways.append("")
        after = after[1:]
    return ways, after


def _literal_branches(pattern: str) -> list[str]:
    r"""The pattern as branches that each start with a letter: a leading group is multiplied
    out ('(a|b)?\s+c' → 'a\s+c', 'b\s+c', '\s+c' and further) and a leading \b dropped.

    Good for whether a match exists — one exists at a position iff a branch matches there —
    not for what it captures."""
    branches: list[str] = []
    for branch in _alternatives(pattern):
        branch = branch.removeprefix(r"\b")
        if branch.startswith("("):
            ways, after = _open_group(branch)
            for way in ways:
                branches += _literal_branches(way + after)
        else:
            branches.append(branch)
    return branches


#: The start of a regex that matches something other than a letter: a space, a digit, the end
#: of a word.
_NOT_A_LETTER = re.compile(r"(?:\\s|\\d|[0-9])(?![?*{])|\\b")


def _first_words(branch: str) -> set[str]:
    r"""The runs of letters a match of ``branch`` can start with: 'polres(ta|tabes)?' →
    {'polres', 'polresta', 'polrestabes'}, 'max\s*win' → {'max', 'maxwin'}, 'slot88' →
    {'slot'}."""
    letters = re.match("[a-z]*", branch).group()  # type: ignore[union-attr]
    rest = branch[len(letters):]
    if rest.startswith("("):
        ways, after = _open_group(rest)
        return set().union(*(_first_words(letters + way + after) for way in ways))
    if letters and rest.startswith("?"):  # the last letter is optional
        return _first_words(letters[:-1] + rest[1:]) | _first_words(letters + rest[1:])
    if letters and rest.startswith((r"\s*", r"\s?")):  # maybe a space, maybe not
        return {letters} | _first_words(letters + rest[3:])
    if letters and (not rest or _NOT_A_LETTER.match(rest)):
        return {letters}  # the run of letters ends here
    raise ValueError(f"cannot tell which word {branch!r} starts with")


def _required_words(branch: str) -> set[str]:
    r"""Runs of letters every match of ``branch`` has: its plain words between ``\s+``
    outside groups ('di\s+era\s+digital' → {'di', 'era', 'digital'})."""
    parens = _top_level(branch)
    words, start = set(), 0
    for end in [*(m.start() for m in re.finditer(r"\\s\+", branch)), len(branch)]:
        part = branch[start:end]
        outside = sum({"(": 1, ")": -1}.get(char, 0) for i, char in parens if i < start) == 0
        if outside and re.fullmatch("[a-z]+", part):
            words.add(part)
        start = end + 3
    return words


class _WholeWords:
    r"""A regex matched as whole words, ``\b(?:pattern)\b``, with a fast :meth:`search`.

    Two tricks, same answers:

    * a match starts a run of letters of the text and each branch of the pattern can only
      start a few (:func:`_first_words`), some it must have (:func:`_required_words`): a
      branch whose words are not among the text's runs of letters is skipped, with set
      lookups instead of a scan of the text;
    * the other branches are searched as ``branch\b``, which starts with a literal, and the
      word boundary left of a match is checked by hand (a branch starts with a letter, so the
      boundary is "no word character before it").

    :meth:`count` leaves the counting to the plain regex, once there is a match.
    """

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(rf"\b(?:{pattern})\b")
        self._branches = tuple(
            (frozenset(_first_words(branch)), frozenset(_required_words(branch)),
             re.compile(rf"{branch}\b"))
            for branch in _literal_branches(pattern))
        self._first_words = frozenset().union(*(first for first, _, _ in self._branches))
        #: The runs of letters a match can start with (None: any), for :class:`_Terms`.
        self.first_words: frozenset[str] | None = self._first_words

    def search(self, text: str, words: AbstractSet[str]) -> bool:
        """Whether ``self.regex.search(text)`` finds a match; ``words`` are the runs of
        letters of ``text`` (:func:`_letter_runs`), or more."""
        if self._first_words.isdisjoint(words):
            return False  # (one lookup for all branches: most terms stop here)
        for first_words, required_words, branch in self._branches:
            if first_words.isdisjoint(words) or not required_words <= words:
                continue
            match = branch.search(text)
            while match:
                at = match.start()
                if not at or not _is_word_char(text[at - 1]):
                    return True
                match = branch.search(text, at + 1)  # inside a word: look further on
        return False

    def count(self, text: str, words: AbstractSet[str]) -> int:
        """``len(self.regex.findall(text))``; ``words`` as for :meth:`search`."""
        return len(self.regex.findall(text)) if self.search(text, words) else 0


class _GluedWords(_WholeWords):
    r"""``\b[a-z]+(togel|slot|…|169)\b``: letters glued to an ending, as in brand names
    ("naga169", "tigatogel").

    A match ends in one of the endings, right after a letter, at the end of a word. The
    plain regex is asked only when one of the endings is in the text at all
    (``str.__contains__``) and, found as a word's end, follows a letter: a police release
    seldom has one ("Pasal 303" does not)."""

    HEAD = "[a-z]+("

    def __init__(self, pattern: str) -> None:
        if not (pattern.startswith(self.HEAD) and pattern.endswith(")")):
            raise ValueError(f"not letters glued to endings: {pattern!r}")
        endings = pattern[len(self.HEAD):-1]
        self.regex = re.compile(rf"\b(?:{pattern})\b")
        self.first_words = None
        self._endings = re.compile(rf"(?:{endings})\b")
        self._literals = tuple(_alternatives(endings))
        if not all(re.fullmatch("[a-z0-9]+", literal) for literal in self._literals):
            raise ValueError(f"endings must be letters and digits: {pattern!r}")

    def search(self, text: str, words: AbstractSet[str]) -> bool:
        for literal in self._literals:
            if literal in text:
                break
        else:
            return False
        for match in self._endings.finditer(text):
            at = match.start()
            if at and "a" <= text[at - 1] <= "z":
                return self.regex.search(text) is not None
        return False


class _Terms:
    """Labelled terms matched as whole words; only those a match of which can start with one
    of the text's runs of letters are searched (:class:`_WholeWords`)."""

    def __init__(self, patterns: tuple[tuple[str, str], ...]) -> None:
        self.terms = tuple((_GluedWords(p) if p.startswith(_GluedWords.HEAD) else _WholeWords(p),
                            label) for p, label in patterns)
        self._always = {i for i, (term, _) in enumerate(self.terms) if term.first_words is None}
        self._by_first_word: dict[str, set[int]] = {}
        for i, (term, _) in enumerate(self.terms):
            for word in term.first_words or ():
                self._by_first_word.setdefault(word, set()).add(i)

    def hits(self, text: str, words: AbstractSet[str]) -> Counter[str]:
        """Label → number of matches of the terms in ``text``, in the terms' order; ``words``
        as for :meth:`_WholeWords.search`."""
        found: Counter[str] = Counter()
        for term, label in self._candidates(words):
            n = term.count(text, words)
            if n:
                found[label] += n
        return found

    def labels(self, text: str, words: AbstractSet[str]) -> list[str]:
        """The labels of the terms in ``text``, in the terms' order."""
        return [label for term, label in self._candidates(words) if term.search(text, words)]

    def _candidates(self, words: AbstractSet[str]) -> list[tuple[_WholeWords, str]]:
        indices = self._always.union(*(self._by_first_word[word]
                                       for word in self._by_first_word.keys() & words))
        return [self.terms[i] for i in sorted(indices)]


_PROMO = _Terms(PROMO_TERMS)
_GAMBLING = _Terms(GAMBLING_WORDS)
_FARM = _Terms(FARM_TERMS)
_ENFORCEMENT = tuple(_WholeWords(p) for p in ENFORCEMENT_TERMS)
_POLICE = tuple(_WholeWords(p) for p in POLICE_TERMS)
_ANDA = _WholeWords("anda")


# -- ASCII text and runs of letters ------------------------------------------------------

#: Non-ASCII punctuation of Indonesian releases (curly quotes, dashes, no-break space…), the
#: most frequent first, and the ASCII character that stands in for it: a space for a space,
#: else "#". No pattern here tells them apart (none is a letter, digit or word character),
#: and a text that becomes ASCII is split into words 4× faster and needs no mojibake scan.
_ASCII_PUNCTUATION = tuple((c, " " if c.isspace() else "#")
                           for c in "“”–—‘’…\xa0•·«»°\u200b\ufeff" if not _is_word_char(c))
#: Turns every ASCII character but a letter into a space, for :func:`_letter_runs`.
_ASCII_NON_LETTERS = str.maketrans({c: " " for c in map(chr, range(128))
                                    if not _TOKEN.fullmatch(c)})


def _ascii_punctuation(text: str) -> str:
    """``text`` with its usual non-ASCII punctuation swapped for ASCII (see above)."""
    for char, ascii_char in _ASCII_PUNCTUATION:
        if text.isascii():  # O(1) on a str
            break
        text = text.replace(char, ascii_char)  # (returns the same str when char is absent)
    return text


def _letter_runs(text: str) -> list[str]:
    """``_TOKEN.findall(text)``: the runs of letters; on ASCII text the words ``str.split``
    leaves once every other character is a space (4× faster)."""
    if text.isascii():
        return text.translate(_ASCII_NON_LETTERS).split()
    return _TOKEN.findall(text)


@dataclass
class SpamVerdict:
    """The result of :func:`score_page`."""

    is_spam: bool
    score: float
    reasons: list[str] = field(default_factory=list)


def score_page(title: str, body_text: str) -> SpamVerdict:
    """Whether a page is gambling spam or content-farm filler rather than police news."""
    title_l = _ascii_punctuation((title or "").lower())
    body_l = _ascii_punctuation((body_text or "").lower())
    text = f"{title_l}\n{body_l}"
    # One tokenisation serves the language check and every term's "can it match at all?"
    tokens = _letter_runs(body_l)
    body_words = set(tokens)
    title_words = set(_letter_runs(title_l))
    words = body_words | title_words  # of text
    score = 0.0
    reasons: list[str] = []

    enforcement = _found_at_least(2, _ENFORCEMENT, text, words)
    weight = ENFORCEMENT_DISCOUNT if enforcement else 1.0
    promo = _PROMO.hits(text, words)
    in_title = _PROMO.labels(title_l, title_words)
    if promo:
        score += weight * sum(0.5 + 0.1 * min(n - 1, 5) for n in promo.values())
        reasons.append("gambling promotion: " + _counted(promo))
    if in_title:
        score += weight * 0.5 * len(in_title)
        reasons.append("gambling promotion in the title: " + ", ".join(in_title))
    if enforcement and (promo or in_title):
        reasons.append("law-enforcement context: gambling promotion counts a fifth")
    gambling = None if enforcement else _GAMBLING.hits(text, words)  # not counted then
    if gambling:
        score += 0.25 * len(gambling)
        score += 0.25 * len(_GAMBLING.labels(title_l, title_words))
        reasons.append("gambling words: " + _counted(gambling))

    police = sum(1 for term in _POLICE if term.search(text, words))
    if police:
        score -= min(0.15 * police, 0.9)
        reasons.append(f"Polri vocabulary ({police} term{'s' if police > 1 else ''}) "
                       "counts against spam")
    elif len(tokens) >= 50:
        score += 0.4
        reasons.append("no Polri vocabulary")

    # which farm phrases are there, not how often
    farm = dict.fromkeys(_FARM.labels(text, words))
    anda = _ANDA.count(body_l, body_words)
    if anda >= 3:
        farm[f"'Anda' ×{anda}"] = None
    if farm:
        score += 0.3 * len(farm)
        reasons.append("content-farm phrasing: " + ", ".join(farm))

    if len(tokens) >= 40:
        share = sum(map(_ID_FUNCTION_WORDS.__contains__, tokens)) / len(tokens)
        if share < 0.05:
            score += 0.7
            reasons.append(f"not Indonesian ({share:.0%} Indonesian function words)")
    # Mojibake is not ASCII, lowercase or not: none in an ASCII text (isascii is O(1))
    garbled = 0 if text.isascii() else len(_MOJIBAKE.findall(f"{title}\n{body_text}"))
    if garbled >= 3:
        score += 0.4
        reasons.append(f"mojibake ({garbled} garbled sequences)")

    score = round(max(score, 0.0), 2)
    return SpamVerdict(score >= SPAM_SCORE, score, reasons)


def _found_at_least(n: int, terms: tuple[_WholeWords, ...], text: str,
                    words: AbstractSet[str]) -> bool:
    """Whether ``n`` of the terms are in ``text`` (stops looking once they are)."""
    found = 0
    for term in terms:
        found += term.search(text, words)
        if found >= n:
            return True
    return False


def _category(reason: str) -> str:
    """'gambling promotion: slot gacor ×7' → 'gambling promotion'."""
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()


def _counted(found: Counter[str]) -> str:
    return ", ".join(f"{label} ×{n}" if n > 1 else label for label, n in found.most_common())


# -- site flags ---------------------------------------------------------------------------

def site_flag(store: Store, site_id: str) -> dict[str, Any] | None:
    """The site's ``site_flags`` row (active ``spam`` or operator-``cleared``), or None."""
    row = store.conn.execute("SELECT * FROM site_flags WHERE site_id = ?",
                             (site_id,)).fetchone()
    return _flag_dict(row) if row else None


def flagged_sites(store: Store) -> dict[str, dict[str, Any]]:
    """Every site currently flagged as spam: site id → flag (reason, flagged_at, evidence)."""
    rows = store.conn.execute("SELECT * FROM site_flags WHERE flag = 'spam' ORDER BY site_id")
    return {row["site_id"]: _flag_dict(row) for row in rows}


def _flag_dict(row: Any) -> dict[str, Any]:
    flag = dict(row)
    flag["evidence"] = json.loads(flag["evidence"] or "[]")
    return flag


def flag_report(flags: dict[str, dict[str, Any]]) -> str:
    """Lines for ``police-news status``: which sites are flagged, and why."""
    if not flags:
        return ""
    lines = [f"{len(flags)} site(s) flagged as spam — their new articles are quarantined; "
             "check them, then `police-news sites unflag ID` if wrong:"]
    for site_id, flag in flags.items():
        lines.append(f"  {site_id} (since {flag['flagged_at']}): {flag['reason']}")
    return "\n".join(lines)


def flag_site(store: Store, site_id: str, reason: str, evidence: list[str],
              run_id: str | None = None) -> None:
    """Flag a site as spam (its articles are quarantined by the pipeline from now on)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO site_flags (site_id, flag, reason, flagged_at, run_id, evidence, "
            "cleared_at) VALUES (?, 'spam', ?, ?, ?, ?, NULL) ON CONFLICT(site_id) DO UPDATE "
            "SET flag = 'spam', reason = excluded.reason, flagged_at = excluded.flagged_at, "
            "run_id = excluded.run_id, evidence = excluded.evidence, cleared_at = NULL",
            (site_id, reason, utc_now(), run_id, json.dumps(evidence, ensure_ascii=False)))


def unflag_site(store: Store, site_id: str) -> int | None:
    """Clear a site's spam flag (an operator checked it). Its quarantined articles are scored
    again and those that are not spam themselves are released. Returns how many were
    released, or None when the site was not flagged."""
    flag = site_flag(store, site_id)
    if flag is None or flag["flag"] != "spam":
        return None
    rows = store.conn.execute("SELECT id, title, body_text FROM articles WHERE site_id = ? "
                              "AND quarantined = 1", (site_id,)).fetchall()
    release = [(row["id"],) for row in rows
               if not score_page(row["title"], row["body_text"]).is_spam]
    with store.transaction() as conn:
        conn.execute("UPDATE site_flags SET flag = 'cleared', cleared_at = ? WHERE site_id = ?",
                     (utc_now(), site_id))
        conn.executemany("UPDATE articles SET quarantined = 0 WHERE id = ?", release)
    return len(release)


def quarantine(store: Store, urls: list[str]) -> int:
    """Set ``quarantined = 1`` on the articles stored under these canonical URLs. Returns
    how many rows changed."""
    changed = 0
    with store.transaction() as conn:
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            changed += conn.execute(
                "UPDATE articles SET quarantined = 1 WHERE quarantined = 0 AND canonical_url "
                f"IN ({','.join('?' * len(chunk))})", chunk).rowcount
    return changed


# -- the item pipeline --------------------------------------------------------------------

class SiteRunLedger:
    """The spam verdicts of one site's run, and what they mean for the site.

    :meth:`observe` every article of the run (before it is stored), :meth:`settle` once they
    are all stored:

    * every article scored as spam gets ``quarantined = 1``;
    * a site that yielded :data:`FLAG_MIN_SPAM` spam articles, or at least :data:`FLAG_SHARE`
      of its articles (two or more), is flagged in ``site_flags`` with the reason and example
      titles, and every article the run stored for the first time is quarantined. Later runs
      of a flagged site quarantine all its new articles until ``police-news sites unflag ID``.
      A site an operator unflagged is flagged again only on stronger evidence (both rules).

    The local crawl uses it through :class:`SpamPipeline`; a writer that stores items crawled
    elsewhere keeps one per site run itself.
    """

    def __init__(self, site_id: str) -> None:
        self.site_id = site_id
        self.started_at = utc_now()
        self.items = 0
        self.spam_urls: list[str] = []
        self.new_urls: list[str] = []  # not stored before this run
        self.causes: Counter[str] = Counter()  # reason category → count, for the flag
        self.titles: list[str] = []

    def observe(self, title: str, body_text: str, url: str, *, new: bool) -> SpamVerdict:
        """Score one article of the run; ``url`` is its canonical URL, ``new`` whether it was
        not stored before the run."""
        self.items += 1
        if new:
            self.new_urls.append(url)
        verdict = score_page(title, body_text)
        if verdict.is_spam:
            self.spam_urls.append(url)
            self.titles.append(title)
            self.causes.update(_category(r) for r in verdict.reasons
                               if not r.startswith("Polri"))
            logger.warning("%s: spam (score %.2f) %s: %s", self.site_id, verdict.score, url,
                           "; ".join(verdict.reasons))
        return verdict

    def settle(self, store: Store, run_id: str | None = None) -> int:
        """Write the run's verdicts (see the class doc); returns the articles quarantined."""
        if not self.items:
            return 0
        spam = len(self.spam_urls)
        quarantined = quarantine(store, self.spam_urls) if spam else 0
        flag = site_flag(store, self.site_id)
        by_count, by_share = spam >= FLAG_MIN_SPAM, spam >= 2 and spam >= FLAG_SHARE * self.items
        cleared = flag is not None and flag["flag"] == "cleared"
        if (by_count and by_share) if cleared else (by_count or by_share):
            causes = ", ".join(label for label, _ in self.causes.most_common(3))
            reason = (f"{spam} of {self.items} articles of the crawl at {self.started_at} "
                      f"look like spam ({causes})")
            flag_site(store, self.site_id, reason, self.titles[:5], run_id)
            logger.warning("%s: flagged as spam: %s", self.site_id, reason)
            flag = site_flag(store, self.site_id)
        if flag is not None and flag["flag"] == "spam":
            quarantined += quarantine(store, self.new_urls)
        if quarantined:
            logger.warning("%s: %d article(s) quarantined", self.site_id, quarantined)
        return quarantined


class SpamPipeline:
    """Scores every article; spam is stored quarantined, a spamming site is flagged.

    Place it after the dates/units pipeline and before dedupe (``ITEM_PIPELINES`` 350). Items
    pass through unchanged; the verdicts (:class:`SiteRunLedger`) are written when the spider
    closes, after the store pipeline has stored every item of the run, through a connection
    of its own to the run's database. Not used by distributed workers (they never open the
    database): there the writer keeps the ledger.
    """

    def __init__(self, crawler: Crawler) -> None:
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        if crawler.settings.get("POLICE_NEWS_STATE_CLASS"):
            raise NotConfigured("spam is judged where the items are stored (the writer)")
        self.crawler = crawler
        self.ledger: SiteRunLedger | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SpamPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        from crawler.platforms.base import crawler_state

        if self.ledger is None:
            self.ledger = SiteRunLedger(item.site_id)
        url = canonicalize_url(item.canonical_url or item.url)
        new = not crawler_state(self.crawler).known_urls([url])
        if self.ledger.observe(item.title, item.body_text, url, new=new).is_spam:
            self.crawler.stats.inc_value(STAT_SPAM)
        return item

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.ledger is None:
            return
        with Store(self.crawler.settings.get("POLICE_NEWS_DB")) as store:
            self.ledger.settle(store, self.crawler.settings.get("POLICE_NEWS_RUN_ID"))
