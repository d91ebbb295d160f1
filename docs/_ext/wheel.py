"""Offer the package's wheel for download, built from the same checkout.

The package is not on PyPI yet, so the site carries its wheel. When the
builder starts, this extension builds the wheel with hatchling's PEP 517
``build_wheel`` (in a subprocess whose working directory is the project
root, the folder above ``conf.py``) into ``gen_modules/wheel/``, and writes
``gen_modules/install.md``: the download link and the exact lines that
install it, which the pages ``{include}``. That fragment is excluded from the
documents Sphinx reads on its own, or it would become a page of the site.

The lines make a virtual environment first: Debian's and Ubuntu's system
Python and Homebrew's refuse ``pip install`` outside one (PEP 668's
``externally-managed-environment``). One tab gives the lines for Linux and
macOS, one for Windows, where the ``py`` launcher makes the environment, as in
the Python Packaging User Guide.

Neither file is rewritten when its bytes are unchanged: Sphinx re-reads every
page that includes or links a file newer than its last build. Hatchling
stamps the files in the wheel with ``SOURCE_DATE_EPOCH`` (or a fixed date),
so the same sources give the same wheel bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# Where the generated files go, relative to the Sphinx source folder.
WHEEL_DIR = Path("gen_modules", "wheel")
INSTALL_PAGE = Path("gen_modules", "install.md")

# Run by the docs environment's Python: no pip or `build` is needed there.
_BUILD_WHEEL = (
    "import sys, hatchling.build; print(hatchling.build.build_wheel(sys.argv[1]))"
)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it holds those bytes; True if written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build_wheel(project: Path, wheel_dir: Path) -> Path:
    """Build the wheel of ``project`` into ``wheel_dir`` and return its path.

    Other wheels in ``wheel_dir`` (an earlier version's) are deleted, so the
    folder holds exactly the wheel the site links to.
    """
    with tempfile.TemporaryDirectory(prefix="sigmoid-wheel-") as scratch:
        result = subprocess.run(
            [sys.executable, "-c", _BUILD_WHEEL, scratch],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            msg = f"hatchling could not build the wheel of {project}:\n{result.stderr}"
            raise RuntimeError(msg)
        name = result.stdout.strip().splitlines()[-1]
        wheel = wheel_dir / name
        write_if_changed(wheel, (Path(scratch) / name).read_bytes())
    for other in wheel_dir.glob("*.whl"):
        if other != wheel:
            other.unlink()
    return wheel


def install_page(wheel_name: str) -> str:
    """The MyST text that offers the wheel and says how to install it."""
    pip_line = f"pip install {wheel_name} numpy matplotlib"
    return (
        "% Written by docs/_ext/wheel.py at every build; edit that, not this.\n"
        "Download the wheel,\n"
        f"{{download}}`{wheel_name} </{WHEEL_DIR.as_posix()}/{wheel_name}>`.\n"
        "In a terminal, in the folder you saved it in, make a virtual environment,\n"
        "activate it, and install the wheel with NumPy and Matplotlib:\n"
        "\n"
        "::::{tab-set}\n"
        "\n"
        ":::{tab-item} Linux and macOS\n"
        "\n"
        "```bash\n"
        "python3 -m venv .venv\n"
        "source .venv/bin/activate\n"
        f"{pip_line}\n"
        "```\n"
        ":::\n"
        "\n"
        ":::{tab-item} Windows\n"
        "\n"
        "```bat\n"
        "py -m venv .venv\n"
        ".venv\\Scripts\\activate\n"
        f"{pip_line}\n"
        "```\n"
        ":::\n"
        "\n"
        "::::\n"
    )


def exclude_fragment(_app: Sphinx, config: Config) -> None:
    """Keep the included fragment from being built as a page of its own."""
    config.exclude_patterns.append(INSTALL_PAGE.as_posix())


def offer_wheel(app: Sphinx) -> None:
    """Build the wheel and write the page fragment that offers it."""
    srcdir = Path(app.srcdir)
    wheel = build_wheel(Path(app.confdir).parent, srcdir / WHEEL_DIR)
    write_if_changed(srcdir / INSTALL_PAGE, install_page(wheel.name).encode())


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("config-inited", exclude_fragment)
    app.connect("builder-inited", offer_wheel)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
