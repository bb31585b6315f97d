"""Officials and their posts on sentences written for these tests: titles written with
punctuation of their own, plural titles, party-district tags, offices named with "of", private
bodies, and shorter surnames of a three-word name."""
from __future__ import annotations

from kb.facts import to_schema_json
from tests.extracting import facts_of

DATE = "2024-05-02"


def officials(nlp, text: str, date: str = DATE) -> dict[str, list[str]]:
    """Official name -> titles of their posts."""
    facts = facts_of(nlp, text, date=date)
    return {o["name"]: [p["title"] for p in o["posts"]] for o in facts["officials"]}


def test_title_with_typographic_apostrophe(nlp):
    found = officials(nlp, "Essex County State’s Attorney Dana Whitcomb filed the motion on "
                           "Monday.")
    assert "Dana Whitcomb" in found
    assert found["Dana Whitcomb"] == ["State’s Attorney"]


def test_plural_title_covers_coordinated_names(nlp):
    found = officials(nlp, "Sens. Alma Prescott (R-Ohio) and Dale Ferris (D-Maine) wrote to "
                           "the agency on Friday.")
    assert set(found) == {"Alma Prescott", "Dale Ferris"}
    assert all(titles == ["Senator"] for titles in found.values())


def test_appositive_after_party_tag_adds_a_second_post(nlp):
    found = officials(nlp, '"We need the details," said Rep. Owen Halvorsen (R-Utah), chairman '
                           'of the House Budget Committee.')
    assert found["Owen Halvorsen"][0] == "Representative"
    assert any("chairman" in t for t in found["Owen Halvorsen"][1:])


def test_office_named_with_of_before_the_name(nlp):
    found = officials(nlp, "The plan was praised by Secretary of Agriculture Nora Quintero "
                           "during a visit to Iowa.")
    assert found.get("Nora Quintero") == ["Secretary of Agriculture"]


def test_president_of_a_private_body_is_not_an_official(nlp):
    found = officials(nlp, "Lionel Marsh, president of the Riverside Tenants Association, "
                           "criticised the plan. Mayor Ruth Abernathy defended it.")
    assert "Lionel Marsh" not in found
    assert "Ruth Abernathy" in found


def test_shorter_surname_joins_a_three_word_name(nlp):
    text = ("The bill was sponsored by State Representative Mary Ellen Tovar.\n\n"
            '"It protects tenants," Rep. Tovar said.')
    facts = facts_of(nlp, text, date=DATE)
    assert [o["name"] for o in facts["officials"]] == ["Mary Ellen Tovar"]
    assert facts["statements"][0]["speaker"] == "Mary Ellen Tovar"


def test_police_ranks_are_posts(nlp):
    found = officials(nlp, "Detective Ray Okafor and Sgt. Lena Brandt were named in the suit.")
    assert found.get("Ray Okafor") == ["Detective"]
    assert found.get("Lena Brandt") == ["Sergeant"]


def test_former_listed_holder_named_by_surname(nlp):
    found = officials(nlp, "The county reversed a rule that Obama had backed years earlier, "
                           "officials said.", date="2019-04-01")
    assert found.get("Barack Obama") == ["President"]


def test_listed_holder_not_found_before_the_term(nlp):
    found = officials(nlp, "Officials said Obama had backed the rule.", date="2001-04-01")
    assert "Barack Obama" not in found


def test_shared_surname_resolves_by_title(nlp):
    text = ("Mayor Ann Lee and Council President Robert Lee met on Monday.\n\n"
            '"We will pass the budget," Mayor Lee said.\n\n'
            '"Not without changes," Council President Lee said.')
    facts = facts_of(nlp, text, date=DATE)
    speakers = [s["speaker"] for s in facts["statements"]]
    assert speakers == ["Ann Lee", "Robert Lee"]


def test_copula_gives_posts(nlp):
    text = ("State Senator Ruth Abernathy wrote the bill.\n\n"
            "Abernathy is a retired Army colonel and former federal prosecutor.")
    titles = officials(nlp, text)["Ruth Abernathy"]
    assert titles[0] == "State Senator"
    assert {"colonel", "prosecutor"} <= {t.lower() for t in titles[1:]}


def test_negated_copula_gives_no_post(nlp):
    assert officials(nlp, "Dana Whitcomb is not a senator, she said.") == {}


def test_who_represents_makes_a_member_of_the_documents_legislature(nlp):
    text = ("Council Member Ann Lee introduced the bill on Thursday.\n\n"
            "Bo Quist, who represents the East Side, voted against it.")
    assert officials(nlp, text).get("Bo Quist") == ["Council Member"]


def test_surname_before_government_is_not_a_listed_holder(nlp):
    found = officials(nlp, "The talks with the Castro government stalled, officials said.",
                      date="2016-02-23")
    assert found == {}


RELEASE = """Governor Announces School Safety Grants
Office of the Governor
2019-05-14

HARTFORD, Conn. (May 14, 2019) — Governor Ruth Abernathy today announced grants to eight towns.

"Every student deserves a safe school," Governor Abernathy said.
"""


def test_release_dateline_gives_the_governors_state(nlp):
    from ingest.extract import extract
    from kb.facts import Document

    document = Document(id="t", text=RELEASE, title="Governor Announces School Safety Grants",
                        date="2019-05-14", publisher="Office of the Governor")
    facts = to_schema_json(extract(document, nlp(RELEASE)))
    official = next(o for o in facts["officials"] if o["name"] == "Ruth Abernathy")
    assert official["posts"] == [{"title": "Governor", "of": "Connecticut", "when": None}]


def test_news_dateline_gives_no_jurisdiction(nlp):
    from ingest.extract import extract
    from kb.facts import Document

    document = Document(id="t", text=RELEASE, title="Governor Announces School Safety Grants",
                        date="2019-05-14", publisher="The Daily Courier")
    facts = to_schema_json(extract(document, nlp(RELEASE)))
    official = next(o for o in facts["officials"] if o["name"] == "Ruth Abernathy")
    assert official["posts"][0]["of"] is None


def test_foreign_titles_take_their_own_country(nlp):
    text = ("Chinese President Li Wen met President Ann Harlow in the United States. "
            "Foreign Minister Pavel Orlov of Russia joined them.")
    facts = facts_of(nlp, text, date=DATE)
    posts = {o["name"]: o["posts"][0] for o in facts["officials"]}
    assert posts["Li Wen"]["of"] is None
    assert posts["Ann Harlow"]["of"] == "United States"
    assert posts["Pavel Orlov"] == {"title": "Foreign Minister", "of": "Russia", "when": None}


def test_abbreviated_title_words_are_spelled_out(nlp):
    found = officials(nlp, "State Sen. Ann Smith (D-Albany) and Lt. Gov. Bo Quist spoke.")
    assert found == {"Ann Smith": ["State Senator"], "Bo Quist": ["Lieutenant Governor"]}


def test_name_in_apposition_to_a_title(nlp):
    found = officials(nlp, "The city's police commissioner, Ray Okafor, said crime was down.")
    assert found == {"Ray Okafor": ["police commissioner"]}


def test_local_titles(nlp):
    found = officials(nlp, "Ald. Jane Roe (25th), Supervisor Bo Quist and Sheriff's Deputy "
                           "Dale Ferris spoke at the hearing.")
    assert found == {"Jane Roe": ["Alderman"], "Bo Quist": ["Supervisor"],
                     "Dale Ferris": ["Sheriff's Deputy"]}


def test_surname_a_body_took_after_title_and_given_name(nlp):
    found = officials(nlp, "Former Mayor Michael Bloomberg spoke at the opening.",
                      date="2016-05-01")
    assert list(found) == ["Michael Bloomberg"]


def test_appositive_title_after_an_age(nlp):
    found = officials(nlp, "Jane Roe, 45, a member of the City Council, said the vote was "
                           "close.")
    assert found == {"Jane Roe": ["member of the City Council"]}


def test_a_title_word_opening_a_name_of_a_thing_is_no_person(nlp):
    assert officials(nlp, "Officer Training School opened a new campus in Texas.") == {}


def test_legislators_abroad_and_in_state_houses(nlp):
    found = officials(nlp, "Del. Ann Roe (D-Fairfax) met British MP Jane Smith and UN "
                           "Secretary-General Bo Quist.")
    assert found == {"Ann Roe": ["Delegate"], "Jane Smith": ["MP"],
                     "Bo Quist": ["Secretary-General"]}


def test_representing_clients_is_no_seat(nlp):
    text = ("Council Member Ann Lee introduced the bill on Thursday.\n\n"
            "Bo Quist, who represents tenants in the suit, opposed it.")
    assert "Bo Quist" not in officials(nlp, text)


def test_surname_of_a_former_cabinet_member_is_not_that_person(nlp):
    found = officials(nlp, "Price said the shelter would reopen next month.", date="2023-04-01")
    assert found == {}
