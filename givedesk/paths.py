"""Where givedesk keeps its config and data.

One folder (the *home*) holds `config.toml`, `desk.json`, `news.json` and `backups/`
when `--home` or `GIVEDESK_HOME` names it, so a test, a demo or a second desk is a
single folder. Without it the platform's own places are used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "givedesk"
HOME_ENV = "GIVEDESK_HOME"


@dataclass(frozen=True)
class Paths:
    """The files of one desk."""

    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def desk_file(self) -> Path:
        return self.data_dir / "desk.json"

    @property
    def news_file(self) -> Path:
        return self.data_dir / "news.json"

    @property
    def match_cache_file(self) -> Path:
        """Derived matching data (hits, scores): thrown away and rebuilt at will."""
        return self.data_dir / "matches.sqlite"

    @property
    def today_file(self) -> Path:
        """Notes for one day (the key-relationships offer hidden): see `day_notes`."""
        return self.data_dir / "today.json"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @classmethod
    def for_home(cls, home: Path) -> Paths:
        return cls(config_dir=home, data_dir=home)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """The desk named by `home`, else by `GIVEDESK_HOME`, else the platform folders."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        return Paths.for_home(Path(chosen).expanduser().resolve())
    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
    )
