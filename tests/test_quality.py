"""Extraction quality as users see it: ../shared/eval/score.py run through `kb facts` (the graph
is what is measured) on the seed article and the dev corpus.

ISSUE_TARGETS are issue 3's bounds. Where the extractor has not reached a target yet, the floor
is the value it achieves today (FLOORS, measured through `kb facts` when this test was written),
so any regression fails while the gap stays visible here; raise a floor as extraction improves
and delete it when it reaches its target.
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
    "dev": {"overall": 0.80, "officials": 0.85, "jurisdictions": 0.85, "statements": 0.85,
            "events": 0.60, "event_laws": 0.50},
}
# Every target is met through `kb facts` (seed 0.969 overall, 1.0 events; dev 0.894 overall,
# statements 0.903, events 0.739, event_laws 0.642), so the targets themselves are asserted;
# put a corpus/category here only if a target is ever out of reach again.
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
