"""Modules named as strings (the batch's preload list, the CLI's command modules) all exist:
a rename must fail here, not silently drop a command or leave the batch's children cold."""
from __future__ import annotations

import importlib

import click
import pytest

from extract.batch.preload import MODULES
from extract.cli.main import COMMAND_MODULES, main


@pytest.mark.parametrize("name", MODULES)
def test_every_module_the_batch_preloads_imports(name):
    assert importlib.import_module(name) is not None


@pytest.mark.parametrize(("module_name", "attribute"), COMMAND_MODULES)
def test_every_command_module_imports_and_defines_its_command(module_name, attribute):
    command = getattr(importlib.import_module(module_name), attribute)
    assert isinstance(command, click.Command)
    assert main.get_command(click.Context(main), command.name) is command
