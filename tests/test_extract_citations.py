"""Citations become law nodes with one normalised identifier (issue 10, item 4).

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def laws_of(nlp, text: str) -> dict[str, dict]:
    facts = extracting.facts_of(nlp, text, "2021-06-01")
    return {law["name"]: law for law in facts["laws"]}


def test_code_sections_in_every_written_form_are_one_law(nlp):
    laws = laws_of(nlp, "Sec. 2. Definitions. The term \"agency\" has the meaning given in "
                        "section 552 of title 5, United States Code. Agencies shall follow "
                        "5 U.S.C. 552 when they publish records.")
    assert "5 U.S.C. § 552" in laws
    assert "section 552 of title 5, United States Code" in laws["5 U.S.C. § 552"]["aliases"]
    assert laws["5 U.S.C. § 552"]["type"] == "statute"


def test_regulations_keep_their_section_and_paragraph(nlp):
    laws = laws_of(nlp, "Sec. 3. Awards. Each award shall follow 2 CFR 200.211(c) and the "
                        "cost principles in 2 C.F.R. § 200.403.")
    assert laws["2 C.F.R. § 200.211(c)"]["type"] == "regulation"
    assert "2 CFR 200.211(c)" in laws["2 C.F.R. § 200.211(c)"]["aliases"]
    assert "2 C.F.R. § 200.403" in laws


def test_a_public_law_after_an_act_is_that_acts_identifier(nlp):
    laws = laws_of(nlp, "Sec. 4. Scope. This order does not apply to funds appropriated by the "
                        "Safe Harbors Improvement Act of 2019 (Public Law 116-12).")
    assert "Safe Harbors Improvement Act of 2019" in laws
    assert "Public Law 116-12" in laws["Safe Harbors Improvement Act of 2019"]["aliases"]
    assert "Public Law 116-12" not in laws


def test_numbered_executive_orders_with_their_titles(nlp):
    laws = laws_of(nlp, "This memorandum builds on Executive Order 14001 of January 21, 2021 "
                        "(A Sustainable Public Health Supply Chain) and on E.O. 13985.")
    assert "A Sustainable Public Health Supply Chain" in laws["Executive Order 14001"]["aliases"]
    assert laws["Executive Order 13985"]["type"] == "executive order"


def test_constitutional_provisions(nlp):
    laws = laws_of(nlp, "Ohio's lawsuit argues that the order violates the Tenth Amendment and the "
                        "Spending Clause, and that Article II of the Constitution gives the "
                        "president no such power. The 14th Amendment was also cited.")
    assert "U.S. Const. amend. X" in laws
    assert "U.S. Const. amend. XIV" in laws
    assert "U.S. Const. art. I, § 8, cl. 1" in laws
    assert "U.S. Const. art. II" in laws
    assert laws["U.S. Constitution"]["jurisdiction"] == "United States"


def test_a_state_constitution_is_not_the_federal_one(nlp):
    laws = laws_of(nlp, "Vermont lawmakers said the Vermont Constitution protects the right.")
    assert "U.S. Constitution" not in laws


def test_state_bills_by_number_belong_to_the_state_and_join_their_long_form(nlp):
    laws = laws_of(nlp, "SACRAMENTO, Calif. - Governor Gavin Newsom signed Assembly Bill 2147 "
                        "on Friday. AB 2147 takes effect in January.")
    bill = laws["California Assembly Bill 2147"]
    assert bill["jurisdiction"] == "California" and bill["type"] == "bill"
    assert "AB 2147" in bill["aliases"]


def test_federal_bills_and_local_laws(nlp):
    laws = laws_of(nlp, "The New York City Council passed Local Law 97 of 2019 to cut building "
                        "emissions. In Washington, Senator Chuck Schumer introduced S. 1024.")
    local = laws["New York City Local Law 97 of 2019"]
    assert local["type"] == "ordinance" and local["jurisdiction"] == "New York City"
    assert laws["S. 1024"]["jurisdiction"] == "United States"


def test_a_bill_number_with_no_legislature_in_sight_is_left_alone(nlp):
    assert not laws_of(nlp, "Critics said SB 12 went too far.")


def test_a_section_of_a_named_act_and_its_number_alone(nlp):
    laws = laws_of(nlp, "Ohio sheriffs signed agreements under Section 287(g) of the Immigration "
                        "and Nationality Act. Critics say 287(g) deals hurt trust.")
    section = laws["8 U.S.C. § 1357(g)"]
    assert "287(g)" in section["aliases"]
    assert "Immigration and Nationality Act" not in laws  # named only as the section's act


def test_a_section_of_an_act_without_a_known_code_citation(nlp):
    laws = laws_of(nlp, "Ohio relied on Section 12 of the Clean Harbors Act of 2003.")
    assert "Clean Harbors Act of 2003 § 12" in laws


def test_short_forms_everyone_knows(nlp):
    laws = laws_of(nlp, "Ohio State University said the complaint under Title IX was closed.")
    assert laws["Title IX of the Education Amendments of 1972"]["aliases"] == ["Title IX"]


def test_a_bill_number_beside_its_name_is_one_law(nlp):
    laws = laws_of(nlp, "SALEM, Ore. - Governor Kate Brown signed House Bill 2015, the Oregon "
                        "Safe Roads Act, on Friday.")
    act = [law for law in laws.values() if "House Bill 2015" in " ".join(law["aliases"])]
    assert len(act) == 1 and "Safe Roads Act" in act[0]["name"]
    assert not any(name.endswith("House Bill 2015") for name in laws)
