"""Within-document resolution: title-only mentions ("the mayor") to the post holder.

Surname mentions are joined while people are extracted (officials.py); pronouns are resolved
where they matter, for quote speakers and event agents (statements.py, events.py), using
``antecedent`` here.
"""
from __future__ import annotations

from ingest.extract.context import Context, squash
from ingest.extract.names import PARTICLES, has_first_name_text
from ingest.extract.roles import roles


def role_holders(ctx: Context) -> dict[str, str]:
    """Role key -> the one person holding it in this document (ambiguous roles left out)."""
    holders: dict[str, set[str]] = {}
    for m in ctx.facts.memberships:
        holders.setdefault(m.role, set()).add(m.person)
    return {role: next(iter(people)) for role, people in holders.items() if len(people) == 1}


def resolve_local(ctx: Context) -> None:
    mark_name_repeats(ctx)
    mark_titles(ctx)


def mark_name_repeats(ctx: Context) -> None:
    """Later mentions of a known person that the model did not tag ("Sessions said")."""
    doc = ctx.doc
    forms: dict[str, str] = {}
    shared: dict[str, list[str]] = {}  # a surname two people of the document share
    for key, person in ctx.facts.people.items():
        words = person.name.split()
        forms[squash(person.name)] = key
        if has_first_name_text(person.name):
            for form in {squash(" ".join(words[1:])), squash(words[-1])}:
                if forms.setdefault(form, key) != key:
                    shared.setdefault(form, [forms[form]]).append(key)
    # a name can only start at a word whose squashed form begins one of the forms
    prefixes = {form[:k] for form in forms for k in range(len(form) + 1)}
    for i, tok in enumerate(doc):
        if i in ctx.tok_key or not (tok.text[:1].isupper() or tok.lower_ in PARTICLES):
            continue
        if squash(tok.text) not in prefixes:
            continue
        if not ctx.in_body(tok):
            continue
        for n in (3, 2, 1):
            if i + n > len(doc) or any(j in ctx.tok_key for j in range(i, i + n)):
                continue
            if not doc[i + n - 1].text[:1].isupper():
                continue
            text = doc.text_of(i, i + n)
            key = forms.get(squash(text))
            if squash(text) in shared:
                key = latest_mentioned(ctx, shared[squash(text)], i)
            if key:
                ctx.mark(i, i + n, key)
                ctx.facts.people[key].add_alias(text)
                break


def latest_mentioned(ctx: Context, keys: list[str], before: int) -> str | None:
    """Of people sharing a surname, the one mentioned last before token ``before`` ("Lee"
    after "Council President Lisa Lee" spoke is Lisa Lee, not Mayor Ed Lee)."""
    last = {m.key: m.start for m in ctx.mentions if m.key in keys and m.start < before}
    return max(last, key=last.get) if last else None


#: a bare title that also names the holder of a related post ("the spokesman" is the press
#: secretary named earlier)
TITLE_KIN = {"spokesperson": ("press secretary", "public relations officer")}


def holder_of(role, holders: dict[str, str]) -> str | None:
    """The one person holding ``role`` in this document, or failing that a related post."""
    if role.key in holders:
        return holders[role.key]
    kin = [holders[k] for k in TITLE_KIN.get(role.key, ()) if k in holders]
    return kin[0] if len(set(kin)) == 1 else None


def mark_titles(ctx: Context) -> None:
    doc = ctx.doc
    holders = role_holders(ctx)
    table = roles()
    for tok in doc:
        if tok.i in ctx.tok_key or tok.i == 0:
            continue
        role = table.get((tok.lower_,))
        # "the officers", "the judges": a plural title is a group, not the one holder
        holder = holder_of(role, holders) if role and not role.plural else None
        if holder is None:
            continue
        prev = doc[tok.i - 1]
        # "the mayor", "the new president", "This Mayor": a definite title with no name after
        det = prev if prev.lower_ in ("the", "this") else (
            doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 2].lower_ in ("the", "this")
            and prev.pos_ == "ADJ" else None)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if det is None or (nxt is not None and nxt.ent_type_ == "PERSON"):
            continue
        key = holder
        ctx.facts.people[key].add_alias(doc[det.i: tok.i + 1].text)
        ctx.mark(det.i, tok.i + 1, key)


def antecedent(ctx: Context, token_i: int, kinds: tuple[str, ...] = ("person:",)) -> str | None:
    """The nearest entity of the given kinds mentioned before token ``token_i``; of "Denver,
    Colorado" the city (the state after the comma only says where the city is)."""
    best = None
    for m in ctx.mentions:
        if m.start < token_i and m.key.startswith(kinds) and (best is None or m.start > best.start):
            best = m
    if best is not None and best.key.startswith("place:") and best.start >= 2 and \
            ctx.doc[best.start - 1].text == "," and \
            (ctx.tok_key.get(best.start - 2) or "").startswith("place:"):
        return ctx.tok_key[best.start - 2]
    return best.key if best else None
