"""Small counts of people are not published, and cannot be worked back out of the totals beside them.

The rule (docs/statistics.md), for figures that count what people did (questions asked,
participants), with `minimum` = STATS_MIN_COUNT:

1. *Primary*: a count from 1 to `minimum` - 1 is withheld. Zero is shown: it tells nothing about anyone.
2. *Complementary*: in every group whose total is published (a list's rows, a table's row and
   its column), the withheld cells must be at least two and add up to at least `minimum`;
   otherwise the smallest shown non-zero cell of the group is withheld too. Else the one withheld
   cell would be its total minus the others, and two cells of 1 would be known from their sum of 2.
   Rows and columns are gone over again until nothing changes.
3. A total from 1 to `minimum` - 1 is withheld as well (its cells all are, by rule 1).
"""


def withheld_cells(values, groups, minimum):
    """The keys of `values` ({key: count}) to withhold, given the `groups` (lists of keys) whose totals are shown."""
    hidden = {key for key, value in values.items() if 0 < value < minimum}
    changed = bool(hidden)
    while changed:
        changed = False
        for group in groups:
            inside = [key for key in group if key in hidden]
            if not inside or (len(inside) > 1 and sum(values[key] for key in inside) >= minimum):
                continue
            shown = [(values[key], index, key) for index, key in enumerate(group) if key not in hidden and values[key]]
            if shown:
                hidden.add(min(shown)[2])
                changed = True
    return hidden


def total_withheld(total, minimum):
    return 0 < total < minimum
