"""Every IRI the code uses, as plain strings in closed namespaces mirrored from ontology/*.ttl.

Why plain ``str`` and no rdflib: this module is imported on every start-up path (the CLI, the
shell's completer, the graph builder) and must cost about a millisecond; callers wrap the strings
in whatever term type their library wants (``rdflib.URIRef(KB.agent)``,
``pyoxigraph.NamedNode(KB.agent)``). Why closed: a misspelt term raises at once instead of
writing triples nobody can query. The ontology files stay the source; tests/test_ontology.py
checks that every term here is in them and every kb:, kbe: and role: term there is here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "DCT", "ELI", "EVENT", "EVENT_CAMEO", "EVENT_FOR_KEY", "EVENT_KEY", "EVENT_KEYS",
    "FACTUALITY", "KB", "LAW_TYPE", "OA", "ORG", "ORG_CLASS", "OWL", "PLACE_CLASS", "PREFIXES",
    "PROV", "RDF", "RDFS", "RESOURCE_BASE", "ROLE", "SCHEMA", "SEM", "SH", "SHAPES_BASE", "SKOS",
    "UnknownTermError", "Vocabulary", "XSD", "expand", "prefixed",
]

_RESERVED = frozenset({"terms", "base"})


class UnknownTermError(AttributeError, KeyError):
    """A term that the vocabulary does not define (a typo, or a term not yet in ontology/)."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class Vocabulary:
    """A closed namespace: ``KB.agent`` and ``KB["agent"]`` give the IRI string, anything not
    listed raises UnknownTermError (an AttributeError and a KeyError). ``iri in KB`` tests an IRI;
    iterating yields the IRIs. Terms that are Python keywords (``sh:in``, ``sh:or``) are reached
    with ``SH["in"]``."""

    def __init__(self, prefix: str, base: str, terms: str | Iterable[str]) -> None:
        """``terms``: local names, as an iterable or one whitespace-separated string."""
        names = tuple(sorted(set(terms.split() if isinstance(terms, str) else terms)))
        clash = _RESERVED.intersection(names)
        if clash:
            raise ValueError(f"{prefix}: term names {sorted(clash)} clash with Vocabulary members")
        d = self.__dict__
        d["_prefix"] = prefix
        d["_base"] = base
        d["_terms"] = names
        d["_iris"] = frozenset(base + n for n in names)
        for n in names:
            d[n] = base + n

    @property
    def base(self) -> str:
        """The namespace IRI every term starts with."""
        return self._base

    @property
    def terms(self) -> tuple[str, ...]:
        """The local names of the terms, sorted."""
        return self._terms

    def __getattr__(self, name: str) -> str:
        # Only reached for names that are not terms (terms live in the instance __dict__).
        if name.startswith("_"):
            raise AttributeError(name)
        raise UnknownTermError(self._unknown(name))

    def __getitem__(self, name: str) -> str:
        if name in self._terms:
            return self.__dict__[name]
        raise UnknownTermError(self._unknown(name))

    def _unknown(self, name: str) -> str:
        return (f"{name!r} is not a term of the {self._prefix}: vocabulary <{self._base}>; "
                f"define it in ontology/ and list it in kb/vocab.py")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the {self._prefix}: vocabulary is read-only")

    def __contains__(self, iri: object) -> bool:
        return iri in self._iris

    def __iter__(self) -> Iterator[str]:
        return (self._base + n for n in self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __dir__(self) -> list[str]:
        return [*self._terms, "base", "terms"]

    def __repr__(self) -> str:
        return f"Vocabulary({self._prefix!r}, {self._base!r}, {len(self._terms)} terms)"


# --- the project's own vocabularies -----------------------------------------------------------

KB = Vocabulary("kb", "https://w3id.org/civic-kb/ns#", """
    Agency CAMEO County Court Department FactualityScheme LegislationTypeScheme Legislature
    Mention Town aboutGrant aboutLaw agent asserted authorizedBy bill condition confidence
    courtRuling evidence executiveOrder factuality future hypothetical jurisdiction key negated
    ordinance policy post recipient regulation rule statute target threatenedAction
    Correction Merge Rejection Split inDocument kept merged rejected splitFrom splitInto
    surfaceForm uncorrectedQuads describes
""")

EVENT = Vocabulary("kbe", "https://w3id.org/civic-kb/event/", """
    accuse announce appeal appeal_policy_change appeal_political_reform arrest award_grant
    coerce comply consult criticize defend_verbally defy_law demand demand_policy_change
    demand_political_reform deny_claim deny_responsibility diplomatic_cooperation disapprove
    enact_law expel find_liable host_visit impose_administrative_sanctions impose_embargo
    investigate make_statement make_visit negotiate praise provide_aid provide_economic_aid
    public_statement reduce_aid reduce_economic_aid reduce_relations reject release_report rule
    scheme sign_agreement sign_law sue threaten threaten_administrative_sanctions threaten_aid
    threaten_nonforce threaten_sanctions threaten_unspecified veto warn withhold yielding
""")

ROLE = Vocabulary("role", "https://w3id.org/civic-kb/role/", """
    administrator attorney_general chief_of_staff city_manager commissioner council_member
    council_president county_executive deputy_attorney_general deputy_mayor director
    district_attorney governor judge justice legislator lieutenant_governor mayor official
    police_chief president press_secretary prosecutor representative scheme secretary senator
    sheriff speaker spokesperson state_attorney_general state_representative state_senator
    us_attorney vice_president
""")

# --- reused vocabularies: only the terms the project uses (all declared in ontology/) ---------

SCHEMA = Vocabulary("schema", "https://schema.org/", """
    AdministrativeArea Article City CollegeOrUniversity Corporation Country CreativeWork
    GovernmentOrganization Legislation MonetaryAmount MonetaryGrant NGO NewsArticle
    NewsMediaOrganization Organization Person Place PoliticalParty Quotation Report State Thing
    about amount areaServed author containedInPlace creator currency dateCreated datePublished
    familyName fundedItem funder givenName headline identifier inLanguage legislationDate
    legislationIdentifier legislationJurisdiction legislationPassedBy legislationType maxValue
    mentions minValue name publisher sameAs sha256 text url validFrom validUntil value
""")

ORG = Vocabulary("org", "http://www.w3.org/ns/org#", """
    Membership Organization Post Role heldBy holds member postIn role subOrganizationOf
""")

PROV = Vocabulary("prov", "http://www.w3.org/ns/prov#", """
    Activity Entity SoftwareAgent generatedAtTime wasAssociatedWith wasDerivedFrom
    wasGeneratedBy wasQuotedFrom
    Agent invalidatedAtTime startedAtTime
""")

SKOS = Vocabulary("skos", "http://www.w3.org/2004/02/skos/core#", """
    Concept ConceptScheme altLabel broader closeMatch definition hasTopConcept inScheme notation
    prefLabel scopeNote topConceptOf
""")

SEM = Vocabulary("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/", """
    Actor Event eventType hasActor hasPlace hasSubEvent hasTimeStamp
""")

ELI = Vocabulary("eli", "http://data.europa.eu/eli/ontology#", """
    LegalResource LegalResourceSubdivision cites is_part_of
""")

OA = Vocabulary("oa", "http://www.w3.org/ns/oa#", """
    TextPositionSelector TextQuoteSelector end exact hasSource start
""")

DCT = Vocabulary("dct", "http://purl.org/dc/terms/", "description references source title")

RDF = Vocabulary("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                 "first nil rest type")

RDFS = Vocabulary("rdfs", "http://www.w3.org/2000/01/rdf-schema#", """
    Datatype Resource comment domain isDefinedBy label range seeAlso subClassOf subPropertyOf
""")

XSD = Vocabulary("xsd", "http://www.w3.org/2001/XMLSchema#", """
    anyURI boolean date dateTime decimal gYear gYearMonth integer string
""")

OWL = Vocabulary("owl", "http://www.w3.org/2002/07/owl#", """
    AnnotationProperty Class DatatypeProperty ObjectProperty Ontology imports inverseOf sameAs
    unionOf versionInfo
""")

SH = Vocabulary("sh", "http://www.w3.org/ns/shacl#", """
    IRI Info Literal NodeShape SPARQLConstraint ValidationReport ValidationResult Violation
    Warning class conforms datatype declare focusNode hasValue in lessThanOrEquals maxCount
    maxInclusive message minCount minInclusive namespace node nodeKind or path pattern prefix
    prefixes property result resultMessage resultPath resultSeverity select
    sourceConstraintComponent sourceShape sparql targetClass targetObjectsOf value
""")

RESOURCE_BASE = "https://w3id.org/civic-kb/id/"
"""Where minted resource IRIs live (kb/iris.py): .../person/jeff-sessions."""

SHAPES_BASE = "https://w3id.org/civic-kb/shapes#"
"""Namespace of the SHACL shapes (ontology/shapes.ttl), as seen in validation reports."""

PREFIXES: dict[str, str] = {
    "kb": KB.base, "kbe": EVENT.base, "role": ROLE.base, "kbr": RESOURCE_BASE,
    "kbsh": SHAPES_BASE, "schema": SCHEMA.base, "org": ORG.base, "prov": PROV.base,
    "skos": SKOS.base, "sem": SEM.base, "eli": ELI.base, "oa": OA.base, "dct": DCT.base,
    "rdf": RDF.base, "rdfs": RDFS.base, "xsd": XSD.base, "owl": OWL.base, "sh": SH.base,
}
"""The project's prefixes, in the order of ontology/prefixes.ttl."""

# --- keys of the facts JSON (shared/eval/SCHEMA.md) -> ontology terms --------------------------
# Convenience for extractors and the graph builder; the kb:key values in the .ttl files are the
# source and the tests hold these tables to them.

EVENT_KEYS = ("threaten", "sign", "enact", "sue", "rule", "deny", "announce", "award",
              "withhold", "release", "warn", "comply", "other")

_EVENTS: tuple[tuple[str, str, str], ...] = (
    # concept, kb:key, nearest CAMEO code (its own skos:notation, else that of its
    # skos:closeMatch, else that of its nearest broader concept)
    ("public_statement", "other", "01"),
    ("make_statement", "other", "010"),
    ("deny_responsibility", "deny", "016"),
    ("deny_claim", "deny", "016"),
    ("announce", "announce", "010"),
    ("release_report", "release", "010"),
    ("warn", "warn", "130"),
    ("appeal", "other", "02"),
    ("appeal_political_reform", "other", "024"),
    ("appeal_policy_change", "other", "0242"),
    ("consult", "other", "04"),
    ("make_visit", "other", "042"),
    ("host_visit", "other", "043"),
    ("negotiate", "other", "046"),
    ("diplomatic_cooperation", "other", "05"),
    ("praise", "other", "051"),
    ("defend_verbally", "other", "052"),
    ("sign_agreement", "sign", "057"),
    ("sign_law", "sign", "057"),
    ("enact_law", "enact", "057"),
    ("provide_aid", "other", "07"),
    ("provide_economic_aid", "award", "071"),
    ("award_grant", "award", "071"),
    ("yielding", "other", "08"),
    ("comply", "comply", "08"),
    ("investigate", "other", "09"),
    ("demand", "other", "10"),
    ("demand_political_reform", "other", "104"),
    ("demand_policy_change", "other", "1042"),
    ("disapprove", "other", "11"),
    ("criticize", "other", "111"),
    ("accuse", "other", "112"),
    ("sue", "sue", "115"),
    ("find_liable", "rule", "116"),
    ("rule", "rule", "116"),
    ("reject", "other", "12"),
    ("defy_law", "other", "128"),
    ("veto", "other", "129"),
    ("threaten", "threaten", "13"),
    ("threaten_unspecified", "threaten", "130"),
    ("threaten_nonforce", "threaten", "131"),
    ("threaten_aid", "threaten", "1311"),
    ("threaten_sanctions", "threaten", "1312"),
    ("threaten_administrative_sanctions", "threaten", "132"),
    ("reduce_relations", "other", "16"),
    ("reduce_aid", "withhold", "162"),
    ("reduce_economic_aid", "withhold", "1621"),
    ("withhold", "withhold", "1621"),
    ("impose_embargo", "other", "163"),
    ("coerce", "other", "17"),
    ("impose_administrative_sanctions", "other", "172"),
    ("arrest", "other", "173"),
    ("expel", "other", "174"),
)

EVENT_KEY: dict[str, str] = {EVENT[c]: key for c, key, _ in _EVENTS}
"""Event-type concept IRI -> its kb:key (the facts JSON event ``type``)."""

EVENT_CAMEO: dict[str, str] = {EVENT[c]: code for c, _, code in _EVENTS}
"""Event-type concept IRI -> nearest CAMEO code ("1311")."""

EVENT_FOR_KEY: dict[str, str] = {
    "threaten": EVENT.threaten_unspecified, "sign": EVENT.sign_law, "enact": EVENT.enact_law,
    "sue": EVENT.sue, "rule": EVENT.rule, "deny": EVENT.deny_claim, "announce": EVENT.announce,
    "award": EVENT.award_grant, "withhold": EVENT.withhold, "release": EVENT.release_report,
    "warn": EVENT.warn, "comply": EVENT.comply, "other": EVENT.make_statement,
}
"""Facts-JSON event type -> the concept an extractor uses when it knows nothing more specific."""

PLACE_CLASS: dict[str, str] = {
    "country": SCHEMA.Country, "state": SCHEMA.State, "county": KB.County, "city": SCHEMA.City,
    "town": KB.Town, "other": SCHEMA.AdministrativeArea,
}
"""Jurisdiction type key -> class."""

ORG_CLASS: dict[str, str] = {
    "agency": KB.Agency, "department": KB.Department, "court": KB.Court,
    "legislature": KB.Legislature, "party": SCHEMA.PoliticalParty, "company": SCHEMA.Corporation,
    "ngo": SCHEMA.NGO, "media": SCHEMA.NewsMediaOrganization, "other": SCHEMA.Organization,
}
"""Organisation type key -> schema.org class (every organisation is also an org:Organization)."""

LAW_TYPE: dict[str, str] = {
    "statute": KB.statute, "bill": KB.bill, "executive order": KB.executiveOrder,
    "regulation": KB.regulation, "ordinance": KB.ordinance, "court ruling": KB.courtRuling,
    "policy": KB.policy,
}
"""Legislation type key -> value of schema:legislationType."""

FACTUALITY: dict[str, str] = {
    "asserted": KB.asserted, "negated": KB.negated, "hypothetical": KB.hypothetical,
    "future": KB.future,
}
"""Factuality key -> value of kb:factuality."""

# --- prefixed names -----------------------------------------------------------------------------

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)
_STRICT_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?\Z")
_LOOSE_LOCAL = re.compile(r"[^\s<>\"{}|^`\\]*\Z")


def prefixed(iri: str, *, strict: bool = True) -> str | None:
    """``"kb:agent"`` for a known namespace, else None. With ``strict`` (the default) only names
    valid in Turtle and SPARQL are returned; ``strict=False`` also shortens IRIs whose local part
    has slashes (``kbr:person/jeff-sessions``), for display."""
    pattern = _STRICT_LOCAL if strict else _LOOSE_LOCAL
    for prefix, base in _BY_LENGTH:
        if iri.startswith(base):
            local = iri[len(base):]
            return f"{prefix}:{local}" if pattern.match(local) else None
    return None


def expand(curie: str) -> str:
    """The IRI of ``"kb:agent"`` (or of ``"<...>"``); ValueError for an unknown prefix."""
    if curie.startswith("<") and curie.endswith(">"):
        return curie[1:-1]
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        known = ", ".join(PREFIXES)
        raise ValueError(f"{curie!r} is not a prefixed name with a known prefix ({known})")
    return PREFIXES[prefix] + local
