"""A tiny Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (standard library only).

Chromium reads commands from file descriptor 3 and writes replies and events to descriptor 4, each message a
JSON object ended by a NUL byte. ``Page`` drives one tab: navigate, evaluate JavaScript, click, type, press keys,
emulate a viewport, colour scheme or print media, and capture screenshots.
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time


class ProtocolError(RuntimeError):
    pass


class Chromium:
    def __init__(self, executable: str, profile: str, verbose: bool = False):
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()

        def wire():
            # Copy first: a pipe end may itself be descriptor 3 or 4.
            reader, writer = os.dup(to_child_read), os.dup(from_child_write)
            os.dup2(reader, 3)
            os.dup2(writer, 4)

        command = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--force-color-profile=srgb", "--remote-debugging-pipe",
            f"--user-data-dir={profile}", "about:blank",
        ]
        self.process = subprocess.Popen(
            command, preexec_fn=wire, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=None if verbose else subprocess.DEVNULL)
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (ProtocolError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read_message(self, deadline: float) -> dict | None:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self._from_child], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise ProtocolError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply is None:
                raise ProtocolError(f"{method}: no reply within {timeout} s")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str | tuple, session: str | None, timeout: float = 30, since: int = 0) -> dict | None:
        methods = (method,) if isinstance(method, str) else method
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events[since:]:
                if event["method"] in methods and event.get("sessionId") == session:
                    return event
            since = len(self.events)
            message = self._read_message(deadline)
            if message is None:
                return None
            if "method" in message:
                self.events.append(message)

    def new_page(self) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.send(domain, session=session)
        return page


class Page:
    def __init__(self, browser: Chromium, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, session=self.session)

    def events(self, method: str) -> list[dict]:
        return [e for e in self.browser.events if e["method"] == method and e.get("sessionId") == self.session]

    def viewport(self, width: int, height: int, mobile: bool = False) -> None:
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def media(self, media: str = "", scheme: str = "light") -> None:
        self.send("Emulation.setEmulatedMedia",
                  {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def scripts(self, enabled: bool) -> None:
        self.send("Emulation.setScriptExecutionDisabled", {"value": not enabled})

    def navigate(self, url: str, timeout: float = 30) -> None:
        since = len(self.browser.events)
        self.send("Page.navigate", {"url": url})
        done = ("Page.loadEventFired", "Page.navigatedWithinDocument")
        if self.browser.wait_event(done, self.session, timeout, since) is None:
            raise ProtocolError(f"{url} did not finish loading within {timeout} s")
        self.settle()

    def settle(self, seconds: float = 0.25) -> None:
        """Lets deferred scripts, layout and scrolling finish (and collects events meanwhile)."""
        deadline = time.monotonic() + seconds
        while self.browser._read_message(deadline) is not None:
            pass

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"evaluate failed: {result['exceptionDetails'].get('text')}: {expression[:120]}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except ProtocolError:
                value = None  # the page is navigating
            if value:
                return value
            self.settle(0.1)
        return None

    def click(self, selector: str) -> bool:
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + Math.min(r.width / 2, 12), r.top + r.height / 2]; })()")
        if not box:
            return False
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})
        self.settle(0.15)
        return True

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})
        self.settle(0.2)

    def press(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent",
                      {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
                       "nativeVirtualKeyCode": code})

    def screenshot(self, path) -> bytes:
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        with open(path, "wb") as handle:
            handle.write(data)
        return data
