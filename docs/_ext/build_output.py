"""Make the build output reproducible and free of stray files.

- sphinx-gallery's download zips take each file's modification time, which
  for the generated notebooks is the time of the build: with
  ``SOURCE_DATE_EPOCH`` set they are rewritten with that time, so two
  builds give the same bytes.
- pydata-sphinx-theme copies a template fragment of Jinja macros into
  ``_static``; it is not a page and nothing links to it.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path
from typing import Any


def fix_zip_times(path: Path, epoch: int) -> None:
    """Rewrite the zip at ``path`` with every member dated ``epoch``."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot go before 1980
    with zipfile.ZipFile(path) as old:
        members = sorted((i.filename, old.read(i)) for i in old.infolist())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            new.writestr(info, data)


def _on_build_finished(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    (outdir / "_static" / "webpack-macros.html").unlink(missing_ok=True)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        for path in outdir.glob("_downloads/**/*.zip"):
            fix_zip_times(path, int(epoch))


def setup(app: Any) -> dict[str, Any]:
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
