"""End-to-end tests of the built Briefbook app through its real WebKitGTK webview.

Run by scripts/test-app, which starts tauri-driver (and through it WebKitWebDriver) under
Xvfb with these environment variables:
  BRIEFBOOK_APP              absolute path of the debug app binary
  BRIEFBOOK_DB               a temporary database (created and seeded by the app)
  BRIEFBOOK_TEST_SAVE_PATH   where the "save" dialog answers (the exported PDF)
  BRIEFBOOK_TEST_OPEN_PATH   what the "open" dialog answers (the fact sheet to import)
  E2E_DRIVER_URL             tauri-driver's address (http://127.0.0.1:4444)
  E2E_SCREENSHOTS            folder for the screenshots of every view (under target/)
The tests run in order: each one starts the app afresh, so restarts are real.
"""

import os
import subprocess
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

APP = os.environ["BRIEFBOOK_APP"]
DRIVER = os.environ.get("E2E_DRIVER_URL", "http://127.0.0.1:4444")
SHOTS = os.environ["E2E_SCREENSHOTS"]
SAVE_PATH = os.environ["BRIEFBOOK_TEST_SAVE_PATH"]
WAIT = 30


def start_app():
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability("tauri:options", {"application": APP})
    driver = webdriver.Remote(command_executor=DRIVER, options=options)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script("return document.body.dataset.ready") in ("true", "recovery")
    )
    return driver


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(0.3)  # let fonts and layout settle before the picture
    driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def wait(driver):
    return WebDriverWait(driver, WAIT)


def go(driver, view):
    driver.find_element(By.ID, f"nav-{view}").click()
    wait(driver).until(lambda d: d.execute_script("return document.body.dataset.view") == view)


def card_titled(driver, initiative_text):
    """The initiative card whose title contains `initiative_text`, scrolled into view with
    its entries loaded (the Record view reads an initiative's entries as it comes near).
    In Spanish a translated title shows first and its English beneath: either matches."""
    for card in driver.find_elements(By.CSS_SELECTOR, "article.initiative"):
        titles = [e.text for e in card.find_elements(By.CSS_SELECTOR, ".initiative-title, .initiative-title + .english")]
        if any(initiative_text.lower() in title.lower() for title in titles):
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", card)
            wait(driver).until(lambda d: card.find_elements(By.CSS_SELECTOR, ".entry"))
            return card
    raise AssertionError(f"no initiative titled like {initiative_text!r}")


def first_entry_in(driver, initiative_text):
    """The first entry row of the initiative whose title contains `initiative_text`."""
    return card_titled(driver, initiative_text).find_element(By.CSS_SELECTOR, ".entry")


@unittest.skipIf(os.environ.get("E2E_SUITE") != "main", "run with E2E_SUITE=main")
class AppEndToEnd(unittest.TestCase):
    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def test_1_four_pillars_show_at_start(self):
        d = self.driver
        wait(d).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "section.pillar")))
        titles = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".pillar-title .pillar-number")]
        self.assertEqual(titles, ["Pillar I", "Pillar II", "Pillar III", "Pillar IV"])
        # Nothing to undo yet, so Undo is not offered.
        self.assertFalse(d.find_element(By.ID, "record-undo").is_enabled())
        # The pillar buttons use the interface's sans-serif face, like the rest.
        fonts = {d.execute_script("return getComputedStyle(arguments[0]).fontFamily", e) for e in d.find_elements(By.CSS_SELECTOR, ".pillar-link")}
        body = d.execute_script("return getComputedStyle(document.body).fontFamily")
        self.assertEqual(fonts, {body})
        self.assertIn("Noto Sans", body)
        shot(d, "record")

    def test_1b_no_sidebar_tooltip_covers_the_next_item(self):
        d = self.driver
        links = d.find_elements(By.CSS_SELECTOR, ".nav-link")
        self.assertTrue(all(not link.get_attribute("title") for link in links))
        names = [link.get_attribute("id").removeprefix("nav-") for link in links]
        for here, after in zip(names, names[1:]):
            # Rest the pointer on one item long enough for a tooltip, then click the next.
            ActionChains(d).move_to_element(d.find_element(By.ID, f"nav-{here}")).pause(1.2).perform()
            d.find_element(By.ID, f"nav-{after}").click()
            wait(d).until(lambda x: x.execute_script("return document.body.dataset.view") == after)

    def test_2_status_change_survives_a_restart(self):
        d = self.driver
        entry = first_entry_in(d, "Medical Devices")
        entry_id = entry.get_attribute("data-entry-id")
        select = Select(entry.find_element(By.CSS_SELECTOR, "select.status"))
        new = "stalled" if select.first_selected_option.get_attribute("value") != "stalled" else "done"
        select.select_by_value(new)
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Status set to"))
        shot(d, "record-status-changed")
        d.quit()
        self.driver = d = start_app()
        row = first_entry_in(d, "Medical Devices")
        self.assertEqual(row.get_attribute("data-entry-id"), entry_id)
        status = row.find_element(By.CSS_SELECTOR, "select.status")
        self.assertEqual(Select(status).first_selected_option.get_attribute("value"), new)

    def test_3_search_finds_cofepris_and_enter_opens_the_entry(self):
        d = self.driver
        go(d, "search")
        box = d.find_element(By.ID, "search-input")
        for ch in "COFEPRIS":
            box.send_keys(ch)
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".hit mark")))
        hits = d.find_elements(By.CSS_SELECTOR, ".hit")
        places = " | ".join(h.find_element(By.CSS_SELECTOR, ".hit-place").text for h in hits)
        self.assertIn("medical devices", places.lower())
        marks = [m.text for m in d.find_elements(By.CSS_SELECTOR, ".hit mark")]
        self.assertTrue(any(m.upper() == "COFEPRIS" for m in marks), marks)
        shot(d, "search")
        target = hits[0].get_attribute("data-entry-id")
        self.assertTrue(target)
        box.send_keys(Keys.ENTER)
        wait(d).until(lambda x: x.execute_script("return document.body.dataset.view") == "record")
        focused = d.execute_script("return document.activeElement.dataset.entryId")
        self.assertEqual(focused, target)

    def test_4_pillar_ii_packet_exports_a_pdf_with_sembrando(self):
        d = self.driver
        go(d, "packet")
        wait(d).until(EC.presence_of_element_located((By.ID, "pillar-2"))).click()
        title = d.find_element(By.ID, "packet-title-input")
        title.clear()
        title.send_keys("Pillar II briefing")
        # (The pillar's name is cut to one line with an ellipsis, which WebDriver's visible text omits.)
        wait(d).until(lambda x: "Promoting Sustainable" in x.execute_script("return document.querySelector('.packet-summary').textContent"))
        shot(d, "packet")
        if os.path.exists(SAVE_PATH):
            os.remove(SAVE_PATH)
        d.find_element(By.ID, "packet-export").click()
        wait(d).until(EC.presence_of_element_located((By.ID, "export-done")))
        shot(d, "packet-exported")
        self.assertTrue(os.path.getsize(SAVE_PATH) > 1000)
        text = subprocess.run(["pdftotext", SAVE_PATH, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("Sembrando Oportunidades", text)

    def test_4b_packet_builder_says_none_means_all_and_nothing_is_clipped(self):
        d = self.driver
        go(d, "packet")
        hint = wait(d).until(EC.visibility_of_element_located((By.ID, "packet-all-pillars")))
        self.assertIn("every pillar", hint.text)
        # The "save as" field shows its whole placeholder.
        fits = d.execute_script(
            """
            const input = document.querySelector('.save-as input');
            const style = getComputedStyle(input);
            const canvas = document.createElement('canvas').getContext('2d');
            canvas.font = `${style.fontSize} ${style.fontFamily}`;
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [canvas.measureText(input.placeholder).width, room];
            """
        )
        self.assertLess(fits[0], fits[1], "placeholder wider than its field")
        # A checkbox and its words have a gap, wherever the pair sits.
        gaps = d.execute_script(
            "return [...document.querySelectorAll('label.check')].filter(l => l.offsetParent).map(l => "
            "l.querySelector('span').getBoundingClientRect().left - l.querySelector('input').getBoundingClientRect().right)"
        )
        self.assertTrue(gaps and min(gaps) >= 4, gaps)
        d.find_element(By.ID, "pillar-2").click()
        wait(d).until(EC.invisibility_of_element_located((By.ID, "packet-all-pillars")))
        # (The pillar's name is cut to one line with an ellipsis, which WebDriver's visible text omits.)
        wait(d).until(lambda x: "Promoting Sustainable" in x.execute_script("return document.querySelector('.packet-summary').textContent"))
        # The long pillar name takes one line in the summary.
        cell = d.find_element(By.CSS_SELECTOR, ".summary-table td.pillar-name .clamp")
        lines = d.execute_script("const s = getComputedStyle(arguments[0]); return arguments[0].getBoundingClientRect().height / parseFloat(s.lineHeight)", cell)
        self.assertLessEqual(lines, 2.05)
        shot(d, "packet-pillar-ii")

    def test_3b_an_initiative_snippet_separates_title_and_summary(self):
        d = self.driver
        go(d, "search")
        box = d.find_element(By.ID, "search-input")
        box.send_keys("supply chains")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".hit mark")))
        snippets = [h.find_element(By.CSS_SELECTOR, ".snippet").text for h in d.find_elements(By.CSS_SELECTOR, ".hit") if h.find_element(By.CSS_SELECTOR, ".hit-kind").text.lower() == "initiative"]
        # A snippet that starts with the title (not cut before it) shows where the title ends.
        whole = [s for s in snippets if not s.startswith("…")]
        self.assertTrue(whole, snippets)
        self.assertTrue(all(" — " in s for s in whole), snippets)

    def test_5_import_a_fact_sheet_preview_confirm_new_entries_show(self):
        d = self.driver
        go(d, "import")
        d.find_element(By.ID, "import-choose").click()
        confirm = wait(d).until(EC.element_to_be_clickable((By.ID, "import-confirm")))
        preview = d.find_element(By.CSS_SELECTOR, ".preview-card").text
        self.assertIn("Binational Digital Skills Exchange", preview)
        # The preview says how each thing was read: its lines and the rule that fired.
        why = d.find_element(By.ID, "import-explanations")
        why.find_element(By.TAG_NAME, "summary").click()
        self.assertIn("initiative \"Binational Digital Skills Exchange\"", why.text)
        self.assertIn("heading 'Pillar N: title'", why.text)
        shot(d, "import-preview")
        confirm.click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".import-preview"), "Imported"))
        go(d, "record")
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".record-body"), "Binational Digital Skills Exchange"))
        card = card_titled(d, "Binational Digital Skills Exchange")
        self.assertIn("digital skills forum", card.text)

    def test_6_impossible_date_shows_an_error_and_keeps_the_text(self):
        d = self.driver
        entry = first_entry_in(d, "Medical Devices")
        entry.find_element(By.XPATH, ".//button[text()='Edit']").click()
        date = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".entry-editor .date-input")))
        date.clear()
        date.send_keys("2021-02-30")
        d.find_element(By.CSS_SELECTOR, ".entry-editor button[type=submit]").click()
        error = wait(d).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".entry-editor .form-error")))
        self.assertIn("2021-02-30", error.text)
        self.assertEqual(date.get_attribute("value"), "2021-02-30")
        self.assertIn("does not exist", d.find_element(By.CSS_SELECTOR, ".entry-editor .date-hint").text)
        shot(d, "record-date-error")
        # "June 2021" reads as a month and says so.
        date.clear()
        date.send_keys("June 2021")
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".entry-editor .date-hint"), "2021-06"))

    def test_6b_an_edit_shows_in_its_row_in_place(self):
        d = self.driver
        card = card_titled(d, "Medical Devices")
        rows = card.find_elements(By.CSS_SELECTOR, ".entry")
        self.assertGreater(len(rows), 1)
        entry, neighbour = rows[0], rows[1]
        entry_id = entry.get_attribute("data-entry-id")
        # Mark the neighbouring row: if the initiative were redrawn, the mark would be gone.
        d.execute_script("arguments[0].dataset.probe = 'kept'", neighbour)
        entry.find_element(By.XPATH, ".//button[text()='Edit']").click()
        text = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".entry-editor textarea")))
        new_text = "COFEPRIS and FDA agreed a joint work plan on medical devices (edited in place)."
        text.clear()
        text.send_keys(new_text)
        d.find_element(By.CSS_SELECTOR, ".entry-editor button[type=submit]").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f'[data-entry-id="{entry_id}"] .entry-text'), "edited in place"))
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Entry saved"))
        self.assertTrue(d.find_element(By.ID, "record-undo").is_enabled())
        self.assertEqual(d.execute_script("return arguments[0].dataset.probe", neighbour), "kept")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f'[data-entry-id="{entry_id}"] .entry-text').text, new_text)
        shot(d, "record-edited")
        # Undo puts the old text back, again in place.
        d.find_element(By.CSS_SELECTOR, ".notice button.link").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Undone"))
        wait(d).until(lambda x: "edited in place" not in x.find_element(By.CSS_SELECTOR, f'[data-entry-id="{entry_id}"] .entry-text').text)
        self.assertEqual(d.execute_script("return arguments[0].dataset.probe", neighbour), "kept")

    def test_7_timeline_and_settings_show(self):
        d = self.driver
        go(d, "timeline")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".month")))
        self.assertIn("2021", d.find_element(By.CSS_SELECTOR, ".timeline").text)
        # Every entry is on the time line: recurring and undated ones in lanes of their own.
        shown = len(d.find_elements(By.CSS_SELECTOR, ".timeline-entry"))
        total = int(d.execute_script("return document.querySelector('.sidebar-foot').textContent.replace(/[^0-9]/g, '')"))
        self.assertGreaterEqual(shown, total)
        self.assertTrue(d.find_elements(By.ID, "timeline-undated") or d.find_elements(By.ID, "timeline-recurring"))
        # "Over the next year", from a December 2021 document, spans to December 2022.
        spans = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".span-range")]
        self.assertTrue(any("December 2021" in s and "December 2022" in s for s in spans), spans)
        shot(d, "timeline")
        go(d, "settings")
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".facts"), os.environ["BRIEFBOOK_DB"]))
        d.find_element(By.ID, "backup-now").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Backed up to"))
        shot(d, "settings")
        try:
            d.set_window_size(1920, 1080)
        except Exception as error:  # the driver may not resize a Tauri window
            print(f"window resize not supported: {error}")
        else:
            go(d, "record")
            shot(d, "record-1920x1080")


@unittest.skipIf(os.environ.get("E2E_SUITE") != "large", "run with E2E_SUITE=large")
class LargeRecord(unittest.TestCase):
    """BRIEFBOOK_DB holds a generated record whose initiatives hold more than 50 entries each."""

    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def rows(self):
        return self.driver.execute_script("return document.querySelectorAll('.record-body .entry').length")

    def test_a_long_initiative_pages_and_the_record_scrolls_to_its_end_with_few_rows(self):
        d = self.driver
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.initiative .entry")))
        # A long initiative shows its first 50 entries and offers the next 50 (the built-in
        # record comes first: scroll down to the generated one).
        pane = d.find_element(By.ID, "main")
        for _ in range(200):
            if d.find_elements(By.CSS_SELECTOR, ".show-more"):
                break
            d.execute_script("arguments[0].scrollTop += arguments[0].clientHeight", pane)
            time.sleep(0.1)
        card = d.find_element(By.XPATH, "//button[contains(@class, 'show-more')]/ancestor::article")
        self.assertEqual(len(card.find_elements(By.CSS_SELECTOR, ".entry")), 50)
        self.assertIn("50 of", card.find_element(By.CSS_SELECTOR, ".entries-more").text)
        d.execute_script("arguments[0].scrollIntoView({block: 'end'})", card.find_element(By.CSS_SELECTOR, ".show-more"))
        card.find_element(By.CSS_SELECTOR, ".show-more").click()
        wait(d).until(lambda x: len(card.find_elements(By.CSS_SELECTOR, ".entry")) > 50)
        shot(d, "record-large-show-more")
        # Scroll the record to its end a screen at a time: entries load as initiatives come
        # near and are dropped as they leave, so the DOM never holds the whole record.
        most = 0
        while True:
            moved = d.execute_script("const p = arguments[0]; const before = p.scrollTop; p.scrollTop += p.clientHeight; return p.scrollTop !== before", pane)
            time.sleep(0.05)
            most = max(most, self.rows())
            if not moved:
                break
        last = d.find_elements(By.CSS_SELECTOR, "article.initiative")[-1]
        wait(d).until(lambda x: last.find_elements(By.CSS_SELECTOR, ".entry"))
        total = int(d.execute_script("return document.querySelectorAll('article.initiative').length"))
        self.assertGreater(total, 100)
        self.assertLess(most, 400, "rows in the DOM while scrolling")
        shot(d, "record-large-end")

    def test_b_the_translation_editor_reads_one_pillar_and_draws_a_page_at_a_time(self):
        d = self.driver
        go(d, "translations")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".translation-row")))
        groups = d.find_elements(By.CSS_SELECTOR, ".translation-group")
        # The largest pillar: its count says how many texts it holds.
        totals = [int(g.find_element(By.CSS_SELECTOR, ".group-count").text.split(" of ")[1].split()[0].replace(",", "")) for g in groups]
        big = groups[totals.index(max(totals))]
        self.assertGreater(max(totals), 1000)
        d.execute_script("arguments[0].scrollIntoView()", big)
        big.click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".translation-status"), f"of {max(totals):,} texts"))
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, ".translation-row")), 100)
        more = d.find_element(By.ID, "translations-more")
        d.execute_script("arguments[0].scrollIntoView()", more)
        more.click()
        wait(d).until(lambda x: len(x.find_elements(By.CSS_SELECTOR, ".translation-row")) == 200)
        shot(d, "translations-large")


@unittest.skipIf(os.environ.get("E2E_SUITE") != "recovery", "run with E2E_SUITE=recovery")
class DamagedDatabase(unittest.TestCase):
    """BRIEFBOOK_DB points at a file that is not a database; a backup exists beside it."""

    def test_recovery_screen_then_restore_the_last_backup(self):
        d = start_app()
        try:
            wait(d).until(EC.presence_of_element_located((By.ID, "recovery-title")))
            self.assertIn("not a Briefbook database", d.find_element(By.CSS_SELECTOR, ".recovery-reason").text)
            shot(d, "recovery")
            d.find_element(By.ID, "recovery-restore").click()
            wait(d).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "section.pillar")))
        finally:
            d.quit()


if __name__ == "__main__":
    from test_meetings import MeetingsEndToEnd  # noqa: F401 (suite main runs it too)

    unittest.main(verbosity=2)
