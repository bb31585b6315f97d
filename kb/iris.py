"""Resource IRIs: stable, readable slugs under ``vocab.RESOURCE_BASE``.

Why readable: people read IRIs in query results and paste them into the shell, and
``.../person/jeff-sessions`` says what it is. Why deterministic: the same entity read from two
documents (or the same document read twice) must get the same node without asking anyone, so
an IRI is a pure function of the entity's type, canonical name and parent:

    person/jeff-sessions                   place/us/ct/hartford
    org/department-of-justice              org/<jurisdiction path>/<name> when it has one
    law/us/usc/8/1373                      law/us/md/trust-act (named acts carry their jurisdiction)
    post/us/attorney-general               post/us/ct/hartford/mayor
    document/3f2a9c0d1e4b5a68              document/3f2a9c0d1e4b5a68/event/2 (per-document facts)

Per-document fact nodes (memberships, statements, events, grants, evidence mentions) live
under their document's IRI, so two documents never share one and dropping a document's graph
drops them all. Place path segments (``us``, ``ct``) are computed by the resolver, which has
the gazetteer; this module only joins and slugs them and never imports ``ingest``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from kb.vocab import RESOURCE_BASE, ROLE

GEONAMES = "https://sws.geonames.org/{}/"
"""GeoNames' own IRI pattern for a feature id (the value of schema:sameAs on a place). External
identifiers are minted here, beside our own, so that no other module writes IRI text."""

OCD_DIVISION = "ocd-division/country:{}"
"""Open Civic Data division id prefix; state and place parts are appended by ``ocd_id``."""

DOCUMENT_HASH_CHARS = 16
"""Hex digits of the document id kept in its IRI: 64 bits, no collision in any real corpus."""

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_USC = re.compile(r"^\s*(\d+)\s*U\.?\s*S\.?\s*C\.?\s*(?:§+|sec(?:tion|\.)?)?\s*([0-9][0-9a-z.\-]*)",
                  re.IGNORECASE)


KINDS = ("person", "org", "place", "law", "post")
"""Kinds of shared entities: the first path segment of their IRIs. Everything else under the
base (documents and their fact nodes, a table's grant rows) belongs to one document."""


def kind_of(iri: str) -> str | None:
    """``person``, ``org``, ``place``, ``law`` or ``post`` for a shared entity IRI, else None."""
    if not iri.startswith(RESOURCE_BASE):
        return None
    head = iri[len(RESOURCE_BASE):].split("/", 1)[0]
    return head if head in KINDS else None


def slug(text: str) -> str:
    """``"Washington, D.C."`` -> ``"washington-d-c"``: ASCII, lower case, dashes between words.
    Possessive endings are dropped ("Maryland's" -> "maryland")."""
    text = text.replace("’", "'").replace("'s ", " ")
    text = re.sub(r"'s$", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower().replace("'", "")).strip("-") or "unnamed"


def resource(*segments: str) -> str:
    """RESOURCE_BASE + the segments joined by "/" (segments are used as given: already slugs)."""
    return RESOURCE_BASE + "/".join(s for s in segments if s)


def person(name: str) -> str:
    return resource("person", slug(name))


def place(path: Sequence[str]) -> str:
    """``place(["us", "ct", "hartford"])``: the path from the country down, as slugs."""
    return resource("place", *path)


def place_path(iri: str) -> list[str] | None:
    """The path segments of a place IRI (inverse of ``place``), None for anything else."""
    prefix = resource("place") + "/"
    return iri[len(prefix):].split("/") if iri.startswith(prefix) else None


def organization(name: str, jurisdiction: Sequence[str] = ()) -> str:
    return resource("org", *jurisdiction, slug(name))


def law(name: str, jurisdiction: Sequence[str] = (), jurisdiction_names: Sequence[str] = ()) -> str:
    """A U.S. Code citation becomes ``law/us/usc/TITLE/SECTION`` whatever the jurisdiction; other
    laws live under their jurisdiction's path with the jurisdiction's own name dropped from the
    slug ("Maryland Trust Act" under us/md -> ``law/us/md/trust-act``), so the Trust Acts of two
    states are two IRIs and "Trust Act" read in a Maryland context is the Maryland one."""
    m = _USC.match(name)
    if m:
        return resource("law", "us", "usc", m.group(1), slug(m.group(2)))
    local = slug(name)
    for jname in jurisdiction_names:
        js = slug(jname)
        if local.startswith(js + "-") and len(local) > len(js) + 1:
            local = local[len(js) + 1:]
            break
    return resource("law", *jurisdiction, local)


def usc_citation(name: str) -> bool:
    """Is ``name`` a U.S. Code citation ("8 U.S.C. § 1373")?"""
    return bool(_USC.match(name))


_SUBDIVISION = re.compile(r"^\s*\d+\s*C\.?F\.?R\.?\s*(?:§+|part\b)"   # 2 C.F.R. § 200.1
                          r"|^U\.S\. Const\. (?:art|amend)\."             # U.S. Const. amend. X
                          r"|\S\s*§+\s*\d[\w.()\-]*$",                 # Penal Code § 396
                          re.IGNORECASE)


def legal_subdivision(name: str) -> bool:
    """Does ``name`` cite a part of a law rather than a whole law: a U.S. Code or C.F.R.
    section, a constitutional article or amendment, a section of a named code or act
    ("California Penal Code § 396")? Such laws are eli:LegalResourceSubdivision."""
    return usc_citation(name) or bool(_SUBDIVISION.search(name))


def post(role_key: str, holder_of: str) -> str:
    """The post of a role in a body or jurisdiction, under that body's own path:
    mayor of place/us/ct/hartford -> ``post/us/ct/hartford/mayor``; director of
    org/office-of-justice-programs -> ``post/org/office-of-justice-programs/director``."""
    inside = holder_of.startswith(RESOURCE_BASE)
    local = holder_of[len(RESOURCE_BASE):] if inside else slug(holder_of)
    if local.startswith("place/"):
        local = local[len("place/"):]
    return resource("post", local, slug(role_key))


def role(role_key: str) -> str:
    """The role concept of a role-lexicon key ("attorney general" -> role:attorney_general);
    keys the scheme lacks fall back to role:official, "a public post of unknown kind"."""
    local = _NON_SLUG.sub("_", role_key.lower()).strip("_")
    return ROLE[local] if local in ROLE.terms else ROLE.official


def document(doc_id: str) -> str:
    """``document/<first 16 hex digits of the document id>`` (the id is a sha256)."""
    return resource("document", slug(doc_id)[:DOCUMENT_HASH_CHARS])


def fact(document_iri: str, kind: str, n: int | str) -> str:
    """A per-document node: ``<document>/event/3``, ``<document>/mention/12``."""
    return f"{document_iri}/{kind}/{n}"


def geonames(geonames_id: int) -> str:
    return GEONAMES.format(int(geonames_id))


def ocd_id(path: Sequence[str], types: Sequence[str]) -> str | None:
    """Open Civic Data division id of a US place path with the type of each level:
    (["us", "ct", "hartford"], ["country", "state", "city"]) ->
    ``ocd-division/country:us/state:ct/place:hartford``; None outside the US."""
    if not path or path[0] != "us":
        return None
    kinds = {"state": "state", "county": "county", "city": "place", "town": "place"}
    parts = [OCD_DIVISION.format("us")]
    for seg, typ in zip(path[1:], types[1:], strict=False):
        kind = kinds.get(typ)
        if kind is None:
            return None
        parts.append(f"{kind}:{seg.replace('-', '_')}")
    return "/".join(parts)
