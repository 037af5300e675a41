"""normalize.periods: the reporting period as the reports print it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.normalize.casefold import lowered
from nhth_cli.normalize.periods import find_period
from tests.normalize.test_casefold import PROSE


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Connecticut State Report: 1/1/2016 – 12/31/2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("from January 1, 2016 – December 31, 2016 about", date(2016, 1, 1), date(2016, 12, 31)),
        (
            "between January 1, 2015 and December 31, 2015 from",
            date(2015, 1, 1),
            date(2015, 12, 31),
        ),
        ("from December 2012 to December 2016.", date(2012, 12, 1), date(2016, 12, 31)),
        ("from February 2015 through February 2016", date(2015, 2, 1), date(2016, 2, 29)),
        ("Jan. 1, 2019 - Dec. 31, 2019", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    period = find_period(text)
    assert period is not None
    assert (period.start, period.end, period.year) == (start, end, end.year)


def test_a_single_date_is_no_period() -> None:
    assert find_period("These statistics are accurate as of June 1, 2017.") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(PROSE, max_size=20).map("".join))
def test_a_period_is_found_alike_given_the_text_lower_cased(text: str) -> None:
    assert find_period(text, lowered(text)) == find_period(text)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # The first period stated wins, whatever its form.
        ("from December 2012 to December 2016; 1/1/2016 – 12/31/2016", date(2012, 12, 1)),
        ("1/1/2015 – 12/31/2015, then January 1, 2016 – December 31, 2016", date(2015, 1, 1)),
        # A match that is no valid period (month 13) is passed over for the next one.
        ("13/45/2016 – 12/31/2016 and 1/1/2014 – 12/31/2014", date(2014, 1, 1)),
        ("December 1, 2016 – January 1, 2016 or Dec 2013 to Dec 2014", date(2013, 12, 1)),
    ],
)
def test_the_first_valid_period_stated_is_the_documents(text: str, start: date) -> None:
    period = find_period(text)
    assert period is not None and period.start == start
