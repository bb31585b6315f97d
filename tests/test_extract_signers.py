"""Signature blocks on documents written for these tests: the signer of an order or a letter
is an official with the post the block, the list of office holders or the enacting clause
gives; a press contact at the end of a release is not a signer."""
from __future__ import annotations

from ingest.extract import STEPS
from ingest.extract.context import Context
from ingest.extract.signers import document_signer
from kb.facts import Document, to_schema_json

ORDER = """Executive Order on Rural Broadband

By the authority vested in me as Governor by the Constitution and the laws of this State, it is
hereby ordered:

Section 1. The Department of Commerce shall report on rural broadband access within ninety days.

Section 2. This order takes effect immediately.

MARGARET T. OKONJO

Done at the Capitol, March 3, 2023.
"""

LETTER = """The city will not change its policy on shelters, the letter to the county says.

We thank the county for its patience and hope to meet again in the spring to discuss the plan.

Sincerely,
Alma Prescott
Mayor of Riverton
"""

RELEASE = """The department announced new grants for school safety programs on Monday.

The grants will be paid in the fall and cover cameras, door locks and training for staff.

Media contact:
Dale Ferris
(555) 010-2040
"""


def run(nlp, text: str, date: str = "2023-03-03") -> tuple[dict, str | None]:
    ctx = Context(Document(id="t", text=text, date=date), nlp(text))
    for step in STEPS:
        step(ctx)
    signer = document_signer(ctx)
    return to_schema_json(ctx.facts), ctx.facts.name_of(signer)


def test_order_signer_takes_the_post_of_the_enacting_clause(nlp):
    facts, signer = run(nlp, ORDER)
    assert signer == "Margaret T. Okonjo"
    official = next(o for o in facts["officials"] if o["name"] == "Margaret T. Okonjo")
    assert [p["title"] for p in official["posts"]] == ["Governor"]
    assert "MARGARET T. OKONJO" in official["aliases"]


def test_letter_signer_takes_the_title_under_the_name(nlp):
    facts, signer = run(nlp, LETTER)
    assert signer == "Alma Prescott"
    official = next(o for o in facts["officials"] if o["name"] == "Alma Prescott")
    assert official["posts"][0]["title"] == "Mayor of Riverton"


def test_listed_office_holder_signs_with_middle_initial(nlp):
    text = ORDER.replace("as Governor", "as President").replace("MARGARET T. OKONJO",
                                                                "BARACK H. OBAMA")
    facts, signer = run(nlp, text, date="2012-06-01")
    assert signer == "Barack H. Obama"
    official = next(o for o in facts["officials"] if o["name"] == signer)
    assert official["posts"][0]["title"] == "President"


def test_press_contact_is_not_a_signer(nlp):
    facts, signer = run(nlp, RELEASE)
    assert signer is None
    assert not facts["officials"]


def test_name_alone_at_the_end_of_a_story_is_no_signature(nlp):
    text = ("The council approved the budget on Tuesday after a long debate.\n\n"
            "Residents said they hoped the new parks would open by summer.\n\n"
            "Dana Whitcomb\n")
    facts, signer = run(nlp, text)
    assert signer is None


def test_title_line_over_the_name(nlp):
    text = ("The state of emergency is extended for thirty days in every county of the state "
            "by this proclamation.\n\nGOVERNOR\n\nMARGARET T. OKONJO\n")
    facts, signer = run(nlp, text)
    assert signer == "Margaret T. Okonjo"
    official = next(o for o in facts["officials"] if o["name"] == signer)
    assert [p["title"] for p in official["posts"]] == ["Governor"]
