"""The core runs without the UI: nothing outside givedesk/tui may import Textual."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import PYTHON, subprocess_env

PACKAGE = Path(__file__).resolve().parents[2] / "givedesk"

BLOCK_TEXTUAL = """
import importlib, pkgutil, sys

class BlockTextual:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError(f"the core imported {name}")
        return None

sys.meta_path.insert(0, BlockTextual())
import givedesk
for module in pkgutil.walk_packages(givedesk.__path__, "givedesk."):
    if module.name.startswith("givedesk.tui"):
        continue
    importlib.import_module(module.name)
print("ok")
"""


def test_core_modules_import_without_textual() -> None:
    result = subprocess.run([PYTHON, "-c", BLOCK_TEXTUAL], capture_output=True, text=True,
                            env=subprocess_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_only_the_tui_package_mentions_textual() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts
        and ("import textual" in path.read_text() or "from textual" in path.read_text())
    ]
    assert offenders == []
