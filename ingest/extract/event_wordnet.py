"""Build ingest/data/event_lexicon.tsv, the generated part of the event trigger table, from
WordNet 3.0 (Princeton's database files, e.g. Debian's ``wordnet-base`` package).

    python -m ingest.extract.event_wordnet [--wordnet /usr/share/wordnet]

Each event class of ingest/data/event_classes.tsv names seed senses ("criticize.v.1": the
first sense of the verb) with the event type and CAMEO code they report. A class holds its
seeds, their troponyms/hyponyms down to a small depth, and the nouns WordNet derives from those
verbs ("veto" -> "veto", "indict" -> "indictment"); a phrasal verb ("call_for", "lash_out")
when its second word is a particle. A word joins a class only through one of its
two most frequent senses (a seed's own word always: "support.v.3" is chosen for "support"),
so rare senses ("strike" as a court act) do not bring in common words; a word in several
classes stays in the one it reaches through its most frequent sense.
Run at build time only: extraction reads the generated table, never WordNet.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

POS = {"v": "verb", "n": "noun"}
# a phrasal verb ("call_for", "lash_out", "set_up") joins a class when its second word is one
# of these particles; the trigger table then needs the particle beside the verb in the text
PARTICLES = {"for", "on", "out", "up", "down", "back", "off", "into", "apart", "against", "at"}
MAX_RANK = 2  # a word's sense must be among its two most frequent to join a class
# an event noun names an act or a communication ("veto", "indictment", "criticism"), in its
# most frequent sense; derived nouns for the doer ("critic") or the place ("jail") are not events
NOUN_LEXNAMES = {4, 10}  # noun.act, noun.communication


@dataclass
class Synset:
    offset: str
    pos: str
    lexname: int
    words: list[str]
    pointers: list[tuple[str, str, str]] = field(default_factory=list)  # (symbol, offset, pos)


class WordNet:
    """The few parts of the WordNet database the lexicon needs: synsets by offset, a lemma's
    senses in frequency order, hyponym and derivation pointers."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.synsets: dict[tuple[str, str], Synset] = {}
        self.index: dict[tuple[str, str], list[str]] = {}
        for pos in POS:
            self._read_data(pos)
            self._read_index(pos)

    def _read_data(self, pos: str) -> None:
        for line in (self.root / f"data.{POS[pos]}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # licence header
            f = line.split(" | ")[0].split()
            offset, lexname, n = f[0], int(f[1]), int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(n)]
            i = 4 + 2 * n
            p = int(f[i])
            ptrs = [(f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 3 + 4 * k]) for k in range(p)]
            self.synsets[(pos, offset)] = Synset(offset, pos, lexname,
                                                 [w.split("(")[0] for w in words], ptrs)

    def _read_index(self, pos: str) -> None:
        for line in (self.root / f"index.{POS[pos]}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            n_senses, n_ptr = int(f[2]), int(f[3])
            self.index[(f[0], pos)] = f[4 + n_ptr + 2:4 + n_ptr + 2 + n_senses]

    def sense(self, ref: str) -> Synset:
        """"criticize.v.1" -> the first (most frequent) verb sense of "criticize"."""
        lemma, pos, n = ref.rsplit(".", 2)
        return self.synsets[(pos, self.index[(lemma, pos)][int(n) - 1])]

    def rank(self, lemma: str, synset: Synset) -> int:
        """1 for a word's most frequent sense, 2 for the next...; 99 when not a sense of it."""
        offsets = self.index.get((lemma, synset.pos), [])
        return offsets.index(synset.offset) + 1 if synset.offset in offsets else 99

    def hyponyms(self, synset: Synset, depth: int) -> list[Synset]:
        out, layer = [synset], [synset]
        for _ in range(depth):
            layer = [self.synsets[(p, o)] for s in layer for sym, o, p in s.pointers
                     if sym == "~"]
            out += layer
        return out

    def derived_nouns(self, synset: Synset) -> list[Synset]:
        nouns = [self.synsets[(p, o)] for sym, o, p in synset.pointers if sym == "+" and p == "n"]
        return [n for n in nouns if n.lexname in NOUN_LEXNAMES]


def classes() -> list[list[str]]:
    """Rows of event_classes.tsv: class, type, cameo, depth, seed senses (comma-separated);
    the row of class "exclude" lists words no class takes ("order/n": only the noun)."""
    text = resources.files("ingest").joinpath("data", "event_classes.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def usable(word: str, pos: str) -> bool:
    """A single word, or a verb with one particle ("call_for"); not "take_exception"."""
    head, _, particle = word.partition("_")
    if not particle:
        return word.isalpha()
    return pos == "v" and head.isalpha() and particle in PARTICLES


def build(wn: WordNet) -> dict[tuple[str, str], tuple]:
    """(lemma, pos) -> (type, cameo, class, rank, seed) for every word the classes reach."""
    best: dict[tuple[str, str], tuple] = {}
    rows = classes()
    excluded = {w for row in rows if row[0] == "exclude" for w in row[4].split(",")}
    for name, typ, cameo, depth, seeds in rows:
        if name == "exclude":
            continue
        for seed in seeds.split(","):
            root = wn.sense(seed.strip())
            for syn in wn.hyponyms(root, int(depth)):
                found = [(syn, w) for w in syn.words] if syn.pos == "v" or \
                    syn.lexname in NOUN_LEXNAMES else []
                if syn.pos == "v":
                    found += [(n, w) for n in wn.derived_nouns(syn) for w in n.words]
                for s, word in found:
                    if not usable(word, s.pos) or word in excluded or \
                            f"{word}/{s.pos}" in excluded:
                        continue
                    rank = wn.rank(word, s)
                    if s is root and word == seed.split(".")[0]:
                        rank = 1  # the seed sense names its own word deliberately
                    if rank > (MAX_RANK if s.pos == "v" else 1):
                        continue
                    key = (word, s.pos)
                    if key not in best or rank < best[key][3]:
                        best[key] = (typ, cameo, name, rank, seed.strip())
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path,
                    default=Path(str(resources.files("ingest").joinpath("data",
                                                                        "event_lexicon.tsv"))))
    args = ap.parse_args(argv)
    if not (args.wordnet / "data.verb").exists():
        raise SystemExit(f"no WordNet 3.0 database in {args.wordnet}: install Debian's "
                         "wordnet-base (apt-get install wordnet-base) or pass --wordnet DIR")
    table = build(WordNet(args.wordnet))
    lines = ["# Generated by `python -m ingest.extract.event_wordnet` from WordNet 3.0 and",
             "# ingest/data/event_classes.tsv: do not edit; change the classes and regenerate.",
             "# lemma\tpos\ttype\tcameo\tclass\tsense"]
    for (word, pos), (typ, cameo, name, _rank, seed) in sorted(table.items()):
        lines.append("\t".join((word, pos, typ, cameo, name, seed)))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
