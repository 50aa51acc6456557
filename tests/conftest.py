import importlib.util
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = ("school_emulation", "school_emulation_report")


def load_by_path(relpath, name=None):
    """Import a pure module (tools/, scripts/) by file path, without Odoo."""
    path = os.path.join(ROOT, relpath)
    spec = importlib.util.spec_from_file_location(
        name or relpath.replace("/", "_"), path
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def root():
    return ROOT
