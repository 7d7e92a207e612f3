"""Profiles of the hot paths, for when a target is missed.

    python -m benchmarks.profile extraction   # 200 synthetic articles, one process
    python -m benchmarks.profile gazetteer    # exact and fuzzy resolves
    python -m benchmarks.profile rerun        # filter + map build + serialisation, 10k claims

Each prints a pyinstrument call tree (wall clock, main thread) and writes it to
``benchmarks/out/profile-<what>.txt``. The dashboard's own script runs in a Streamlit thread;
sample it with py-spy instead, e.g.
``py-spy record -f raw -o out.txt -- python -c "<AppTest script>"`` (see README, Benchmarks).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks import corpus, gazetteer, rerun

OUT = Path(__file__).parent / "out"


def _extraction() -> Callable[[], object]:
    from claims import load_corpus
    from geo import load_gazetteer

    load_gazetteer()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="profile-", dir=OUT))
    paths, _ = corpus.write_corpus(folder, 200, corpus.gazetteer_places())
    load_corpus(paths[:5], workers=1)

    def work() -> object:
        try:
            return load_corpus(paths, workers=1)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return work


def _gazetteer() -> Callable[[], object]:
    from geo import load_gazetteer

    places = corpus.gazetteer_places()
    queries = [q for q, _ in gazetteer.exact_queries(places) + gazetteer.fuzzy_queries(places)]
    gaz = load_gazetteer()

    def work() -> object:
        return [gaz.resolve(q) for _ in range(50) for q in queries]

    return work


def _rerun() -> Callable[[], object]:
    claims = corpus.generate_claims(10000, corpus.gazetteer_places())
    state = rerun.typical_state(claims)
    rerun.rerun_steps(claims, state)

    def work() -> object:
        return [rerun.rerun_steps(claims, state) for _ in range(10)]

    return work


TARGETS = {"extraction": _extraction, "gazetteer": _gazetteer, "rerun": _rerun}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("what", choices=sorted(TARGETS))
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    work = TARGETS[args.what]()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    work()
    profiler.stop()
    text = profiler.output_text(color=False, show_all=False)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"profile-{args.what}.txt").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
