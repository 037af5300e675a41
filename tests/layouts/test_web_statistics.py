"""web_statistics: a state's statistics page as saved HTML, copied text and a printed PDF."""

from __future__ import annotations

from datetime import date

import pytest

from nhth_cli.errors import NotAReportError
from nhth_cli.layouts import best_layout
from nhth_cli.parse import parse_document
from tests.web_forms import REAL_TEXAS, TEXAS, data, rows

# The Texas 2023 page's figures (../shared/corpus/real): (table, category, count).
TEXAS_2023 = [
    ("all_time_summary", "Signals", 32297),
    ("all_time_signal_types", "Hotline Call", 25846),
    ("all_time_signal_types", "SMS Report", 3029),
    ("all_time_signal_types", "Online Report", 1986),
    ("all_time_signal_types", "Email Received", 1085),
    ("all_time_signal_types", "Web Chat", 351),
    ("all_time_summary", "Cases", 9615),
    ("all_time_summary", "Victims", 22451),
    ("summary", "Signals", 2373),
    ("summary", "Signals from Victims or Survivors", 583),
    ("ways_found", "Internet", 10),
    ("ways_found", "Referral", 8),
    ("ways_found", "Other", 2355),
    ("signal_types", "Hotline Call", 1417),
    ("signal_types", "SMS Report", 535),
    ("signal_types", "Online Report", 232),
    ("signal_types", "Web Chat", 110),
    ("signal_types", "Email Received", 79),
    ("summary", "Cases", 900),
    ("summary", "Victims", 1723),
]


@pytest.mark.parametrize("form", sorted(TEXAS))
def test_each_form_gives_the_pages_figures(form: str) -> None:
    got = rows(TEXAS[form])
    assert [(r["table"], r["category"], r["count"]) for r in got] == TEXAS_2023
    assert {(r["jurisdiction"], r["jurisdiction_code"], r["year"], r["report"]) for r in got} == {
        ("Texas", "TX", 2023, "web_statistics")
    }
    assert all(r["pct"] is None and not r["suppressed"] and not r["is_total"] for r in got)
    for r in got:
        start = date(2007, 1, 1) if r["table"].startswith("all_time") else date(2023, 1, 1)
        assert (r["period_start"], r["period_end"]) == (start, date(2023, 12, 31))


def test_the_three_forms_give_identical_rows() -> None:
    html, text, pdf, cards = (data(TEXAS[f]) for f in ("html", "text", "pdf", "cards_pdf"))
    assert html == text == pdf == cards
    assert len(html) == 20


def test_cards_side_by_side_in_text_give_the_same_rows() -> None:
    text = TEXAS["text"].read_text(encoding="utf-8")
    for old, new in (
        ("Internet\n10\n\nReferral\n8\n\nOther\n2,355", "Internet Referral Other\n10 8 2,355"),
        (
            "Hotline Call\n1,417\n\nSMS Report\n535\n\nOnline Report\n232\n\n"
            "Web Chat\n110\n\nEmail Received\n79",
            "Hotline Call SMS Report Online Report\n1,417 535 232\nWeb Chat Email Received\n110 79",
        ),
        (
            "2,373\nsignals were received by the Hotline in 2023 from Texas.\n583\n",
            "2,373 583\nsignals were received by the Hotline in 2023 from\nTexas. ",
        ),
        (
            "900\ncases were identified in 2023.\n1,723\n",
            "900 1,723\ncases were identified in 2023. ",
        ),
    ):
        assert old in text, old
        text = text.replace(old, new)
    text = text.replace("Texas\n", "", 1)  # no heading: the state from the wrapped sentence
    report = parse_document(text, "page")
    assert report.jurisdiction.name == "Texas"
    got = [(c.table, c.category, c.count) for c in report.cells]
    assert got == TEXAS_2023


def test_the_stored_real_page_gives_the_same_rows() -> None:
    if not REAL_TEXAS.exists():
        pytest.skip("../shared/corpus/real is not present")
    assert data(REAL_TEXAS) == data(TEXAS["html"])


def test_each_row_is_on_the_line_that_holds_its_number() -> None:
    lines = TEXAS["text"].read_text(encoding="utf-8").splitlines()
    for r in rows(TEXAS["text"]):
        assert f"{r['count']:,}" in lines[r["line"] - 1], r


def test_the_breakdowns_add_up_to_the_signals_they_break_down() -> None:
    got = rows(TEXAS["html"])

    def total(table: str) -> int:
        return sum(r["count"] for r in got if r["table"] == table)

    signals = {r["table"]: r["count"] for r in got if r["category"] == "Signals"}
    assert total("ways_found") == total("signal_types") == signals["summary"] == 2373
    assert total("all_time_signal_types") == signals["all_time_summary"] == 32297


def test_recognised_by_structure_not_by_the_hotlines_full_name() -> None:
    for path in TEXAS.values():
        if path.suffix == ".txt":
            assert "National Human Trafficking Hotline" not in path.read_text(encoding="utf-8")
    text = TEXAS["text"].read_text(encoding="utf-8")
    layout = best_layout(text)
    assert layout is not None and layout.kind == "web_statistics"


PAGE = """Ohio

All Time Statistics (Since 2007)

Signals

The Human Trafficking Hotline has received 1,200 signals since its inception.
Hotline Call: 1,000
Web Chat: 200

Statistics by Year

Signals Received in 2022

{signals}
signals were received by the Hotline in 2022 from Ohio.

Ways the Hotline was Found

Internet 40
Other 60

Signal Types

Hotline Call
{calls}

Online Report
Fewer than 3

Cases Identified in 2022

30
cases were identified in 2022.

Trafficking Types

Sex
20

Labor
<3

Sex and Labor
6
"""


def ohio(signals: str = "100", calls: str = "98") -> str:
    return PAGE.format(signals=signals, calls=calls)


def test_further_blocks_are_read_under_their_heading_with_a_warning() -> None:
    report = parse_document(ohio(), "page")
    types = [c for c in report.cells if c.table == "trafficking_types"]
    assert [(c.category, c.count, c.suppressed) for c in types] == [
        ("Sex", 20, False), ("Labor", None, True), ("Sex and Labor", 6, False),
    ]  # fmt: skip
    assert any("'trafficking_types'" in w for w in report.warnings)
    withheld = next(c for c in report.cells if c.category == "Online Report")
    assert withheld.suppressed and withheld.count is None and withheld.count_max == 2
    assert [(c.category, c.count) for c in report.cells if c.table == "ways_found"] == [
        ("Internet", 40), ("Other", 60),
    ]  # fmt: skip


def test_the_state_heading_wins_over_a_list_of_states() -> None:
    text = "Alabama\nAlaska\nArizona\n" + ohio()
    report = parse_document(text, "page")
    assert report.jurisdiction.name == "Ohio"
    assert report.period.year == 2022


def test_without_a_heading_the_headline_sentence_names_the_state() -> None:
    report = parse_document(ohio().replace("Ohio\n", "", 1), "page")
    assert report.jurisdiction.name == "Ohio"


def test_without_a_year_the_page_is_not_read() -> None:
    text = (
        ohio()
        .replace("Signals Received in 2022", "Signals Received")
        .replace("Cases Identified in 2022", "Cases Identified")
    )
    with pytest.raises(NotAReportError):
        parse_document(text, "page")


def test_a_news_story_quoting_one_phrase_is_not_a_page() -> None:
    text = "Local news\n\nThe Signal Types of the new radio were shown on Monday, 12 of them.\n"
    assert best_layout(text) is None


def test_a_page_saved_with_every_years_panel_reads_the_first_year_only() -> None:
    other = ohio().split("Statistics by Year\n", 1)[1].replace("2022", "2021")
    report = parse_document(ohio() + other.replace("{signals}", "7"), "page")
    assert report.period.year == 2022
    assert [c.count for c in report.cells if c.table == "summary"] == [100, 30]
    assert any("another year" in w for w in report.warnings)


def test_a_lone_pair_after_the_blocks_is_no_table() -> None:
    report = parse_document(ohio() + "\nContact us\nTTY: 711\n", "page")
    assert all(c.count != 711 for c in report.cells)
    assert any("'TTY'" in w for w in report.warnings)
    assert not any("contact_us" in w for w in report.warnings)


def test_labels_keep_their_digits_and_lose_raised_marks() -> None:
    block = (
        "\nVictim Age\nUnder 18\n12\nAge 18-24: 9\nAge 25 and over²\n31\nUnknown*: Fewer than 3\n"
    )
    report = parse_document(ohio() + block, "page")
    ages = [(c.category, c.count, c.suppressed) for c in report.cells if c.table == "victim_age"]
    assert ages == [
        ("Under 18", 12, False), ("Age 18-24", 9, False), ("Age 25 and over", 31, False),
        ("Unknown", None, True),
    ]  # fmt: skip
