"""Extraction quality on the shared corpora, and focused checks of general rules.

The corpus texts are read from ../shared/corpus (never copied here) and scored with
../shared/eval/score.py. The unit sentences below are written for these tests.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from ingest.money import to_usd
from kb.facts import Document, to_schema_json
from tests import extracting

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))

from score_extraction import read_document  # noqa: E402

# Seed: issue 3 targets (overall 0.90, events 0.85) and regression floors at the scores reached
# (through this harness) minus 0.01.
SEED_BOUNDS = {"overall": 0.959, "events": 0.99, "event_laws": 0.99, "grants": 0.879}
# Dev (all 20 documents since 2026-12-04): regression floors at the scores reached (through
# this harness) minus 0.01. Issue 9 targets (over all dev) in the comments; events and overall
# are still short of them. Raise a floor whenever extraction improves.
DEV_BOUNDS = {
    "overall": 0.911,        # reached 0.921; issue 9 target: 0.88
    "officials": 0.969,      # reached 0.979
    "jurisdictions": 0.955,  # reached 0.965
    "statements": 0.924,     # reached 0.934; issue 9 target: 0.90
    "events": 0.721,         # reached 0.731; issue 9 target: 0.70
    "event_laws": 0.707,     # reached 0.717
    "organizations": 0.970,  # reached 0.980
    "laws": 0.916,           # reached 0.926; issue 9 target: 0.80
    "grants": 0.855,         # reached 0.865; issue 10 target: 0.85
}


@pytest.fixture(scope="session")
def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    return module


def facts_of(nlp, text: str, date: str = "2017-03-28") -> dict:
    return extracting.facts_of(nlp, text, date)


def corpus_report(nlp, scorer, corpus: Path, tmp_path: Path) -> dict:
    from ingest.extract import extract

    for txt in sorted(corpus.glob("*.txt")):
        document = read_document(txt)
        data = to_schema_json(extract(document, nlp(document.text)))
        (tmp_path / f"{txt.stem}.json").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "report.json"
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main(["--corpus", str(corpus), "--pred-dir", str(tmp_path), "--json"])
    out.write_text(buf.getvalue())
    return json.loads(buf.getvalue())["total"]


@pytest.mark.slow
def test_seed_quality(nlp, scorer, tmp_path):
    report = corpus_report(nlp, scorer, SHARED / "corpus" / "seed", tmp_path)
    below = {k: report[k]["f"] for k, bound in SEED_BOUNDS.items() if report[k]["f"] < bound}
    assert not below, f"seed below bounds {SEED_BOUNDS}: {below}"


@pytest.mark.slow
def test_dev_quality(nlp, scorer, tmp_path):
    report = corpus_report(nlp, scorer, SHARED / "corpus" / "dev", tmp_path)
    below = {k: report[k]["f"] for k, bound in DEV_BOUNDS.items() if report[k]["f"] < bound}
    assert not below, f"dev below bounds {DEV_BOUNDS}: {below}"


def test_title_before_name_makes_an_official(nlp):
    facts = facts_of(nlp, "Gov. Jane Roe signed the budget bill on Tuesday in Albany, New York.")
    officials = {o["name"]: o for o in facts["officials"]}
    assert "Jane Roe" in officials
    assert officials["Jane Roe"]["posts"][0]["title"].lower().startswith("gov")


def test_sign_event_with_agent(nlp):
    facts = facts_of(nlp, "Gov. Jane Roe signed the bill on Tuesday.")
    assert any(e["type"] == "sign" and e["agent"] == "Jane Roe" for e in facts["events"])


def test_surname_joins_full_name_and_quote_speaker(nlp):
    text = ('Mayor Sam Quill spoke on Friday.\n\n'
            '"We will keep our police out of immigration work," Quill said.')
    facts = facts_of(nlp, text)
    assert [o["name"] for o in facts["officials"]] == ["Sam Quill"]
    assert facts["statements"][0]["speaker"] == "Sam Quill"


def test_pronoun_speaker(nlp):
    text = ('Attorney General Lee Park met reporters in Denver, Colorado.\n\n'
            '"The law is clear and we expect every county to follow it," she said.')
    facts = facts_of(nlp, text)
    assert facts["statements"] and facts["statements"][0]["speaker"] == "Lee Park"


def test_scare_quotes_are_not_statements(nlp):
    facts = facts_of(nlp, 'Senator Ann Vale called the plan "reckless" on Monday.')
    assert facts["statements"] == []


def test_threat_to_cut_grants_is_one_threat_with_target(nlp):
    text = ("Secretary Tom Hale threatened to withhold federal grants from Denver, Colorado, "
            "over its police policy.")
    facts = facts_of(nlp, text)
    threats = [e for e in facts["events"] if e["type"] == "threaten"]
    assert len(threats) == 1 and threats[0]["agent"] == "Tom Hale"
    assert threats[0]["target"] == "Denver"
    assert not [e for e in facts["events"] if e["type"] == "withhold"]


def test_said_funds_could_be_withheld_is_a_threat(nlp):
    text = "President Ada Stone said federal money could be withheld from Portland, Oregon."
    facts = facts_of(nlp, text)
    assert any(e["type"] == "threaten" and e["agent"] == "Ada Stone" for e in facts["events"])


def test_events_inside_quotes_are_not_reported_events(nlp):
    text = '"We will sue the state," Mayor Rita Cole said.'
    facts = facts_of(nlp, text)
    assert not [e for e in facts["events"] if e["type"] == "sue"]


def test_usc_citation_normalised_and_section_alias(nlp):
    text = ("The order cites 8 U.S.C. 1373. Officials said the county follows section 1373 "
            "of the U.S. Code.")
    laws = facts_of(nlp, text)["laws"]
    assert [law["name"] for law in laws] == ["8 U.S.C. § 1373"]


def test_same_act_name_in_two_states_is_two_laws(nlp):
    text = ("Oregon passed the Safe Harbor Act in 2015. Nevada lawmakers are weighing "
            "Nevada's Safe Harbor Act this year.")
    names = {law["name"] for law in facts_of(nlp, text)["laws"]}
    assert {"Oregon Safe Harbor Act", "Nevada Safe Harbor Act"} <= names


def test_acronym_defined_in_parentheses(nlp):
    text = ("The Office of Rural Housing (ORH) released a report. ORH said the program "
            "would continue.")
    orgs = facts_of(nlp, text)["organizations"]
    hits = [o for o in orgs if o["name"] == "Office of Rural Housing"]
    assert hits and "ORH" in hits[0]["aliases"]
    assert len([o for o in orgs if "ORH" in [o["name"], *o["aliases"]]]) == 1


def test_city_state_hierarchy_and_country(nlp):
    places = {p["name"]: p for p in facts_of(nlp, "Officials in Hartford, Connecticut, met "
                                                  "on Monday.")["jurisdictions"]}
    assert places["Hartford"]["within"] == "Connecticut"
    assert places["Connecticut"]["within"] == "United States"


def test_money_normalisation():
    assert to_usd("more than $4 billion") == 4e9
    assert to_usd("$500,000") == 5e5
    assert to_usd("$98.89 million") == 98_890_000
    assert to_usd("millions of dollars") is None
    assert to_usd("between $150 and $160 million") is None


def test_every_fact_has_evidence_inside_the_text(nlp):
    from ingest.extract import extract

    text = "Gov. Jane Roe signed the Clean Water Act in Salem, Oregon, on Tuesday."
    facts = extract(Document(id="t", text=text), nlp(text))
    items = list(facts.people.values()) + list(facts.places.values()) + facts.events
    assert items
    for item in items:
        assert item.evidence
        for ev in item.evidence:
            assert text[ev.start:ev.end].strip() == ev.sentence and ev.rule


def test_name_after_a_title_is_a_person_even_when_the_model_misses_it(nlp):
    text = ("Mayor van Brunt praised the council on Monday. Attorney General Okafor has "
            "asked the court to wait.")
    officials = {o["name"]: o for o in facts_of(nlp, text)["officials"]}
    assert "van Brunt" in officials and officials["van Brunt"]["posts"][0]["title"] == "Mayor"
    assert "Okafor" in officials


def test_hyphenated_name_with_title(nlp):
    text = '"We will not back down," said Council Speaker Rosa Delgado-Whitley.'
    facts = facts_of(nlp, text)
    assert [o["name"] for o in facts["officials"]] == ["Rosa Delgado-Whitley"]
    assert facts["statements"][0]["speaker"] == "Rosa Delgado-Whitley"


def test_titled_person_is_not_an_organization(nlp):
    text = "Spokeswoman Dana Brill said the agency would respond next week."
    facts = facts_of(nlp, text)
    assert not [o for o in facts["organizations"] if "Brill" in o["name"]]
    assert [o["name"] for o in facts["officials"]] == ["Dana Brill"]


def test_program_name_is_not_a_person(nlp):
    text = "The county applied for the Rural Justice Housing Grant in March."
    assert facts_of(nlp, text)["officials"] == []


def test_listed_post_holder_named_by_surname_gets_the_post_for_the_date(nlp):
    text = "Newsom vetoed the measure on Friday in Sacramento, California."
    during = {o["name"]: o for o in facts_of(nlp, text, date="2020-10-02")["officials"]}
    assert during["Gavin Newsom"]["posts"][0]["title"] == "Governor"
    before = facts_of(nlp, text, date="2012-10-02")["officials"]
    assert not [o for o in before if o["name"] == "Gavin Newsom" and
                o["posts"][0]["title"] == "Governor"]


def test_state_post_by_surname_needs_the_state_in_the_text(nlp):
    text = "Abbott met with reporters after the hearing."
    assert facts_of(nlp, text, date="2019-05-01")["officials"] == []
    text = "In Austin, Texas, Abbott met with reporters after the hearing."
    names = [o["name"] for o in facts_of(nlp, text, date="2019-05-01")["officials"]]
    assert names == ["Greg Abbott"]


def test_person_the_model_calls_a_body_is_a_person(nlp):
    text = ("Priya Raman, the county's Commissioner of Public Health, said on Monday that "
            "clinics would stay open.")
    facts = facts_of(nlp, text)
    assert [o["name"] for o in facts["officials"]] == ["Priya Raman"]
    assert not [o for o in facts["organizations"] if "Raman" in o["name"]]


def test_body_whose_name_opens_with_a_place(nlp):
    text = "The Ohio Farmers Coalition sued the agency in March."
    names = [o["name"] for o in facts_of(nlp, text)["organizations"]]
    assert "Ohio Farmers Coalition" in names


def test_pronoun_speaker_agrees_in_gender(nlp):
    text = ("Professor Helen Marsh studies county budgets. Her report criticised Mayor Tom "
            "Reilly.\n\n"
            '"The numbers do not add up," she said.')
    facts = facts_of(nlp, text)
    assert facts["statements"] and facts["statements"][0]["speaker"] == "Helen Marsh"


def test_pronoun_speaker_continues_the_current_speaker(nlp):
    text = ('"We will appeal," said Governor Ruth Alder on Monday.\n\n'
            'If Senator Paul Greer blocks the bill, she said, the state "will go to court '
            'the next morning."')
    facts = facts_of(nlp, text)
    speakers = {s["quote"][:10]: s["speaker"] for s in facts["statements"]}
    assert speakers.get("will go to") == "Ruth Alder"


def test_quote_from_an_unnamed_bystander_has_no_speaker(nlp):
    text = ('Officer Dale Kent arrived at noon. "They took him away," a neighbor told '
            'reporters.')
    assert facts_of(nlp, text)["statements"] == []


def test_owned_policy_nouns_are_laws_and_repeats_join(nlp):
    text = ("Governor Lena Ortiz unveiled her draft budget on Monday. Critics said Ortiz's "
            "budget cuts transit. Ortiz's smoking ban took effect in May.")
    laws = {law["name"]: law for law in facts_of(nlp, text)["laws"]}
    budgets = [n for n in laws if n.endswith("budget")]
    assert budgets == ["draft budget"]
    assert "Ortiz's budget" in laws[budgets[0]]["aliases"]
    assert any(n.endswith("smoking ban") for n in laws)


def test_injunction_is_a_court_ruling_and_named_initiative_is_a_policy(nlp):
    text = ("A federal judge issued a temporary injunction against the rule. The city expanded "
            "the Safe Corners initiative last year.")
    laws = {law["name"]: law["type"] for law in facts_of(nlp, text)["laws"]}
    assert laws.get("temporary injunction against the rule") == "court ruling"
    assert laws.get("Safe Corners initiative") == "policy"


def test_his_law_takes_what_the_law_does_but_not_when_or_where(nlp):
    text = "Governor Sam Okoro signed his law raising the minimum wage on Tuesday in Boise."
    laws = facts_of(nlp, text)["laws"]
    assert [law["name"] for law in laws] == ["law raising the minimum wage"]
    assert "his law raising the minimum wage" in laws[0]["aliases"]


def test_refused_to_act_is_one_negated_comply_event(nlp):
    text = "Since 2019, Denver, Colorado, has refused to hold inmates for federal agents."
    events = facts_of(nlp, text)["events"]
    assert [(e["type"], e["agent"], e["modality"]) for e in events] == [
        ("comply", "Denver", "negated")]


def test_threat_noun_takes_the_target_of_its_action(nlp):
    text = ("Secretary Tom Hale's threat to cut federal grants from Denver, Colorado, drew "
            "criticism.")
    events = facts_of(nlp, text)["events"]
    assert [(e["type"], e["agent"], e["target"]) for e in events] == [
        ("threaten", "Tom Hale", "Denver")]


def test_issue_is_a_release_only_for_documents(nlp):
    text = ("The Denver Police Department issued new guidance on Monday. The Denver Police "
            "Department issued 400 parking tickets on Tuesday.")
    events = [e for e in facts_of(nlp, text)["events"] if e["type"] == "release"]
    assert len(events) == 1 and "guidance" in events[0]["sentence"]


def test_resident_of_a_place_is_not_the_place(nlp):
    text = "A Denver resident sued the state of Colorado on Monday."
    assert not [e for e in facts_of(nlp, text)["events"] if e["agent"] == "Denver"]


def test_party_members_of_a_chamber_act_as_the_chamber(nlp):
    text = "Senate Republicans passed the Clean Water Act on Monday."
    events = facts_of(nlp, text)["events"]
    assert [(e["type"], e["agent"]) for e in events] == [("other", "Senate")]


def extracted(nlp, text: str, date: str | None = "2017-03-28"):
    """The extractor's own facts (event dates are not part of the facts JSON)."""
    from ingest.extract import extract

    return extract(Document(id="t", text=text, date=date), nlp(text))


def test_threat_over_cooperation_takes_the_law_the_document_requires_compliance_with(nlp):
    text = ("Attorney General Ray Dunn on Tuesday threatened to withhold federal police grants "
            "from counties that do not cooperate with immigration agents.\n\n"
            "The grants pay for patrol cars and radios in rural areas.\n\n"
            "Officials in Boise, Idaho, said the city had never violated 8 U.S.C. § 1644, which "
            "bars limits on sharing immigration status.")
    events = facts_of(nlp, text)["events"]
    threat = [e for e in events if e["type"] == "threaten"]
    assert [(e["agent"], e["about_law"]) for e in threat] == [("Ray Dunn", "8 U.S.C. § 1644")]


def test_threat_without_a_compliance_condition_does_not_take_the_compliance_law(nlp):
    text = ("Attorney General Ray Dunn on Tuesday threatened to withhold federal police grants "
            "from Boise, Idaho, over its budget deficit.\n\n"
            "The grants pay for patrol cars and radios in rural areas.\n\n"
            "Officials in Boise said the city had never violated 8 U.S.C. § 1644, which "
            "bars limits on sharing immigration status.")
    threat = [e for e in facts_of(nlp, text)["events"] if e["type"] == "threaten"]
    assert threat and threat[0]["about_law"] is None


def test_event_date_from_the_time_expression_of_its_verb(nlp):
    text = ("Gov. Jane Roe on Monday signed the budget bill.\n\n"
            "Idaho in 2013 passed the Open Roads Act.\n\n"
            "The Idaho State Police released its annual report last week, covering the week of "
            "Jan. 8 to Jan. 14.")
    dated = {e.type: e.date for e in extracted(nlp, text).events}
    assert dated["sign"] == "2017-03-27"      # the Monday before the document's date
    assert dated["release"] == "last week"    # no calendar unit: kept as written
    undated = {e.type: e.date for e in extracted(nlp, text, date=None).events}
    assert undated["sign"] == "Monday"        # no document date: kept, never guessed
    assert undated["release"] == "last week"


def test_event_date_from_a_governing_verb_but_not_from_a_bound(nlp):
    text = ("On Friday, Mayor Sam Quill said the city would withhold federal grants from "
            "Boise, Idaho.\n\nSince 2015, Denver, Colorado, has refused to hold inmates for "
            "federal agents.")
    dated = {e.type: e.date for e in extracted(nlp, text).events}
    assert dated["threaten"] == "2017-03-24"
    assert dated["comply"] is None


def test_date_values():
    from datetime import date

    from ingest.dates import date_value

    anchor = date(2017, 3, 28)
    assert date_value("Monday's", anchor) == "2017-03-27"
    assert date_value("in January", anchor) == "2017-01"
    assert date_value("last August", anchor) == "2016-08"
    assert date_value("2013", None) == "2013"
    assert date_value("March 2017", None) == "2017-03"
    assert date_value("Jan. 25, 2017", None) == "2017-01-25"
    assert date_value("last year", anchor) == "2016"
    assert date_value("Monday", None) == "Monday"
    assert date_value("every year", anchor) is None
    assert date_value("48 hours", anchor) is None


def events_of(nlp, text: str) -> list[tuple]:
    return [(e["type"], e["agent"], e["target"]) for e in facts_of(nlp, text)["events"]]


def test_feared_cut_is_a_warning_by_the_one_who_fears_it(nlp):
    text = ("Senator Ann Vale said on Monday that she feared Governor Tom Hale would make good "
            "on his threat to cut road funding.")
    assert events_of(nlp, text) == [("warn", "Ann Vale", "Tom Hale")]


def test_refusal_at_someones_request_targets_the_requester(nlp):
    text = ("Since 2019, Denver, Colorado, has refused to hold inmates in county jails at the "
            "FBI's request.")
    assert events_of(nlp, text) == [("comply", "Denver", "Federal Bureau of Investigation")]


def test_what_a_ruling_found_is_not_an_event(nlp):
    text = ("Mayor Sam Quill cited a 2015 ruling by the Colorado Supreme Court, which found "
            "that the Colorado Department of Education could not cut school funds from Denver.")
    assert not [e for e in events_of(nlp, text) if e[0] == "withhold"]


def test_what_a_law_prohibits_is_not_an_event(nlp):
    text = ("The Denver City Council voted on Monday to prohibit the Denver Police Department "
            "from detaining immigrants.")
    assert not [e for e in events_of(nlp, text) if e[0] == "other"]


def test_people_threatened_by_an_order_are_not_a_threat_event(nlp):
    text = ("Mayor Sam Quill of Denver, Colorado, promised to protect families threatened by "
            "Governor Tom Hale's order.")
    assert not [e for e in events_of(nlp, text) if e[0] == "threaten"]


def test_refusal_in_an_if_clause_is_a_condition_not_an_event(nlp):
    text = ("If Colorado refuses to cooperate with Governor Tom Hale, he will cut its road "
            "grants.")
    assert not [e for e in events_of(nlp, text) if e[0] == "comply"]


def test_an_act_with_nothing_acted_on_is_not_an_other_event(nlp):
    text = "Governor Tom Hale's efforts to deport drew criticism in Denver, Colorado."
    assert not [e for e in events_of(nlp, text) if e[0] == "other"]


def test_bill_passed_with_no_one_named_passes_in_the_chamber_reported_on(nlp):
    text = ("The Colorado Senate met on Monday to vote on two bills.\n\n"
            "The Clean Rivers Act passed as part of a budget package.")
    events = facts_of(nlp, text)["events"]
    assert [(e["type"], e["agent"], e["about_law"]) for e in events] == [
        ("other", "Colorado Senate", "Clean Rivers Act")]


def test_they_after_two_people_named_at_the_head_of_a_sentence(nlp):
    # the parser gives this sentence no clean subject (a "United ... NYC" group-name tangle)
    text = ("Ann Roe of Queens Tenants United and Bo Li of ICE OUT NYC have been organizing in "
            "opposition to the police chief since Donald Trump took office.\n\n"
            '"The city has ignored us for years," they told reporters.')
    speakers = sorted(s["speaker"] for s in facts_of(nlp, text)["statements"])
    assert speakers == ["Ann Roe", "Bo Li"]


def test_phrase_quoted_in_a_reported_clause_is_the_speakers(nlp):
    text = ("Mayor Sam Quill said Tuesday the money has gone toward \"our smallest park "
            "repair projects\" across Denver, Colorado.\n\n"
            'Governor Tom Hale referred to the plan as "a deal that works for everyone."')
    said = {s["speaker"]: s["quote"] for s in facts_of(nlp, text)["statements"]}
    assert said == {"Sam Quill": "our smallest park repair projects",
                    "Tom Hale": "a deal that works for everyone."}


def test_law_wording_quoted_in_a_relative_clause_is_not_a_statement(nlp):
    text = ("Mayor Sam Quill said the city follows a state rule that bars any \"law, policy "
            "or procedure\" limiting police reports in Denver, Colorado.")
    assert facts_of(nlp, text)["statements"] == []
