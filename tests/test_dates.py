"""Dates read from text: real calendar dates or nothing, never a crash."""

from __future__ import annotations

import datetime as dt

from ingest.dates import parse_date, resolve


def test_written_and_iso_dates() -> None:
    assert parse_date("Published March 27, 2017") == dt.date(2017, 3, 27)
    assert parse_date("2017-03-27") == dt.date(2017, 3, 27)


def test_impossible_dates_are_not_dates() -> None:
    assert parse_date("ref 2017-13-45") is None
    assert parse_date("Feb 30, 2017") is None


def test_weekday_resolves_against_the_document_date_only_when_known() -> None:
    assert resolve("on Monday", dt.date(2017, 3, 29)) == "2017-03-27"
    assert resolve("on Monday", None) is None
