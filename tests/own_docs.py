"""Short documents written for these tests (never corpus text): two articles that share a person
and name two different "Trust Act"s, and one that names him by surname only."""

from __future__ import annotations

import json
from pathlib import Path

DOCS = {
    "ct": ("Sessions Criticizes Connecticut Over Its Trust Act", "2017-03-27",
           "Attorney General Jeff Sessions on Monday criticized the Connecticut Trust Act, which "
           "the state passed in 2013. Gov. Dannel Malloy said Connecticut complies with federal "
           "law.\n\n\u201cWe follow the law,\u201d Malloy said.\n"),
    "md": ("Maryland Lawmakers Weigh a Trust Act", "2017-03-28",
           "Attorney General Jeff Sessions warned Maryland not to pass the Maryland Trust Act. "
           "Maryland Gov. Larry Hogan said he would veto the bill.\n\n"
           "\u201cThis bill will not become law,\u201d Hogan said.\n"),
    "boston": ("Boston Keeps Its Policies", "2017-03-29",
               "Sessions spoke to reporters in Boston on Wednesday. Boston Mayor Martin Walsh said "
               "the city would not change its policies.\n"),
}


def write_docs(folder: Path, names: tuple[str, ...] = tuple(DOCS)) -> list[Path]:
    """Write the named documents (text + sidecar metadata) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        title, date, body = DOCS[name]
        path = folder / f"{name}.txt"
        path.write_text(f"{title}\n{date}\n\n{body}", encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps(
            {"title": title, "date": date, "publisher": "kb tests", "kind": "news"}))
        paths.append(path)
    return paths
