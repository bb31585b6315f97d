"""Officials speaking for the place or body of their post: "Mayor X said the city would
sue" is the mayor's threat, as PETRARCH reads "X said funds could be withheld" as X's. Only
acts still to come are moved to the speaker (the caller asks for future or possible ones); a
past act the official reports stays the body's."""
from __future__ import annotations

from ingest.extract.context import Context, word_list
from ingest.extract.event_agents import place_described
from ingest.extract.event_arguments import entity_of


def spokesman_for(ctx: Context, verb, agent: str) -> str:
    """"He said that New York City is prepared to challenge it in court": an official who
    announces what the body or place they hold a post in will do makes that threat or
    promise. Past acts stay the body's (the caller asks only for future or possible ones)."""
    if not agent.startswith(("place:", "org:")):
        return agent
    speech = word_list("speech_verbs.txt")
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "that the order is vague, and that the city will ..."
    for _ in range(5):  # "(said) that the city is prepared to challenge": up to the speech verb
        if clause.dep_ in ("ccomp", "xcomp", "acomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
            if clause.lemma_.lower() in speech:
                break
        else:
            return agent
    if clause.lemma_.lower() not in speech:
        return agent
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    person = entity_of(ctx, subj) if subj is not None else None
    if person and any(m.person == person and m.of == agent for m in ctx.facts.memberships):
        return person  # the mayor for the city, the speaker for the council, not for a board
    return agent


def announced_for_place(ctx: Context, verb) -> str | None:
    """"Chicago Mayor Rahm Emanuel said the city would sue": a definite "the city" (or "the
    state") as the subject, resolved only where an official of that place announces it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    place = place_described(ctx, subj) if subj is not None else None
    person = spokesman_for(ctx, verb, place) if place else None
    return person if person != place else None
