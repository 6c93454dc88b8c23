"""The small-count rule on its own: withheld counts, complementary ones, totals; none can be worked back out."""

import itertools

from stats.suppression import withheld


def one_list(counts):
    """A list's values and its one line: the rows add up to the total."""
    values = dict(enumerate(counts))
    values["total"] = sum(counts)
    return values, [(list(range(len(counts))), "total")]


def hidden_in(counts, minimum=5):
    values, lines = one_list(counts)
    return withheld(values, lines, minimum)


def two_by_two(cells):
    """A table of two rows and two columns with its row, column and grand totals, and the lines that add up."""
    rows, columns = ("pl", "cz"), ("city", "ngo")
    values = dict(cells)
    for row in rows:
        values[("row", row)] = sum(cells[(row, column)] for column in columns)
    for column in columns:
        values[("column", column)] = sum(cells[(row, column)] for row in rows)
    values["total"] = sum(cells.values())
    lines = [([(row, column) for column in columns], ("row", row)) for row in rows]
    lines += [([(row, column) for row in rows], ("column", column)) for column in columns]
    lines += [([("row", row) for row in rows], "total"), ([("column", column) for column in columns], "total")]
    return values, lines


def test_counts_of_five_and_more_are_all_shown():
    assert hidden_in([5, 12, 0]) == set()


def test_a_small_count_is_withheld_with_the_smallest_other_so_the_total_does_not_give_it_away():
    assert hidden_in([3, 40, 7, 0]) == {0, 2}


def test_two_small_counts_that_add_up_below_the_minimum_take_a_third_with_them():
    assert hidden_in([1, 1, 9, 20]) == {0, 1, 2}


def test_two_small_counts_that_add_up_to_the_minimum_are_enough():
    assert hidden_in([2, 3, 9]) == {0, 1}


def test_a_total_below_the_minimum_is_withheld_with_its_counts_and_zero_is_not():
    assert hidden_in([2, 1, 0]) == {0, 1, "total"}
    assert hidden_in([0, 0]) == set()


def test_no_withheld_count_can_be_worked_out_from_the_shown_counts_and_the_total():
    """Every list of four counts from 0 to 6: each withheld count could be any of at least two values."""
    for counts in itertools.product(range(7), repeat=4):
        hidden = hidden_in(list(counts))
        if not hidden or "total" in hidden:
            continue
        # What the shown counts leave of the total; each withheld count is at least 1 (zeros are shown),
        # so any one of them is anything from 1 to `rest` minus one for each of the others.
        rest = sum(counts) - sum(value for index, value in enumerate(counts) if index not in hidden)
        assert len(hidden) >= 2
        assert rest - (len(hidden) - 1) > 1, (counts, hidden)


def test_a_table_is_protected_along_its_rows_its_columns_and_its_margins():
    values, lines = two_by_two({("pl", "city"): 2, ("pl", "ngo"): 30, ("cz", "city"): 12, ("cz", "ngo"): 25})

    hidden = withheld(values, lines, 5)

    assert {("pl", "city"), ("pl", "ngo"), ("cz", "city"), ("cz", "ngo")} <= hidden
    assert not {("row", "pl"), ("column", "city"), "total"} & hidden


def test_a_small_row_total_is_not_the_grand_total_minus_the_other_row():
    """Poland's row is 2 and 0: its total is withheld, and so must another row's be, or 39 - 37 gives it away."""
    values, lines = two_by_two({("pl", "city"): 2, ("pl", "ngo"): 0, ("cz", "city"): 12, ("cz", "ngo"): 25})

    hidden = withheld(values, lines, 5)

    assert {("pl", "city"), ("row", "pl"), ("row", "cz")} <= hidden
    for parts, total in lines:
        inside = [key for key in [*parts, total] if key in hidden]
        assert len(inside) != 1, (parts, total, hidden)
