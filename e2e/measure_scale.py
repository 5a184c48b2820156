"""Measures the app on a large record through its real webview (run by scripts/measure-app
inside e2e/with-driver, with BRIEFBOOK_DB pointing at a generated record):

- an edit shown: from changing an entry's status to its row showing the entry the shell
  returned, timed inside the page (performance.now, up to the next painted frame);
- Timeline and Search: from the click or keystroke to the first results in the DOM;
- the record scrolled to its end, a screen at a time: the most entry rows the DOM held;
- PSS of the app and its WebKit processes after visiting every view and scrolling the
  record to its end.
Prints one line per figure.
"""

import os
import statistics
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

APP = os.environ["BRIEFBOOK_APP"]
DRIVER = os.environ.get("E2E_DRIVER_URL", "http://127.0.0.1:4444")
WAIT = 120

def timed(driver, start, done):
    """Milliseconds from running the JavaScript `start` to the frame after `done` (a
    function body returning true) holds, measured in the page. The code is part of the
    WebDriver script itself: the app's CSP forbids evaluating strings."""
    script = (
        "const finish = arguments[arguments.length - 1];"
        "const t0 = performance.now();"
        f"(() => {{ {start} }})();"
        f"const check = () => {{ {done} }};"
        "const poll = () => (check() ? requestAnimationFrame(() => finish(performance.now() - t0)) : setTimeout(poll, 1));"
        "poll();"
    )
    return driver.execute_async_script(script)


def pss_kb(pid):
    """PSS of `pid` and every process below it, in kB, with each process's share."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except OSError:
                pass
    total, parts, todo = 0, [], [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                kb = next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
            with open(f"/proc/{p}/comm") as f:
                name = f.read().strip()
        except (OSError, StopIteration):
            continue
        total += kb
        parts.append(f"{name} {kb // 1024} MB")
    return total, parts


def app_pid():
    """The app process started for this run (its command line is the app binary)."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    argv0 = f.read().split(b"\0")[0].decode()
            except OSError:
                continue
            if argv0 == APP:
                return int(entry)
    raise RuntimeError("app process not found")


def main():
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability("tauri:options", {"application": APP})
    d = webdriver.Remote(command_executor=DRIVER, options=options)
    d.set_script_timeout(WAIT)
    try:
        WebDriverWait(d, WAIT).until(lambda x: x.execute_script("return document.body.dataset.ready") == "true")
        WebDriverWait(d, WAIT).until(lambda x: x.find_elements(By.CSS_SELECTOR, "article.initiative .entry"))

        edits = []
        for i in range(7):
            status = "done" if i % 2 == 0 else "stalled"
            start = (
                "const s = document.querySelector('article.initiative .entry select.status');"
                f"s.value = '{status}'; s.dispatchEvent(new Event('change'));"
            )
            done = (
                "const s = document.querySelector('article.initiative .entry select.status');"
                f"return s.classList.contains('status-{status}') && !s.disabled;"
            )
            edits.append(timed(d, start, done))
            time.sleep(0.2)
        print(f"edit shown (status change to row redrawn): median {statistics.median(edits):.0f} ms, max {max(edits):.0f} ms over {len(edits)}")

        pane = d.find_element(By.ID, "main")
        most, started = 0, time.monotonic()
        while d.execute_script("const p = arguments[0]; const b = p.scrollTop; p.scrollTop += p.clientHeight; return p.scrollTop !== b", pane):
            time.sleep(0.03)
            most = max(most, d.execute_script("return document.querySelectorAll('.entry').length"))
        last = d.find_elements(By.CSS_SELECTOR, "article.initiative")[-1]
        WebDriverWait(d, WAIT).until(lambda x: last.find_elements(By.CSS_SELECTOR, ".entry"))
        cards = d.execute_script("return document.querySelectorAll('article.initiative').length")
        print(f"record scrolled to its end ({cards} initiatives) in {time.monotonic() - started:.1f} s; at most {most} entry rows in the DOM")

        timeline = timed(d, "document.getElementById('nav-timeline').click()", "return document.querySelector('.timeline-entry') !== null")
        print(f"timeline first results: {timeline:.0f} ms")
        d.find_element(By.ID, "nav-search").click()
        for query in ("cofepris", "working group", "gob"):
            start = f"const i = document.getElementById('search-input'); i.value = '{query}'; i.dispatchEvent(new Event('input'));"
            ms = timed(d, start, f"return document.querySelector('.hit') !== null && document.getElementById('search-input').value === '{query}'")
            print(f"search first results for {query!r}: {ms:.0f} ms")
            d.execute_script("const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input'));")
            time.sleep(0.3)
        for view in ("packet", "import", "settings"):
            d.find_element(By.ID, f"nav-{view}").click()
            time.sleep(2)
        d.find_element(By.ID, "nav-record").click()
        time.sleep(3)
        total, parts = pss_kb(app_pid())
        print(f"PSS after every view and the record scrolled to its end: {total // 1024} MB ({', '.join(parts)})")
    finally:
        d.quit()


if __name__ == "__main__":
    main()
