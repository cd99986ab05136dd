from __future__ import annotations

from pathlib import Path

import pytest

from givedesk.config import Config, load_config
from givedesk.errors import UserError

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_no_config_file_is_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "missing.toml") == Config()


def test_the_example_config_is_complete_and_valid() -> None:
    """Every key of every section is documented in config.example.toml."""
    import tomllib

    example = REPO_ROOT / "config.example.toml"
    load_config(example)
    data = tomllib.loads(example.read_text())
    defaults = Config()
    for section in Config.__struct_fields__:
        fields = getattr(defaults, section).__struct_fields__
        # a key whose default is "unset" (None) has no TOML value: it is shown commented
        unset = {name for name in fields if getattr(getattr(defaults, section), name) is None}
        assert set(data.get(section, {})) | unset == set(fields), f"[{section}] is incomplete"
        for name in unset:
            assert f"# {name} = " in example.read_text(), f"[{section}] {name} is not documented"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[fetch]\ntimeout_seconds = 'soon'\n", "'fetch.timeout_seconds': expected `float`"),
        ("[fetch]\nbogus = 1\n", "unknown key 'fetch.bogus'"),
        ("[nonsense]\n", "unknown key 'nonsense'"),
        ("[fetch\n", "TOML syntax error"),
        ("[fetch]\nconcurrency = 0\n", "'fetch.concurrency' must be greater than 0"),
        ("[local]\nsearch_url_template = 'https://x/?q='\n", "must contain {place}"),
    ],
)
def test_a_bad_config_names_the_file_and_the_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(UserError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[desk]\nname = 'Ada'\nemail = \n")
    with pytest.raises(UserError, match="line 3"):
        load_config(path)


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[desk]\nname = 'Ada'\n[fetch]\nper_host = 2\n")
    config = load_config(path)
    assert config.desk.name == "Ada"
    assert config.fetch.per_host == 2
    assert config.fetch.concurrency == 32
