"""End-to-end tests of the built Briefbook app through its real WebKitGTK webview.

Run by scripts/test-app, which starts tauri-driver (and through it WebKitWebDriver) under
Xvfb with these environment variables:
  BRIEFBOOK_APP              absolute path of the debug app binary
  BRIEFBOOK_DB               a temporary database (created and seeded by the app)
  BRIEFBOOK_TEST_SAVE_PATH   where the "save" dialog answers (the exported PDF)
  BRIEFBOOK_TEST_OPEN_PATH   what the "open" dialog answers (the fact sheet to import)
  E2E_DRIVER_URL             tauri-driver's address (http://127.0.0.1:4444)
  E2E_SCREENSHOTS            folder for the screenshots of every view
The tests run in order: each one starts the app afresh, so restarts are real.
"""

import os
import subprocess
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
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


def first_entry_in(driver, initiative_text):
    """The first entry row of the initiative whose title contains `initiative_text`."""
    for card in driver.find_elements(By.CSS_SELECTOR, "article.initiative"):
        title = card.find_element(By.CSS_SELECTOR, ".initiative-title").text
        if initiative_text.lower() in title.lower():
            return card.find_element(By.CSS_SELECTOR, ".entry")
    raise AssertionError(f"no initiative titled like {initiative_text!r}")


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
        shot(d, "record")

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
        row = d.find_element(By.CSS_SELECTOR, f'[data-entry-id="{entry_id}"] select.status')
        self.assertEqual(Select(row).first_selected_option.get_attribute("value"), new)

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
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".packet-summary"), "Promoting Sustainable"))
        shot(d, "packet")
        if os.path.exists(SAVE_PATH):
            os.remove(SAVE_PATH)
        d.find_element(By.ID, "packet-export").click()
        wait(d).until(EC.presence_of_element_located((By.ID, "export-done")))
        shot(d, "packet-exported")
        self.assertTrue(os.path.getsize(SAVE_PATH) > 1000)
        text = subprocess.run(["pdftotext", SAVE_PATH, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("Sembrando Oportunidades", text)

    def test_5_import_a_fact_sheet_preview_confirm_new_entries_show(self):
        d = self.driver
        go(d, "import")
        d.find_element(By.ID, "import-choose").click()
        confirm = wait(d).until(EC.element_to_be_clickable((By.ID, "import-confirm")))
        preview = d.find_element(By.CSS_SELECTOR, ".preview-card").text
        self.assertIn("Binational Digital Skills Exchange", preview)
        shot(d, "import-preview")
        confirm.click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".import-preview"), "Imported"))
        go(d, "record")
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".record-body"), "Binational Digital Skills Exchange"))
        self.assertIn("digital skills forum", d.find_element(By.CSS_SELECTOR, ".record-body").text)

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

    def test_7_timeline_and_settings_show(self):
        d = self.driver
        go(d, "timeline")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".month")))
        self.assertIn("2021", d.find_element(By.CSS_SELECTOR, ".timeline").text)
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
    unittest.main(verbosity=2)
