"""normalize.labels: categories lose their footnote marks; headings become ids."""

from __future__ import annotations

import pytest

from nhth_cli.normalize.labels import clean_label, snake_case


@pytest.mark.parametrize(
    ("printed", "category"),
    [
        ("Request General Information ²", "Request General Information"),
        ("Request General Information2", "Request General Information"),
        ("Foreign Nationals 11", "Foreign Nationals"),
        ("Trafficking Type Not Specified⁵", "Trafficking Type Not Specified"),
        ("Online Ad,   Venue Unknown *", "Online Ad, Venue Unknown"),
        ("211/311", "211/311"),
    ],
)
def test_labels_lose_footnote_marks(printed: str, category: str) -> None:
    assert clean_label(printed) == category


def test_snake_case() -> None:
    assert snake_case("LOCATION OF POTENTIAL TRAFFICKING¹⁰ (WHERE KNOWN)") == (
        "location_of_potential_trafficking_where_known"
    )
