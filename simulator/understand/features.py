"""Typed text -> weighted features, and TF-IDF vectors over them, in pure Python.

A reply is read two ways at once: as words (light stems, and word pairs, so
"not happening" differs from "happening") and as character 3- and 4-grams of
each word, so a typo ("manger", "wat hapened") still lands near the word
meant. Each group is normalized on its own and weighted, so a cosine is
`WORD_SHARE * word cosine + (1 - WORD_SHARE) * character cosine`.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from typing import Iterable, Mapping

Vector = dict[str, float]

WORD_SHARE = 0.5
PAIR_WEIGHT = 0.6  # a word pair counts a little less than a word
CHAR_SIZES = (3, 4)

_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_CONTRACTION = re.compile(r"\b(?:can't|cant|cannot|won't|wont)\b|n't\b|'(?:m|re|ll|ve|d|s)\b")
_SPELLED = {"can't": " can not", "cant": " can not", "cannot": " can not", "won't": " will not", "wont": " will not",
            "n't": " not", "'m": " am", "'re": " are", "'ll": " will", "'ve": " have", "'d": " would", "'s": " s"}
# What people type without the apostrophe, or in a hurry.
_SHORTHAND = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "wasnt": "was not",
    "arent": "are not", "havent": "have not", "shouldnt": "should not", "couldnt": "could not",
    "wouldnt": "would not", "im": "i am", "ive": "i have", "ill": "i will", "youre": "you are",
    "thats": "that s", "whats": "what s", "its": "it s", "theyre": "they are",
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "thx": "thanks",
    "ty": "thank you", "sry": "sorry", "wat": "what", "wot": "what", "coz": "because", "cuz": "because",
    "ok": "okay", "k": "okay", "mgr": "manager", "tmrw": "tomorrow", "tmr": "tomorrow", "2morrow": "tomorrow",
    "apologise": "apologize", "apologies": "apologize",
}


def words(text: str) -> list[str]:
    """Lowercased word tokens with contractions and common shorthand spelled out."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    if "'" in text or "nt" in text or "nnot" in text:
        text = _CONTRACTION.sub(lambda m: _SPELLED[m.group()], text)
    out: list[str] = []
    for token in _TOKEN.findall(text):
        out.extend(_SHORTHAND.get(token, token).split())
    return out


def stem(word: str) -> str:
    """A crude suffix strip: enough to meet "refunded" with "refund" and "apologizing" with "apologize"."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if len(word) > 5 and word.endswith("ly"):
        return word[:-2]
    if len(word) > 4 and word.endswith("e"):
        return word[:-1]
    return word


def raw_features(text: str) -> Counter:
    """Feature counts: `w:` stems, `p:` stem pairs, `c:` character grams (the prefix names the group)."""
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    feats: Counter = Counter(["w:" + s for s in stems])
    for a, b in zip(stems, stems[1:]):
        feats["p:" + a + " " + b] += PAIR_WEIGHT
    grams: list[str] = []
    for t in tokens:
        padded = "<" + t + ">"
        for n in CHAR_SIZES:
            grams += ["c:" + padded[i : i + n] for i in range(len(padded) - n + 1)]
    feats.update(grams)  # counted in C
    return feats


class Idf:
    """Inverse document frequencies learnt from a fixed corpus; a feature never seen gets the highest weight."""

    def __init__(self, docs: Iterable[Counter]) -> None:
        df: Counter = Counter()
        n = 0
        for feats in docs:
            n += 1
            df.update(feats.keys())
        self.n = n
        self.weights = {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items()}
        self.unseen = math.log(n + 1) + 1.0

    def vector(self, feats: Mapping[str, float], known_only: bool = False) -> Vector:
        """Sublinear tf times idf, each group scaled to its share of a unit vector.

        `known_only` keeps only features the corpus has seen: how a reply *sounds*
        (its act), without the names and dates that say what it is *about*.
        """
        weights, unseen, log = self.weights, (None if known_only else self.unseen), math.log
        word: Vector = {}
        char: Vector = {}
        for f, count in feats.items():
            idf = weights.get(f, unseen)
            if idf is None:
                continue
            (char if f[0] == "c" else word)[f] = (1.0 + log(count)) * idf if count >= 1 else count * idf
        out: Vector = {}
        for group, share in ((word, WORD_SHARE), (char, 1.0 - WORD_SHARE)):
            norm = math.sqrt(sum(v * v for v in group.values()))
            if norm:
                scale = math.sqrt(share) / norm
                out.update({f: v * scale for f, v in group.items()})
        return out


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())
