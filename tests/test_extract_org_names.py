"""Names that look like bodies but are not: what money is for, title-case decks.

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def org_names(nlp, text: str) -> list[str]:
    return [org["name"] for org in extracting.facts_of(nlp, text, "2020-01-01")["organizations"]]


def test_what_an_amount_is_for_is_a_project_not_a_body(nlp):
    names = org_names(nlp, "Winners in Ohio:\n\nRiverside Development Partners (Ohio)\n\n"
                           "$31.5 million for the Lake Erie Robotics Cluster\n")
    assert not any("Robotics Cluster" in n for n in names)


def test_a_body_an_amount_is_for_stays_a_body(nlp):
    names = org_names(nlp, "The state sent $2 million for the Ohio Department of Health in "
                           "Columbus.")
    assert any("Department of Health" in n for n in names)


def test_a_title_case_deck_names_no_bodies(nlp):
    names = org_names(nlp, "Grants In Ohio Will Create Good Jobs, Rebuild Main Streets, Train "
                           "Workers And Grow Future Industries\n\nOhio received the money on "
                           "Monday.")
    assert not any(n in ("Create Good Jobs", "Rebuild Main Streets", "Future Industries")
                   for n in names)


def test_an_office_named_for_a_policy_is_a_body(nlp):
    names = org_names(nlp, "The Ohio Office of Drug Control Policy will hire staff. The Office "
                           "of Drug Control Policy expects 40 new jobs.")
    assert "Ohio Office of Drug Control Policy" in names
    assert "Office of Drug Control Policy" not in names  # the same body, named again


def test_a_state_body_does_not_swallow_the_federal_one(nlp):
    names = org_names(nlp, "The New Hampshire Department of Justice applied for the money, "
                           "which the Department of Justice awarded in Concord.")
    assert "New Hampshire Department of Justice" in names
    assert "Department of Justice" in names


def test_a_name_ending_in_agency_where_the_model_saw_none(nlp):
    names = org_names(nlp, "The Guam Criminal Justice Planning Agency plans to hire staff.")
    assert any(n.endswith("Criminal Justice Planning Agency") for n in names)


def test_custodial_institutions_of_a_place(nlp):
    names = org_names(nlp, "He was held in the Dauphin County Prison and later moved to the "
                           "York County Correctional Facility in Pennsylvania.")
    assert "Dauphin County Prison" in names
    assert "York County Correctional Facility" in names


def test_a_national_bodys_state_chapter(nlp):
    facts = extracting.facts_of(nlp, "A lawyer with the ACLU of Ohio said the policy was "
                                     "unlawful. The ACLU has sued before.", "2020-01-01")
    chapters = [o for o in facts["organizations"] if o["name"] == "ACLU of Ohio"]
    assert chapters and chapters[0]["within"] in ("ACLU", "American Civil Liberties Union")


def test_a_networks_news_division(nlp):
    names = org_names(nlp, "The judge's ruling was first reported by NBC News in Ohio.")
    assert "NBC News" in names and "NBC" not in names


def test_an_office_of_a_role_with_a_possessive_and_its_place(nlp):
    names = org_names(nlp, "DuPage County State's Attorney Ann Lee spoke in Illinois. The "
                           "DuPage County State's Attorney's Office filed the motion.")
    assert "DuPage County State's Attorney's Office" in names
    assert "DuPage County State" not in names


def test_a_short_tail_of_one_longer_name_is_that_body(nlp):
    names = org_names(nlp, "The Riverside Safe Streets Task Force met in Ohio. The Task Force "
                           "will report in May.")
    assert "Task Force" not in names


def test_one_name_holding_a_list(nlp):
    names = org_names(nlp, "Agents of the Bureau of Alcohol, Tobacco, Firearms, and Explosives "
                           "raided a shop in Toledo, Ohio.")
    assert "Tobacco" not in names and "Firearms" not in names


def test_an_acronym_spells_the_whole_name(nlp):
    facts = extracting.facts_of(nlp, "The Islamic State in Iraq and Syria (ISIS) claimed the "
                                     "attack in Ohio. ISIS has lost ground.", "2016-01-01")
    orgs = [o for o in facts["organizations"] if "ISIS" in [o["name"], *o["aliases"]]]
    assert len(orgs) == 1 and orgs[0]["name"] == "Islamic State in Iraq and Syria"


def test_a_custodial_institution_opening_a_sentence(nlp):
    names = org_names(nlp, "Officials in Ohio spoke. Franklin County Correctional Facility "
                           "does not hold people on detainers.")
    assert "Franklin County Correctional Facility" in names


def test_a_jurisdictions_own_board_named_in_lower_case(nlp):
    names = org_names(nlp, "Dauphin County officials met on Monday. The county's prison board "
                           "voted to end the contract.")
    assert "Dauphin County Prison Board" in names


def test_the_federal_court_of_a_judge_in_a_place(nlp):
    facts = extracting.facts_of(nlp, "A federal judge in Denver blocked the rule on Friday.",
                                "2020-01-01")
    courts = [o for o in facts["organizations"] if o["type"] == "court"]
    assert [c["name"] for c in courts] == ["U.S. District Court (Denver)"]


def test_an_acronym_before_a_staff_title(nlp):
    names = org_names(nlp, "\"Prices must stay fair,\" said Ann Lee, OHPIRG Director, in "
                           "Columbus, Ohio.")
    assert "OHPIRG" in names
