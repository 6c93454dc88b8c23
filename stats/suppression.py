"""Small counts of people are not published, and cannot be worked back out of the totals beside them.

The rule (docs/statistics.md), for figures that count what people did (questions asked,
participants), with `minimum` = STATS_MIN_COUNT. A figure is a set of *lines*, each saying
that some counts add up to a total: a list's rows and its total; a table's rows and each
row's total, its columns and each column's total, the row totals and the grand total, the
column totals and the grand total. Totals are counts like the others:

1. *Primary*: a count (or total) from 1 to `minimum` - 1 is withheld. Zero is shown: it tells
   nothing about anyone.
2. *Complementary*: in every line with a withheld count, at least two must be withheld, and the
   withheld parts must add up to at least `minimum` unless the line's total is withheld too.
   Otherwise the smallest shown non-zero count of the line is withheld as well. Else the one
   withheld count would be the total minus the others, and two parts of 1 would be known from
   their sum of 2. Lines are gone over again until nothing changes.
"""


def withheld(values, lines, minimum):
    """The keys of `values` ({key: count}) to withhold; `lines` are (part keys, total key) that add up."""
    hidden = {key for key, value in values.items() if 0 < value < minimum}
    changed = bool(hidden)
    while changed:
        changed = False
        for parts, total in lines:
            members = [*parts, total]
            inside = [key for key in members if key in hidden]
            if not inside or (len(inside) > 1 and (total in hidden or _sum(values, inside, total) >= minimum)):
                continue
            shown = [
                (values[key], index, key) for index, key in enumerate(members) if key not in hidden and values[key]
            ]
            if shown:
                hidden.add(min(shown)[2])
                changed = True
    return hidden


def _sum(values, keys, total):
    return sum(values[key] for key in keys if key != total)
