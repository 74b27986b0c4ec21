"""Names written family name first: Chinese in Hanyu Pinyin ("Tang Wenjie", "Ma Lin"), Korean and
Wade-Giles given names with a hyphen ("Park Seo-yeon", "Tsai Ing-wen"), also after an English given
name as Hong Kong writes them ("Winston Lau Ka-ming"). Their family name is the one said alone later,
so :mod:`helpers.parties` merges "Ma said" into "Ma Lin" and "Lau said" into "Winston Lau Ka-ming"."""
from __future__ import annotations

import re

# A Hanyu Pinyin syllable (an initial, then a final; tone marks dropped, "ü" as "v" or "u"): the table of
# GB/T 16159-2012, Basic rules of the Chinese phonetic alphabet orthography (Wikipedia, "Pinyin table").
_PINYIN = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|" \
          r"in|un|ia|ie|iu|ua|uo|ui|er|ue|ve|a|o|e|i|u|v)"
_PINYIN_SURNAME = re.compile(_PINYIN)  # one syllable: "Zhang", "Ma", "Wen"
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")  # "Seo-yeon", "Jae-in", "Ing-wen"
_PINYIN_GIVEN = re.compile(f"{_PINYIN}(?:[-’']?{_PINYIN})?")  # one or two: "Ming", "Wenjie", "Chun-ying"


def is_syllable(word: str) -> bool:
    """One pinyin syllable, as every Chinese family name of one is ("Zhuang", "Luo", "Fang")."""
    return bool(_PINYIN_SURNAME.fullmatch(word.lower()))


def pinyin_name(words: list[str]) -> bool:
    """A name written family name first: Chinese in Hanyu Pinyin, a one-syllable family name and a given
    name of one or two syllables, each capitalised ("Tang Wenjie", "Ma Lin", "Wen Shuyi"), or a family
    name before a hyphenated given name, as Korean and Wade-Giles romanise them ("Park Seo-yeon", "Tsai
    Ing-wen"); the family name is the one said alone later ("Ma said", "Park said")."""
    if len(words) != 2 or not words[0][:1].isupper() or not words[0][1:].islower():
        return False
    if _HYPHENATED_GIVEN.fullmatch(words[1]):
        return True
    return words[1][:1].isupper() and words[1][1:].islower() and \
        bool(_PINYIN_SURNAME.fullmatch(words[0].lower())) and bool(_PINYIN_GIVEN.fullmatch(words[1].lower().replace("-", "")))


def family_name(words: list[str]) -> str:
    """The family name of a person's name (its words): the first of one written family name first
    (:func:`pinyin_name`), the one before a hyphenated given name after an English one ("Winston Lau
    Ka-ming": "Lau"), else the last."""
    if pinyin_name(words):
        return words[0]
    if len(words) == 3 and _HYPHENATED_GIVEN.fullmatch(words[2]) and pinyin_name(words[1:]):
        return words[1]
    return words[-1]
