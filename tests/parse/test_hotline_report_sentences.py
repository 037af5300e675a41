"""Stage 6 of the hotline report parser: given the flow text, the headline sentences' figures."""

from __future__ import annotations

from nhth_cli.parse.hotline_report import Figure, Sentences, read_sentences

_TEXT = (
    "In 2016, the Hotline received a total of 34,068 phone calls, emails, or online tip "
    "reports nationwide. Number of Substantive Calls Received from Connecticut: 199 This "
    "constitutes the 31st highest call volume. In Connecticut, a total of 62 unique cases "
    "of human trafficking were reported."
)


def test_the_headline_figures_and_where_they_stand() -> None:
    found = read_sentences(_TEXT)
    assert found == Sentences(
        substantive_calls=Figure(199, _TEXT.index("199")),
        cases=Figure(62, _TEXT.index("62")),
        nationwide_signals=Figure(34068, _TEXT.index("34,068")),
        call_volume_rank=Figure(31, _TEXT.index("31st")),
    )


def test_sentences_are_read_whatever_their_case() -> None:
    found = read_sentences(_TEXT.upper())
    assert found.cases == Figure(62, _TEXT.index("62"))
    assert found.call_volume_rank == Figure(31, _TEXT.index("31st"))


def test_text_without_the_sentences_states_no_figures() -> None:
    text = "A total of 12 people called. Cases: 62. It ranked 31 in call volume."
    assert read_sentences(text) == Sentences(None, None, None, None)
