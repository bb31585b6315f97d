"""Direct quotations and who said them.

For each quotation the attribution is the speech verb (data/speech_verbs.txt) closest to it in
the sentences it touches, outside the quote: '"...," X said', 'X said, "..."', 'said X',
'X told reporters that "..."'. Its subject is the speaker; a pronoun goes to the nearest person
before it ("she added"), "it" to the body behind the previous sentence's subject ("the DHS
report ... It said"), an unnamed spokesman to his organisation. A quotation with no speech verb
near it belongs to the person the previous sentence is about, or continues the previous
speaker's quote. Scare quotes (one or two words, no punctuation inside) are not statements.
"""
from __future__ import annotations

import re

from ingest.dates import date_value
from ingest.extract.context import Context, lexicon, word_list
from ingest.extract.known import agrees, pronoun_antecedent
from ingest.extract.quote_sources import (
    according_to,
    colon_label,
    dash_credit,
    extract_block_quotes,
    extract_posts,
    issuing_office,
)
from ingest.resolve_local import antecedent
from kb.facts import Statement

#: nouns that introduce a quoted expression as a thing talked about
MENTION_NOUNS = frozenset(("word", "words", "term", "terms", "phrase", "phrases", "label",
                           "slogan", "hashtag", "headline", "title", "nickname", "motto"))
PERSON_PRONOUNS = {"he", "she", "i", "we", "they"}
THING_PRONOUNS = {"it"}


def extract_statements(ctx: Context) -> None:
    doc = ctx.doc
    text = doc.text  # spaCy rebuilds doc.text from every token on each access
    speech = word_list("speech_verbs.txt")
    dates = [ent for ent in doc.ents if ent.label_ == "DATE"]
    last_speakers: list[str] = []
    last_para = -10
    for qi, (start, end) in enumerate(ctx.quotes):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not ctx.in_body(span[0]):
            continue
        raw = text[start:end]
        inner = raw.strip("\"“”' ")
        n_words = len(inner.split())
        if n_words < 3 and not re.search(r"[,.?!]\W*$", raw):
            continue
        if title_cased(inner):
            continue  # the quoted name of a report, law or campaign ("Declined Detainer Report")
        if span.start > 0 and doc[span.start - 1].lower_ in MENTION_NOUNS:
            continue  # 'remove the word "outrageous"': a word talked about, not said
        para = text.count("\n", 0, start)
        opens_sentence = ctx.sentence(span[0]).start_char >= start - 1
        governing = None if opens_sentence else reporting_verb(ctx, span, start, end, speech)
        # two words quoted under a speech verb are an answer when they end the sentence
        # ('is in the "single digits."'); before a comma they are a term ('"sanctuary cities,"')
        answer = n_words == 2 and governing is not None and re.search(r"[.?!]\W*$", raw)
        if n_words < 3 and not opens_sentence and not answer and term_mention(span, start, end):
            continue  # 'targets all "aliens," including ...': a word quoted, not a statement
        recent = last_speakers if para - last_para <= 2 else []
        if governing is not None and n_words >= 2:
            speakers = speaker_keys(ctx, governing, recent)  # 'X said it went to "our ..."'
        elif not opens_sentence and not re.search(r"[,.?!]\W*$", raw):
            continue  # a phrase quoted inside the writer's sentence ("law, policy or procedure")
        else:
            speakers = attribute(ctx, span, start, end, speech, recent)
        if speakers is None:
            continue  # said by someone the text does not name ("a neighbour told reporters")
        if not speakers and raw.rstrip()[-1:] not in ('"', "”"):
            speakers = continued_by(ctx, qi, speech)  # the speaker named where it ends
        if not speakers and n_words >= 4 and opens_sentence:
            first = ctx.sentence(span[0])
            if first.start_char >= start - 1 and para - last_para <= 2 and last_speakers:
                speakers = last_speakers  # a paragraph that is all quote continues the speaker
            else:
                speakers = previous_subject(ctx, span[0]) or issuing_office(ctx)
        if not speakers:
            continue
        last_speakers, last_para = speakers, para
        sent = ctx.sentence(span[0])
        date = None
        for ent in dates:
            if sent.start_char <= ent.start_char < sent.end_char and not (
                    start <= ent.start_char < end):
                date = date_value(ent.text, ctx.anchor)  # ISO, else as written ("Monday")
                if date:
                    break
        date = date or (ctx.anchor.isoformat() if ctx.anchor else None)
        for speaker in speakers:
            ctx.facts.statements.append(Statement(
                key=f"statement:{len(ctx.facts.statements) + 1}", speaker=speaker, quote=inner,
                date=date, evidence=[ctx.evidence(span[0], "statement.quote")]))
    extract_posts(ctx)
    extract_block_quotes(ctx, speech)


def title_cased(inner: str) -> bool:
    """A quoted name: every word capitalised (short function words aside), no sentence
    punctuation at its end."""
    words = inner.rstrip(",").split()
    small = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "by", "with"}
    return not re.search(r"[.?!]$", inner) and all(
        w[:1].isupper() or w in small for w in words) and sum(w[:1].isupper() for w in words) >= 2


def continued_by(ctx: Context, qi: int, speech) -> list[str]:
    """A quotation left open at its paragraph's end continues in the next paragraph, which
    opens with a quote mark; the speaker named there ("...," Quist said.) speaks both."""
    text = ctx.doc.text
    end = ctx.quotes[qi][1]
    if qi + 1 >= len(ctx.quotes):
        return []
    start2, end2 = ctx.quotes[qi + 1]
    if text[end:start2].strip() or "\n" not in text[end:start2]:
        return []
    span2 = ctx.doc.char_span(start2, end2, alignment_mode="expand")
    if span2 is None:
        return []
    found = attribute(ctx, span2, start2, end2, speech) or []
    if not found and text[start2:end2].rstrip()[-1:] not in ('"', "”"):
        return continued_by(ctx, qi + 1, speech)  # the quotation runs on another paragraph
    return found


def attribute(ctx: Context, span, start: int, end: int, speech,
              recent: list[str] | None = None) -> list[str] | None:
    """Speakers from the nearest speech verb outside the quote in the sentences it touches;
    None when that verb's subject is a person the text leaves unnamed."""
    labelled = colon_label(ctx, span) or dash_credit(ctx, span)
    if labelled:
        return labelled
    sents = {ctx.sent_of[span[0].i], ctx.sent_of[span[-1].i]}
    best = None
    for si in sents:
        for tok in ctx.sents[si]:
            if start <= tok.idx < end or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lemma_.lower() not in speech:
                continue
            dist = start - tok.idx if tok.idx < start else tok.idx - end
            if best is None or dist < best[0]:
                best = (dist, tok)
    if best is None:
        return according_to(ctx, ctx.sents[ctx.sent_of[span[0].i]])
    verb = best[1]
    subj = subject_of(verb)
    if subj is None or start <= subj.idx < end:
        return []
    keys = speaker_keys(ctx, subj, recent or [])
    if not keys and unnamed_person(ctx, subj):
        return None
    return keys


NOUN_SLOTS = ("pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj", "compound")


def term_mention(span, start: int, end: int) -> bool:
    """A word or two quoted as a noun in the writer's own clause ('all "aliens," including
    visa holders'): American style puts the comma inside the quote marks, so the punctuation
    does not make it speech. A quoted adjective or answer ('are "very disappointing,"') can
    still be."""
    inner = [t for t in span if start < t.idx < end - 1 and not t.is_punct]
    heads = [t for t in inner if not (start <= t.head.idx < end) or t.head.i == t.i]
    return bool(heads) and all(t.pos_ in ("NOUN", "PROPN") and t.dep_ in NOUN_SLOTS
                               for t in heads)


CLAUSE_LINKS = ("ccomp", "xcomp", "conj", "prep", "pobj", "dobj", "attr", "oprd", "acomp",
                "appos", "acl", "advcl", "relcl")


def reporting_verb(ctx: Context, span, start: int, end: int, speech):
    """For a phrase quoted inside a sentence, the subject of the speech or naming verb whose
    reported clause holds it ('X said the program went toward "our smaller projects"', 'X
    referred to the list as "a middle ground that works"', 'X assured them that those who
    "commit minor offenses" are safe'); None when no speech or naming verb governs the clause
    (the writer quoting a law's wording: 'a law that bars "any cooperation"').
    """
    naming = set(lexicon()["naming_verbs"])
    inner = [t for t in span if start < t.idx < end - 1 and not t.is_punct]
    if not inner:
        return None
    node = min(inner, key=lambda t: len(list(t.ancestors)))
    for _ in range(6):
        if node.dep_ not in CLAUSE_LINKS or node.head.i == node.i:
            return None
        if node.dep_ == "relcl" and not (node.head.pos_ == "PRON" or node.head.lemma_.lower()
                                         in lexicon()["people_nouns"]):
            return None  # 'a rule that bars "any law, policy or procedure"': the rule's words
        node = node.head
        if node.pos_ == "VERB" and (node.lemma_.lower() in speech or
                                    node.lemma_.lower() in naming):
            subj = subject_of(node)
            if subj is None:
                continue  # 'a program called X, "..."': naming without a namer, look higher
            return subj if subj is not None and not (start <= subj.idx < end) else None
    return None


def unnamed_person(ctx: Context, subj) -> bool:
    """"a woman at the scene", "one resident": a common noun with no name or body in its phrase
    (spokesmen and officials speak for the body named nearby, so they do not count)."""
    if subj.pos_ != "NOUN" or subj.lower_ in set(lexicon()["spokes_heads"]):
        return False
    return not any(ctx.key_at(t) for t in subj.subtree)


def subject_of(verb):
    """The verb's subject (a name or pronoun before a common noun when the parse gives two),
    a relative clause's noun ("Ferguson, who said ..."), else the subject of the clause it
    hangs from."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subj = next((c for c in subjects if c.pos_ in ("PROPN", "PRON")), subjects[0])
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        return subj
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        return verb.head  # "Mayor Ann Lee, speaking at the ceremony: ..."
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    return None


def speaker_keys(ctx: Context, subj, recent: list[str] | None = None) -> list[str]:
    """Entity keys for a subject token: itself, its coordinated names, a pronoun's antecedent,
    or the body behind an unnamed spokesman or report. A "he"/"she" goes to the subject of the
    previous sentence, else the speaker of the quote just before (``recent``), else the nearest
    person named before it, each only if the gender agrees."""
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        if low == "they":
            group = previous_subject(ctx, subj, want_group=True)
            if len(group) > 1:
                return group
            if recent and len(recent) > 1:
                return list(recent)  # "..., they added": the group quoted just before
            group = people_leading_previous_sentence(ctx, subj)
            if len(group) > 1:
                return group
        if low in ("he", "she", "i"):
            # the person the previous sentence is about is more salient than the last name seen
            salient = [k for k in previous_subject(ctx, subj, want_group=True)
                       if k.startswith("person:") and agrees(ctx, k, low)]
            if salient:
                return salient[:1]
            current = [k for k in recent or [] if k.startswith("person:") and agrees(ctx, k, low)]
            if len(current) == 1:
                return current
        if low in ("he", "she"):
            key = pronoun_antecedent(ctx, subj.i, low)
            return [key] if key else []
        if low in ("we", "they"):
            key = antecedent(ctx, subj.i, ("person:", "org:"))
        else:
            key = antecedent(ctx, subj.i, ("person:",))
        return [key] if key else []
    if low in THING_PRONOUNS:
        return previous_subject(ctx, subj, any_kind=True)
    key = ctx.key_at(subj)
    if key and not key.startswith(("law:", "grant:")):
        out = [key]
        for c in subj.children:
            if c.dep_ == "conj" and ctx.key_at(c) and ctx.key_at(c) not in out:
                out.append(ctx.key_at(c))
        return out
    body = definite_body(ctx, subj)
    if body:
        return [body]
    document = subj.lemma_.lower() in word_list("quoted_documents.txt")
    if document or subj.lower_ in set(lexicon()["spokes_heads"]):
        for c in subj.subtree:
            key = ctx.key_at(c) or (definite_body(ctx, c) if c.i != subj.i else None)
            if key and key.startswith(("org:", "place:", "person:")) and c.i != subj.i:
                return [key]
    if document and subj.pos_ == "NOUN":
        return previous_subject(ctx, subj, any_kind=True)  # who filed or wrote it
    return []


def definite_body(ctx: Context, subj) -> str | None:
    """"the court", "the agency", "the council": the body of the document whose name has that
    head noun ("U.S. District Court", "the City Council"), the one named last when several."""
    if subj.pos_ != "NOUN" or not any(c.lower_ == "the" for c in subj.children):
        return None
    head = subj.lower_
    found = [k for k, org in ctx.facts.organizations.items()
             if head in {name_head(n) for n in (org.name, *org.aliases)}]
    if len(found) > 1:  # the one named last before it
        last = {m.key: m.start for m in ctx.mentions if m.key in found and m.start < subj.i}
        found = [max(last, key=last.get)] if last else []
    return found[0] if found else None


def name_head(name: str) -> str:
    """The head noun of a body's name: "Court" of "U.S. District Court", "Board" of "Board of
    Commissioners"."""
    words = name.lower().split()
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words else ""


def people_leading_previous_sentence(ctx: Context, token) -> list[str]:
    """The people named at the head of the previous sentence, before its first verb ("Ann Roe
    of one group and Bo Li of another have been organizing ..."): who a following "they"
    means when the parse gives that sentence no clean subject."""
    si = ctx.sent_of[token.i]
    if si == 0:
        return []
    out: list[str] = []
    for t in ctx.sents[si - 1]:
        if t.pos_ in ("VERB", "AUX") and not ctx.key_at(t):
            break
        key = ctx.key_at(t)
        if key and key.startswith("person:") and key not in out and not ctx.quote_of(t):
            out.append(key)
    return out


def previous_subject(ctx: Context, token, want_group: bool = False,
                     any_kind: bool = False) -> list[str]:
    """Who the previous sentence is about: its subject (with coordinated subjects)."""
    si = ctx.sent_of[token.i]
    this = ctx.sents[si]
    for sent in ([this] if not want_group and not any_kind else []) + \
            [ctx.sents[si - 1]] if si > 0 else []:
        root = sent.root
        subj = subject_of(root)
        if subj is None or (sent is this and subj.i >= token.i):
            continue
        keys = speaker_keys(ctx, subj) if subj.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS \
            else []
        if keys:
            if not any_kind:
                keys = [k for k in keys if k.startswith(("person:", "org:"))]
            return keys
    return []
