"""Event extraction rules of English news prose: nominal and light-verb events, coordinated
agents, what a ruling binds, definite descriptions of laws, habitual and stative verbs.

The sentences are written for these tests (real public bodies, invented people and acts).
"""
from __future__ import annotations

from tests import extracting


def events(nlp, text: str) -> list[dict]:
    return extracting.facts_of(nlp, text, "2018-05-02")["events"]


def triples(nlp, text: str) -> list[tuple]:
    return [(e["type"], e["agent"], e["target"]) for e in events(nlp, text)]


def test_lawsuit_filed_by_a_body_is_its_suit(nlp):
    text = "The Denver City Council filed a lawsuit against Governor Tom Hale on Monday."
    assert ("sue", "Denver City Council", "Tom Hale") in triples(nlp, text)
    # whoever accuses another of making threats made none
    text = ("Senator Ann Vale accused Governor Tom Hale of making empty threats against "
            "Denver, Colorado.")
    assert not [e for e in triples(nlp, text) if e[0] == "threaten" and e[1] == "Ann Vale"]


def test_voiced_concern_is_a_warning(nlp):
    text = ("Senator Ann Vale voiced concern on Tuesday about cuts to road funding in Denver, "
            "Colorado.")
    assert [e[:2] for e in triples(nlp, text)] == [("warn", "Ann Vale")]
    text = "Road funding in Denver, Colorado, is a matter of concern for Senator Ann Vale."
    assert not [e for e in triples(nlp, text) if e[0] == "warn"]


def test_warning_issued_is_a_warning_not_a_release(nlp):
    text = "Governor Tom Hale issued a warning to Denver, Colorado, on Monday."
    found = triples(nlp, text)
    assert ("warn", "Tom Hale", "Denver") in found
    assert not [e for e in found if e[0] == "release"]


def test_ruling_by_a_court_binds_the_subject_of_what_it_found(nlp):
    text = ("Mayor Sam Quill cited a 2015 ruling by the Denver District Court, which found "
            "that Denver Public Schools could not cut teacher pay.")
    assert ("rule", "Denver District Court", "Denver Public Schools") in triples(nlp, text)


def test_coordinated_subjects_are_one_event_each(nlp):
    text = ("Mayor Sam Quill and Governor Tom Hale sued the Department of Justice in Denver, "
            "Colorado, on Monday.")
    found = triples(nlp, text)
    assert ("sue", "Sam Quill", "Department of Justice") in found
    assert ("sue", "Tom Hale", "Department of Justice") in found


def test_the_bill_points_back_to_the_bill_named_before(nlp):
    text = ("The Colorado Senate passed the Clean Rivers Act on Monday.\n\n"
            "The vote was close. Supporters cheered in the gallery. Reporters waited outside.\n\n"
            "Governor Tom Hale criticized the bill on Tuesday.")
    hale = [e for e in events(nlp, text) if e["agent"] == "Tom Hale"]
    assert [(e["type"], e["about_law"]) for e in hale] == [("other", "Clean Rivers Act")]


def test_a_lede_names_the_legislation_it_describes_later(nlp):
    text = ("The Colorado Senate on Monday passed legislation that would protect rivers.\n\n"
            "The vote was 20 to 15.\n\n"
            "The Clean Rivers Act would ban dumping in the Platte River.")
    passed = [e for e in events(nlp, text) if e["agent"] == "Colorado Senate"]
    assert [e["about_law"] for e in passed] == ["Clean Rivers Act"]


def test_praise_with_nobody_and_no_law_praised_is_not_an_event(nlp):
    text = "Governor Tom Hale praised the spirit of the new rules in Denver, Colorado."
    assert not [e for e in triples(nlp, text) if e[0] == "other"]
    text = "Governor Tom Hale praised the Colorado Senate on Monday."
    assert ("other", "Tom Hale", "Colorado Senate") in triples(nlp, text)


def test_a_report_is_about_a_law_only_where_its_sentence_says_so(nlp):
    text = ("The Colorado Senate passed the Clean Rivers Act on Monday.\n\n"
            "The Environmental Protection Agency released a report on river pollution.")
    epa = [e for e in events(nlp, text) if e["type"] == "release"]
    assert [e["about_law"] for e in epa] == [None]


def test_grants_given_every_year_are_a_practice_not_an_event(nlp):
    text = ("The Department of Transportation gives out more than $2 billion in grants every "
            "year, including millions of dollars to Denver, Colorado.")
    assert not [e for e in triples(nlp, text) if e[0] == "award"]
    # what was done annually in the past is reported
    text = "Governor Tom Hale arrested hundreds of protesters annually in Denver, Colorado."
    assert [e[:2] for e in triples(nlp, text)] == [("other", "Tom Hale")]


def test_complying_in_the_present_is_a_state_but_having_cooperated_is_an_act(nlp):
    text = ("Governor Tom Hale has denied that Colorado is a haven, saying it complies with "
            "federal law.")
    assert not [e for e in triples(nlp, text) if e[0] == "comply"]
    text = "Since 2015, the Denver Police Department has cooperated with the FBI."
    assert ("comply", "Denver Police Department", "Federal Bureau of Investigation") in \
        triples(nlp, text)


def statements(nlp, text: str) -> list[tuple]:
    facts = extracting.facts_of(nlp, text, "2018-05-02")
    return [(s["speaker"], s["quote"]) for s in facts["statements"]]


def test_a_noun_quoted_with_its_comma_is_a_term_not_a_statement(nlp):
    text = ("By taxing all \"imports,\" including food, Governor Tom Hale added, Colorado "
            "would lose trade.")
    assert not statements(nlp, text)
    text = ("Senator Ann Vale told reporters that the cuts are \"very disappointing,\" and "
            "left the room.")
    assert [q for _, q in statements(nlp, text)] == ["very disappointing,"]
