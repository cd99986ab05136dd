"""The wheel holds every file of the package.

An editable install reads data files from the source tree, so a file missing from
`[tool.setuptools.package-data]` passed every test and broke `pip install .` (the
matching lexicon). This builds the real wheel, offline, and compares it with the tree.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "givedesk"
# What a build makes or leaves behind in the tree and that no wheel should carry.
NOT_SHIPPED = {"__pycache__", ".mypy_cache", ".pytest_cache"}


def _source_files() -> set[str]:
    return {
        path.relative_to(REPO_ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and not NOT_SHIPPED.intersection(path.relative_to(PACKAGE).parts)
        and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of the tree, so the build's own folders (build/, *.egg-info) never land in the clone.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        (source / name).write_bytes((REPO_ROOT / name).read_bytes())
    for relative in _source_files():
        target = source / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPO_ROOT / relative).read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("givedesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if name.startswith("givedesk/")}


def test_every_file_of_the_package_is_in_the_wheel(wheel_files: set[str]) -> None:
    missing = sorted(_source_files() - wheel_files)
    assert not missing, f"not in the wheel (add them to [tool.setuptools.package-data]): {missing}"


def test_the_data_files_the_code_opens_are_among_them(wheel_files: set[str]) -> None:
    # The files whose absence broke an installed desk before; the tree comparison above
    # covers new ones, these say the comparison itself saw data files at all.
    for name in ("givedesk/matching/lexicon.toml", "givedesk/tui/app.tcss", "givedesk/demo/contacts.json"):
        assert name in wheel_files
