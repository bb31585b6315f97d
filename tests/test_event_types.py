"""Event types: every CAMEO code the trigger tables give has its own concept in events.ttl (so
the graph records "vetoed" as CAMEO 129, not as a plain statement), and trigger words outside
the first hand list report events of the right type.

The sentences are written for these tests (real public bodies, invented people and acts).
"""
from __future__ import annotations

from ingest.extract.event_triggers import readings_of, verbs
from kb.facts import Document
from kb.graph.values import event_type
from kb.vocab import EVENT, EVENT_CAMEO, EVENT_KEY
from tests import extracting


def test_every_trigger_code_has_its_own_concept():
    for word, (typ, cameo, _note) in verbs().items():
        if not cameo:
            continue
        concept = event_type(typ, cameo)
        assert EVENT_CAMEO[concept] == cameo and EVENT_KEY[concept] == typ, (word, typ, cameo)


def test_new_cameo_concepts_sit_under_their_roots():
    assert event_type("other", "042") == EVENT.make_visit
    assert event_type("other", "051") == EVENT.praise
    assert event_type("other", "052") == EVENT.defend_verbally
    assert event_type("other", "129") == EVENT.veto
    assert event_type("other", "173") == EVENT.arrest
    table = verbs()
    assert table["veto"][1] == "129" and table["arrest"][1] == "173"
    assert table["visit"][1] == "042" and table["defend"][1] == "052"
    assert table["endorse"][1] == "051"


def raw_events(nlp, text: str) -> list:
    """The extracted Event records (type, CAMEO code, factuality) of a sentence."""
    from ingest.extract import extract

    return extract(Document(id="t", text=text, date="2018-05-02"), nlp(text)).events


def summary(nlp, text: str) -> list[tuple]:
    return [(e["type"], e["agent"], e["target"])
            for e in extracting.facts_of(nlp, text, "2018-05-02")["events"]]


def test_issuing_an_executive_order_signs_it(nlp):
    text = "Governor Tom Hale issued an executive order on water use in Denver, Colorado."
    found = [e[:2] for e in summary(nlp, text)]
    assert ("sign", "Tom Hale") in found and not [e for e in found if e[0] == "release"]
    # a report is still released
    text = "The Colorado Department of Transportation issued a report on road safety."
    assert ("release", "Colorado Department of Transportation", None) in summary(nlp, text)


def test_sanctions_and_embargoes_are_cameo_163(nlp):
    events = raw_events(nlp, "President Donald Trump imposed sanctions on Venezuela.")
    assert [(e.type, e.cameo) for e in events] == [("other", "163")]
    assert event_type("other", "163") == EVENT.impose_embargo
    events = raw_events(nlp, "The Denver City Council imposed a curfew on Monday.")
    assert all(e.cameo != "163" for e in events)


def test_a_court_challenge_is_a_suit_and_a_coming_one_a_threat(nlp):
    text = "Colorado challenged the executive order in court on Monday."
    assert ("sue", "Colorado", None) in summary(nlp, text)
    text = "Senator Ann Vale said she would sue the Environmental Protection Agency."
    assert summary(nlp, text) == [("threaten", "Ann Vale", "Environmental Protection Agency")]
    text = "Senator Ann Vale sued the Environmental Protection Agency on Monday."
    assert summary(nlp, text) == [("sue", "Ann Vale", "Environmental Protection Agency")]
    # challenging a claim is no suit
    text = "Senator Ann Vale challenged the figures of the Environmental Protection Agency."
    assert not [e for e in summary(nlp, text) if e[0] in ("sue", "threaten")]


def test_saying_one_is_launching_a_program_announces_it(nlp):
    text = ("Comptroller Ann Vale said she is launching a program to audit the Denver Police "
            "Department.")
    assert ("announce", "Ann Vale", None) in summary(nlp, text)


def test_votes_answered_yes_or_no_and_objections_are_events(nlp):
    text = "Senator Ann Vale voted 'no' on the Clean Rivers Act."
    assert ("other", "Ann Vale", None) in summary(nlp, text)
    text = "Senator Ann Vale objected to the Clean Rivers Act on Monday."
    assert ("other", "Ann Vale", None) in summary(nlp, text)
    text = "Governor Tom Hale was not available on Monday, and no vote was held."
    assert summary(nlp, text) == []


def test_indictments_are_arrests_and_charges_cameo_173(nlp):
    events = raw_events(nlp, "The Department of Justice indicted Sam Quill on Monday.")
    assert [(e.type, e.cameo) for e in events] == [("other", "173")]
    table = verbs()
    assert table["demand"][1] == "10" and table["n:objection"][1] == "12"


def test_phrasal_verbs_need_their_particle(nlp):
    text = "Senator Ann Vale called for an investigation of the Denver Police Department."
    assert ("other", "Ann Vale") in [e[:2] for e in summary(nlp, text)]
    text = "Senator Ann Vale called on Governor Tom Hale to resign."
    assert ("other", "Ann Vale", "Tom Hale") in summary(nlp, text)
    text = "Senator Ann Vale called Governor Tom Hale on Monday."
    assert summary(nlp, text) == []
    # an idea that "calls for" something requires it; nobody appeals
    text = "Governor Tom Hale's new budget calls for more police officers in Denver, Colorado."
    assert summary(nlp, text) == []


def test_meetings_visits_and_expulsions_between_parties(nlp):
    text = "Secretary of State Rex Tillerson met with Chinese President Xi Jinping on Monday."
    events = raw_events(nlp, text)
    assert [(e.type, e.cameo) for e in events] == [("other", "04")]
    assert ("other", "Rex Tillerson", "Xi Jinping") in summary(nlp, text)
    text = "Governor Tom Hale met the deadline for the Clean Rivers Act on Monday."
    assert summary(nlp, text) == []
    events = raw_events(nlp, "President Donald Trump hosted Prime Minister Shinzo Abe.")
    assert [(e.type, e.cameo) for e in events] == [("other", "043")]
    events = raw_events(nlp, "Russia expelled 60 American diplomats on Monday.")
    assert [(e.type, e.cameo) for e in events] == [("other", "174")]


def test_finalizing_a_rule_makes_it_and_asking_needs_a_request(nlp):
    text = "The Environmental Protection Agency finalized a rule limiting methane emissions."
    assert ("enact", "Environmental Protection Agency", None) in summary(nlp, text)
    text = "The Environmental Protection Agency finalized the schedule for the meeting."
    assert not [e for e in summary(nlp, text) if e[0] == "enact"]
    text = "Senator Ann Vale asked Governor Tom Hale to veto the Clean Rivers Act."
    assert ("other", "Ann Vale", "Tom Hale") in summary(nlp, text)
    text = "Senator Ann Vale asked Governor Tom Hale about the weather in Denver."
    assert summary(nlp, text) == []


def test_an_order_is_signed_by_an_executive_and_issued_as_a_ruling_by_a_judge(nlp):
    text = "Governor Tom Hale issued an order closing all schools in Colorado."
    assert ("sign", "Tom Hale") in [e[:2] for e in summary(nlp, text)]
    doc = nlp("Judge Ann Vale issued an order blocking the Clean Rivers Act.")
    issued = next(t for t in doc if t.lemma_ == "issue")
    assert readings_of(issued)[0][0] == "rule"


def test_a_possessed_patient_noun_with_an_of_phrase_names_its_doer(nlp):
    text = "Governor Tom Hale's nomination of Sam Quill to the Colorado Supreme Court drew fire."
    assert ("other", "Tom Hale") in [e[:2] for e in summary(nlp, text)]
    # "his arrest" is done to him: no doer named
    text = "Sam Quill, the Denver council member, spoke after his arrest on Monday."
    assert not [e for e in summary(nlp, text) if e[1] == "Sam Quill"]


def test_halting_the_carrying_out_of_a_law_is_compliance_not_a_cut(nlp):
    text = "The Department of Homeland Security suspended enforcement of the travel ban."
    assert summary(nlp, text) == [("comply", "Department of Homeland Security", None)]
    text = "The Department of Justice suspended grants to Denver, Colorado."
    assert ("withhold", "Department of Justice", "Denver") in summary(nlp, text)


def test_setting_up_needs_an_institution_and_a_dare_is_no_challenge(nlp):
    text = "The Denver City Council set up a task force on water use on Monday."
    assert ("other", "Denver City Council", None) in summary(nlp, text)
    text = "The Denver City Council set up a meeting with residents on Monday."
    assert summary(nlp, text) == []
    text = "The Denver Police Department challenged reporters to find a single case."
    assert summary(nlp, text) == []


def test_planned_and_scheduled_acts_are_future_and_possible_ones_hypothetical(nlp):
    from ingest.extract.event_mood import intended, modality

    def mood(text: str, word: str) -> str:
        return modality(next(t for t in nlp(text) if t.text == word))

    assert mood("Governor Tom Hale plans to veto the bill.", "veto") == "future"
    assert mood("The council is scheduled to vote on the bill on Friday.", "vote") == "future"
    assert mood("The council is set to vote on the bill on Friday.", "vote") == "future"
    assert mood("The planned cuts to transit funding drew protests.", "cuts") == "future"
    assert mood("A possible veto of the bill worries its sponsors.", "veto") == "hypothetical"
    assert mood("The governor vetoed the bill on Friday.", "vetoed") == "asserted"
    assert mood("The governor did not veto the bill.", "veto") == "negated"
    said = nlp("The governor said he would veto the bill.")
    veto = next(t for t in said if t.text == "veto")
    assert modality(veto) == "hypothetical" and intended(veto)
    assert not intended(next(t for t in nlp("He would veto it if it passed.") if t.text == "veto"))


def test_a_body_voting_to_change_a_rule_enacts_it(nlp):
    text = "The Denver City Council voted to ban plastic bags on Monday."
    assert ("enact", "Denver City Council", None) in summary(nlp, text)
    text = "Senator Ann Vale voted to ban plastic bags on Monday."
    assert [e[:2] for e in summary(nlp, text)] == [("other", "Ann Vale")]
    text = "The Colorado Senate voted to confirm Sam Quill on Monday."
    assert not [e for e in summary(nlp, text) if e[0] == "enact"]


def test_a_suit_challenging_a_rule_is_one_event_and_greetings_are_events(nlp):
    text = "Attorney General Xavier Becerra filed a lawsuit challenging the rule on Monday."
    assert [e[0] for e in summary(nlp, text)] == ["sue"]
    text = "Governor Jerry Brown congratulated Mayor Eric Garcetti on his victory."
    assert ("other", "Jerry Brown", "Eric Garcetti") in summary(nlp, text)
    events = raw_events(nlp, "President Donald Trump welcomed Prime Minister Shinzo Abe.")
    assert [(e.type, e.cameo) for e in events] == [("other", "043")]


def test_charges_filed_are_legal_action_and_a_price_is_no_charge(nlp):
    text = "The Department of Justice filed charges against Sam Quill on Monday."
    assert ("other", "Department of Justice", "Sam Quill") in summary(nlp, text)
    text = "Denver, Colorado, raised the charge for water permits on Monday."
    assert summary(nlp, text) == []


def test_court_acts_dismiss_sentence_acquit_are_rulings_cameo_116(nlp):
    text = "Judge Ann Vale dismissed the lawsuit against Denver, Colorado, on Monday."
    assert ("rule", "Ann Vale", "Denver") in summary(nlp, text)
    assert [e.cameo for e in raw_events(nlp, text)] == ["116"]
    text = "Governor Tom Hale dismissed the criticism as politics."
    assert summary(nlp, text) == []
    text = "Judge Ann Vale sentenced Sam Quill to five years in prison."
    assert ("rule", "Ann Vale", "Sam Quill") in summary(nlp, text)
    # a legislature overriding a veto does not rule
    text = "The Colorado General Assembly overrode the veto of Governor Tom Hale."
    assert [e[:2] for e in summary(nlp, text)] == [("other", "Colorado General Assembly")]


def test_fighting_a_law_opposes_it_and_in_court_is_a_coming_suit(nlp):
    text = "Senator Ann Vale fought the Clean Rivers Act for years."
    assert [e[:2] for e in summary(nlp, text)] == [("other", "Ann Vale")]
    text = "Denver, Colorado, will fight the executive order in court."
    assert [e[:2] for e in summary(nlp, text)] == [("threaten", "Denver")]
    text = "Firefighters fought the blaze for hours in Denver, Colorado."
    assert summary(nlp, text) == []


def test_settling_a_lawsuit_is_an_event_and_settling_in_a_town_is_not(nlp):
    text = "Denver, Colorado, settled the lawsuit for $5 million on Monday."
    assert [(e.type, e.cameo) for e in raw_events(nlp, text)] == [("other", "08")]
    text = "Sam Quill settled in Denver, Colorado, in 1990."
    assert summary(nlp, text) == []


def test_filing_a_bill_is_an_event_and_filing_a_suit_stays_one_suit(nlp):
    text = "Senator Ann Vale filed a bill to ban fracking in Colorado on Monday."
    assert [e[:2] for e in summary(nlp, text)] == [("other", "Ann Vale")]
    text = "The American Civil Liberties Union filed a lawsuit against Denver, Colorado."
    assert summary(nlp, text) == [("sue", "American Civil Liberties Union", "Denver")]
    text = "Denver, Colorado, filed for bankruptcy on Monday."
    assert summary(nlp, text) == []
