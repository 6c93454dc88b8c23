"""The small-count rule on its own: withheld cells, complementary cells, totals; none can be worked back out."""

import itertools

from stats.suppression import total_withheld, withheld_cells


def shown_keys(values, groups, minimum=5):
    return sorted(set(values) - withheld_cells(values, groups, minimum))


def test_counts_of_five_and_more_are_all_shown():
    values = {"a": 5, "b": 12, "c": 0}
    assert withheld_cells(values, [list(values)], 5) == set()


def test_a_small_count_is_withheld_with_the_smallest_other_so_the_total_does_not_give_it_away():
    values = {"a": 3, "b": 40, "c": 7, "d": 0}

    assert withheld_cells(values, [list(values)], 5) == {"a", "c"}


def test_two_small_counts_that_add_up_below_the_minimum_take_a_third_with_them():
    values = {"a": 1, "b": 1, "c": 9, "d": 20}

    assert withheld_cells(values, [list(values)], 5) == {"a", "b", "c"}


def test_two_small_counts_that_add_up_to_the_minimum_are_enough():
    values = {"a": 2, "b": 3, "c": 9}

    assert withheld_cells(values, [list(values)], 5) == {"a", "b"}


def test_a_total_below_the_minimum_is_withheld_and_zero_is_not():
    assert total_withheld(4, 5)
    assert not total_withheld(5, 5)
    assert not total_withheld(0, 5)


def test_a_table_is_protected_along_its_rows_and_its_columns():
    values = {("pl", "city"): 2, ("pl", "ngo"): 30, ("cz", "city"): 12, ("cz", "ngo"): 25}
    rows = [[("pl", "city"), ("pl", "ngo")], [("cz", "city"), ("cz", "ngo")]]
    columns = [[("pl", "city"), ("cz", "city")], [("pl", "ngo"), ("cz", "ngo")]]

    hidden = withheld_cells(values, rows + columns, 5)

    assert ("pl", "city") in hidden
    for group in rows + columns:
        inside = [key for key in group if key in hidden]
        assert not inside or (len(inside) > 1 and sum(values[key] for key in inside) >= 5)


def test_no_withheld_cell_can_be_worked_out_from_the_shown_cells_and_totals():
    """Brute force: for every list of four counts 0..6, the shown cells and the total fit more than one value
    of each withheld cell (each withheld cell could be any of at least two values)."""
    for counts in itertools.product(range(7), repeat=4):
        values = dict(enumerate(counts))
        hidden = withheld_cells(values, [list(values)], 5)
        if not hidden or total_withheld(sum(counts), 5):
            continue
        # What the shown cells leave of the total; each withheld cell is at least 1 (zeros are shown),
        # so any one of them is anything from 1 to `rest` minus one for each of the others.
        rest = sum(counts) - sum(value for key, value in values.items() if key not in hidden)
        assert len(hidden) >= 2
        assert rest - (len(hidden) - 1) > 1, (counts, hidden)
