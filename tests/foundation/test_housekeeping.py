"""`--demo` cleans up after itself; `export` never replaces a file unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from givedesk.cli import main


def test_the_demo_folder_is_removed_when_the_demo_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Path] = []

    def fake_run_app(home: Path) -> None:
        assert (home / "desk.json").exists() or any(home.rglob("desk.json"))
        seen.append(home)

    monkeypatch.setattr("givedesk.tui.run_app", fake_run_app)
    with pytest.raises(SystemExit) as exited:
        main(["--demo"])
    assert exited.value.code == 0
    assert len(seen) == 1 and seen[0].name.startswith("givedesk-demo-")
    assert not seen[0].exists()


def test_export_refuses_an_existing_file_without_force(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "backup.json"
    target.write_text("keep me", "utf-8")
    refused = run_cli("export", str(target))
    assert refused.code == 2
    assert refused.err == (f"givedesk: error: {target} exists; choose another name, "
                           "or add --force to replace it\n")
    assert target.read_text("utf-8") == "keep me"
    forced = run_cli("export", str(target), "--force")
    assert forced.code == 0 and target.read_text("utf-8") != "keep me"
