"""Run the extraction engine straight on a corpus directory and print score.py's table.

    python bench/score_extraction.py ../shared/corpus/dev [--show] [--out DIR]

A development harness: it reads NAME.txt (+ NAME.json metadata when present), parses each text
once, extracts, renders the facts JSON with kb.facts.to_schema_json and scores it against
NAME.gold.json. It also prints the time spent in spaCy and in extraction.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def read_document(txt: Path):
    """A Document from NAME.txt and its NAME.json metadata (when there is one)."""
    from kb.facts import Document

    text = txt.read_text(encoding="utf-8")
    meta_path = txt.with_suffix(".json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return Document(id=txt.name, text=text, title=meta.get("title"), date=meta.get("date"),
                    url=meta.get("url_or_origin"), source=str(txt),
                    publisher=meta.get("publisher"), author=meta.get("author"))


def run(corpus: Path, out: Path) -> tuple[float, float, int]:
    """Extract every document of ``corpus`` into ``out``; return (parse s, extract s, tokens)."""
    from ingest.extract import extract
    from ingest.nlp import load_nlp
    from kb.facts import to_schema_json

    nlp = load_nlp()
    parse_s = extract_s = 0.0
    tokens = 0
    for txt in sorted(corpus.glob("*.txt")):
        document = read_document(txt)
        t0 = time.perf_counter()
        doc = nlp(document.text)
        t1 = time.perf_counter()
        facts = extract(document, doc)
        data = to_schema_json(facts)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        extract_s += t2 - t1
        tokens += len(doc)
        (out / f"{txt.stem}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    return parse_s, extract_s, tokens


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from ingest.extract.organizations import org_gazetteer
    from ingest.gazetteer import gazetteer
    from ingest.nlp import load_nlp

    # one-off loads (model, GeoNames index) are per process, not per document: keep them out
    t0 = time.perf_counter()
    load_nlp(), gazetteer(), org_gazetteer()
    print(f"model + gazetteers loaded in {time.perf_counter() - t0:.2f} s")
    out = args.out or Path(tempfile.mkdtemp(prefix="kb-extract-"))
    out.mkdir(parents=True, exist_ok=True)
    parse_s, extract_s, tokens = run(args.corpus, out)
    scorer = load_scorer()
    cli = ["--corpus", str(args.corpus), "--pred-dir", str(out)] + (["--show"] if args.show else [])
    code = scorer.main(cli)
    print(f"tokens {tokens}; spaCy parse {parse_s:.2f} s; extraction {extract_s:.2f} s "
          f"({100 * extract_s / parse_s:.0f}% of parse); predictions in {out}")
    return code


if __name__ == "__main__":
    sys.exit(main())
