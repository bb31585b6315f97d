"""Laws referred to without a citation or an "Act" name (issue 9, item 3).

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def laws_of(nlp, text: str, title: str | None = None) -> dict[str, dict]:
    if title is None:
        facts = extracting.facts_of(nlp, text, "2022-03-01")
    else:
        from ingest.extract import extract
        from kb.facts import Document, to_schema_json

        document = Document(id="t", text=text, title=title, date="2022-03-01")
        facts = to_schema_json(extract(document, nlp(text)))
    return {law["name"]: law for law in facts["laws"]}


def test_an_order_is_a_law_named_by_its_title(nlp):
    text = ("Protecting Rural Water Supplies\nThe White House\n2022-03-01\n\nBy the authority "
            "vested in me as President by the Constitution and the laws of the United States of "
            "America, it is hereby ordered:\n\nSection 1. Purpose. Farms in Iowa need water. "
            "Sec. 2. This order shall be implemented consistent with applicable law.")
    laws = laws_of(nlp, text, title="Protecting Rural Water Supplies")
    order = laws["Protecting Rural Water Supplies"]
    assert order["type"] == "executive order" and "This order" in order["aliases"]


def test_a_capitalised_name_ending_in_a_policy_word(nlp):
    laws = laws_of(nlp, "Ohio officials are revising the state's Clean Rivers Policy. Vermont "
                        "police joined the Safe Schools Partnership Program last year.")
    assert "Clean Rivers Policy" in " ".join(laws)
    assert any(name.endswith("Safe Schools Partnership Program") for name in laws)


def test_a_programme_that_pays_out_money_is_not_a_policy(nlp):
    laws = laws_of(nlp, "Ohio received $2 million from the Rural Roads Program this year.")
    assert not any("Rural Roads" in name for name in laws)


def test_a_programme_called_by_name(nlp):
    laws = laws_of(nlp, "In Denver, the auditor started a program called RoadStat to track "
                        "potholes.")
    assert "RoadStat" in laws


def test_a_jurisdictions_own_laws_named_by_their_subject(nlp):
    laws = laws_of(nlp, "Denver officials defended the city's sanctuary laws on Monday. Iowa "
                        "farm labor statutes were also discussed.")
    assert laws["Denver sanctuary law"]["jurisdiction"] == "Denver"
    assert laws["Iowa farm labor statute"]["jurisdiction"] == "Iowa"


def test_a_state_code_section(nlp):
    laws = laws_of(nlp, "Under Oregon Vehicle Code Section 811.507, drivers may not text.")
    assert laws["Oregon Vehicle Code § 811.507"]["jurisdiction"] == "Oregon"


def test_a_quoted_nickname(nlp):
    laws = laws_of(nlp, "North Carolina lawmakers repealed the so-called \"bathroom bill\" "
                        "after a boycott.")
    assert laws["bathroom bill"]["type"] == "bill"
    assert laws["bathroom bill"]["jurisdiction"] == "North Carolina"


def test_a_policy_named_by_what_it_does(nlp):
    laws = laws_of(nlp, "Chicago adopted a policy barring immigration arrests at schools.")
    assert "policy barring immigration arrests at schools" in laws


def test_an_owners_plan_and_proposal_are_one_law(nlp):
    laws = laws_of(nlp, "Governor Kathy Hochul unveiled her plan to widen the Kingston bridge. "
                        "Hochul's proposal was praised in New York. Hochul's plan costs little.")
    plans = [name for name in laws if "plan" in name or "proposal" in name]
    assert len(plans) == 1


def test_a_ruling_only_asked_for_is_not_a_ruling(nlp):
    laws = laws_of(nlp, "Minnesota urged the court to grant a preliminary injunction. In Ohio, "
                        "a judge issued a temporary restraining order against the rule.")
    assert not any("preliminary injunction" in name for name in laws)
    assert any(law["type"] == "court ruling" and "restraining order" in name
               for name, law in laws.items())


def test_a_state_code_section_where_the_model_saw_no_place(nlp):
    laws = laws_of(nlp, "Currently, under Nevada Penal Code Section 814, gouging is illegal in "
                        "Reno.")
    assert "Nevada Penal Code § 814" in laws


def test_what_an_amount_on_its_line_is_for_is_no_policy(nlp):
    laws = laws_of(nlp, "Winners in Ohio:\n\nRiverside Partners (Ohio)\n\n$35 million for the "
                        "Ohio Robotics Cluster Initiative\n")
    assert not any("Robotics" in name for name in laws)


def test_sanctions_and_embargoes_are_one_law_per_target(nlp):
    laws = laws_of(nlp, "The president imposed new U.S. sanctions on Iran on Monday. The "
                        "sanctions on Iran will hurt exports, officials in Ohio said. Critics "
                        "in Havana denounced the embargo against Cuba.")
    assert laws["sanctions on Iran"]["jurisdiction"] == "United States"
    assert laws["sanctions on Iran"]["type"] == "policy"
    assert "embargo on Cuba" in laws
    assert len([n for n in laws if "Iran" in n]) == 1


def test_the_states_rules_named_by_a_gerund(nlp):
    laws = laws_of(nlp, "Ohio passed new rules. Under the state's new voting rules, voters must "
                        "show ID.")
    assert laws["Ohio voting rule"]["jurisdiction"] == "Ohio"


def test_what_a_policy_does_stops_before_when_and_where(nlp):
    laws = laws_of(nlp, "Chicago adopted a policy barring immigration arrests on Tuesday in "
                        "Chicago.")
    assert "policy barring immigration arrests" in laws
