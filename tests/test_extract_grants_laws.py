"""General rules of news prose for grants, laws and organisations.

Every sentence here is written for these tests (public facts, invented places and sums); none
is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def facts_of(nlp, text: str) -> dict:
    return extracting.facts_of(nlp, text, "2019-05-14")


def grants_of(nlp, text: str) -> list[dict]:
    return facts_of(nlp, text)["grants"]


def names(items: list[dict]) -> list[str]:
    return [item["name"] for item in items]


# ---- grants --------------------------------------------------------------------------------
def test_named_programme_is_a_grant_not_a_body(nlp):
    facts = facts_of(nlp, "The Community Development Block Grant (CDBG) Program pays for housing "
                          "repairs in small towns. Springfield expects less CDBG money this year.")
    assert "Community Development Block Grant Program" in names(facts["grants"])
    assert not any("Block Grant" in n or n == "CDBG" for n in names(facts["organizations"]))


def test_appositive_names_a_federal_programme(nlp):
    facts = facts_of(nlp, "The budget would eliminate BUILD, a federal grant program that pays "
                          "for roads.")
    grant = next(g for g in facts["grants"] if g["name"] == "BUILD")
    assert grant["funder"] == "Federal government of the United States"


def test_receiving_an_amount_from_a_body(nlp):
    grants = grants_of(nlp, "The Ohio Department of Health will receive $2.5 million from the "
                            "Centers for Disease Control and Prevention.")
    assert len(grants) == 1
    assert grants[0]["amount_usd"] == 2_500_000
    assert grants[0]["funder"] == "Centers for Disease Control and Prevention"
    assert grants[0]["recipient"] == "Ohio Department of Health"


def test_committing_an_amount_makes_the_subject_the_funder(nlp):
    grants = grants_of(nlp, "Texas committed $40 million to flood control projects, the "
                            "governor said.")
    assert [(g["amount_usd"], g["funder"]) for g in grants] == [(40_000_000, "Texas")]


def test_price_of_a_thing_is_not_a_grant(nlp):
    grants = grants_of(nlp, "The estimated $90 million stadium received $12 million in state "
                            "funds.")
    assert [g["amount_usd"] for g in grants] == [12_000_000]


def test_receiving_clause_subject_is_the_recipient(nlp):
    grants = grants_of(nlp, "Cities that refuse are not eligible to receive federal grants, the "
                            "memo said.")
    assert names(grants) == ["federal grants to Cities"]


def test_funding_is_not_its_own_recipient(nlp):
    grants = grants_of(nlp, "Advocates warned of threats to federal funding.")
    assert names(grants) == ["federal funding"]


def test_share_of_a_larger_flow_to_a_named_recipient(nlp):
    grants = grants_of(nlp, "The Department of Education gives out more than $30 billion in "
                            "grants every year, including hundreds of millions of dollars to "
                            "Ohio.")
    share = next(g for g in grants if g["recipient"] == "Ohio")
    assert share["name"] == "Department of Education grants to Ohio"
    assert share["funder"] == "Department of Education"
    assert share["amount_usd"] is None


# ---- organisations -------------------------------------------------------------------------
def orgs_of(nlp, text: str) -> list[str]:
    return names(facts_of(nlp, text)["organizations"])


def test_person_of_a_named_body(nlp):
    assert "Eastside Tenants United" in orgs_of(
        nlp, '"We are worried," said Maria Lopez of Eastside Tenants United, a renters\' group.')


def test_person_of_a_place_is_not_a_body(nlp):
    assert orgs_of(nlp, "Maria Lopez of Long Island said she would vote no.") == []


def test_capitalised_name_ending_in_a_body_word(nlp):
    assert "Springfield Legal Aid Society" in orgs_of(
        nlp, "Jim Olsen, Director of Outreach at the Springfield Legal Aid Society, spoke.")


def test_office_of_a_post(nlp):
    assert orgs_of(nlp, "The Governor's Office did not respond to questions on Tuesday.") == [
        "Governor's Office"]


def test_route_codes_and_structures_are_not_bodies(nlp):
    assert orgs_of(nlp, "Commuters on the M15 and Q44 lines faced delays, the MTA said.") == [
        "MTA"]
    assert orgs_of(nlp, "The $40 million Smith-Jones interchange opened in Dallas.") == []


def test_parts_and_residents_of_places_are_not_bodies(nlp):
    assert orgs_of(nlp, "Residents of Lower Manhattan were told to evacuate.") == []
    assert orgs_of(nlp, "The rules are the same as for any other New Yorker, officials "
                        "said.") == []
    assert "New Yorker" in orgs_of(nlp, "He wrote for The New Yorker last year.")


# ---- laws ----------------------------------------------------------------------------------
def laws_of(nlp, text: str) -> list[dict]:
    return facts_of(nlp, text)["laws"]


def test_a_named_persons_order_on_a_subject_is_an_executive_order(nlp):
    laws = laws_of(nlp, "Biden's order on student loans drew lawsuits from several states.")
    assert [(law["name"], law["type"]) for law in laws] == [
        ("Biden's order on student loans", "executive order")]
    # a judge's order is a ruling, not an executive order
    laws = laws_of(nlp, "Smith's order on parking was struck down by a judge on Friday.")
    assert not any(law["type"] == "executive order" for law in laws)


def test_conditions_set_on_a_grant_are_a_policy(nlp):
    laws = laws_of(nlp, "The agency tried to attach conditions to the housing grant. A court "
                        "later blocked these conditions.")
    law = next(law for law in laws if law["name"] == "conditions to the housing grant")
    assert law["type"] == "policy"
    assert "these conditions" in law["aliases"]
