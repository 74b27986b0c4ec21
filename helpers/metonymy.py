"""A place name standing for its government (metonymy): "Washington insisted", "pressure from Washington".

:func:`acts` reads a country's or a capital's name as its government when it is a possessive ("Washington's"),
the subject of a finite verb ("New Delhi banned", "Washington insisted", "India, once TikTok's largest market,
banned"; not described by a copula: "Ireland is the obvious answer"), the one urged, accused or called on, or joined
by "and" to another government ("both Beijing and Washington").
:func:`object_of` reads a capital so also when a preposition or a verb takes it as its object ("pressure from
Washington", "approved by Washington", "a bet on Washington", "trying to satisfy Washington", "between Washington and
Beijing", "neither Washington nor Beijing"), but not where something happens or someone goes ("a judge in Washington",
"visited Washington"), nor when a noun follows it ("Washington time", "the Washington newsrooms") or a place
("Washington, D.C."). A country's name as an object stays a place ("trade with India" names no government).

Words are tagged with the Brill lexicon (``lexicon``: word → tag); the expressions look at a bounded window before
or after the name, so each runs in time linear in the text.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# a verb after a name, an auxiliary (group 1) and an adverb ("had repeatedly abused") between
_FOLLOWING_VERB = re.compile(r"\s+(?:(has|had|have|would|will|could|can|may|might|must|should)\s+)?(?:[a-z]+ly\s+)?"
                             r"([a-z]+)(?:\s+([a-z]+))?")
_COPULA = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remained", "seems", "looks", "becomes", "became"})
PLACE_PREPOSITION = re.compile(r"(?i)\b(?:in|at|to|from|of|on|near|outside|across|for|by)\s+(?:the\s+)?$")  # "in the U.S."
_URGED = re.compile(r"(?i)(?:\b(?:urged|urges|urging|accused|accuses|accusing|called\s+on|calls\s+on|told|pressed|warned|warns|"
                    r"warning)(?:\s+the)?|\bBeijing\s+and|\bboth)\s+$")
# the prepositions and determiners of an object that is a government, not a place: "pressure from", "approved by"
_OBJECT_BEFORE = re.compile(r"(?i)\b(?:from|with|by|between|against|over|about|toward|towards|for|on|past|neither|either)\s+$")
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_ASIDE = re.compile(r",\s+[a-z][^,;:.“”\"]{0,80},")  # ", once TikTok's largest market by downloads,"
_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_JOINED_AFTER = re.compile(r"\s+(?:and|or|nor)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")  # "Washington and Beijing"
_PLACE_AFTER = re.compile(r",\s*[A-Z]|-[a-z]")  # "Washington, D.C.", "Washington-based"
_AS_AFTER = re.compile(r"\s+as\b")  # "weighing London as a base": a place considered
_SITE_BEFORE = re.compile(r"(?i)\b(?:run|operated|managed|hello|reporting|live|broadcast)\s+from\s+$")  # "run from Dublin"
# verbs of going somewhere, whose object is a place: "visited Washington", "left Beijing"
_JOURNEY = frozenset("visit visits visited visiting leave leaves left leaving reach reaches reached reaching enter entered "
                     "entering tour toured touring".split())


def verb_follows(after: str, lexicon: dict[str, str]) -> bool:
    """Whether a finite verb (Brill tags) follows a name, an auxiliary between: the name acts. A past
    participle counts as the past tense too: "Pakistan blocked the app" (Brill tags it VBN)."""
    following = _FOLLOWING_VERB.match(after)
    if following and following.group(1) and following.group(1) not in ("has", "had", "have"):
        return True  # a modal: "New Delhi should study"
    return bool(following) and lexicon.get(following.group(2), "")[:3] in (
        ("VB", "VBD", "VBN", "VBZ", "VBP") if following.group(1) else ("VBD", "VBN", "VBZ", "VBP", "MD"))


def acts(before: str, after: str, lexicon: dict[str, str]) -> bool:
    """A place name used for its government as a possessive, the subject of a verb, the one urged, or joined to
    another government (see the module docstring)."""
    if after.startswith(("’s", "'s")):
        return True
    aside = _ASIDE.match(after)  # "India, once TikTok's largest market, banned": the verb after the aside
    after = after[aside.end():] if aside and verb_follows(after[aside.end():], lexicon) else after
    following = _FOLLOWING_VERB.match(after)
    # a copula makes it a place described ("Ireland is the obvious answer"), unless a verb follows ("is weighing")
    if following and following.group(2) in _COPULA and lexicon.get(following.group(3) or "", "")[:3] not in ("VBG", "VBN"):
        return False
    if verb_follows(after, lexicon) and not PLACE_PREPOSITION.search(before):
        return True
    return bool(_URGED.search(before)) and not _noun_follows(after, lexicon)  # not "the Beijing and Washington newsrooms"


def _noun_follows(after: str, lexicon: dict[str, str]) -> bool:
    """Whether a lower-case noun follows the name, which it then modifies ("Washington time")."""
    following = _WORD_AFTER.match(after)
    return bool(following) and lexicon.get(following.group(1), "NN")[:2] == "NN"  # (an unknown word: a noun, as Brill)


def object_of(before: str, after: str, lexicon: dict[str, str], capital_of: Callable[[str], str]) -> bool:
    """A capital a preposition or a verb takes as its object, or joined to another capital (see the module
    docstring); ``capital_of`` names the country of a capital, else ""."""
    if _PLACE_AFTER.match(after) or _noun_follows(after, lexicon) or _AS_AFTER.match(after) or _SITE_BEFORE.search(before):
        return False
    joined = _JOINED_AFTER.match(after)
    if joined and capital_of(joined.group(1)):
        return not PLACE_PREPOSITION.search(before)  # not "regulators in Dublin and Brussels"
    word = _WORD_BEFORE.search(before)
    verb = word.group(1) if word else ""
    return bool(_OBJECT_BEFORE.search(before)) or (lexicon.get(verb, "")[:2] == "VB" and verb not in _JOURNEY)
