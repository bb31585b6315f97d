"""One grant and one award event per row of an award table or list.

What a row does not say comes from around the table: the funder is the body the document is
about as a giver of money (the funder of other grants in it, the publisher, a funding agency
named in the title, lead or caption, the agency named most often), the programme the named
funding programme mentioned nearest before the table. The row itself is the evidence of its
grant and event, with its offsets in the text, so ``\\why`` shows the line it was read from.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.extract.context import Context, lexicon, slug, squash
from ingest.money import to_usd
from kb.facts import Event, Evidence, Grant, Table

from .columns import Columns, award_words, header_words, is_total
from .lists import HEADER as LIST_HEADER
from .recipients import resolve

FUNDING_BODIES = ("agency", "department")
EXECUTIVES = {"governor": ("state",), "mayor": ("city", "town"), "county executive": ("county",)}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_OWN_SCALE = re.compile(r"\d\s*(?:k|m|mn|bn|thousand|million|billion)\b", re.I)
_LEAD_CHARS = 600
AWARD_CAMEO = "071"
_DETERMINERS = frozenset(("the", "these", "this", "those", "that", "such", "its", "their"))


def is_label(name: str) -> bool:
    """"Total cost", "Grant amount", "Federal share": a row label, not a recipient."""
    words = award_words()
    known = words["amount_headers"] | words["funding_cues"] | words["total_words"] | \
        words["label_words"]
    return header_words(name) <= known


def amount_of(cell: str, scale: float) -> tuple[str, float] | None:
    """(amount as written, USD) of a money cell; a scaled figure ("250" in thousands) is
    written out in dollars. Negative, zero and missing figures give None."""
    cell = cell.strip()
    if not cell or cell.startswith(("(", "-")):
        return None
    if "$" in cell and (scale == 1.0 or _OWN_SCALE.search(cell)):
        usd = to_usd(cell)
        return (cell, usd) if usd else None
    match = _NUMBER.search(cell)
    if not match:
        return None
    value = float(match.group().replace(",", ""))
    if _OWN_SCALE.search(cell):
        usd = to_usd("$" + cell.lstrip("$"))
        return (cell, usd) if usd else None
    usd = round(value * scale, 2)
    return (f"${usd:,.0f}", usd) if usd else None


def programme_name(name: str) -> str:
    """A programme's name without the demonstrative a later mention gave it ("These grants",
    "These Edward Byrne ... Program"): "These grants" names no programme at all."""
    words = name.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words) if words and words[0][:1].isupper() else ""


class TableAwards:
    """Builds the grants and award events of the award tables of one document."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.starts = [t.idx for t in ctx.doc.tokens]
        self.row_spans: list[tuple[int, int, str]] = []  # (start, end, grant key)
        self.law: str | None = None  # the act funding the table being read

    def read(self, table: Table, cols: Columns) -> None:
        ctx = self.ctx
        text = ctx.doc.text
        from_list = table.header == LIST_HEADER  # a list item has no header naming its parts
        where_col = LIST_HEADER.index("Location") if from_list else None
        rows = []
        for cells, (start, end) in zip(table.rows, table.spans, strict=True):
            if is_total(cells, cols.recipient):
                continue
            amount = amount_of(cells[cols.amount], cols.scale)
            name = cells[cols.recipient].strip().rstrip("*†‡ ")  # footnote marks
            if amount is None or not name or is_label(name):
                continue
            at = text.find(name, start, end)
            cell_start = at if at >= 0 else start
            where = cells[where_col] if where_col is not None else ""
            recipient = resolve(ctx, self.starts, name, cell_start,
                                cell_start + len(name) if at >= 0 else end, where,
                                strict=from_list)
            if recipient is None:
                continue
            rows.append((cells, start, end, recipient, amount))
        if not rows:
            return
        recipients = {r[3] for r in rows}
        programme = self.programme(table.spans[0][0])
        funder = self.funder(recipients, table, programme)
        self.law = (programme.law if programme is not None else None) or \
            self.funding_law(table.spans[0][0])
        for cells, start, end, recipient, (written, usd) in rows:
            year = cells[cols.year] if cols.year is not None else cols.amount_year
            self.add(start, end, recipient, written, usd, funder, programme, year)

    # ---- context -----------------------------------------------------------------------
    def programme(self, before: int) -> Grant | None:
        """The named programme mentioned nearest before the table (else first in the text)."""
        named = [g for g in self.ctx.facts.grants.values()
                 if any(e.rule == "grant.programme" for e in g.evidence) and
                 len(programme_name(g.name).split()) > 1]
        if not named:
            return None
        earlier = [(max(e.start for e in g.evidence if e.start < before), len(g.name), g)
                   for g in named if any(e.start < before for e in g.evidence)]
        if earlier:  # nearest; of two in one sentence the fuller name
            return max(earlier, key=lambda item: item[:2])[2]
        return min(named, key=lambda g: min(e.start for e in g.evidence))

    def funding_law(self, before: int) -> str | None:
        """The act whose money the awards are: a law named right before a funding noun
        ("Recovery Act grants", "CARES Act funds") before the table; "funded by the X Act"
        alone is left out, as it may fund only the programme's wider budget."""
        ctx = self.ctx
        heads = frozenset(lexicon()["grant_heads"])
        found = Counter(m.key for m in ctx.mentions
                        if m.key.startswith("law:") and m.end < len(ctx.doc) and
                        ctx.doc[m.start].idx < before and ctx.doc[m.end].lower_ in heads)
        return found.most_common(1)[0][0] if found else None

    def funder(self, recipients: set[str | None], table: Table,
               programme: Grant | None) -> str | None:
        """The body giving the money: scored over the document's organisations."""
        ctx = self.ctx
        if programme is not None and programme.funder:
            return programme.funder
        first_row = table.spans[0][0]
        rows = [(s, e) for s, e in table.spans]
        lead_end = min(first_row, _LEAD_CHARS)
        near = ctx.doc.text[max(0, first_row - _LEAD_CHARS):first_row]
        funders = Counter(g.funder for g in ctx.facts.grants.values() if g.funder)
        publisher = squash((ctx.document.publisher or "").split(",")[0])
        mentions = Counter(m.key for m in ctx.mentions
                           if not any(s <= ctx.doc[m.start].idx < e for s, e in rows))
        best, best_score = None, 0.0
        for key, org in ctx.facts.organizations.items():
            if key in recipients or not mentions[key]:
                continue
            named = squash(org.name)
            is_publisher = bool(publisher) and bool(named) and (
                named in publisher or publisher.endswith(named))
            if org.type not in FUNDING_BODIES and not funders[key] and not is_publisher and \
                    not header_words(org.name) & award_words()["funder_heads"]:
                continue  # a body that gives money: an agency, a foundation, a fund
            first = min(m.start for m in ctx.mentions if m.key == key)
            score = (3.0 * bool(funders[key]) + 4.0 * is_publisher
                     + 2.0 * (ctx.doc[first].idx < lead_end)
                     + 1.0 * any(f in near for f in (org.name, *org.aliases))
                     + min(mentions[key], 6) * 0.5)
            if score > best_score:
                best, best_score = key, score
        return best or self.executive_place(lead_end)

    def executive_place(self, lead_end: int) -> str | None:
        """"Governor X today announced grants to eight towns" with no agency named: the
        state (city, county) whose executive announces them gives the money."""
        ctx = self.ctx
        lead = [m.key for m in ctx.mentions if ctx.doc[m.start].idx < lead_end]
        for membership in ctx.facts.memberships:
            if membership.person not in lead or membership.role not in EXECUTIVES:
                continue
            if (membership.of or "").startswith("place:"):
                return membership.of
            # a post with no stated jurisdiction: the one place of its kind the lead names
            kind = EXECUTIVES[membership.role]
            places = {k for k in lead if k in ctx.facts.places and
                      ctx.facts.places[k].type in kind}
            if len(places) == 1:
                return places.pop()
        return None

    # ---- facts -------------------------------------------------------------------------
    def add(self, start: int, end: int, recipient: str | None, written: str, usd: float,
            funder: str | None, programme: Grant | None, year: str | None) -> None:
        ctx = self.ctx
        to = ctx.facts.name_of(recipient) or "recipient"
        by = programme_name(programme.name) if programme is not None else (
            ctx.facts.name_of(funder) or "")
        name = f"{by} award to {to}".strip() + (f" ({year})" if year else "")
        key = "grant:" + slug(name)
        if key in ctx.facts.grants:
            key = "grant:" + slug(f"{name} {written}")
        row = ctx.doc.text[start:end]
        evidence = Evidence(row, start, end, "table.award-row")
        ctx.facts.grants[key] = Grant(key, name, evidence=[evidence], funder=funder,
                                      recipient=recipient, amount=written, amount_usd=usd,
                                      law=self.law)
        self.row_spans.append((start, end, key))
        if funder is None:
            return  # an award nobody is said to give is a grant, but no event with an agent
        ctx.facts.events.append(Event(
            key=f"event:{len(ctx.facts.events) + 1}", type="award", agent=funder,
            targets=[recipient] if recipient else [], cameo=AWARD_CAMEO, about_grant=key,
            about_law=self.law,
            action="award", date=ctx.document.date,
            evidence=[Evidence(row, start, end, "table.award-row")]))

    def drop_sentence_grants(self) -> None:
        """Grants the sentence rules read from a row ("$250,000" under a "Grant" header) are
        the row's grant: dropped, their mentions moved to it."""
        ctx = self.ctx
        for key, grant in list(ctx.facts.grants.items()):
            if not grant.evidence or any(e.rule == "table.award-row" for e in grant.evidence):
                continue
            owners = {self._row_at(ctx.doc[m.start].idx) for m in ctx.mentions if m.key == key}
            if not owners or None in owners or len(owners) != 1:
                continue
            row_key = owners.pop()
            del ctx.facts.grants[key]
            ctx.move_mentions(key, row_key)

    def _row_at(self, offset: int) -> str | None:
        return next((k for s, e, k in self.row_spans if s <= offset < e), None)
