"""The screenshots in ``docs/``: a rack elevation and a switch's front panel of the sample's
cabling plan, taken with headless Chromium the way the browser tests run it.

Run: ``build/venv/bin/python -m tests.cabling.shoot_docs [docs]`` (writes
``cabling-rack.png`` and ``cabling-faceplate.png`` there). Not a test: it writes into the
folder it is given.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from tests.support.paths import SAMPLES
from zoneplan.cabling import PAPERS, render_html

from .browser import MM_TO_PX, run_cli
from .conftest import plan_of

#: (file, the part of the plan's HTML, window height in px)
SHOTS = (
    ("cabling-rack.png", r'<div class="rack keep">\s*<h3>R13 .*?</table>\s*</div>', 1080),
    (
        "cabling-faceplate.png",
        r'<div class="swmap fabric-\d+">\s*<div class="swhead keep">\s*<h3>mds-b1 .*?</table>',
        620,
    ),
)


def main(folder: Path) -> int:
    plan = plan_of(SAMPLES / "euronas-cluster.yaml")
    html = render_html(plan, "a4-portrait")
    head = html.split("<body>", 1)[0] + "<body>"
    width = round(PAPERS["a4-portrait"].content_width * MM_TO_PX) + 40
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zoneplan-shots-") as tmp:
        for name, pattern, height in SHOTS:
            m = re.search(pattern, html, flags=re.S)
            if m is None:
                print(f"{name}: the part was not found in the plan", file=sys.stderr)
                return 1
            page = Path(tmp) / f"{name}.html"
            page.write_text(f"{head}{m.group(0)}</body></html>", encoding="utf-8")
            proc = run_cli(
                page.as_uri(),
                Path(tmp) / "profile",
                f"--screenshot={folder / name}",
                f"--window-size={width},{height}",
            )
            if not (folder / name).is_file():
                print(f"{name}: {proc.stderr[-500:]}", file=sys.stderr)
                return 1
            print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")))
