"""Load and query the same synthetic KB through kb, through the raw engine, and through rdflib.

Why three columns: the raw engine (the `oxigraph` CLI, pyoxigraph used directly) is the floor
kb's own code path must stay close to, and rdflib's engine on its default in-memory store is
what a Python user would otherwise reach for. The budgets are ratios measured in ONE run on the
same data (DESIGN.md, "Budgets"), because this 2-core VM drifts by +-25 % between runs:

- load:  `kb load` <= 1.2x `oxigraph load`; KnowledgeBase.load <= 1.2x pyoxigraph bulk_load
- query: kb <= 1.5x raw pyoxigraph on the same directory; rdflib >= 10x kb for the flagship
         join, the aggregation and the regex query; rdflib never faster than kb

Query latency is the median of the warm runs (2..N); the first run is shown in brackets. rdflib
runs in a child process that loads the graph once; each query gets a timeout (SIGALRM inside
the child, and a kill from here as a backstop), reported as ">60 s". It prints PASS/MISS per
budget and exits 0: a benchmark, not a test (CI never runs it).

    .venv/bin/python bench/store_bench.py                 # 1M triples, a few minutes
    .venv/bin/python bench/store_bench.py --triples 100000 --skip-rdflib
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import gen_kb  # noqa: E402 - bench/ is sys.path[0] when run as a script

from kb.vocab import PREFIXES  # noqa: E402

BIN = Path(sys.executable).parent
KB_CLI = BIN / "kb"
OXIGRAPH_CLI = BIN / "oxigraph"
FAST_RUNS = 201  # runs for queries under 5 ms


# --- the five query shapes ------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    name: str
    what: str
    sparql: str  # written against the project's prefixes, as users type it into `kb query`
    rdflib_budget: float  # rdflib must be at least this many times slower than kb


def shapes(meta: gen_kb.Meta) -> list[Shape]:
    name = gen_kb.lit(meta.probe_person_name)
    return [
        Shape("flagship", "who threatened which city over which law", """
SELECT ?agent ?agentName ?city ?cityName ?law ?lawName ?date ?source WHERE {
  ?event sem:eventType ?type .
  ?type skos:broader* kbe:threaten .
  ?event kb:agent ?agent ; kb:target ?city ; kb:aboutLaw ?law .
  ?agent a schema:Person ; schema:name ?agentName .
  ?city a schema:City ; schema:name ?cityName .
  ?law a schema:Legislation ; schema:name ?lawName .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event kb:evidence/oa:hasSource ?source }
}""", 10.0),
        Shape("point", "a person by name, with types and posts", f"""
SELECT ?person ?type ?post WHERE {{
  ?person schema:name {name} ; a ?type .
  OPTIONAL {{ ?person org:holds ?post }}
}}""", 1.0),
        Shape("aggregation", "most-mentioned officials (COUNT/GROUP BY)", """
SELECT ?person (COUNT(?doc) AS ?mentions) WHERE {
  ?doc schema:mentions ?person .
  ?person a schema:Person .
} GROUP BY ?person ORDER BY DESC(?mentions) ?person LIMIT 20""", 10.0),
        Shape("path", "every place in every state (containedInPlace+)", """
SELECT ?place ?state WHERE {
  ?place schema:containedInPlace+ ?state .
  ?state a schema:State .
}""", 1.0),
        Shape("regex", "quotations matching a regex, with speaker", f"""
SELECT ?quote ?speaker ?text WHERE {{
  ?quote a schema:Quotation ; schema:text ?text ; schema:creator ?p .
  ?p schema:name ?speaker .
  FILTER regex(?text, "{meta.regex}", "i")
}}""", 10.0),
    ]


def prefix_header() -> str:
    """The PREFIX lines kb predeclares, for engines that do not (raw pyoxigraph, rdflib)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# --- timing helpers ---------------------------------------------------------------------------


@dataclass
class Timing:
    runs: list[float] = field(default_factory=list)  # seconds
    rows: int | None = None
    timeout: float | None = None  # set when a run hit it

    @property
    def warm(self) -> float | None:
        if self.timeout is not None:
            return None
        ws = self.runs[1:] or self.runs
        return statistics.median(ws) if ws else None


def run_cmd(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Wall-clock seconds of a child process; fails loudly if it fails."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed


def child(mode: str, *args: str) -> dict:
    """Run this script in a fresh interpreter in `mode`; it prints one JSON line."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"child {mode} failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- children: in-process loads (fresh interpreter each, like the CLIs) -------------------------


def child_load_api(store_dir: str, nt: str) -> dict:
    from kb.api import KnowledgeBase

    t = time.perf_counter()
    kb = KnowledgeBase.open(store_dir, create=True)
    added = kb.load([nt])
    kb.close()
    return {"seconds": time.perf_counter() - t, "added": added}


def child_load_pyox(store_dir: str, nt: str) -> dict:
    import pyoxigraph as ox

    t = time.perf_counter()
    store = ox.Store(store_dir)
    store.bulk_load(path=nt, format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    gc.collect()
    return {"seconds": time.perf_counter() - t}


def child_rdflib(nt: str) -> None:
    """Load `nt` into rdflib's default in-memory Graph, then answer query requests from stdin.

    Protocol (JSON lines): we print {"load": s, "rss_mb": m}; then for each request
    {"sparql", "runs", "timeout"} we print {"runs": [...], "rows": n, "timeout": bool}.
    """
    import resource

    import rdflib

    t = time.perf_counter()
    g = rdflib.Graph()
    g.parse(nt, format="nt")
    load = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": load, "rss_mb": rss, "triples": len(g)}), flush=True)

    class Timeout(Exception):
        pass

    def on_alarm(signum, frame):  # noqa: ANN001, ARG001
        raise Timeout

    signal.signal(signal.SIGALRM, on_alarm)
    for line in sys.stdin:
        req = json.loads(line)
        runs: list[float] = []
        rows, timed_out = None, False
        spent = 0.0
        for _ in range(req["runs"]):
            signal.setitimer(signal.ITIMER_REAL, req["timeout"])
            t = time.perf_counter()
            try:
                rows = len([tuple(r) for r in g.query(req["sparql"])])
            except Timeout:
                timed_out = True
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            runs.append(time.perf_counter() - t)
            spent += runs[-1]
            if spent > 2 * req["timeout"]:  # slow but finishing: enough runs for a median
                break
        print(json.dumps({"runs": runs, "rows": rows, "timeout": timed_out}), flush=True)


class RdflibChild:
    """The rdflib child process, restarted if it has to be killed."""

    def __init__(self, nt: Path) -> None:
        self.nt = nt
        self.proc: subprocess.Popen | None = None
        self.loads: list[dict] = []

    def start(self) -> dict:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", "rdflib", str(self.nt)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        info = json.loads(self._readline(None))
        self.loads.append(info)
        return info

    def _readline(self, deadline: float | None) -> str:
        assert self.proc and self.proc.stdout
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([self.proc.stdout], [], [], wait)
        if not ready:
            raise TimeoutError
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"rdflib child exited ({self.proc.wait()})")
        return line

    def query(self, sparql: str, runs: int, timeout: float) -> Timing:
        if self.proc is None:
            self.start()
        assert self.proc and self.proc.stdin
        request = {"sparql": sparql, "runs": runs, "timeout": timeout}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        try:
            reply = json.loads(self._readline(time.monotonic() + timeout * (runs + 2) + 30))
        except TimeoutError:  # the alarm did not fire (stuck in C code): kill and move on
            self.stop()
            return Timing(timeout=timeout)
        return Timing(reply["runs"], reply["rows"], timeout if reply["timeout"] else None)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


# --- the benchmark ------------------------------------------------------------------------------


def measure_loads(nt: Path, work: Path, rounds: int) -> dict[str, list[float]]:
    """Each loader into a fresh directory, round-robin so drift hits all of them alike."""
    env = dict(os.environ)
    env.pop("KB_STORE", None)
    loaders = {
        "kb load (CLI)": lambda d: run_cmd([str(KB_CLI), "load", str(nt), "--store", str(d)], env),
        "oxigraph load (CLI)": lambda d: run_cmd(
            [str(OXIGRAPH_CLI), "load", "--location", str(d / "oxigraph"), "--file", str(nt)]
        ),
        "KnowledgeBase.load": lambda d: child("load-api", str(d), str(nt))["seconds"],
        "pyoxigraph bulk_load": lambda d: child(
            "load-pyox", str(d / "oxigraph"), str(nt)
        )["seconds"],
    }
    times: dict[str, list[float]] = {k: [] for k in loaders}
    names = list(loaders)
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            d = work / f"load-{names.index(name)}"
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
            times[name].append(loaders[name](d))
            print(f"  load round {r + 1}: {name}: {times[name][-1]:.2f} s", file=sys.stderr)
    return times


def check_layout(db_path: Path, triples: int) -> str:
    """The file must land in the default graph, not in a blank-node or named graph."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(db_path))
    named = list(store.named_graphs())
    in_default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    total = len(store)
    del store
    gc.collect()
    ok = not named and in_default == total == triples
    return (f"{'OK' if ok else 'WRONG'}: {in_default:,} quads in the default graph, "
            f"{len(named)} named/blank-node graph(s), {total:,} quads in all")


def measure_queries(
    store_dir: Path, nt: Path, qs: list[Shape], runs: int
) -> tuple[dict[str, dict[str, Timing]], float]:
    """kb (KnowledgeBase.query, union default graph) and raw pyoxigraph on the same directory,
    run alternately so both see the same caches and the same drift; plus, for reference only,
    pyoxigraph's in-memory store (how much of a gap is the disk, not kb)."""
    import pyoxigraph as ox

    from kb.api import KnowledgeBase

    kb = KnowledgeBase.open(store_dir)
    kb_mem = KnowledgeBase.open(store_dir, in_memory=True)
    t = time.perf_counter()
    kb_mem.query("ASK {}")  # makes the private in-memory copy
    print(f"  kb --in-memory copy made in {time.perf_counter() - t:.2f} s", file=sys.stderr)
    raw = ox.Store.read_only(str(kb.store.db_path))  # type: ignore[attr-defined]
    t = time.perf_counter()
    mem = ox.Store()
    mem.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    mem_load = time.perf_counter() - t
    header = prefix_header()

    def raw_run(store: ox.Store, sparql: str, union: bool) -> int:
        answer = store.query(header + sparql, use_default_graph_as_union=union)
        return len([tuple(s) for s in answer])

    engines = {
        "kb": lambda q: len(kb.query(q)),
        "raw": lambda q: raw_run(raw, q, True),
        "raw_std": lambda q: raw_run(raw, q, False),
        "mem": lambda q: raw_run(mem, q, True),
        "kb_mem": lambda q: len(kb_mem.query(q)),
    }
    out: dict[str, dict[str, Timing]] = {}
    for shape in qs:
        res = {k: Timing() for k in engines}
        names = list(engines)
        # Sub-millisecond queries get more runs: with 5 samples the median of a 0.1 ms query
        # is mostly scheduler noise on this shared 2-core VM.
        t = time.perf_counter()
        engines["kb"](shape.sparql)
        n_runs = runs if time.perf_counter() - t > 0.005 else max(runs, FAST_RUNS)
        for i in range(n_runs):
            for name in names[i % len(names):] + names[: i % len(names)]:
                t = time.perf_counter()
                rows = engines[name](shape.sparql)
                res[name].runs.append(time.perf_counter() - t)
                res[name].rows = rows
        out[shape.name] = res
        print(f"  {shape.name}: " + ", ".join(f"{k} {fmt_ms(v.warm)}" for k, v in res.items()),
              file=sys.stderr)
    kb.close()
    kb_mem.close()
    return out, mem_load


def fmt_ms(seconds: float | None, timeout: float | None = None) -> str:
    if seconds is None:
        return f">{timeout:g} s" if timeout else "-"
    ms = seconds * 1000
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}" if ms >= 1 else f"{ms:.2f}"


def loadavg_1min() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**MISS**"


def versions() -> dict[str, str]:
    import pyoxigraph
    import rdflib

    cli = subprocess.run([str(OXIGRAPH_CLI), "--version"], capture_output=True, text=True).stdout
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "oxigraph CLI": cli.strip().split()[-1] if cli else "?",
        "rdflib": rdflib.__version__,
        "kb commit": commit or "?",
    }


def report(args, nt: Path, meta: gen_kb.Meta, loads, layout, queries, rdflib_res,
           rdflib_load, qs: list[Shape], mem_load: float, loadavg: list[str]) -> str:
    lines: list[str] = []
    v = versions()
    lines.append(f"Run {v['date']} on {v['machine']}; Python {v['python']}, pyoxigraph "
                 f"{v['pyoxigraph']}, oxigraph CLI {v['oxigraph CLI']}, rdflib {v['rdflib']}, "
                 f"kb {v['kb commit']}.")
    counts = ", ".join(f"{k} {n:,}" for k, n in meta.counts.items())
    lines.append(f"Data: `{nt.name}` ({nt.stat().st_size / 1e6:.0f} MB, {meta.triples:,} triples, "
                 f"seed {meta.seed}): {counts}.")
    lines.append(f"On-disk layout after `kb load`: {layout}.")
    lines.append(f"Load average (1 min) at start / after kb+raw / at end: {' / '.join(loadavg)} "
                 "(other work on the machine adds noise; ratios are measured interleaved).")
    lines.append("")
    lines.append(f"**Load** (median of {args.load_runs}, fresh directory each; s)")
    lines.append("")
    lines.append("| loader | median s | runs | vs floor (median) | budget | vs floor (best run) |")
    lines.append("|---|---|---|---|---|---|")
    med = {k: statistics.median(t) for k, t in loads.items()}
    best = {k: min(t) for k, t in loads.items()}
    pairs = {"kb load (CLI)": "oxigraph load (CLI)", "KnowledgeBase.load": "pyoxigraph bulk_load"}
    for name, ts in loads.items():
        runs = ", ".join(f"{t:.2f}" for t in ts)
        if name in pairs:
            ratio = med[name] / med[pairs[name]]
            cell, budget = f"{ratio:.2f}x `{pairs[name]}`", f"<= 1.2: {verdict(ratio <= 1.2)}"
            low = f"{best[name] / best[pairs[name]]:.2f}x"
        else:
            cell, budget, low = "floor", "", ""
        lines.append(f"| `{name}` | {med[name]:.2f} | {runs} | {cell} | {budget} | {low} |")
    if rdflib_load:
        lines.append("| rdflib `Graph().parse(format=\"nt\")` (memory) | "
                     f"{rdflib_load['load']:.2f} | 1 "
                     f"| {rdflib_load['load'] / med['pyoxigraph bulk_load']:.1f}x bulk_load | "
                     f"(peak RSS {rdflib_load['rss_mb']:,.0f} MB) | |")
    lines.append("| pyoxigraph `Store().bulk_load` (memory, reference) | "
                 f"{mem_load:.2f} | 1 | | | |")
    lines.append("")
    lines.append(f"**Queries** (ms; median of warm runs 2..{args.runs} (2..{FAST_RUNS} for "
                 "queries under 5 ms), first run in brackets; "
                 "kb = `KnowledgeBase.query` on the on-disk store, union default graph; raw = "
                 "pyoxigraph `Store.read_only` on the same directory, union default graph; raw std "
                 "= the same without union; mem = pyoxigraph in-memory store (floor of kb mem); "
                 "kb mem = `KnowledgeBase.open(dir, in_memory=True)` (`kb shell --in-memory`), "
                 "queries answered from its private in-memory copy; "
                 "rdflib = its engine on the in-memory Graph, "
                 f"timeout {args.timeout:g} s)")
    lines.append("")
    lines.append("| query | rows | kb | raw | raw std | mem | rdflib | kb/raw (<= 1.5) "
                 "| kb/raw std | rdflib/kb | rdflib budget | kb mem | kb mem/mem (<= 1.5) "
                 "| rdflib/kb mem |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for shape in qs:
        r = queries[shape.name]
        kb_t, raw_t, std_t, mem_t = r["kb"], r["raw"], r["raw_std"], r["mem"]
        ratio = kb_t.warm / raw_t.warm
        cells = [f"{fmt_ms(t.warm)} [{fmt_ms(t.runs[0])}]" for t in (kb_t, raw_t, std_t, mem_t)]
        rows = f"{kb_t.rows:,}"
        if {raw_t.rows, std_t.rows, mem_t.rows} != {kb_t.rows}:
            rows += f" (raw {raw_t.rows}, std {std_t.rows}, mem {mem_t.rows})"
        rd_cell, rd_ratio, rd_budget = "skipped", "", ""
        if rdflib_res is not None:
            rt = rdflib_res[shape.name]
            if rt.timeout is not None:
                rd_cell = f">{rt.timeout:g} s"
                lower = rt.timeout / kb_t.warm
                rd_ratio = f">= {lower:,.0f}x"
                ok = lower >= shape.rdflib_budget
            else:
                first = f" [{fmt_ms(rt.runs[0])}]" if len(rt.runs) > 1 else " (1 run)"
                rd_cell = f"{fmt_ms(rt.warm)}{first}"
                rdr = rt.warm / kb_t.warm
                rd_ratio = f"{rdr:,.1f}x"
                ok = rdr >= shape.rdflib_budget
                if rt.rows != kb_t.rows:
                    rows += f" (rdflib {rt.rows:,})"
            rd_budget = f">= {shape.rdflib_budget:g}: {verdict(ok)}"
        km = r["kb_mem"]
        km_ratio = km.warm / mem_t.warm
        rd_mem = ""
        if rdflib_res is not None:
            rt = rdflib_res[shape.name]
            if rt.timeout is not None:
                low = rt.timeout / km.warm
                rd_mem = f">= {low:,.0f}x {verdict(low >= shape.rdflib_budget)}"
            else:
                rdm = rt.warm / km.warm
                rd_mem = f"{rdm:,.1f}x {verdict(rdm >= shape.rdflib_budget)}"
        lines.append(f"| {shape.name}: {shape.what} | {rows} | {' | '.join(cells)} | {rd_cell} "
                     f"| {ratio:.2f} {verdict(ratio <= 1.5)} | {kb_t.warm / std_t.warm:.2f} "
                     f"| {rd_ratio} | {rd_budget} | {fmt_ms(km.warm)} "
                     f"| {km_ratio:.2f} {verdict(km_ratio <= 1.5)} | {rd_mem} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic KB")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=6, help="runs per query (the first is cold)")
    ap.add_argument("--load-runs", type=int, default=3, help="rounds of the four loaders")
    ap.add_argument("--timeout", type=float, default=60.0, help="per rdflib query run, seconds")
    ap.add_argument("--skip-rdflib", action="store_true", help="leave out rdflib (saves minutes)")
    ap.add_argument("--markdown", type=Path, help="also write the tables to this file")
    ap.add_argument("--keep", action="store_true", help="keep the stores under bench/out/")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        mode, *rest = args.child
        if mode == "rdflib":
            child_rdflib(*rest)
        else:
            fn = {"load-api": child_load_api, "load-pyox": child_load_pyox}[mode]
            print(json.dumps(fn(*rest)))
        return 0

    t0 = time.perf_counter()
    loadavg = [loadavg_1min()]
    print(f"generating / reusing {args.triples:,} triples ...", file=sys.stderr)
    nt, meta = gen_kb.ensure(args.triples, args.seed)
    work = gen_kb.OUT / f"stores-{os.getpid()}"
    qs = shapes(meta)
    try:
        print("loading ...", file=sys.stderr)
        loads = measure_loads(nt, work, args.load_runs)
        kb_dir = work / "load-0"  # the store `kb load` made
        layout = check_layout(kb_dir / "oxigraph", meta.triples)
        for i in range(1, 4):  # the other loaders' stores are not queried: free the disk
            shutil.rmtree(work / f"load-{i}", ignore_errors=True)
        print(f"layout: {layout}\nquerying kb and raw ...", file=sys.stderr)
        queries, mem_load = measure_queries(kb_dir, nt, qs, args.runs)
        loadavg.append(loadavg_1min())
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    rdflib_res, rdflib_load = None, None
    if not args.skip_rdflib:
        print("rdflib: loading into Graph() ...", file=sys.stderr)
        rd = RdflibChild(nt)
        try:
            rdflib_load = rd.start()
            print(f"  rdflib load {rdflib_load['load']:.1f} s", file=sys.stderr)
            header = prefix_header()
            rdflib_res = {}
            for shape in qs:
                rdflib_res[shape.name] = rd.query(header + shape.sparql, args.runs, args.timeout)
                t = rdflib_res[shape.name]
                print(f"  rdflib {shape.name}: {fmt_ms(t.warm, t.timeout)}", file=sys.stderr)
        finally:
            rd.stop()

    loadavg.append(loadavg_1min())
    text = report(args, nt, meta, loads, layout, queries, rdflib_res, rdflib_load, qs, mem_load,
                  loadavg)
    print(text)
    print(f"\n(total {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    if args.markdown:
        args.markdown.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
