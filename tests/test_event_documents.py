"""Events of official documents: the signing by the office holder on the document's date,
"shall" directives as planned acts of the office's body, no events from definitions.

The order below is written for these tests (real offices, an invented order).
"""
from __future__ import annotations

from tests import extracting

ORDER = """Strengthening Review of Federal Research Grants
The White House, Presidential Actions (Executive Order)
2025-10-02

By the authority vested in me as President by the Constitution and the laws of the United \
States of America, it is hereby ordered:

Section 1. Purpose. Research grants should serve the public.

Sec. 2. Definitions. For purposes of this order:

(a) The term “Director” means the Director of the Office of Management and Budget.

(b) The term “reviewer” means an official appointed by the Attorney General to review grants.

Sec. 3. Review of Grants. (a) The Director shall revise the guidance on research grants \
within 90 days.

(b) The Attorney General shall assess whether research grants comply with this order.

(c) The Attorney General and the Secretary of Homeland Security shall report to me on the review.

Sec. 4. General Provisions. (a) Nothing in this order shall be construed to impair the \
authority of the Department of Justice.

DONALD J. TRUMP

THE WHITE HOUSE,
October 2, 2025.
"""


def test_an_order_is_signed_and_its_directives_are_planned_acts_of_offices(nlp):
    found = extracting.facts_of(nlp, ORDER, "2025-10-02")
    events = [(e["type"], e["agent"]) for e in found["events"]]
    assert ("enact", "Office of Management and Budget") in events  # "the Director" as defined
    assert ("other", "Department of Justice") in events  # "the Attorney General shall"
    assert ("sign", "Donald J. Trump") in events
    planned = [(e["agent"], e["target"]) for e in found["events"] if e["type"] != "sign"]
    assert len(planned) == 4
    # coordinated offices act each; "me" is the signer
    assert ("Department of Justice", "Donald J. Trump") in planned
    assert ("Department of Homeland Security", "Donald J. Trump") in planned
    # the definitions and general provisions order nothing
    sentences = [e["sentence"] for e in found["events"]]
    assert not [s for s in sentences if "appointed by the Attorney General" in s]
    assert not [s for s in sentences if "Nothing in this order" in s]


def test_news_prose_with_shall_is_not_an_official_document(nlp):
    text = ("Governor Tom Hale said on Monday in Denver, Colorado, that the Colorado Department "
            "of Transportation shall review the permits.")
    found = extracting.facts_of(nlp, text, "2018-05-02")
    assert not [e for e in found["events"] if e["sentence"].startswith("By the authority")]
    assert not [e for e in found["events"] if e["type"] == "sign"]


def test_the_section_of_a_directive_is_kept_with_its_evidence(nlp):
    from ingest.extract import extract
    from kb.facts import Document

    facts = extract(Document(id="t", text=ORDER, date="2025-10-02"), nlp(ORDER))
    rules = {e.evidence[0].rule for e in facts.events}
    assert {"event.document.sign", "event.document.shall.3(a)", "event.document.shall.3(b)",
            "event.document.shall.3(c)"} <= rules
    assert all(e.factuality == "future" for e in facts.events if e.type != "sign")
