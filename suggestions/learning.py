"""What the team's picks and dismissals taught, as per-phrase vectors the ranking can read fast.

For every phrase, each operator's picks are averaged into one vector (weighted by age: a pick loses half its
weight every HALF_LIFE_DAYS), and that operator's weight for the phrase is capped at 1, however often they
pick it. The phrase's learned vector is the operators' vectors averaged, and its strength is the sum of their
weights over TEAM_QUORUM, capped at 1: one operator alone moves a phrase at most 1/TEAM_QUORUM of the way, so
a careless or hostile operator cannot put a phrase on top for everyone. Dismissals are learned the same way
and push a phrase down for messages like the dismissed ones. Feedback from before a reviewer's reset of a
phrase does not count. The result is cached per process and rebuilt when new feedback arrives.
"""
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.utils import timezone

HALF_LIFE_DAYS = 30.0
TEAM_QUORUM = 2.0
PER_OPERATOR_CAP = 1.0
FRESHNESS = 1.0


@dataclass
class Learned:
    """Learned vectors (normalised) and strengths by phrase key, for picks and for dismissals."""

    pick_keys: list
    pick_vectors: np.ndarray
    pick_strength: np.ndarray
    pick_counts: np.ndarray
    dismiss_keys: list
    dismiss_vectors: np.ndarray
    dismiss_strength: np.ndarray


def _combine(entries):
    """entries: {key: {operator: [(weight, vector)…]}} → keys, vectors, strengths, counts."""
    keys, vectors, strengths, counts = [], [], [], []
    for key, by_operator in entries.items():
        total, mean, count = 0.0, None, 0
        for picks in by_operator.values():
            weights = np.array([w for w, _ in picks], dtype=np.float32)
            stacked = np.stack([v for _, v in picks])
            operator_vector = (weights[:, None] * stacked).sum(0) / max(float(weights.sum()), 1e-9)
            operator_weight = min(PER_OPERATOR_CAP, float(weights.sum()))
            mean = operator_weight * operator_vector if mean is None else mean + operator_weight * operator_vector
            total += operator_weight
            count += len(picks)
        norm = float(np.linalg.norm(mean))
        if total <= 0 or norm == 0:
            continue
        keys.append(key)
        vectors.append(mean / norm)
        strengths.append(min(1.0, total / TEAM_QUORUM))
        counts.append(count)
    matrix = np.stack(vectors).astype(np.float32) if vectors else np.zeros((0, 512), np.float32)
    return keys, matrix, np.array(strengths, dtype=np.float32), np.array(counts, dtype=np.int32)


def teaching_feedback():
    """The feedback learning reads: a pick or a dismissal. A search that ended with no use teaches the ranking
    nothing (it feeds the missing-replies report), so storing one neither is read here nor makes the learned
    cache recompute."""
    from suggestions.models import SuggestionFeedback

    return SuggestionFeedback.objects.exclude(chosen_key="", dismissed_keys=[])


def compute_learned(now=None) -> Learned:
    from suggestions.models import LearningReset

    now = now or timezone.now()
    resets = dict(LearningReset.objects.values_list("key", "reset_at"))
    picks, dismissals = defaultdict(lambda: defaultdict(list)), defaultdict(lambda: defaultdict(list))
    rows = (teaching_feedback().exclude(vector=None)
            .values_list("user_id", "chosen_key", "dismissed_keys", "vector", "created_at").iterator(chunk_size=2000))
    for user_id, chosen, dismissed, vector, created_at in rows:
        if not vector:
            continue
        age_days = max(0.0, (now - created_at).total_seconds() / 86400)
        weight = 0.5 ** (age_days / HALF_LIFE_DAYS)
        vector = np.frombuffer(bytes(vector), dtype=np.float32)
        operator = user_id or 0
        if chosen and not (chosen in resets and created_at < resets[chosen]):
            picks[chosen][operator].append((weight, vector))
        for key in dismissed or ():
            if key != chosen and not (key in resets and created_at < resets[key]):
                dismissals[key][operator].append((weight, vector))
    pick_keys, pick_vectors, pick_strength, pick_counts = _combine(picks)
    dismiss_keys, dismiss_vectors, dismiss_strength, _ = _combine(dismissals)
    return Learned(pick_keys, pick_vectors, pick_strength, pick_counts, dismiss_keys, dismiss_vectors,
                   dismiss_strength)


def pulls(learned: Learned, query: np.ndarray) -> dict:
    """{phrase key: how far the team's picks pull it up (or its dismissals push it down, negative)} for a text
    whose vector is `query`: suggestions/ranking.py's weights and floors, the strengths bounded as above."""
    from suggestions import ranking

    pulled = defaultdict(float)
    if len(learned.pick_keys):
        gains = ranking.LEARN_WEIGHT * learned.pick_strength * np.maximum(
            0.0, learned.pick_vectors @ query - ranking.LEARN_FLOOR)
        for i in np.flatnonzero(gains > 0).tolist():
            pulled[learned.pick_keys[i]] += float(gains[i])
    if len(learned.dismiss_keys):
        losses = ranking.DISMISS_WEIGHT * learned.dismiss_strength * np.maximum(
            0.0, learned.dismiss_vectors @ query - ranking.DISMISS_FLOOR)
        for i in np.flatnonzero(losses > 0).tolist():
            pulled[learned.dismiss_keys[i]] -= float(losses[i])
    return dict(pulled)


class LearnedCache:
    def __init__(self):
        self._lock = threading.Lock()
        self.learned = None
        self.revision = None
        self.checked_at = 0.0

    def reset(self):
        with self._lock:
            self.learned, self.revision, self.checked_at = None, None, 0.0

    def current(self) -> Learned:
        from suggestions.models import LearningReset

        now = time.monotonic()
        with self._lock:
            if self.learned is not None and now - self.checked_at < FRESHNESS:
                return self.learned
            teaching = teaching_feedback()
            revision = (teaching.order_by("-id").values_list("id", flat=True).first(),
                        teaching.count(),
                        LearningReset.objects.order_by("-reset_at").values_list("reset_at", flat=True).first())
            if revision != self.revision or self.learned is None:
                self.learned = compute_learned()
                self.revision = revision
            self.checked_at = now
            return self.learned


learned_cache = LearnedCache()
