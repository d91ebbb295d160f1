"""The gallery's reading order (docs/_ext/gallery_order.py) lists every example."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sigmoid_examples"


def _load() -> ModuleType:
    return load_module(ROOT / "docs" / "_ext" / "gallery_order.py")


def test_order_lists_every_section_and_example_once() -> None:
    order = _load().ORDER
    sections = {p.parent.name for p in EXAMPLES.glob("*/GALLERY_HEADER.rst")}
    assert set(order) == sections
    for section, files in order.items():
        on_disk = sorted(p.name for p in (EXAMPLES / section).glob("plot_*.py"))
        assert sorted(files) == on_disk, section


def test_example_order_sorts_as_listed_and_unlisted_last() -> None:
    module = _load()
    key = module.ExampleOrder(str(EXAMPLES / "basics"))
    listed = module.ORDER["basics"]
    shuffled = [*reversed(listed), "plot_zzz_new.py", "plot_aaa_new.py"]
    assert sorted(shuffled, key=key) == [*listed, "plot_aaa_new.py", "plot_zzz_new.py"]
    assert repr(key) == "ExampleOrder"  # stable across builds
