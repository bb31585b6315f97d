"""Award tables and lists: the same announcement as HTML, text and PDF gives one grant and one
award event per town, with the row as evidence; totals and tables not about money give none.

The announcement in tests/data/policing_grants/ was written for these tests (fictional
amounts; make_pdf.py there writes its PDF form with a drawn table).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract
from ingest.read import read_bytes, read_path
from kb.facts import Document, DocumentFacts

DATA = Path(__file__).resolve().parent / "data" / "policing_grants"
AWARDS = {"Bridgeport": 412_000, "New Haven": 385_500, "Hartford": 398_000,
          "Waterbury": 276_250, "Norwalk": 189_000, "Danbury": 174_500,
          "New Britain": 221_750, "Meriden": 143_000}
FUNDER = "Connecticut Department of Emergency Services and Public Protection"


def read_one(path: Path) -> Document:
    (document,) = list(read_path(path))
    assert isinstance(document, Document), document
    return document


def facts_of(nlp, document: Document) -> DocumentFacts:  # noqa: ANN001 - a spaCy Language
    return extract(document, nlp(document.text))


def row_grants(facts: DocumentFacts) -> list:
    return [g for g in facts.grants.values()
            if any(e.rule == "table.award-row" for e in g.evidence)]


def awarded(facts: DocumentFacts) -> dict[str | None, float | None]:
    """Recipient name -> USD of every grant read from a table row or list item."""
    return {facts.name_of(g.recipient): g.amount_usd for g in row_grants(facts)}


@pytest.mark.parametrize("ext", ["html", "txt", "pdf"])
def test_each_form_gives_eight_awards_with_amounts_and_events(nlp, ext):
    document = read_one(DATA / f"policing_grants_release.{ext}")
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.header == ["Town", "Award"] and len(table.rows) == 9  # eight towns + total
    facts = facts_of(nlp, document)
    grants = row_grants(facts)
    by_town = {facts.name_of(g.recipient): g for g in grants}
    assert {town: g.amount_usd for town, g in by_town.items()} == AWARDS
    assert {facts.name_of(g.funder) for g in grants} == {FUNDER}
    awards = [e for e in facts.events if e.type == "award" and e.about_grant in
              {g.key for g in grants}]
    assert len(awards) == 8
    for event in awards:
        grant = facts.grants[event.about_grant]
        assert event.agent == grant.funder and event.targets == [grant.recipient]
    assert not any(g.amount_usd == 2_200_000 and g.recipient for g in facts.grants.values())
    row_amounts = set(AWARDS.values())
    assert all(g in grants for g in facts.grants.values() if g.amount_usd in row_amounts)


@pytest.mark.parametrize("ext", ["html", "txt", "pdf"])
def test_the_row_is_the_evidence_with_its_offsets(nlp, ext):
    document = read_one(DATA / f"policing_grants_release.{ext}")
    facts = facts_of(nlp, document)
    for grant in row_grants(facts):
        (evidence,) = grant.evidence
        assert document.text[evidence.start:evidence.end] == evidence.sentence
        assert evidence.sentence.split("\t") == [facts.name_of(grant.recipient), grant.amount]
        assert "\n" not in evidence.sentence
    rows = document.tables[0].spans
    assert [document.text[s:e].split("\t")[0] for s, e in rows][-1] == "Total"


@pytest.mark.parametrize("ext", ["html", "txt", "pdf"])
def test_the_governor_announces_and_the_dateline_gives_his_state(nlp, ext):
    """The dateline (HARTFORD, Conn. (date) —) is place and date, never the announcer; in a
    release ("today announced") it also says which state the unqualified Governor governs."""
    facts = facts_of(nlp, read_one(DATA / f"policing_grants_release.{ext}"))
    announce = [e for e in facts.events if e.type == "announce"]
    assert announce and {facts.name_of(e.agent) for e in announce} == {"Ned Lamont"}
    (post,) = [m for m in facts.memberships if facts.name_of(m.person) == "Ned Lamont"]
    assert facts.name_of(post.of) == "Connecticut"


def test_press_release_boilerplate_is_not_text():
    for ext in ("html", "txt", "pdf"):
        text = read_one(DATA / f"policing_grants_release.{ext}").text
        assert "###" not in text and "Media Contact" not in text, ext
        assert "555-0142" not in text and "About the" not in text, ext
        assert text.rstrip().endswith("by September."), ext


def text_document(body: str, title: str = "Town report") -> Document:
    document = read_bytes(f"{title}\nMay 2, 2021\n\n{body}".encode(), name="r.txt")
    assert isinstance(document, Document)
    return document


def test_a_table_not_about_money_gives_no_grants(nlp):
    body = ("Police in four towns answered more calls this spring than last year, the state "
            "police said on Monday.\n\nTown\tOfficers\tCalls\nBridgeport\t412\t18,250\n"
            "New Haven\t385\t17,100\nHartford\t398\t16,900\n\nThe figures cover March to May.")
    document = text_document(body)
    assert len(document.tables) == 1 and document.tables[0].header[0] == "Town"
    facts = facts_of(nlp, document)
    assert not facts.grants and not [e for e in facts.events if e.type == "award"]


def test_prices_are_money_but_not_awards(nlp):
    body = ("Home prices rose in three Connecticut towns, a realtors' group said.\n\n"
            "Town\tMedian price\nNorwalk\t$612,000\nDanbury\t$401,500\nMeriden\t$268,000\n\n"
            "Sales fell slightly.")
    facts = facts_of(nlp, text_document(body, "Home prices climb"))
    assert not row_grants(facts)
    body = ("The state announced grants to three towns on Monday.\n\nIncome by town:\n\n"
            "Town\tMedian income\nNorwalk\t$92,000\nDanbury\t$71,500\nMeriden\t$58,000\n")
    facts = facts_of(nlp, text_document(body, "Grants announced"))
    assert not row_grants(facts)  # a funding story, but this column is not what anyone got


def test_scale_from_header_and_pipe_table(nlp):
    body = ("The Connecticut Department of Housing awarded shelter grants to three cities on "
            "Tuesday.\n\n| City | Fiscal year | Grant ($000) |\n|---|---|---|\n"
            "| Hartford | FY2021 | 1,250 |\n| Stamford | FY2021 | 840 |\n"
            "| New Haven | FY2021 | 975 |\n| Subtotal | | 3,065 |\n\nMore awards follow.")
    facts = facts_of(nlp, text_document(body, "Shelter grants announced"))
    grants = row_grants(facts)
    assert awarded(facts) == {
        "Hartford": 1_250_000, "Stamford": 840_000, "New Haven": 975_000}
    assert all(g.name.endswith("(FY2021)") for g in grants)
    assert {facts.name_of(g.funder) for g in grants} == {"Connecticut Department of Housing"}


def test_line_per_recipient_list(nlp):
    body = ("The Connecticut Department of Transportation announced road safety grants on "
            "Friday.\n\nThe recipients:\n\n- Bridgeport: $2.1 million for street lighting\n"
            "- City of Norwalk, $50,000\n- Stamford: $640,000 for crosswalks\n\n"
            "Work begins in the fall.")
    facts = facts_of(nlp, text_document(body, "Road safety grants"))
    grants = row_grants(facts)
    assert awarded(facts) == {
        "Bridgeport": 2_100_000, "Norwalk": 50_000, "Stamford": 640_000}
    text = facts.document.text
    for grant in grants:
        evidence = grant.evidence[0]
        assert text[evidence.start:evidence.end] == evidence.sentence
        assert evidence.sentence.startswith("- ")


def test_html_lists_amount_first_and_multi_year_tables(nlp):
    html = ("<html><head><title>Safety grants</title></head><body><article>"
            "<h1>Safety grants</h1><p>BOSTON — The Massachusetts Office of Grants and Research "
            "awarded public safety grants to six cities on Thursday, state officials said.</p>"
            "<ul><li>Springfield: $2.1 million for street lighting</li><li>Worcester*: $1.4 "
            "million for youth programs</li><li>Lowell: $640,000 for crosswalks</li></ul>"
            "<p>Three smaller cities were funded from a second round.</p>"
            "<ol><li>$300,000 to Cambridge for bike lanes</li><li>$250,000 to Somerville for "
            "crossings</li><li>$125,000 to Quincy for lighting</li></ol>"
            "<p>* Worcester's award depends on a local match.</p></article></body></html>")
    document = read_bytes(html.encode(), name="grants.html")
    facts = facts_of(nlp, document)
    assert awarded(facts) == {
        "Springfield": 2_100_000, "Worcester": 1_400_000, "Lowell": 640_000,
        "Cambridge": 300_000, "Somerville": 250_000, "Quincy": 125_000}
    assert {facts.name_of(g.funder) for g in row_grants(facts)} == {
        "Massachusetts Office of Grants and Research"}


def test_amount_column_headed_by_a_year(nlp):
    body = ("The Ohio Department of Public Safety listed its grants to three counties.\n\n"
            "County\tFY2022\tFY2023\nFranklin County\t$410,000\t$455,000\n"
            "Cuyahoga County\t$390,000\t$402,500\nHamilton County\t$275,000\t$281,000\n")
    facts = facts_of(nlp, text_document(body, "County grants"))
    grants = row_grants(facts)
    assert sorted(g.amount_usd for g in grants) == [281_000, 402_500, 455_000]
    assert all(g.name.endswith("(FY2023)") for g in grants)


def test_a_programme_shortened_later_is_the_same_programme(nlp):
    from tests.extracting import facts_of as sentence_facts

    text = ("The Department of Energy opened the Clean Cities Innovation Challenge, with prizes "
            "for the best transit plans, on Monday. Cities that enter the Innovation Challenge "
            "may win cash prizes, the department said.")
    names = [g["name"] for g in sentence_facts(nlp, text, "2021-03-01")["grants"]]
    assert names == ["Clean Cities Innovation Challenge"]


def test_a_governor_announcing_without_an_agency_gives_the_states_money(nlp):
    body = ("PROVIDENCE, R.I. — Governor Gina Raimondo today announced library grants to three "
            "towns.\n\nTown\tAward\nWarwick\t$90,000\nCranston\t$75,000\nPawtucket\t$60,000\n")
    facts = facts_of(nlp, text_document(body, "Library grants"))
    grants = row_grants(facts)
    assert len(grants) == 3 and {facts.name_of(g.funder) for g in grants} == {"Rhode Island"}
    assert len([e for e in facts.events if e.type == "award" and e.agent]) == 3


def test_a_fact_box_of_labels_is_not_a_list_of_recipients(nlp):
    body = ("The county approved funding for a new bridge on Tuesday, officials said.\n\n"
            "Total cost: $22 million\nFederal share: $14 million\nLength: $3 million\n"
            "Completion: $1 million for landscaping\n\nConstruction starts in April.")
    facts = facts_of(nlp, text_document(body, "Bridge funding approved"))
    assert not row_grants(facts)


def test_awards_of_an_acts_money_are_about_that_act(nlp):
    body = ("The Ohio Department of Health announced $1.1 million in CARES Act funds for "
            "testing sites in three cities on Monday.\n\nCity\tAward\nAkron\t$500,000\n"
            "Dayton\t$350,000\nToledo\t$250,000\n")
    facts = facts_of(nlp, text_document(body, "Testing grants"))
    awards = [e for e in facts.events if e.type == "award" and e.evidence[0].rule ==
              "table.award-row"]
    assert len(awards) == 3
    assert {facts.name_of(e.about_law) for e in awards} == {"CARES Act"}


def test_a_programme_word_inside_a_bodys_name_is_no_programme(nlp):
    from tests.extracting import facts_of as sentence_facts

    text = ("The Vermont Community Grants Administration and the Office of Rural Safety Program "
            "will review the applications, officials said on Monday.")
    facts = sentence_facts(nlp, text, "2021-03-01")
    assert not facts["grants"]
