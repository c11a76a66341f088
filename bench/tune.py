"""Fit the matcher's on-topic model and pick its constants on the DEVELOPMENT replies only.

`python -m bench.tune` prints constants to paste into simulator/understand/matcher.py.
It reads bench/replies/dev-*.yaml and never the held-out files `make bench` reports on.
"""
from __future__ import annotations

import itertools
import math
import sys

from bench.matcher import Ours, load_cases, load_builtin
import simulator.understand.matcher as m


def rows(matcher, cases, scenarios):
    """Per reply: the on-topic inputs, whether its best move is right (1) or not (0), whether it is chatter, its move shares."""
    out = []
    for c in cases:
        moves = scenarios[c.scenario].node(c.node).moves
        f = matcher.features(c.text, moves)
        label = 1.0 if c.want is not None and moves[f["best"]].key == c.want else 0.0
        out.append((m.on_topic_inputs(f), label, c.want is None, f["score"], f["best"]))
    return out


def fit(data, l2=0.01, steps=3000, rate=0.5):
    """Plain logistic regression by gradient descent, inputs scaled by their spread; weights in raw units."""
    n_in = len(data[0][0])
    spread = [max(1e-6, max(x[j] for x, _, _ in data) - min(x[j] for x, _, _ in data)) if j else 1.0 for j in range(n_in)]
    w = [0.0] * n_in
    for _ in range(steps):
        grad = [0.0] * n_in
        for x, y, _ in data:
            z = sum(wj * xj / sj for wj, xj, sj in zip(w, x, spread))
            p = 1 / (1 + math.exp(-max(-60, min(60, z))))
            for j in range(n_in):
                grad[j] += (p - y) * x[j] / spread[j]
        w = [wj - rate * (g / len(data) + (l2 * wj if j else 0)) for j, (wj, g) in enumerate(zip(w, grad))]
    return [wj / sj for wj, sj in zip(w, spread)]


def evaluate(data, weights, temperature):
    """The matcher's own decision (on-topic chance times the move's share, against ANSWER_AT)."""
    ans = right = on = chat = refused = 0
    for x, y, is_chat, score, best in data:
        p = m._sigmoid(sum(a * b for a, b in zip(weights, x))) * m._softmax(score, temperature)[best]
        took = p >= m.ANSWER_AT
        if is_chat:
            chat += 1
            refused += not took
        else:
            on += 1
            ans += took
            right += took and y == 1
    return ans / on, right / max(ans, 1), refused / chat


def main() -> int:
    cases = load_cases(held_out=False)
    scenarios = {c.scenario: load_builtin(c.scenario) for c in cases}
    matcher = Ours().matcher
    best = None
    for lex_share, k in itertools.product((0.3, 0.45, 0.6), (1, 2, 3)):
        m.LEX_SHARE, m.NEIGHBOURS = lex_share, k
        data = rows(matcher, cases, scenarios)
        weights = fit([(x, y, c) for x, y, c, _, _ in data])
        top1 = sum(y for _, y, c, _, _ in data if not c) / sum(not c for _, _, c, _, _ in data)
        for t in (0.02, 0.04, 0.08):
            answered, right, refused = evaluate(data, weights, t)
            key = (round(min(answered / 0.9, right / 0.95, refused / 0.9), 2), round(answered + right + refused, 3), top1)
            print(f"lex {lex_share} k {k} t {t}: top1 {top1:.3f} answered {answered:.3f} right {right:.3f} refused {refused:.3f}")
            if best is None or key > best[0]:
                best = (key, (lex_share, k, t), weights)
    (_, (lex_share, k, t), weights) = best
    print(f"\nLEX_SHARE = {lex_share}\nNEIGHBOURS = {k}\nMOVE_TEMPERATURE = {t}")
    print(f"ON_TOPIC = ({', '.join(f'{w:.2f}' for w in weights)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
