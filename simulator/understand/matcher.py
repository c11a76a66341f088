"""Which offered move a typed reply means, or none (issue 16).

Two readings of the reply are combined for every move offered:

- *what it says*: the best cosine between the reply and the move's own words
  (its `say`, each sentence of it, and its `examples`), over word and
  character n-grams, so a near-verbatim or typo'd copy scores close to 1;
- *what it does*: how much the reply sounds like each dialogue act, from its
  nearest neighbours in the shipped corpus of short replies per act
  (`data/acts.txt`), for the best of the move's `acts`. The corpus also has a
  `chatter` class: small talk, jokes, keyboard mashing.

The move's score mixes the two. Small talk that borrows a scripted line's
words ("Is the weather nice on Wednesday?") is the hardest to refuse, so the
rarest words of the moves offered are also set into a few small-talk
templates ("do you like Wednesday?"), and a reply closer to those decoys than
to the moves reads as chatter. The reply's chance of being on topic comes
from a small logistic model over these scores (fitted by `python -m
bench.tune` on development replies, never on the benchmark's), and
each move's confidence is that chance times the move's softmax share among
the moves offered. Below `ANSWER_AT` no move is taken: the caller asks
"Did you mean...?" with the candidates. Everything is plain Python over a
few hundred short texts: deterministic, offline, a few ms per reply.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from simulator.understand.features import Idf, Vector, cosine, raw_features, stem, words

CHATTER = "chatter"
ANSWER_AT = 0.5  # confidence at or above which a move is taken
TOP = 3  # candidates listed

# Tuned by `python -m bench.tune` on bench/replies/dev-*.yaml, never on the held-out replies.
LEX_SHARE = 0.45  # move score: this much "what it says", the rest "what it does"
MOVE_TEMPERATURE = 0.04  # softmax over move scores
NEIGHBOURS = 2  # an act's score: the mean of its best few corpus neighbours
# Logistic model of "on topic", over on_topic_inputs(): fitted by `python -m bench.tune`.
ON_TOPIC = (-0.44, 1.98, 2.13, 1.06, -2.70, 1.77, 1.10, -3.28, -0.06, -2.75)
# Decoys: small talk around the rarest words of the moves offered.
DECOY_IDF = 5.0  # a word this rare in the corpus (or never in it) is the scene's own
DECOY_WORDS = 16
DECOY_TEMPLATES = (
    "do you like {}?", "is the weather nice on {}?", "what do you think about {}?", "I love {}",
    "have you ever seen {}?", "is {} your favourite?", "my friend talks about {} a lot", "how's {} where you are?",
)

_COMMON = frozenset(
    "about after again also been before being could does doing from have here just like look more much must "
    "need only over really said some than that them then there these they this those very want well were "
    "what when where which while will with would your yours".split()
)
_SENTENCE = re.compile(r"(?<=[.?!;:])\s+")


@dataclass(frozen=True, slots=True)
class Candidate:
    move: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Reading:
    """The move a reply was read as (None: not sure), how sure, and the best few moves offered."""

    move: str | None
    confidence: float
    candidates: tuple[Candidate, ...]

    def to_dict(self) -> dict:
        return {
            "move": self.move,
            "confidence": self.confidence,
            "candidates": [{"move": c.move, "confidence": c.confidence} for c in self.candidates],
        }


def read_corpus(text: str) -> list[tuple[str, str]]:
    """`[label]` headers, one example a line, `#` comments: (label, example) pairs."""
    out, label = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            label = line[1:-1]
        elif label is not None:
            out.append((label, line))
    return out


def on_topic_inputs(f: dict) -> tuple[float, ...]:
    """What the on-topic model weighs, in the order of ON_TOPIC (a 1 first, for the bias)."""
    b = f["best"]
    lex, act = f["lex"][b], f["act"][b]
    return (1.0, f["score"][b], lex, act, f["chatter"], f["margin"], lex * act, max(0.0, f["chatter"] - act),
            f["decoy"], max(0.0, f["decoy"] - lex))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -60 else 0.0


def _softmax(scores: Sequence[float], temperature: float) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


class Matcher:
    """Built once per process from the act corpus; `read` is then cheap."""

    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        examples = list(examples)
        feats = [raw_features(text) for _, text in examples]
        self.idf = Idf(feats)
        self.labels = sorted({label for label, _ in examples})
        self._label_of = [label for label, _ in examples]
        index: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, f in enumerate(feats):
            for feat, weight in self.idf.vector(f).items():
                index[feat].append((i, weight))
        self._index = dict(index)
        self._moves: dict[tuple, list[Vector]] = {}
        self._decoy_cache: dict[tuple, list[Vector]] = {}

    @classmethod
    def shipped(cls) -> "Matcher":
        text = (Path(__file__).parent / "data" / "acts.txt").read_text(encoding="utf-8")
        return cls(read_corpus(text))

    # -- what the reply does -------------------------------------------------

    def act_scores(self, text: str) -> dict[str, float]:
        """Each label's raw score: the mean cosine of its NEIGHBOURS nearest corpus examples."""
        q = self.idf.vector(raw_features(text), known_only=True)
        sims: dict[int, float] = {}
        for feat, w in q.items():
            for i, dw in self._index.get(feat, ()):
                sims[i] = sims.get(i, 0.0) + w * dw
        best: dict[str, list[float]] = {label: [] for label in self.labels}
        for i, s in sims.items():
            best[self._label_of[i]].append(s)
        return {label: sum(sorted(v, reverse=True)[:NEIGHBOURS]) / NEIGHBOURS for label, v in best.items()}

    # -- what the reply says -------------------------------------------------

    def _move_vectors(self, say: str, examples: tuple[str, ...]) -> list[Vector]:
        key = (say, examples)
        found = self._moves.get(key)
        if found is None:
            texts = [say, *examples]
            parts = _SENTENCE.split(say.strip())
            if len(parts) > 1:
                texts.extend(parts)
            found = [self.idf.vector(raw_features(t)) for t in texts if t.strip()]
            if len(self._moves) > 4096:  # a long-lived process reading many scenarios
                self._moves.clear()
            self._moves[key] = found
        return found

    # -- small talk made of the moves' own words -----------------------------

    def _decoys(self, moves: Sequence) -> list[Vector]:
        """Small talk built from the rarest words of the moves offered ("do you like Wednesday?").

        Chatter that borrows a scripted line's words is the hardest to refuse: it
        shares the line's content but none of its purpose. These decoys give the
        reply something of that shape to resemble.
        """
        key = tuple((m.say, tuple(m.examples)) for m in moves)
        found = self._decoy_cache.get(key)
        if found is None:
            rare: dict[str, float] = {}
            for m in moves:
                for text in (m.say, *m.examples):
                    for w in words(text):
                        idf = self.idf.weights.get("w:" + stem(w), self.idf.unseen)
                        if len(w) > 3 and idf >= DECOY_IDF and w not in _COMMON:
                            rare[w] = idf
            chosen = sorted(rare, key=lambda w: (-rare[w], w))[:DECOY_WORDS]
            found = [self.idf.vector(raw_features(t.format(w))) for w in chosen for t in DECOY_TEMPLATES]
            if len(self._decoy_cache) > 4096:
                self._decoy_cache.clear()
            self._decoy_cache[key] = found
        return found

    # -- both ----------------------------------------------------------------

    def features(self, text: str, moves: Sequence) -> dict:
        """Every number the decision uses, for the benchmark and for tuning."""
        q = self.idf.vector(raw_features(text))
        acts = self.act_scores(text)
        lex = [max((cosine(q, v) for v in self._move_vectors(m.say, tuple(m.examples))), default=0.0) for m in moves]
        act = [max((acts.get(a, 0.0) for a in m.acts), default=0.0) for m in moves]
        score = [LEX_SHARE * x + (1.0 - LEX_SHARE) * y for x, y in zip(lex, act)]
        decoy = max((cosine(q, v) for v in self._decoys(moves)), default=0.0)
        ranked = sorted(score, reverse=True)
        best = score.index(ranked[0])
        return {
            "lex": lex, "act": act, "score": score, "best": best, "chatter": acts.get(CHATTER, 0.0), "decoy": decoy,
            "margin": ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0),
        }  # fmt: skip

    def read(self, text: str, moves: Sequence) -> Reading:
        """`moves`: the moves offered at that moment (objects with key, say, acts, examples)."""
        if not moves or not text or not any(ch.isalnum() for ch in text):
            return Reading(None, 0.0, ())
        f = self.features(text, moves)
        score = f["score"]
        on_topic = _sigmoid(sum(w * x for w, x in zip(ON_TOPIC, on_topic_inputs(f))))
        shares = _softmax(score, MOVE_TEMPERATURE)
        order = sorted(range(len(moves)), key=lambda i: (-score[i], i))  # ties: the order offered
        candidates = tuple(Candidate(moves[i].key, round(on_topic * shares[i], 3)) for i in order[:TOP])
        best = candidates[0]
        return Reading(best.move if best.confidence >= ANSWER_AT else None, best.confidence, candidates)
