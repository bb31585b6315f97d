"""Government as an organisation: publishers, administrations, offices without a holder.

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from ingest.extract import extract
from kb.facts import Document, to_schema_json


def orgs_of(nlp, text: str, title: str | None = None, publisher: str | None = None) -> dict:
    document = Document(id="t", text=text, title=title, date="2015-06-01", publisher=publisher)
    facts = to_schema_json(extract(document, nlp(text)))
    return {org["name"]: org for org in facts["organizations"]}


def test_the_publisher_named_in_the_header_is_an_organisation(nlp):
    text = ("Bridge Repairs Begin In Dayton\nBy Ann Lee, The Valley Ledger\n2015-06-01\n\n"
            "Work on the Main Street bridge in Dayton, Ohio, began on Monday, officials said.")
    orgs = orgs_of(nlp, text, title="Bridge Repairs Begin In Dayton",
                   publisher="The Valley Ledger")
    assert orgs["The Valley Ledger"]["type"] == "media"


def test_a_publisher_only_in_metadata_is_not_named_by_the_text(nlp):
    text = ("Bridge Repairs Begin In Dayton\nBy Ann Lee\n2015-06-01\n\n"
            "Work on the Main Street bridge in Dayton, Ohio, began on Monday, officials said.")
    orgs = orgs_of(nlp, text, title="Bridge Repairs Begin In Dayton",
                   publisher="The Valley Ledger")
    assert "The Valley Ledger" not in orgs


def test_an_administration_and_its_later_mentions(nlp):
    orgs = orgs_of(nlp, "The Obama administration defended the rule in Ohio. Critics said the "
                        "administration had moved too fast.")
    admin = orgs["Obama administration"]
    assert "the administration" in admin["aliases"]
    assert admin["within"] in (None, "United States")


def test_offices_without_a_holder_in_an_order_act_as_their_bodies(nlp):
    text = ("Safer Rivers\nThe White House\n2015-06-01\n\nBy the authority vested in me as "
            "President by the Constitution and the laws of the United States of America, it is "
            "hereby ordered:\n\nSec. 2. (a) The Secretary of the Interior shall review permits in "
            "Ohio. (b) The Attorney General shall report to the Director of the Office of "
            "Management and Budget.")
    orgs = orgs_of(nlp, text, title="Safer Rivers", publisher="The White House")
    assert "Department of the Interior" in orgs
    assert "Department of Justice" in orgs
    assert "Office of Management and Budget" in orgs


def test_the_administration_before_any_is_named_is_the_sitting_presidents(nlp):
    orgs = orgs_of(nlp, "President Obama spoke in Ohio. The administration said the rule would "
                        "take effect in May. Critics in Ohio sued the administration of Ohio "
                        "University.")
    assert orgs["Obama administration"]["aliases"] == ["The administration"]
