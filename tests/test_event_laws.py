"""Which law an event is about, and laws referred to without their name (issue 9, items 1, 3).

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def facts(nlp, text: str) -> dict:
    return extracting.facts_of(nlp, text, "2022-03-01")


def laws_of_events(nlp, text: str) -> dict[str, str | None]:
    """Each event's agent -> the law it is about."""
    return {e["agent"]: e["about_law"] for e in facts(nlp, text)["events"]}


def test_a_law_inside_a_grant_name_is_what_the_event_is_about(nlp):
    about = laws_of_events(nlp, "Governor Jane Roe of Ohio on Tuesday announced that $30 million "
                                "in Clean Water Act funds will go to 12 counties.")
    assert about["Jane Roe"] == "Clean Water Act"


def test_the_law_noun_a_participle_describes_comes_before_other_laws(nlp):
    about = laws_of_events(nlp, "Senate Bill 210 would cap rent increases in Oregon. Unlike the "
                                "Fair Rent Act of 2019, the legislation, endorsed by the Oregon "
                                "Tenants Union, caps rents.")
    assert about["Oregon Tenants Union"] == "Oregon Senate Bill 210"


def test_the_plan_points_back_to_an_owners_plan(nlp):
    events = facts(nlp, "President Joe Smith sent Congress his plan to close the border prison "
                        "on Tuesday. Announcing the plan in Boston, Smith urged lawmakers to "
                        "act.")["events"]
    announced = [e for e in events if e["type"] == "announce"]
    assert announced and announced[0]["about_law"] == "plan to close the border prison"


def test_a_definite_noun_in_the_previous_sentence_names_the_law(nlp):
    # "the policy" has no antecedent before it; the one policy of the document is meant
    about = laws_of_events(nlp, "In March, the Dane County board voted to change the policy. The "
                                "motion was made by Supervisor Ann Lee and seconded by Supervisor "
                                "Bob Hart. Both men spoke for an hour. Nobody else spoke. Here is "
                                "what Dane County's jail release policy says.")
    assert about["Ann Lee"] == about["Bob Hart"] == "Dane County jail release policy"


def test_initials_in_parentheses_name_the_law_later(nlp):
    data = facts(nlp, "Congress passed the Water Resources Development Act (WRDA) in 2020. "
                      "Later, Senator Ann Lee of Ohio praised the WRDA.")
    law = next(law for law in data["laws"] if law["name"] == "Water Resources Development Act")
    assert "WRDA" in law["aliases"]


def test_initials_that_do_not_fit_the_name_are_not_an_alias(nlp):
    data = facts(nlp, "Congress passed the Water Resources Development Act (NASA) in 2020.")
    law = next(law for law in data["laws"] if law["name"] == "Water Resources Development Act")
    assert "NASA" not in law["aliases"]
