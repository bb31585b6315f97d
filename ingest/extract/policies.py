"""Policies: budgets, bans, plans, rules and programmes named by their owner or a proper name,
court injunctions, and the conditions a funder attaches to its money."""
from __future__ import annotations

from ingest.extract.context import Context, lexicon
from ingest.extract.law_anaphora import known_as, unnamed_law
from ingest.extract.law_nodes import GENERIC_LAW, add_law
from ingest.extract.law_phrases import named_by_purpose
from ingest.extract.law_references import funding_context

# nouns that name a policy instrument when someone owns or names it ("the governor's budget",
# "the mayor's travel ban", "the Safe Routes initiative"); bare, they are too generic to keep
POLICY_HEADS = {"law", "bill", "legislation", "ordinance", "statute", "policy", "guidelines",
                "initiative", "budget", "ban", "plan", "rule", "proposal", "program"}
# heads whose "on"/"against" phrase says what they are ("his ban on refugees")
ABOUT_HEADS = frozenset(("ban", "rule", "policy", "plan", "proposal", "guidelines"))
RELATIVE = frozenset(("which", "who", "whose", "where"))
UNQUOTE = str.maketrans("", "", "\"“”")
# one owner's plan and proposal are one thing
KIND_OF = {"proposal": "plan", "blueprint": "plan"}
# verbs that ask for a ruling rather than report one ("urged the court to grant an injunction")
ASKING = frozenset(("urge", "ask", "seek", "request", "want", "file", "move", "demand", "press"))


def extract_policies(ctx: Context) -> None:
    """Policies, budgets, bans and rulings news names by their owner or a proper name:
    - "<person|body>'s [modifiers] budget|ban|policy|law ..." (owner: a named person or body, or
      "his"/"her" for the person last named);
    - "<Proper Name> initiative|policy|guidelines" ("the Clean Streets initiative");
    - an injunction is a court ruling ("a federal judge granted a nationwide injunction").
    The name is the phrase as written (plus what the law does: "his law raising the fine").
    Runs after people are known, since owners are often people; last, the bill a document
    reports on without naming it (law_anaphora.unnamed_law) and bills introduced by their
    purpose (law_phrases.named_by_purpose), whose jurisdiction is a legislature's."""
    from ingest.extract.known import pronoun_antecedent

    doc = ctx.doc
    us = "place:united-states" if "place:united-states" in ctx.facts.places else None
    grant_conditions(ctx, us)
    heads = lexicon()["law_heads"]
    owned: dict[tuple[str, str], str] = {}
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "NOUN" or tok.i in ctx.tok_key or not ctx.in_body(tok) or \
                ctx.quote_of(tok):
            continue
        ruling = low == "injunction" or (low == "order" and tok.i > 0 and
                                          doc[tok.i - 1].lower_ == "restraining")
        if ruling and requested(tok):
            continue
        if ruling:
            start = min([c.left_edge.i for c in tok.children if c.dep_ in ("amod", "compound")]
                        + [tok.i])
            end = tok.i + 1
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "against":
                    end = c.right_edge.i + 1
            add_policy(ctx, doc[start:end].text, "court ruling", us, start, tok.i + 1, tok)
            continue
        if low not in POLICY_HEADS:
            continue
        mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                and c.i < tok.i]
        owner = None
        start = tok.i
        for c in mods:
            key = ctx.tok_key.get(c.i)
            if c.dep_ == "poss" and key and key.startswith(("person:", "org:", "place:")):
                owner = key
            elif c.dep_ == "poss" and c.lower_ in ("his", "her"):
                owner = pronoun_antecedent(ctx, c.i, c.lower_)
            elif c.dep_ in ("compound", "nmod") and key and key.startswith(("person:", "org:")):
                owner = key  # "Obama administration guidelines"
            start = min(start, c.left_edge.i)
        for c in tok.children:  # "the budget proposed by the governor"
            if c.dep_ == "acl" and owner is None:
                for g in c.children:
                    if g.dep_ == "agent":
                        keys = ctx.keys_in(list(g.subtree))
                        owner = next((k for k in keys if k.startswith(("person:", "org:"))),
                                     None)
        named = [c for c in mods if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text[:1].isupper() and c.i not in ctx.tok_key]
        if owner is None and not (named and low in ("initiative", "policy", "guidelines")):
            continue
        if owner and owner.startswith("place:") and low in GENERIC_LAW:
            continue  # "NYC's law" is extract_possessive_laws' business
        if low == "budget" and owner and owner.startswith("org:"):
            continue  # an office's operating budget is money, not a budget bill
        if any((ctx.tok_key.get(c.i) or "").startswith("law:") for c in tok.children
               if c.dep_ == "appos") or (tok.dep_ == "appos" and (
                ctx.tok_key.get(tok.head.i) or "").startswith("law:")):
            continue  # "another Smith bill, the Clean Air Act": the named act itself
        if low in GENERIC_LAW and named_beside(ctx, tok):
            continue
        if low in ("program", "plan") and funding_context(ctx, tok):
            continue  # a programme or plan paying out money is a grant or a budget
        kind = KIND_OF.get(low, low)
        same = owned.get((owner, kind)) if owner else None
        if same:  # "the governor's budget" again: the same budget
            law = ctx.facts.laws[same]
            law.add_alias(doc[start:tok.i + 1].text)
            law.evidence.append(ctx.evidence(tok, "law.policy"))
            ctx.mark(tok.i, tok.i + 1, same)
            continue
        end = tok.i + 1
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        for c in tok.children:
            clause = c.dep_ in ("acl", "relcl") and c.i > tok.i and not any(
                g.dep_ == "agent" for g in c.children)
            about = c.dep_ == "prep" and c.lower_ in ("on", "against") and low in ABOUT_HEADS
            if clause or (about and end == tok.i + 1):
                end = c.right_edge.i + 1
        if end == tok.i + 1 and nxt is not None and nxt.tag_ == "VBG" and nxt.dep_ == "advcl":
            end = nxt.right_edge.i + 1  # "his law raising the fine", attached to the verb
        for i in range(tok.i + 1, end):  # "... on Tuesday in Albany" is when and where, not what
            if doc[i].ent_type_ in ("DATE", "TIME", "GPE") or doc[i].dep_ == "npadvmod" or (
                    doc[i].text == "," and comment_follows(doc, i + 1, end)):
                end = i  # nor is ", which represents ...": a comment on it
                break
        while end > tok.i + 1 and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
            end -= 1
        surface = doc[start:end].text
        while start < tok.i and (doc[start].lower_ in ("the", "a", "an", "his", "her", "its",
                                                       "their") or doc[start].is_punct):
            start += 1
        name = doc[start:end].text.replace("’s", "").replace("'s", "")
        name = " ".join(name.translate(UNQUOTE).split())
        key = add_policy(ctx, name, heads.get(low, "policy"), owner if owner and
                         owner.startswith("place:") else None, start, tok.i + 1, tok, surface)
        if key and owner:
            owned[(owner, kind)] = key
    known_as(ctx)
    unnamed_law(ctx)
    named_by_purpose(ctx)


def named_beside(ctx: Context, tok) -> str | None:
    """"Another Smith bill passed as part of the package, the Clean Air Act, ...": a generic
    law noun whose name follows it after a comma, "the" and perhaps a quotation mark, before
    the sentence's next verb of its own, is that named law (parses of such appositions vary:
    the name often hangs on the wrong word). The named law gets the phrase as another name."""
    doc = ctx.doc
    sent = ctx.sentence(tok)
    for i in range(tok.i + 1, min(sent.end - 2, tok.i + 15)):
        if doc[i].text != "," or doc[i + 1].lower_ != "the":
            continue
        j = i + 2 + (doc[i + 2].text in ('"', "“", "'", "‘"))
        key = ctx.tok_key.get(j, "")
        law = ctx.facts.laws.get(key)
        if law is None or law.type not in ("bill", "statute") or \
                any(ctx.tok_key.get(k, "").startswith("law:") for k in range(tok.i + 1, i)):
            return None
        law.add_alias(doc.text_of(tok.left_edge.i, tok.i + 1).replace("’s", "").replace("'s", ""))
        law.evidence.append(ctx.evidence(tok, "law.named-beside"))
        ctx.mark(tok.i, tok.i + 1, key)
        return key
    return None


def comment_follows(doc, i: int, end: int) -> bool:
    """Does a relative clause open at token ``i`` (after a closing quotation mark perhaps)?"""
    while i < end and doc[i].text in ('"', "”", "’", "'"):
        i += 1
    return i < end and doc[i].lower_ in RELATIVE


def requested(tok) -> bool:
    """Is the ruling at ``tok`` only asked for ("urge the court to grant an injunction", "seek a
    restraining order")? Then no court has made it."""
    verb = tok.head
    for _ in range(3):
        if verb.lemma_.lower() in ASKING:
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "advcl", "prep", "pobj", "dobj") or \
                verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def add_policy(ctx: Context, name: str, typ: str, jurisdiction: str | None, start: int,
               end: int, tok, surface: str | None = None) -> str | None:
    if len(name.split()) < 2 or tok.i in ctx.tok_key:
        return None
    key = add_law(ctx, name, typ, jurisdiction, surface=surface or ctx.doc[start:end].text)
    ctx.facts.laws[key].evidence.append(ctx.evidence(tok, "law.policy"))
    ctx.mark(start, end, key)
    return key


# nouns for the terms a funder sets on its money
ATTACHING = frozenset(("attach", "impose", "place", "put", "set", "add", "tie"))
CONDITION_NOUNS = frozenset(("conditions", "requirements", "restrictions", "strings",
                             "stipulations"))


def grant_conditions(ctx: Context, us: str | None) -> None:
    """"attach conditions to the Byrne grant", "new requirements for federal funds": the terms
    set on a grant are a policy of their own; "these conditions" later is the same policy."""
    doc = ctx.doc
    grant_heads = frozenset(lexicon()["grant_heads"])
    latest: str | None = None
    for tok in doc:
        if tok.lower_ not in CONDITION_NOUNS or tok.pos_ != "NOUN" or tok.i in ctx.tok_key:
            continue
        if not ctx.in_body(tok) or ctx.quote_of(tok):
            continue
        holders = [tok]
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ATTACHING:
            holders.append(tok.head)  # "attach conditions to the grant": "to" hangs on the verb
        preps = [c for h in holders for c in h.children if c.dep_ == "prep"
                 and c.lower_ in ("to", "on", "for") and c.i > tok.i]
        objs = [g for p in preps for g in p.children if g.dep_ == "pobj"
                and g.lower_ in grant_heads]
        if objs:
            name = f"{tok.text} {doc[objs[0].head.i: objs[0].i + 1].text}"
            latest = add_law(ctx, name, "policy", us, surface=name)
            ctx.facts.laws[latest].evidence.append(ctx.evidence(tok, "law.grant-conditions"))
            ctx.mark(tok.i, tok.i + 1, latest)
        elif latest and any(c.dep_ == "det" and c.lower_ in ("these", "the", "those")
                            for c in tok.children):
            law = ctx.facts.laws[latest]
            law.add_alias(doc[tok.i - 1: tok.i + 1].text)
            law.evidence.append(ctx.evidence(tok, "law.grant-conditions"))
            ctx.mark(tok.i, tok.i + 1, latest)
