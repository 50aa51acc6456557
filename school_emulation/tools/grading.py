"""Fair grading of initiatives by several graders (pure Python).

Each grader has his own severity: one gives 60-75, another 80-95 to the same work.
Raw averages then reward whoever drew the lenient grader. Per-grader z-scores remove
each grader's mean and spread before averaging; a grader whose scores disagree with
the others' consensus is flagged for the council to look at (never silently dropped).
"""

from dataclasses import dataclass
from statistics import fmean, pstdev


def weighted_total(points, weights, maxima):
    """Rubric total on 100: sum of (points / max) x weight, weights summing to 100.

    ``points``, ``weights`` and ``maxima`` are parallel sequences.
    """
    if not (len(points) == len(weights) == len(maxima)):
        raise ValueError("points, weights and maxima must have the same length")
    total_weight = sum(weights)
    if total_weight <= 0:
        raise ValueError("the weights must add up to more than 0")
    total = 0.0
    for value, weight, maximum in zip(points, weights, maxima, strict=True):
        if maximum <= 0:
            raise ValueError("a criterion's maximum must be positive")
        if value < 0 or value > maximum:
            raise ValueError(f"{value} is outside 0..{maximum}")
        total += value / maximum * weight
    return round(total * 100 / total_weight, 2)


@dataclass
class Normalised:
    scores: dict  # item -> normalised score on the 0-100 scale of the raw scores
    raw_means: dict  # item -> plain average
    z_means: dict  # item -> average z-score
    outliers: dict  # grader -> disagreement (mean absolute z gap), when flagged


def normalise(grades, outlier_gap=1.0):
    """Per-grader z-score normalisation.

    ``grades``: ``{grader: {item: score}}`` (a grader may skip items, e.g. after a
    recusal). Each grader's scores become z = (score - grader mean) / grader spread
    (a grader with one score or no spread contributes z = 0: no information on his
    scale). An item's normalised score maps its mean z back onto the pooled raw
    scale: pooled mean + mean z x pooled spread, clipped to 0..100.

    A grader is an outlier when the mean absolute gap between his z-scores and the
    other graders' mean z for the same items is at least ``outlier_gap`` (needs at
    least 3 graders and 2 shared items).
    """
    z = {}
    for grader, scores in grades.items():
        values = list(scores.values())
        mean = fmean(values) if values else 0.0
        spread = pstdev(values) if len(values) > 1 else 0.0
        z[grader] = {
            item: ((score - mean) / spread if spread else 0.0)
            for item, score in scores.items()
        }
    items = sorted({item for scores in grades.values() for item in scores}, key=str)
    pooled = [s for scores in grades.values() for s in scores.values()]
    pooled_mean = fmean(pooled) if pooled else 0.0
    pooled_spread = pstdev(pooled) if len(pooled) > 1 else 0.0
    raw_means, z_means, scores = {}, {}, {}
    for item in items:
        raws = [g[item] for g in grades.values() if item in g]
        zs = [zg[item] for zg in z.values() if item in zg]
        raw_means[item] = round(fmean(raws), 2)
        z_means[item] = round(fmean(zs), 4)
        value = pooled_mean + fmean(zs) * pooled_spread
        scores[item] = round(min(100.0, max(0.0, value)), 2)
    outliers = {}
    if len(grades) >= 3:
        for grader, zg in z.items():
            gaps = []
            for item, value in zg.items():
                others = [z[o][item] for o in z if o != grader and item in z[o]]
                if others:
                    gaps.append(abs(value - fmean(others)))
            if len(gaps) >= 2 and fmean(gaps) >= outlier_gap:
                outliers[grader] = round(fmean(gaps), 4)
    return Normalised(scores, raw_means, z_means, outliers)


def contribution_ok(shares, total=100, tolerance=0.01):
    """Authors' contribution shares add up to ``total`` (each share > 0)."""
    return (
        bool(shares)
        and all(s > 0 for s in shares)
        and abs(sum(shares) - total) <= tolerance
    )
