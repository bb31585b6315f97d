"""Extraction quality as users see it: ../shared/eval/score.py run through `kb facts` (the graph
is what is measured) on the seed article and the dev corpus.

ISSUE_TARGETS are the issues' bounds (3, then 9 and 10 over the grown dev corpus). Where the
extractor has not reached a target yet, the floor is the value it achieves today (FLOORS,
measured through `kb facts`), so any regression fails while the gap stays visible here; raise a
floor as extraction improves and delete it when it reaches its target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORE = SHARED / "eval" / "score.py"

ISSUE_TARGETS = {
    "seed": {"overall": 0.90, "events": 0.85},
    # issue 9 (over all 20 dev documents) and issue 10 (grants)
    "dev": {"overall": 0.88, "officials": 0.85, "jurisdictions": 0.85, "statements": 0.90,
            "events": 0.70, "event_laws": 0.50, "laws": 0.80, "grants": 0.85},
}
# Targets not reached yet through `kb facts`, with the floor at the value reached minus 0.01 so
# a regression fails while the gap stays visible. Empty: on 2026-12-04 dev (20 documents)
# reached every target (overall 0.921, events 0.731); test_extraction.py holds tighter floors.
FLOORS: dict[str, dict[str, float]] = {}

def score(corpus: str) -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(
        [sys.executable, str(SCORE), "--corpus", str(SHARED / "corpus" / corpus),
         "--cmd", "kb facts {doc} --format json", "--json"],
        capture_output=True, text=True, env=env, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "score.py:" not in proc.stderr, proc.stderr  # a document whose kb facts failed
    return json.loads(proc.stdout)["total"]


@pytest.mark.parametrize("corpus", ["seed", "dev"])
def test_quality_through_kb_facts(corpus):
    total = score(corpus)
    print(json.dumps({k: v.get("f") for k, v in total.items()}))
    for category, target in ISSUE_TARGETS[corpus].items():
        bound = min(target, FLOORS.get(corpus, {}).get(category, target))
        assert total[category]["f"] >= bound, (corpus, category, total[category]["f"], bound)
