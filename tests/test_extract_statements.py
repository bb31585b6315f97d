"""Quotations and their speakers on texts written for these tests: partial quotes in a
relative clause, short quoted answers after a speech verb, a spokesman who is the press
secretary, and quotes whose speaker is a document's author or a tweet's."""
from __future__ import annotations

from tests.extracting import facts_of

DATE = "2021-03-09"


def statements(nlp, text: str) -> list[tuple[str, str]]:
    return [(s["speaker"], s["quote"]) for s in facts_of(nlp, text, date=DATE)["statements"]]


def test_partial_quote_in_a_relative_clause_goes_to_its_noun(nlp):
    found = statements(nlp, "The suit was filed by Attorney General Ruth Abernathy, who said "
                            'that the rule "puts every tenant in the county at risk."')
    assert found == [("Ruth Abernathy", "puts every tenant in the county at risk.")]


def test_two_word_answer_after_a_speech_verb_is_a_statement(nlp):
    found = statements(nlp, "Mayor Lionel Marsh called the plan a mistake, saying the odds of "
                            'success are "very slim."')
    assert found == [("Lionel Marsh", "very slim.")]


def test_two_words_quoted_as_a_term_are_not_a_statement(nlp):
    assert statements(nlp, 'The order covers all "sanctuary jurisdictions," including '
                           "counties.") == []


def test_the_spokesman_is_the_press_secretary_named_before(nlp):
    text = ("White House press secretary Dale Ferris spoke on Tuesday.\n\n"
            'Asked about the delay, the spokesman said it showed "a lack of planning in '
            'Congress."')
    assert statements(nlp, text) == [("Dale Ferris", "a lack of planning in Congress.")]


POSTS = """The county board voted on the shelter plan on Monday.

The tenants' union responded within the hour:

Our members will be at the next meeting. We are not going anywhere. #HousingNow
— Riverside Tenants Union (@rtu_news) March 8, 2021

A reporter at the meeting posted a photo of the vote.

The board votes 5-2 to approve the plan. pic.twitter.com/abc123
— Dana Whitcomb (@dwhitcomb) March 8, 2021
"""


def test_embedded_post_introduced_with_a_colon_is_its_authors_statement(nlp):
    found = statements(nlp, POSTS)
    assert found == [("Riverside Tenants Union",
                      "Our members will be at the next meeting. We are not going anywhere. "
                      "#HousingNow")]


def test_according_to_names_the_source_of_a_quote(nlp):
    text = ("According to a report from the Office of the State Comptroller, the program was "
            '"poorly managed from the start and never audited."')
    assert statements(nlp, text) == [("Office of the State Comptroller",
                                      "poorly managed from the start and never audited.")]


def test_quote_from_a_document_goes_to_its_author(nlp):
    text = ("Attorney General Ruth Abernathy sued the company on Friday.\n\n"
            'The complaint says the firm "misled thousands of tenants about their rights."')
    assert statements(nlp, text) == [("Ruth Abernathy",
                                      "misled thousands of tenants about their rights.")]


def test_document_named_with_its_author(nlp):
    text = ('A letter from the Riverside Tenants Union reads: "We will not accept the new '
            'rules without a hearing."')
    assert statements(nlp, text) == [("Riverside Tenants Union",
                                      "We will not accept the new rules without a hearing.")]


def release_statements(nlp, publisher: str) -> list[tuple[str, str]]:
    from ingest.extract import extract
    from kb.facts import Document, to_schema_json

    text = ("School Safety Grants Announced\n" + publisher + "\n2019-05-14\n\n"
            "HARTFORD, Conn. (May 14, 2019) — Grants will go to eight towns for school "
            "safety.\n\n"
            '"Every student deserves a safe school and every teacher a safe classroom."\n')
    document = Document(id="t", text=text, title="School Safety Grants Announced",
                        date="2019-05-14", publisher=publisher)
    facts = to_schema_json(extract(document, nlp(text)))
    return [(s["speaker"], s["quote"]) for s in facts["statements"]]


def test_unattributed_quote_in_a_release_is_the_issuing_offices(nlp):
    assert release_statements(nlp, "Office of the Governor") == [
        ("Office of the Governor",
         "Every student deserves a safe school and every teacher a safe classroom.")]


def test_unattributed_quote_in_news_has_no_speaker(nlp):
    assert release_statements(nlp, "The Daily Courier") == []


def test_block_quote_after_a_speakers_lead_in(nlp):
    text = ("The council delayed the vote again on Tuesday.\n\n"
            "In a statement, Mayor Lionel Marsh said:\n\n"
            "The city cannot wait another month for a budget that keeps libraries open.\n")
    assert statements(nlp, text) == [
        ("Lionel Marsh", "The city cannot wait another month for a budget that keeps libraries "
                         "open.")]


def test_block_of_a_documents_text_is_not_a_statement(nlp):
    text = ("The order, which the governor signed on Monday, states the following:\n\n"
            "All state agencies shall review their contracts within ninety days.\n")
    assert statements(nlp, text) == []


def test_quote_in_apposition_to_a_named_thing_goes_to_the_speaker(nlp):
    text = ("Comptroller Ruth Abernathy said she is starting a program called TenantWatch, "
            '"a monthly review that will show which landlords break the rules."')
    assert statements(nlp, text) == [
        ("Ruth Abernathy", "a monthly review that will show which landlords break the rules.")]


def test_the_court_is_the_one_court_named(nlp):
    text = ("The state sued in the U.S. District Court for the Western District of Washington.\n\n"
            'In its ruling, the court said the policy "cannot stand under the Tenth Amendment."')
    found = statements(nlp, text)
    assert len(found) == 1 and found[0][1] == "cannot stand under the Tenth Amendment."
    assert "Court" in found[0][0]


def test_describing_verb_introduces_the_subjects_words(nlp):
    text = 'Sen. Ann Smith described the plan as "dead on arrival in the Senate."'
    assert statements(nlp, text) == [("Ann Smith", "dead on arrival in the Senate.")]


def test_quote_in_a_clause_hanging_from_a_blaming_verb(nlp):
    text = ("Union president Dale Ferris blamed the city for settling so fast, creating "
            '"an easy payday for anyone who files a claim."')
    assert statements(nlp, text) == [("Dale Ferris",
                                      "an easy payday for anyone who files a claim.")]


def test_spokesperson_of_the_board_speaks_for_the_named_board(nlp):
    text = ("The Board of Supervisors met on Monday.\n\n"
            '"No one has asked the county to sign such an agreement," the board\'s spokesperson '
            "said in a statement.")
    found = statements(nlp, text)
    assert found == [("Board of Supervisors",
                      "No one has asked the county to sign such an agreement,")]


def test_label_with_a_colon_names_the_speaker_by_title(nlp):
    text = ("The suit was brought by Oregon Attorney General Ruth Abernathy.\n\n"
            'Oregon AG: "No one is above the law, and that includes the governor." '
            "pic.twitter.com/x1\n")
    assert statements(nlp, text) == [("Ruth Abernathy",
                                      "No one is above the law, and that includes the governor.")]


def test_partial_quote_in_a_relative_clause_under_a_speech_verb(nlp):
    text = ("Commissioner Ruth Abernathy assured residents that those who \"commit minor "
            'offenses, such as jaywalking," keep their protections.')
    assert statements(nlp, text) == [("Ruth Abernathy",
                                      "commit minor offenses, such as jaywalking,")]


def test_law_wording_in_a_relative_clause_is_no_statement(nlp):
    text = 'The council passed a law that bars "any cooperation with federal agents."'
    assert statements(nlp, text) == []


def test_shared_surname_alone_is_the_one_mentioned_last(nlp):
    text = ("Mayor Ed Lee proposed the budget. Council President Lisa Lee opposed it.\n\n"
            '"It cuts too much from the libraries," Lee said.')
    assert statements(nlp, text) == [("Lisa Lee", "It cuts too much from the libraries,")]


def test_dash_after_a_quote_credits_the_speaker(nlp):
    text = '"This is a great day for our city and its parks." — Mayor Ann Lee\n'
    assert statements(nlp, text) == [("Ann Lee", "This is a great day for our city and its "
                                                 "parks.")]


def test_participle_after_a_name_introduces_the_quote(nlp):
    text = ('Mayor Ann Lee, speaking at the ceremony: "This is a great day for our city and '
            'its parks."')
    assert statements(nlp, text) == [("Ann Lee", "This is a great day for our city and its "
                                                 "parks.")]


def test_quote_left_open_takes_the_speaker_named_where_it_ends(nlp):
    text = ("Mayor Ann Lee and Gov. Bo Quist met on Monday.\n\n"
            '"The city has done its part and paid for the new shelters.\n\n'
            '"Now the state must act and pay its share," Quist said.')
    assert [s for s, _ in statements(nlp, text)] == ["Bo Quist", "Bo Quist"]


def test_quote_over_three_paragraphs(nlp):
    text = ("Mayor Ann Lee and Gov. Bo Quist met on Monday.\n\n"
            '"The city has done its part and paid for the new shelters.\n\n'
            '"We opened two more this winter and staffed them all night.\n\n'
            '"Now the state must act and pay its share," Quist said.')
    assert [s for s, _ in statements(nlp, text)] == ["Bo Quist"] * 3


def test_two_quoted_words_before_a_comma_are_a_term_even_under_said(nlp):
    assert statements(nlp, 'Mayor Ann Lee said the measure, known as the "Trust Act," would '
                           "pass easily.") == []
    assert statements(nlp, 'The order withholds funds from "sanctuary jurisdictions," Mayor '
                           "Ann Lee said.") == []


def test_list_after_an_announcement_is_no_block_quote(nlp):
    text = ("Mayor Lionel Marsh announced the following changes:\n\n"
            "Free bus service for seniors will start in June across the city.\n")
    assert statements(nlp, text) == []


def test_dash_inside_the_writers_sentence_credits_no_one(nlp):
    text = ('Dale Ferris called the plan "a good start for the city" — Mayor Ann Lee disagreed '
            "with him on Monday.")
    assert statements(nlp, text) == [("Dale Ferris", "a good start for the city")]


def test_statement_issued_with_a_colon(nlp):
    text = ("Gov. Bo Quist issued the following statement: \"Today we protect every tenant in "
            'this state."')
    assert statements(nlp, text) == [("Bo Quist", "Today we protect every tenant in this state.")]


def test_quoted_names_and_words_talked_about_are_no_statements(nlp):
    text = ('The Department of Housing released its first "Annual Shelter Capacity Report" on '
            'Monday. Gov. Bo Quist later issued a new version without the word "outrageous."')
    assert statements(nlp, text) == []
