"""Start-up times as users feel them: `kb --help`, `kb query`, and `kb shell` to its prompt.

    .venv/bin/python bench/startup_bench.py [--runs 7]

Budgets (DESIGN.md): `kb --help` under 0.3 s, `kb shell` to a visible prompt under 0.5 s.
Each figure is the median wall time of whole processes after one warm-up run; the load
average is printed because a busy 2-core machine stretches every wall time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

KB = str(Path(sys.executable).with_name("kb"))


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def shell_to_prompt(env: dict[str, str]) -> float:
    started = time.perf_counter()
    child = pexpect.spawn(KB, ["shell"], env=env, encoding="utf-8", timeout=30)
    child.expect_exact("kb>")  # the prompt is drawn with escape codes between "kb>" and " "
    elapsed = time.perf_counter() - started
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    return elapsed


def median_of(runs: int, fn) -> float:  # noqa: ANN001
    fn()  # warm-up: page cache, bytecode
    return statistics.median(fn() for _ in range(runs))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-startup-") as tmp:
        env = dict(os.environ, KB_STORE=str(Path(tmp) / "store"), XDG_DATA_HOME=tmp)
        # Users' Pythons cache bytecode; a sandbox that sets PYTHONDONTWRITEBYTECODE would
        # otherwise measure compiling kb's own modules on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        data = Path(tmp) / "one.nt"
        data.write_text('<http://example.org/a> <https://schema.org/name> "A" .\n')
        subprocess.run([KB, "load", str(data)], env=env, check=True, capture_output=True)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus, {args.runs} runs")
        help_s = median_of(args.runs, lambda: timed([KB, "--help"], env))
        print(f"kb --help:              {help_s:5.2f} s   budget 0.3 s  {verdict(help_s < 0.3)}")
        query_s = median_of(args.runs, lambda: timed([KB, "query", "ASK {}"], env))
        print(f"kb query 'ASK {{}}':      {query_s:5.2f} s   (not budgeted)")
        shell_s = median_of(args.runs, lambda: shell_to_prompt(env))
        print(f"kb shell to 'kb> ':     {shell_s:5.2f} s   budget 0.5 s  {verdict(shell_s < 0.5)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
