"""Headless Chromium for the cabling tests: the CLI modes and a small DevTools-over-pipe client.

Why a pipe and not Playwright or a debugging port: ``--remote-debugging-pipe`` needs no extra
package, opens no TCP port, and gives what the tests need: emulate print media at the page's
printable width, run a script that measures every element, print to PDF, and see every
network request the page makes. Chromium is always started with the flags that keep it off
the network (no QUIC, no background, component or sync traffic) and a throw-away profile.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from zoneplan.cabling.render import CHROMIUM_FLAGS

#: Flags every test start uses: the product's own (headless, off the network), plus a few
#: that keep screenshots stable in a container.
SAFE_FLAGS = (
    *CHROMIUM_FLAGS,
    "--disable-dev-shm-usage",
    "--no-default-browser-check",
    "--hide-scrollbars",
)

MM_TO_PX = 96 / 25.4

#: Marks elements that stick out of the page's printable width or out of their table cell.
OVERFLOW_JS = r"""
(() => {
  const W = document.documentElement.clientWidth;
  const bad = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '');
  for (const el of document.querySelectorAll('body, body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.right > W + 0.5) {
      bad.push({what: 'page', el: name(el), left: r.left, right: r.right, text: (el.textContent || '').slice(0, 60)});
    }
    if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1) {
      bad.push({what: 'cell', el: name(el), scroll: el.scrollWidth, client: el.clientWidth, text: (el.textContent || '').slice(0, 60)});
    }
  }
  return {width: W, scrollWidth: document.documentElement.scrollWidth, count: bad.length, bad: bad.slice(0, 25)};
})()
"""


def chromium_binary() -> str | None:
    """Debian's chromium (or another chromium on PATH), None when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_cli(
    url: str, profile: Path, *extra: str, timeout: float = 90
) -> subprocess.CompletedProcess:
    """One headless run in CLI mode (``--screenshot=…``, ``--print-to-pdf=…``)."""
    binary = chromium_binary()
    assert binary, "chromium is not installed"
    cmd = [binary, *SAFE_FLAGS, f"--user-data-dir={profile}", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


class PageGone(RuntimeError):
    """The page's renderer died or the page was detached."""


class DevTools:
    """A Chromium started with ``--remote-debugging-pipe``, one page attached, flat sessions."""

    def __init__(self, profile: Path, *, timeout: float = 60) -> None:
        binary = chromium_binary()
        assert binary, "chromium is not installed"
        self.timeout = timeout
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        args = [binary, *SAFE_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"]
        # a tiny trampoline puts our pipe ends on fds 3 (commands in) and 4 (replies out)
        trampoline = (
            "import os, sys; r, w = int(sys.argv[1]), int(sys.argv[2]); "
            "os.dup2(r, 3); os.dup2(w, 4); os.execv(sys.argv[3], sys.argv[3:])"
        )
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                trampoline,
                str(to_browser_r),
                str(from_browser_w),
                *args,  # no start URL: headless Chromium runs a URL as a one-shot
                # "headless command" and then closes the pages it did not open itself
            ],
            pass_fds=(to_browser_r, from_browser_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None
        self._target = ""

    # -- wire ---------------------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        return json.loads(raw)

    def _check_gone(self, msg: dict[str, Any]) -> None:
        if (
            msg.get("method") == "Target.detachedFromTarget"
            and self.session
            and msg.get("params", {}).get("sessionId") == self.session
        ):
            raise PageGone(f"page detached while waiting ({self.session})")

    def send(self, method: str, params: dict | None = None, *, browser: bool = False) -> dict:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if not browser and self.session:
            msg["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
                if not browser:
                    self._check_gone(reply)

    def wait_event(self, method: str) -> dict[str, Any]:
        for e in self.events:
            if e["method"] == method:
                self.events.remove(e)
                return e
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._read_message(deadline)
            if msg.get("method") == method:
                return msg
            if "method" in msg:
                self.events.append(msg)
                self._check_gone(msg)

    # -- page ---------------------------------------------------------------------------------
    def open(self, url: str, *, width_px: int, height_px: int = 1100, media: str = "print") -> None:
        """A new page at ``width_px`` CSS pixels, ``media`` emulated, ``url`` loaded.

        Debian's Chromium 156 sometimes loses a fresh page's renderer under a DevTools pipe
        ("Render process gone"); that page is dropped and a new one opened (bounded).
        """
        for attempt in range(5):
            try:
                self._open(url, width_px=width_px, height_px=height_px, media=media)
                return
            except (PageGone, RuntimeError):
                if attempt == 4:
                    raise
                self.session = None

    def _open(self, url: str, *, width_px: int, height_px: int, media: str) -> None:
        previous = self._target if self.session is not None else None
        self.session = None
        self.events.clear()
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        if previous:  # one page at a time; closed after the new one exists
            try:
                self.send("Target.closeTarget", {"targetId": previous}, browser=True)
            except RuntimeError:
                pass  # already gone
        self._target = target["targetId"]
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, browser=True
        )
        self.session = attached["sessionId"]
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Emulation.setEmulatedMedia", {"media": media})
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width_px, "height": height_px, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def print_pdf(self) -> bytes:
        result = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        return base64.b64decode(result["data"])

    def requests(self) -> list[str]:
        """URLs of every request the page made so far (events collected while waiting)."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
