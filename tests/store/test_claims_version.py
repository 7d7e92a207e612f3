"""The extractor version changes when what extraction reads changes, and only then."""

from __future__ import annotations

import shutil

from claims import version


def test_version_is_package_version_plus_data_hash():
    v = version.EXTRACTOR_VERSION
    assert v == version.extractor_version()
    assert v.startswith(version.package_version() + "+") and len(v.split("+")[1]) == 12


def test_hash_follows_rules_data_and_code(tmp_path):
    files = version._inputs()
    names = {f.name for f in files}
    assert {"extract.py", "gazetteer.csv", "panjshir-2021.toml"} <= names
    assert not names & {"cli.py", "export.py", "version.py"}
    assert not any("ui" in f.relative_to(f.parents[1]).parts[:-1] for f in files)
    copies = []
    for f in files:
        target = tmp_path / f.parent.name / f.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(f, target)
        copies.append(target)
    before = version.data_hash(copies)
    assert before == version.data_hash(files)
    rules = next(c for c in copies if c.name == "panjshir-2021.toml")
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# one more descriptor\n")
    assert version.data_hash(copies) != before


def test_profile_version_names_the_profile():
    assert version.profile_version().startswith("panjshir-2021@")
