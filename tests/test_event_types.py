"""Event types: every CAMEO code the trigger tables give has its own concept in events.ttl (so
the graph records "vetoed" as CAMEO 129, not as a plain statement), and trigger words outside
the first hand list report events of the right type.

The sentences are written for these tests (real public bodies, invented people and acts).
"""
from __future__ import annotations

from ingest.extract.event_triggers import verbs
from kb.graph.values import event_type
from kb.vocab import EVENT, EVENT_CAMEO, EVENT_KEY


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
