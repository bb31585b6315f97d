"""How an edge of the entity graph is named: `threatened`, `did not sue`, `contained in place`.

An event's label is the past tense of its type's verb (events.ttl's `kb:key`), turned by its
factuality (`might withhold`, `will sign`); a plain triple's label is its property's
`rdfs:label` in ontology/kb.ttl, else words made from the property's local name. Paths print
these labels, and the export writes them on its edges.
"""

from __future__ import annotations

from functools import lru_cache

from kb.ontology_index import ontology_tables
from kb.vocab import EVENT, EVENT_KEY, KB

#: Event-type key (kb:key in events.ttl) -> (base form, past tense) of the edge label.
_VERBS = {
    "threaten": ("threaten", "threatened"), "sign": ("sign", "signed"),
    "enact": ("enact", "enacted"), "sue": ("sue", "sued"), "rule": ("rule on", "ruled on"),
    "deny": ("deny", "denied"), "announce": ("announce", "announced"),
    "award": ("award", "awarded"), "withhold": ("withhold", "withheld"),
    "release": ("release", "released"), "warn": ("warn", "warned"),
    "comply": ("comply with", "complied with"),
}  # fmt: skip

#: Event types under kb:key "other" whose local name is not a verb phrase.
_OTHER_VERBS = {
    "public_statement": ("make a statement about", "made a statement about"),
    "make_statement": ("make a statement about", "made a statement about"),
    "diplomatic_cooperation": ("cooperate with", "cooperated with"),
    "yielding": ("yield to", "yielded to"),
}


@lru_cache(maxsize=1024)
def event_label(event_type: str | None, factuality: str | None = None) -> str:
    """The edge label of an event: `threatened`, `did not sue`, `might withhold`."""
    key = EVENT_KEY.get(event_type or "")
    if key in _VERBS:
        base, past = _VERBS[key]
    elif event_type and event_type.startswith(EVENT.base):
        local = event_type[len(EVENT.base) :]
        base, past = _OTHER_VERBS.get(local) or _verb_phrase(local)
    else:
        base, past = "act on", "acted on"
    if factuality == KB.negated:
        return f"did not {base}"
    if factuality == KB.hypothetical:
        return f"might {base}"
    if factuality == KB.future:
        return f"will {base}"
    return past


def _verb_phrase(local: str) -> tuple[str, str]:
    """`demand_policy_change` -> ("demand policy change", "demanded policy change")."""
    verb, *rest = local.split("_")
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    tail = (" " + " ".join(rest)) if rest else ""
    return verb + tail, past + tail


def _words(iri: str) -> str:
    """A readable label from a property's local name: `containedInPlace` -> `contained in place`."""
    local = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    out = "".join(" " + c.lower() if c.isupper() else c for c in local)
    return out.replace("_", " ").strip() or iri


def property_label(iri: str) -> str:
    """The label of a property: its `rdfs:label` in ontology/kb.ttl, else words from its name."""
    return ontology_tables().labels.get(iri) or _words(iri)
