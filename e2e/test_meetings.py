"""End-to-end test of meetings in the real webview: create a meeting, add points to make
and an agenda (a wrong end time is refused in words), save its agenda to a calendar file,
build the meeting's briefing book and open it.

Runs in suite main (test_app.py imports the class), with the environment scripts/test-app
sets; the save dialog answers BRIEFBOOK_TEST_SAVE_PATH for the calendar and the PDF alike.
Screenshots: target/screenshots/meetings-*.png.
"""

import os
import subprocess
import unittest

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_app import SAVE_PATH, go, shot, start_app, wait

TITLE = "HLED Ministerial 2022"
POINT = "Welcome the joint work on semiconductor supply chains"


def visible(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    return element


def click_when_enabled(driver, element_id):
    """Clicks the element once it is enabled; the packet summary redraws its button as the
    spec changes, so a found button may be replaced before it is clicked."""

    def attempt(d):
        try:
            button = d.find_element(By.ID, element_id)
            if not button.is_enabled():
                return False
            button.click()
            return True
        except StaleElementReferenceException:
            return False

    wait(driver).until(attempt)


def fill(scope, selector, text):
    field = scope.find_element(By.CSS_SELECTOR, selector)
    field.parent.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.clear()
    field.send_keys(text)
    return field


@unittest.skipIf(os.environ.get("E2E_SUITE") != "main", "run with E2E_SUITE=main")
class MeetingsEndToEnd(unittest.TestCase):
    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def saved(self):
        wait(self.driver).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Meeting saved"))

    def test_meeting_points_to_make_calendar_and_briefing_book(self):
        d = self.driver
        go(d, "meetings")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-index h2")))
        d.find_element(By.ID, "meeting-new").click()
        form = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-create")))
        # A meeting without a title is refused with the core's words; nothing is added.
        fill(form, ".date-input", "2022-09-12")
        d.find_element(By.ID, "meeting-create").click()
        error = wait(d).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".meeting-create .form-error")))
        self.assertIn("title", error.text)
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, ".meeting-item"), [])
        fill(form, '[data-field="title"] input', TITLE)
        fill(form, '[data-field="place"] input', "Mexico City")
        fill(form, '[data-field="our_delegation"] input', "Secretary of Commerce")
        shot(d, "meetings-new")
        d.find_element(By.ID, "meeting-create").click()
        editor = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-editor")))
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meeting-index"), TITLE))

        # Points to make, a scope note, an agenda item and a participant.
        fill(editor, '[data-field="scope_note"] textarea', "First ministerial since the relaunch.")
        visible(d, editor.find_element(By.CSS_SELECTOR, '[data-add="notes"]')).click()
        note = editor.find_element(By.CSS_SELECTOR, '[data-list="notes"] .meeting-row')
        self.assertEqual(Select(note.find_element(By.CSS_SELECTOR, "select")).first_selected_option.get_attribute("value"), "points_to_make")
        fill(note, '[data-field="text"] textarea', POINT)
        visible(d, editor.find_element(By.CSS_SELECTOR, '[data-add="agenda"]')).click()
        item = editor.find_element(By.CSS_SELECTOR, '[data-list="agenda"] .meeting-row')
        fill(item, '[data-field="item"] input', "Opening session")
        fill(item, '[data-field="starts"] input', "2022-09-12T10:30:00-05:00")
        end = fill(item, '[data-field="ends"] input', "2022-09-12T09:30:00-05:00")
        visible(d, editor.find_element(By.CSS_SELECTOR, '[data-add="participants"]')).click()
        person = editor.find_element(By.CSS_SELECTOR, '[data-list="participants"] .meeting-row')
        fill(person, '[data-field="name"] input', "Tatiana Clouthier")
        Select(visible(d, person.find_element(By.CSS_SELECTOR, '[data-field="side"] select'))).select_by_value("theirs")

        # An end before the start: the core's message names the item; nothing is stored.
        d.find_element(By.ID, "meeting-save").click()
        problem = wait(d).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".meeting-error")))
        wait(d).until(lambda x: "before it starts" in problem.text)
        self.assertIn("Agenda item 1", problem.text)
        self.assertIn("Opening session", problem.text)
        self.assertIn("has-problem", item.find_element(By.CSS_SELECTOR, '[data-field="ends"]').get_attribute("class"))
        shot(d, "meetings-error")
        end.clear()
        end.send_keys("2022-09-12T11:30:00-05:00")
        d.find_element(By.ID, "meeting-save").click()
        self.saved()
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".meeting-error").text, "")
        shot(d, "meetings-editor")

        # The agenda to a calendar file, through the save dialog.
        if os.path.exists(SAVE_PATH):
            os.remove(SAVE_PATH)
        d.find_element(By.ID, "meeting-ics").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Calendar saved to"))
        with open(SAVE_PATH, encoding="utf-8", newline="") as f:
            calendar = f.read()
        self.assertTrue(calendar.startswith("BEGIN:VCALENDAR\r\n"), calendar[:80])
        self.assertIn("SUMMARY:Opening session", calendar)
        self.assertIn("DTSTART:20220912T153000Z", calendar)
        os.remove(SAVE_PATH)

        # A restart keeps it all.
        d.quit()
        self.driver = d = start_app()
        go(d, "meetings")
        wait(d).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".meeting-item"))).click()
        editor = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-editor")))
        texts = [t.get_attribute("value") for t in editor.find_elements(By.CSS_SELECTOR, '[data-list="notes"] textarea')]
        self.assertIn(POINT, texts)

        # The briefing book: the packet builder opens with the meeting chosen.
        d.find_element(By.ID, "meeting-book").click()
        wait(d).until(lambda x: x.execute_script("return document.body.dataset.view") == "packet")
        choice = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "select.meeting-choice")))
        wait(d).until(lambda x: Select(choice).first_selected_option.text.startswith(TITLE))
        wait(d).until(EC.presence_of_element_located((By.ID, "packet-export")))
        shot(d, "meetings-packet")
        click_when_enabled(d, "packet-export")
        wait(d).until(EC.presence_of_element_located((By.ID, "export-done")))
        text = subprocess.run(["pdftotext", SAVE_PATH, "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        self.assertIn(TITLE, flat)
        self.assertIn("Points to make", flat)
        self.assertIn(POINT, flat)
        self.assertIn("Tatiana Clouthier", flat)
        # Open it: the app hands the file it wrote to the system's viewer (a viewer may be
        # missing under Xvfb; the app must still accept the file as its own export).
        d.find_element(By.CSS_SELECTOR, "#export-done button").click()
        try:
            WebDriverWait(d, 5).until(lambda x: "open" in x.find_element(By.CSS_SELECTOR, ".notice").text)
        except TimeoutException:
            pass  # a viewer opened the file: nothing to report
        self.assertNotIn("was not exported", d.find_element(By.CSS_SELECTOR, ".notice").text)
        shot(d, "meetings-book-exported")


if __name__ == "__main__":
    unittest.main(verbosity=2)
