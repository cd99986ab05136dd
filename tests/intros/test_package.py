"""`givedesk.intros` names everything it exports, each loaded from its module on first use."""

from __future__ import annotations

import importlib

import pytest

import givedesk.intros as intros


def test_each_exported_name_is_its_modules_own() -> None:
    assert sorted(intros._MODULE_OF) == sorted(intros.__all__)
    for name in intros.__all__:
        module = importlib.import_module(f"givedesk.intros.{intros._MODULE_OF[name]}")
        assert getattr(intros, name) is getattr(module, name), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        intros.nothing_here  # noqa: B018
