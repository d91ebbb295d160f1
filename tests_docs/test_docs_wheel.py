"""docs/_ext/wheel.py: the site's wheel is the package at its one version,
built reproducibly, and offered with the exact install command.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from load_file import load_module

import sigmoid

ROOT = Path(__file__).resolve().parent.parent


def load_extension() -> ModuleType:
    # Not "wheel": that is the name of a package hatchling may import.
    return load_module(ROOT / "docs" / "_ext" / "wheel.py", "wheel_extension")


wheel_extension = load_extension()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what hatchling reads to build the wheel (a fresh mtime each)."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(
        ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__")
    )
    (copy / "docs").mkdir()
    return copy


def test_wheel_carries_the_package_version(project: Path, tmp_path: Path) -> None:
    wheel = wheel_extension.build_wheel(project, tmp_path / "wheels")
    assert wheel.name == f"sigmoid-{sigmoid.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"sigmoid-{sigmoid.__version__}.dist-info/METADATA")
    assert {"sigmoid/__init__.py", "sigmoid/py.typed"} <= names
    assert f"Version: {sigmoid.__version__}\n".encode() in metadata


def test_wheel_bytes_depend_only_on_sources_and_epoch(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = wheel_extension.build_wheel(project, tmp_path / "first").read_bytes()
    # Newer modification times must not leak into the wheel.
    for path in (project / "src").rglob("*.py"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    second = wheel_extension.build_wheel(project, tmp_path / "second").read_bytes()
    assert first == second


def test_wheel_folder_keeps_only_the_current_wheel(
    project: Path, tmp_path: Path
) -> None:
    wheel_dir = tmp_path / "wheels"
    wheel_dir.mkdir()
    (wheel_dir / "sigmoid-0.0.1-py3-none-any.whl").write_bytes(b"old release")
    wheel = wheel_extension.build_wheel(project, wheel_dir)
    assert sorted(wheel_dir.iterdir()) == [wheel]


def test_failed_build_raises_with_hatchling_message(
    project: Path, tmp_path: Path
) -> None:
    (project / "pyproject.toml").write_text("[project\n")
    with pytest.raises(RuntimeError, match="could not build the wheel"):
        wheel_extension.build_wheel(project, tmp_path / "wheels")


def test_install_page_links_the_wheel_and_gives_the_exact_command() -> None:
    page = wheel_extension.install_page("sigmoid-9.8.7-py3-none-any.whl")
    assert (
        "{download}`sigmoid-9.8.7-py3-none-any.whl "
        "</gen_modules/wheel/sigmoid-9.8.7-py3-none-any.whl>`"
    ) in page
    pip_line = "pip install sigmoid-9.8.7-py3-none-any.whl numpy matplotlib"
    # A virtual environment first: a system Python may refuse pip outside one
    # (PEP 668). nox -s journey pastes the first block on such a Python.
    posix = (
        f"```bash\npython3 -m venv .venv\nsource .venv/bin/activate\n{pip_line}\n```"
    )
    windows = f"```bat\npy -m venv .venv\n.venv\\Scripts\\activate\n{pip_line}\n```"
    assert posix in page
    assert windows in page
    assert page.index(":::{tab-item} Linux and macOS") < page.index(posix)
    assert page.index(posix) < page.index(":::{tab-item} Windows")
    assert page.index(":::{tab-item} Windows") < page.index(windows)


def test_unchanged_files_are_not_rewritten(project: Path) -> None:
    """Sphinx re-reads a page whose included or linked file got newer."""
    app = SimpleNamespace(confdir=project / "docs", srcdir=project / "docs")
    wheel_extension.offer_wheel(app)
    generated = [
        project / "docs" / "gen_modules" / "install.md",
        *(project / "docs" / "gen_modules" / "wheel").glob("*.whl"),
    ]
    assert len(generated) == 2
    for path in generated:
        os.utime(path, ns=(1, 1))
    wheel_extension.offer_wheel(app)
    assert [path.stat().st_mtime_ns for path in generated] == [1, 1]
    text = generated[0].read_text()
    assert f"pip install sigmoid-{sigmoid.__version__}-py3-none-any.whl" in text


def test_write_if_changed_writes_new_bytes(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "file.txt"
    assert wheel_extension.write_if_changed(path, b"one")
    assert not wheel_extension.write_if_changed(path, b"one")
    assert wheel_extension.write_if_changed(path, b"two")
    assert path.read_bytes() == b"two"


def test_fragment_is_not_a_page_of_its_own() -> None:
    config = SimpleNamespace(exclude_patterns=["_build"])
    wheel_extension.exclude_fragment(SimpleNamespace(), config)
    assert config.exclude_patterns == ["_build", "gen_modules/install.md"]
