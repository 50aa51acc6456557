"""Scoring, ranking and classification of emulation sheets (pure Python, no Odoo).

A sheet is a list of criterion lines. Each line has a kind:
- ``standard``: points earned, between 0 and the criterion's maximum;
- ``bonus``: extra points, between 0 and the criterion's maximum;
- ``penalty``: points deducted, between 0 and the criterion's maximum.
Weights multiply the points of a line (1.0 by default).

Ranking is competition ranking ("1, 2, 2, 4") with explicit tie-breaks, in this order:
1. higher total;
2. fewer penalty points (the cleaner record goes first);
3. more standard points (results before bonuses);
4. otherwise the subjects share the rank.
"""

from collections import namedtuple

KINDS = ("standard", "bonus", "penalty")
TIE_BREAKS = ("total desc", "penalty asc", "standard desc")

Line = namedtuple("Line", "kind points weight", defaults=(1.0,))
Totals = namedtuple("Totals", "total standard bonus penalty")


class ScoreError(ValueError):
    """A score outside what its criterion allows."""


def check_points(points, max_points):
    """Refuse a negative score or a score above the criterion's maximum."""
    if points is None:
        return
    if points < 0 or points > max_points:
        raise ScoreError(f"{points} is outside 0..{max_points}")


def totals(lines):
    """Sum a sheet: ``standard + bonus - penalty``, weighted, to 2 places."""
    sums = dict.fromkeys(KINDS, 0.0)
    for line in lines:
        if line.kind not in sums:
            raise ScoreError(f"unknown criterion kind {line.kind!r}")
        sums[line.kind] += (line.points or 0.0) * (line.weight or 0.0)
    std, bonus, pen = (round(sums[k], 2) for k in KINDS)
    return Totals(round(std + bonus - pen, 2), std, bonus, pen)


def _rank_key(t):
    return (-t.total, t.penalty, -t.standard)


def rank(items):
    """Rank ``{key: Totals}``; returns ``{key: rank}`` (competition ranking).

    Subjects equal on every tie-break share a rank; the next rank skips accordingly.
    """
    ordered = sorted(items.items(), key=lambda kv: (_rank_key(kv[1]), str(kv[0])))
    ranks, previous, current = {}, None, 0
    for position, (key, tot) in enumerate(ordered, start=1):
        k = _rank_key(tot)
        if k != previous:
            current, previous = position, k
        ranks[key] = current
    return ranks


def rank_by_total(items):
    """Competition ranking of ``{key: Totals}`` on the total alone ("1, 2, 2, 4"):
    equal totals share the rank whatever their penalty or standard points (the
    class emulation tables of the schools)."""
    return rank({key: Totals(tot.total, 0.0, 0.0, 0.0) for key, tot in items.items()})


def rank_within(items, group_of):
    """Rank separately inside each group: ``group_of(key)`` gives the group."""
    groups = {}
    for key, tot in items.items():
        groups.setdefault(group_of(key), {})[key] = tot
    result = {}
    for members in groups.values():
        result.update(rank(members))
    return result


def classify(total, bands):
    """The band of a total: ``bands`` is ``[(name, min_total), ...]``; the highest band
    whose minimum the total reaches, or None."""
    best = None
    for name, minimum in sorted(bands, key=lambda b: b[1]):
        if total >= minimum:
            best = name
    return best
