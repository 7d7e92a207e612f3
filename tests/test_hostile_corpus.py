"""The hostile payload corpus is complete and matches its generator (no stale files)."""

from __future__ import annotations

import json

import yaml
from hostile import make_xss_corpus
from hostile.payloads import PAYLOADS, SLOTS

XSS_DIR = make_xss_corpus.XSS_DIR


def test_corpus_files_match_the_generator():
    files, manifest = make_xss_corpus.build()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in XSS_DIR.glob("xss_*.md")}
    assert on_disk == files, "run: python tests/hostile/make_xss_corpus.py"
    assert (XSS_DIR / "manifest.json").read_text(encoding="utf-8") == (
        make_xss_corpus.manifest_text(manifest)
    )


def test_corpus_covers_every_family_and_slot():
    assert len(PAYLOADS) >= 30
    assert len({p.id for p in PAYLOADS}) == len(PAYLOADS)
    assert {p.slot for p in PAYLOADS} == set(SLOTS)
    assert {p.family for p in PAYLOADS} >= {"html", "url", "jinja", "csv", "client-template"}


def test_every_payload_is_planted_verbatim():
    manifest = json.loads((XSS_DIR / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["payloads"]:
        if entry["slot"] == "filename":
            continue
        text = (XSS_DIR / entry["file"]).read_text(encoding="utf-8")
        if entry["slot"] in make_xss_corpus.FRONT_SLOTS:
            front = yaml.safe_load(text.split("---\n")[1])
            assert front[entry["slot"]] == entry["text"], entry
        else:
            assert entry["text"] in text, entry
