"""The generated event trigger table (ingest/data/event_lexicon.tsv from WordNet classes) and
the verbs and nouns it adds: criticism, vetoes, indictments, requests, each with its agent.

The sentences are written for these tests (real public bodies, invented people and acts).
"""
from __future__ import annotations

from importlib import resources

from ingest.extract.event_triggers import verbs
from tests.test_extract_events import triples

TYPES = {"threaten", "sign", "enact", "sue", "rule", "deny", "announce", "award", "withhold",
         "release", "warn", "comply", "other"}


def test_generated_rows_have_known_types_and_cameo_codes_of_the_ontology():
    ttl = resources.files("ontology").joinpath("events.ttl").read_text(encoding="utf-8")
    text = resources.files("ingest").joinpath("data", "event_lexicon.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert len(rows) > 150
    for word, pos, typ, cameo, _cls, sense in rows:
        assert pos in ("v", "n") and typ in TYPES, word
        assert not cameo or f'"{cameo}"^^kb:CAMEO' in ttl, (word, cameo)
        assert sense.count(".") == 2
    table = verbs()
    assert table["veto"][0] == "other" and table["n:veto"][2].startswith("noun")
    assert table["sign"][0] == "sign"  # a hand-kept entry wins over a generated one


def test_verbs_outside_the_hand_list_report_events(nlp):
    text = "Senator Ann Vale denounced Governor Tom Hale in Denver, Colorado, on Monday."
    assert ("other", "Ann Vale", "Tom Hale") in triples(nlp, text)
    text = "Governor Tom Hale vetoed the Clean Rivers Act in Denver, Colorado, on Friday."
    assert ("other", "Tom Hale", None) in triples(nlp, text)


def test_nouns_need_their_doer(nlp):
    # "at the department's request" is a standing arrangement; "his arrest" is done to him
    text = ("Denver, Colorado, held Sam Quill at the request of the Department of Justice "
            "after his arrest on Monday.")
    assert not [e for e in triples(nlp, text) if e[1] in ("Department of Justice", "Sam Quill")]
    text = "Governor Tom Hale issued a veto of the Clean Rivers Act in Denver, Colorado."
    assert ("other", "Tom Hale", None) in triples(nlp, text)


def test_what_a_law_says_is_not_an_act_of_its_author(nlp):
    text = ("Governor Tom Hale signed the Clean Rivers Act in Denver, Colorado. The Clean "
            "Rivers Act directs the Colorado Department of Transportation to review permits.")
    found = triples(nlp, text)
    assert ("sign", "Tom Hale", None) in found
    assert not [e for e in found if e[0] == "other"]


def test_type_confusions_chamber_congress_rule_out_and_administration(nlp):
    text = "The United States Congress passed the Clean Rivers Act on Monday."
    assert ("enact", "United States Congress", None) in triples(nlp, text)
    text = "The White House has ruled out a veto of the Clean Rivers Act."
    found = triples(nlp, text)
    assert ("deny", "White House", None) in found and not [e for e in found if e[0] == "rule"]
    text = ("The Trump administration announced new rules on Monday. On Tuesday, the "
            "administration sued Denver, Colorado, over its water permits.")
    assert ("sue", "Trump administration", "Denver") in triples(nlp, text)


def test_sponsors_after_a_detached_by_are_one_event_each(nlp):
    text = ("Senate Bill 12, sponsored by State Senator Ann Vale (4th District – Denver) and "
            "State Representative Bo Lind (9th District – Aurora), will cut permit fees in "
            "Denver, Colorado.")
    agents = {e[1] for e in triples(nlp, text) if e[0] == "other"}
    assert {"Ann Vale", "Bo Lind"} <= agents


def test_support_without_money_is_endorsement_and_votes_for_count(nlp):
    text = ("The Clean Rivers Act, supported by both the Colorado State Patrol and the Denver "
            "Police Department, will cut permit fees.")
    agents = {e[1] for e in triples(nlp, text) if e[0] == "other"}
    assert {"Colorado State Patrol", "Denver Police Department"} <= agents
    text = "The Denver City Council voted 9-4 in favor of the Clean Rivers Act on Monday."
    assert ("other", "Denver City Council", None) in triples(nlp, text)


def test_a_passive_without_by_has_no_agent_not_even_its_reporter(nlp):
    text = ("A detainer is often requested after a person is arrested in Denver, Colorado, "
            "Sheriff Ann Vale said.")
    assert not [e for e in triples(nlp, text) if e[1] == "Ann Vale"]


def test_coordinated_objects_and_defendant_lists_give_one_target_each(nlp):
    text = ("Mayor Sam Quill sued the Department of Justice, the Department of Homeland "
            "Security and Governor Tom Hale in Denver, Colorado, on Monday.")
    found = triples(nlp, text)
    for target in ("Department of Justice", "Department of Homeland Security", "Tom Hale"):
        assert ("sue", "Sam Quill", target) in found
    text = ("Mayor Sam Quill filed a lawsuit in Denver, Colorado, on Monday. The lawsuit names "
            "the Department of Justice and Governor Tom Hale as defendants.")
    found = triples(nlp, text)
    assert ("sue", "Sam Quill", "Department of Justice") in found
    assert ("sue", "Sam Quill", "Tom Hale") in found


def test_issuing_or_revising_a_rule_is_enactment_a_report_is_a_release(nlp):
    text = "The Denver City Council modified its parking policy on Monday in Denver, Colorado."
    found = triples(nlp, text)
    assert ("enact", "Denver City Council", None) in found
    text = "The Denver City Council modified the entrance of its building on Monday."
    assert not [e for e in triples(nlp, text) if e[0] == "enact"]
    text = "The Department of Justice issued new rules on grant conditions on Monday."
    assert ("enact", "Department of Justice", None) in triples(nlp, text)


def test_a_lawsuit_from_someone_is_their_suit(nlp):
    text = ("The ruling in Denver, Colorado, came in response to a lawsuit from Governor Tom "
            "Hale against the Department of Justice.")
    assert ("sue", "Tom Hale", "Department of Justice") in triples(nlp, text)


def test_a_dateline_is_never_the_agent_of_a_release(nlp):
    text = ("HARTFORD, Conn. (May 14, 2019) — Governor Ned Lamont today announced that eight "
            "towns will receive community policing grants.")
    found = triples(nlp, text)
    assert ("announce", "Ned Lamont", None) in found
    assert not [e for e in found if e[1] in ("Hartford", "Connecticut")]


def test_suspending_an_order_is_compliance_suspending_funds_is_withholding(nlp):
    text = ("After the ruling, the Colorado Department of Transportation suspended all actions "
            "implementing the Clean Rivers Act in Denver, Colorado.")
    found = triples(nlp, text)
    assert ("comply", "Colorado Department of Transportation", None) in found
    assert not [e for e in found if e[0] == "withhold"]
    text = ("The Colorado Department of Transportation suspended $4 million in road grants to "
            "Denver, Colorado, on Monday.")
    assert [e for e in triples(nlp, text) if e[0] == "withhold"]


CLASSES = [  # the verb and noun classes news uses for public acts, each with agent and target
    ("Governor Tom Hale vetoed the Clean Rivers Act on Friday.", ("other", "Tom Hale", None)),
    ("The Denver City Council repealed the Clean Rivers Act on Monday.",
     ("other", "Denver City Council", None)),
    ("The Environmental Protection Agency rolled back the Clean Water Rule on Monday.",
     ("other", "Environmental Protection Agency", None)),
    ("The Colorado Supreme Court struck down the Clean Rivers Act on Monday.",
     ("rule", "Colorado Supreme Court", None)),
    ("Mayor Sam Quill slammed the Department of Justice on Monday.",
     ("other", "Sam Quill", "Department of Justice")),
    ("President Joe Biden visited Denver, Colorado, on Monday.", ("other", "Joe Biden", "Denver")),
    ("Attorney General Ann Vale briefed Governor Tom Hale on Monday.",
     ("other", "Ann Vale", "Tom Hale")),
    ("The Department of Justice charged Governor Tom Hale with fraud on Monday.",
     ("other", "Department of Justice", "Tom Hale")),
    ("The Denver City Council adopted the Clean Rivers Ordinance on Monday.",
     ("enact", "Denver City Council", None)),
    ("The Colorado Senate approved the Clean Rivers Act on Monday.",
     ("other", "Colorado Senate", None)),  # one chamber passing a bill is not enactment
    ("The Department of Justice's suit over the Clean Rivers Act angered Denver, Colorado.",
     ("sue", "Department of Justice", None)),
    ("Governor Tom Hale's veto of the Clean Rivers Act angered Denver, Colorado.",
     ("other", "Tom Hale", None)),
]


def test_event_classes_from_verbs_and_nouns(nlp):
    for text, expected in CLASSES:
        assert expected in triples(nlp, text), text


def test_motions_stances_on_owned_laws_and_rulings_only_by_judges(nlp):
    text = ("The motion was made by District Attorney Ann Vale and seconded by Commissioner "
            "Bo Lind in Denver, Colorado.")
    agents = {e[1] for e in triples(nlp, text) if e[0] == "other"}
    assert {"Ann Vale", "Bo Lind"} <= agents
    text = "Mayor Sam Quill seconded the speaker in Denver, Colorado."
    assert not [e for e in triples(nlp, text) if e[0] == "other"]
    # opposing someone's rule is directed at them too
    text = ("Mayor Sam Quill met Governor Tom Hale on Monday. Quill then criticized the "
            "governor's plan in Denver, Colorado.")
    assert ("other", "Sam Quill", "Tom Hale") in triples(nlp, text)
    text = "Governor Tom Hale criticized the Denver City Council's proposal on Monday."
    assert all(e[2] in (None, "Denver City Council") for e in triples(nlp, text))
    # a mayor upholding a policy does not rule
    text = "Mayor Sam Quill upheld the Denver parking policy on Monday."
    assert not [e for e in triples(nlp, text) if e[0] == "rule"]


def test_lawmakers_are_the_legislature_named_before(nlp):
    text = ("The Colorado General Assembly met on Monday in Denver, Colorado. Governor Tom Hale "
            "prodded lawmakers to pass the Clean Rivers Act.")
    assert ("other", "Tom Hale", "Colorado General Assembly") in triples(nlp, text)


def test_the_object_of_a_threatened_act_and_the_holder_of_a_named_post(nlp):
    text = "Governor Tom Hale threatened to sue Denver, Colorado, on Monday."
    assert ("threaten", "Tom Hale", "Denver") in triples(nlp, text)
    text = ("Governor Tom Hale spoke in Denver, Colorado, on Monday. The governor made a pledge "
            "to close the Denver Police Department.")
    assert ("other", "Tom Hale", "Denver Police Department") in triples(nlp, text)


def test_phrasal_verbs_join_a_class_only_with_a_particle():
    from ingest.extract.event_wordnet import usable

    assert usable("call_for", "v") and usable("lash_out", "v") and usable("veto", "v")
    assert not usable("take_exception", "v") and not usable("call_for", "n")
    assert not usable("o.k.", "v")
    text = resources.files("ingest").joinpath("data", "event_lexicon.tsv").read_text("utf-8")
    phrasal = [line.split("\t")[0] for line in text.splitlines()
               if not line.startswith("#") and "_" in line.split("\t")[0]]
    assert "call_for" in phrasal and all(w.count("_") == 1 for w in phrasal)
