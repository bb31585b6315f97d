"""Which law an event is about, and laws referred to without their name (issue 9, items 1, 3).

Every sentence here is written for these tests; none is taken from the shared corpora.
"""
from __future__ import annotations

from tests import extracting


def facts(nlp, text: str) -> dict:
    return extracting.facts_of(nlp, text, "2022-03-01")


def law_of(events: list[dict], **match: str) -> str | None:
    """The law of the first event whose fields have the given values (fails if none has)."""
    found = [e for e in events if all(e[k] == v for k, v in match.items())]
    assert found, f"no event with {match} among {events}"
    return found[0]["about_law"]


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
    assert law_of(events, type="announce") == "plan to close the border prison"


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


def test_a_generic_law_noun_beside_a_named_act_is_that_act(nlp):
    data = facts(nlp, "Another Smith bill passed as part of the package, the \"Clean Lakes "
                      "Protection Act,\" has been endorsed by the Ohio Farm Bureau.")
    names = [law["name"] for law in data["laws"]]
    assert "Smith bill" not in names and "Clean Lakes Protection Act" in names


def unnamed(nlp, title: str, body: str) -> dict:
    from ingest.extract import extract
    from kb.facts import Document, to_schema_json

    text = f"{title}\nBy A. Writer\n2016-05-05\n\n{body}"
    return to_schema_json(extract(Document(id="t", text=text, title=title, date="2016-05-05"),
                                  nlp(text)))


BAG_BODY = ("Denver will charge a ten cent fee on paper bags from June, after a City Council vote "
            "on Monday. The Denver City Council voted 9-4 in favor of the legislation. The bill "
            "won't be enforced until next year. Council Member Ann Lee endorsed the bill last "
            "week.")


def test_a_bill_the_document_never_names_is_named_by_its_headline(nlp):
    data = unnamed(nlp, "Denver City Council Passes Ten Cent Paper Bag Fee", BAG_BODY)
    law = next(law for law in data["laws"] if "Paper Bag Fee" in law["name"])
    assert law["type"] == "bill" and law["jurisdiction"] == "Denver" and law["year"] == 2016
    assert law_of(data["events"], agent="Ann Lee") == law["name"]


def test_no_unnamed_bill_without_a_headline_that_says_what_passed(nlp):
    data = unnamed(nlp, "A Long Night at City Hall", BAG_BODY)
    assert data["laws"] == []


def test_a_city_policy_known_by_its_own_name_is_the_citys(nlp):
    data = facts(nlp, "Boston officials said on Monday that the city spent $3 million on Vision "
                      "Zero this year. Critics asked the mayor to end broken windows policing.")
    laws = {law["name"]: law for law in data["laws"]}
    assert laws["Vision Zero"]["jurisdiction"] == "Boston"
    assert laws["Broken windows policing"]["type"] == "policy"


def test_a_heading_that_names_a_law_gives_its_section_the_law(nlp):
    data = facts(nlp, "Two bills passed the Ohio Senate this week.\n\nHouse Bill 12\n\nThe bill "
                      "funds rural clinics. Doctors welcomed it. The Ohio Department of Health "
                      "could deny any license if a clinic stays unsafe.\n\nHouse Bill 14\n\nIt "
                      "changes school bus rules.")
    assert law_of(data["events"], type="deny") == "Ohio House Bill 12"


def test_a_vote_is_about_the_one_bill_of_the_document(nlp):
    data = facts(nlp, "The Denver City Council passed Council Bill 118 on Monday. Supporters "
                      "cheered. \"It is a bad day for shop owners,\" said one critic. Council "
                      "Member Ann Lee, who represents east Denver, also voted 'no,' arguing "
                      "that her voters could not pay.")
    assert law_of(data["events"], agent="Ann Lee") == "Denver Council Bill 118"


def test_a_bill_introduced_by_its_purpose_is_a_law_the_bill_later_names(nlp):
    data = facts(nlp, "Senator Ann Lee of Ohio introduced a measure that would require police "
                      "to wear body cameras. Police unions opposed the measure.")
    law = next(law for law in data["laws"] if law["name"].startswith("measure that would"))
    assert law["name"] == "measure that would require police to wear body cameras"
    assert law["type"] == "bill" and law["jurisdiction"] == "Ohio"
    assert all(e["about_law"] == law["name"] for e in data["events"])


def test_a_purpose_beside_a_named_bill_is_no_second_law(nlp):
    data = facts(nlp, "Senate Bill 5, a bill that would cap rents, passed the Oregon Senate.")
    assert [law["name"] for law in data["laws"]] == ["Oregon Senate Bill 5"]


def test_a_lede_describing_a_bill_named_next_is_no_second_law(nlp):
    data = facts(nlp, "Lawmakers in Albany passed legislation that would protect tenants. The "
                      "vote was 77-58. The Fair Housing Act would bar landlords from raising "
                      "rents twice a year.")
    assert not any(law["name"].startswith("legislation") for law in data["laws"])


def test_ballot_measures_are_laws_of_their_state_or_city(nlp):
    laws = {law["name"]: law for law in facts(nlp, "Voters in California approved Proposition "
                                                   "22 in 2020. Measure B failed in Oakland.")
            ["laws"]}
    assert laws["California Proposition 22"]["jurisdiction"] == "California"
    assert laws["Oakland Measure B"]["jurisdiction"] == "Oakland"


def test_a_mayors_executive_order_is_the_citys_and_named_by_what_it_does(nlp):
    data = facts(nlp, "Mayor Ann Lee of Chicago signed an executive order barring police from "
                      "cooperating with ICE. Governor Bob Hart of Ohio issued an executive order "
                      "that requires masks in schools.")
    laws = {law["name"]: law for law in data["laws"]}
    assert laws["executive order barring police from cooperating with ICE"]["jurisdiction"] \
        == "Chicago"
    assert laws["executive order that requires masks in schools"]["jurisdiction"] == "Ohio"


def test_two_bills_named_in_the_next_sentence_give_the_event_its_law(nlp):
    data = facts(nlp, "Two bills championed by Senator Ann Lee of Ohio are headed to the "
                      "governor. Lee said she was proud. The two measures are Senate Bill 5, "
                      "which caps rents, and Senate Bill 7, which funds clinics.")
    assert law_of(data["events"], agent="Ann Lee") == "Ohio Senate Bill 5"


def test_a_compliance_is_with_the_ruling_not_the_law_it_halts(nlp):
    from ingest.extract import STEPS
    from ingest.extract.context import Context
    from ingest.extract.event_links import about
    from kb.facts import Document

    text = ("On Friday, Judge Ann Lee granted a temporary restraining order against Executive "
            "Order 14100. Following the ruling, the Department of Labor suspended all actions "
            "implementing Executive Order 14100.")
    ctx = Context(Document(id="t", text=text, date="2022-03-01"), nlp(text))
    for step in STEPS[:-1]:  # every fact but the events
        step(ctx)
    verb = next(t for t in ctx.doc if t.lower_ == "suspended")
    ruling = next(k for k, law in ctx.facts.laws.items() if law.type == "court ruling")
    assert about(ctx, verb, "law:", True, verb, "comply") == ruling
    assert about(ctx, verb, "law:", True, verb) == "law:executive-order-14100"


def test_a_jurisdictions_policy_is_about_what_it_does_on_that_subject(nlp):
    events = facts(nlp, "Dane County officials defended Dane County's jail release policy on "
                        "Monday. Reporters asked many questions. The weather was cold. Dane "
                        "County does not cooperate with ICE, but its jail does honor jail "
                        "release requests.")["events"]
    honored = [e for e in events if "honor" in e["sentence"]]
    assert honored and all(e["about_law"] == "Dane County jail release policy" for e in honored)


def test_the_law_noun_subject_of_a_clause_above_the_event(nlp):
    data = facts(nlp, "Two bills championed by Senator Ann Lee of Ohio are headed to the "
                      "governor after passing through the Ohio General Assembly. Lee said she "
                      "was proud. Nobody objected. The two measures are Senate Bill 5 and "
                      "Senate Bill 7.")
    assert law_of(data["events"], agent="Ohio General Assembly") == "Ohio Senate Bill 5"


def test_an_earlier_bill_introduced_by_what_it_would_have_done(nlp):
    data = facts(nlp, "The measure is a weaker version of a bill first introduced in 2013, "
                      "which would have charged ten cents per bag.")
    assert any(law["name"] == "bill that would have charged ten cents per bag"
               for law in data["laws"])


def test_a_sentences_first_word_is_no_part_of_an_acts_name(nlp):
    laws = {law["name"]: law for law in facts(nlp, "Under the Clean Air Act, states must act.")
            ["laws"]}
    assert laws["Clean Air Act"]["aliases"] == ["the Clean Air Act"]


def test_a_lede_introducing_the_headline_bill_is_that_bill(nlp):
    data = unnamed(nlp, "Senate Passes Bill To Expand Broadband In Rural Areas",
                   "The Ohio Senate on Tuesday passed a bill to expand broadband access in rural "
                   "areas. The bill, sponsored by Senator Ann Lee of Ohio, would spend $4 "
                   "billion. Senator Bob Hart of Ohio voted against the measure.")
    assert [law["name"] for law in data["laws"]] == ["Ohio Bill To Expand Broadband"]


def test_the_law_is_not_a_constitutional_provision_named_before_it(nlp):
    data = facts(nlp, "A federal judge on Friday blocked Ohio's new abortion law, ruling that it "
                      "likely violates the Fourteenth Amendment. The law, signed by Governor Ann "
                      "Lee in April, would have banned most abortions.")
    assert law_of(data["events"], type="sign") == "Ohio abortion law"


def test_a_rule_introduced_by_what_it_does_is_what_a_suit_is_over(nlp):
    data = facts(nlp, "The Environmental Protection Agency on Wednesday finalized a rule that "
                      "limits methane leaks from wells. The rule, proposed last year under the "
                      "Clean Air Act, requires inspections. Texas sued the agency over the rule.")
    rule = "rule that limits methane leaks from wells"
    assert any(law["name"] == rule and law["type"] == "regulation" for law in data["laws"])
    assert law_of(data["events"], type="sue") == rule


def test_a_law_known_by_a_name_is_the_law_of_that_name(nlp):
    data = facts(nlp, "President Joe Smith signed H.R. 2 into law. The bill, known as the Farm "
                      "Security Act of 2021, extends crop insurance.")
    laws = {law["name"]: law for law in data["laws"]}
    assert list(laws) == ["Farm Security Act of 2021"]
    assert "H.R. 2" in laws["Farm Security Act of 2021"]["aliases"]


def test_the_sanctions_joined_are_the_sanctions_not_an_embargo_named_since(nlp):
    data = facts(nlp, "The United States expanded sanctions on Russia on Thursday. The European "
                      "Union imposed an embargo against Russia on Friday, and Japan joined the "
                      "sanctions.")
    assert law_of(data["events"], agent="Japan") == "sanctions on Russia"


def test_article_ii_beside_the_presidents_powers_is_the_constitutions(nlp):
    names = {law["name"] for law in facts(
        nlp, "The suit cites the Constitution. The administration cited the president's powers "
             "under Article II. Article IV of the lease was not discussed.")["laws"]}
    assert names == {"U.S. Constitution", "U.S. Const. art. II"}


def test_the_constitution_at_a_sentences_start_is_the_federal_one(nlp):
    names = {law["name"] for law in facts(nlp, "The Constitution was cited by both sides. The "
                                               "Ohio Constitution was not.")["laws"]}
    assert names == {"U.S. Constitution"}


def test_a_comment_on_a_rule_is_no_part_of_its_name(nlp):
    names = [law["name"] for law in facts(
        nlp, "Attorney General Ann Lee of Ohio opposed the Smith Administration's new rule on "
             "\"fast removal,\" which expands summary deportation.")["laws"]]
    assert "Smith Administration new rule on fast removal" in names


def test_a_measure_a_government_imposes_is_its_policy(nlp):
    laws = {law["name"]: law for law in facts(
        nlp, "In Ohio, there is a state-imposed cap on speed camera installation. The "
             "city-mandated freeze on rent increases in Boston ends in May.")["laws"]}
    assert laws["state-imposed cap on speed camera installation"]["jurisdiction"] == "Ohio"
    assert laws["city-mandated freeze on rent increases"]["jurisdiction"] == "Boston"


def test_a_ruling_named_by_its_year_where_a_court_speaks(nlp):
    laws = {law["name"]: law for law in facts(
        nlp, "In a 2016 ruling, the Supreme Court said states may not do that. In a 2015 "
             "report, the auditor said so.")["laws"]}
    assert list(laws) == ["2016 ruling (the Supreme Court)"]
    assert laws["2016 ruling (the Supreme Court)"]["type"] == "court ruling"


def test_a_law_that_says_or_has_been_is_not_named_by_a_purpose(nlp):
    names = [law["name"] for law in facts(
        nlp, "There is a policy that has been in place for years. Ohio has a law that says "
             "drivers must stop. The council passed a law that bans plastic straws in Ohio.")
        ["laws"]]
    assert names == ["law that bans plastic straws"]


def test_an_article_of_a_state_constitution_is_not_the_federal_ones(nlp):
    names = {law["name"] for law in facts(
        nlp, "The U.S. Constitution applies. Article I of the Ohio Constitution was cited.")
        ["laws"]}
    assert names == {"U.S. Constitution"}
