"""Bodies of a state or city named like federal ones, and "New York" the state versus the city.

Every sentence here is written for these tests (public bodies, invented events); none is taken
from the shared corpora.
"""
from __future__ import annotations

import pytest

from tests import extracting


def facts_of(nlp, text: str) -> dict:
    return extracting.facts_of(nlp, text, "2019-05-14")


def orgs(nlp, text: str) -> dict[str, dict]:
    return {o["name"]: o for o in facts_of(nlp, text)["organizations"]}


def places(nlp, text: str) -> dict[str, dict]:
    return {p["name"]: p for p in facts_of(nlp, text)["jurisdictions"]}


# ---- bodies of a place -----------------------------------------------------------------------
def test_state_supreme_court_is_not_the_federal_court(nlp):
    found = orgs(nlp, "The Colorado Supreme Court ruled on Monday that the county jail may not "
                      "hold people for immigration agents.")
    assert "Supreme Court of the United States" not in found
    assert found["Colorado Supreme Court"]["type"] == "court"
    assert found["Colorado Supreme Court"]["within"] is None


def test_state_department_is_not_the_federal_department(nlp):
    found = orgs(nlp, "Officials at the Ohio Department of Education said the new tests would "
                      "start in the fall.")
    assert "Department of Education" not in found
    assert found["Ohio Department of Education"]["type"] == "department"


def test_state_body_name_runs_to_the_end_of_the_entity(nlp):
    found = orgs(nlp, "The Colorado Department of Labor and Employment released the figures.")
    assert "Department of Labor" not in found
    assert "Colorado Department of Labor and Employment" in found


def test_possessive_place_owns_the_body(nlp):
    found = orgs(nlp, "In its ruling, Texas's Supreme Court sided with the city of Austin.")
    assert "Supreme Court of the United States" not in found
    assert "Texas Supreme Court" in found


def test_state_legislature_and_party(nlp):
    found = orgs(nlp, "The Pennsylvania House of Representatives approved the measure, and the "
                      "Texas Democratic Party endorsed it.")
    assert "United States House of Representatives" not in found
    assert "Pennsylvania House of Representatives" in found
    assert "Texas Democratic Party" in found
    assert "Democratic Party" not in found


def test_city_police_department_is_not_federal(nlp):
    found = orgs(nlp, "The New York Police Department said it would not help the agents.")
    assert "New York City Police Department" in found
    assert all(name.startswith("New York") for name in found)


def test_federal_bodies_stay_federal(nlp):
    found = orgs(nlp, "The U.S. Supreme Court declined to hear the case. The federal Department "
                      "of Education did not respond, and the Supreme Court said nothing more.")
    assert "Supreme Court of the United States" in found
    assert "Department of Education" in found
    assert not any(name.startswith(("U.S. Supreme", "federal")) for name in found)


def test_federal_agency_office_in_a_city_stays_federal(nlp):
    found = orgs(nlp, "Agents from the Chicago ICE field office made the arrests.")
    assert "Immigration and Customs Enforcement" in found


# ---- New York: state or city -----------------------------------------------------------------
NYC = "New York City plans to hire more teachers. "


def new_york_reading(nlp, text: str) -> str:
    """Which place took the bare "New York" of ``text`` as an alias."""
    found = places(nlp, NYC + text)
    readings = [name for name, p in found.items() if "New York" in p["aliases"]]
    assert len(readings) == 1, found
    return readings[0]


@pytest.mark.parametrize("text", [
    "The governor of New York, Ann Lee, disagreed.",
    "Gov. Ann Lee of New York said she would sign it.",
    "New York lawmakers passed the bill on Tuesday.",
    "The New York legislature passed the bill on Tuesday.",
    "New York's governor vetoed the bill.",
    "The attorney general of New York sued the company.",
    "Heavy rain flooded roads in New York and New Jersey on Monday.",
    "Connecticut, New York and Ohio sued the agency.",
    "Dairy farms in upstate New York lost money.",
    "The conference in Albany, New York, ended early.",
    "New York's Dream Act passed the Senate.",
])
def test_state_cues_name_the_state(nlp, text):
    assert new_york_reading(nlp, text) == "New York State"


@pytest.mark.parametrize("text", [
    "The New York mayor spoke at noon.",
    "New York police arrested two men.",
    "The mayor of New York said the subway was safe.",
    "Rents in New York rose again last year.",
    "Flights between New York and Washington resumed.",
])
def test_city_cues_and_no_cue_keep_the_city(nlp, text):
    assert new_york_reading(nlp, text) == "New York City"
