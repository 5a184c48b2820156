"""End-to-end tests of the app in Spanish, through its real WebKitGTK webview.

Run by scripts/test-app (suite "spanish") on a fresh database seeded with the built-in
record, with the system locale set to Spanish (LANG=es_MX.UTF-8) and a webview data folder
of its own, so the language choice starts unsaved. Environment as for test_app.py.
Each test starts the app afresh; they run in order.
"""

import os
import re
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_app import card_titled, first_entry_in, go, shot, start_app, wait
from test_meetings import fill

VIEWS = ["record", "timeline", "search", "packet", "translations", "import", "settings"]
SPANISH_NAV = {
    "record": "Expediente",
    "timeline": "Cronología",
    "search": "Buscar",
    "packet": "Carpeta",
    "translations": "Traducciones",
    "import": "Importar",
    "settings": "Ajustes",
}
TITLE_ES = "Fortalecimiento de las cadenas de suministro (prueba e2e)"
MEETING = "HLED Ministerial (e2e)"
MEETING_ES = "Reunión ministerial del DEAN (e2e)"
ITEM_ES = "Sesión de apertura"
SPANISH_MONTH = re.compile(r"\b(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}")
ENGLISH_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def nav_labels(d):
    return {v: d.find_element(By.CSS_SELECTOR, f"#nav-{v} .nav-name").text for v in VIEWS}


def clipped(d):
    """Labels, buttons and headings whose text is cut off (wider than their box)."""
    return d.execute_script(
        """
        const out = [];
        for (const el of document.querySelectorAll('button, label, h1, h2, h3, th, td, .nav-name, .badge, legend, summary, select')) {
          if (!el.offsetParent || el.closest('.visually-hidden, .clamp')) continue;
          if (getComputedStyle(el).display === 'inline') continue;
          if (el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + ': ' + (el.textContent || '').trim().slice(0, 60));
        }
        return out;
        """
    )


@unittest.skipIf(os.environ.get("E2E_SUITE") != "spanish", "run with E2E_SUITE=spanish")
class SpanishApp(unittest.TestCase):
    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def test_1_starts_in_spanish_and_every_view_speaks_it(self):
        d = self.driver
        self.assertTrue(d.execute_script("return navigator.language").lower().startswith("es"))
        wait(d).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "section.pillar")))
        self.assertEqual(d.execute_script("return document.documentElement.lang"), "es")
        self.assertEqual(nav_labels(d), SPANISH_NAV)
        titles = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".pillar-title .pillar-number")]
        self.assertEqual(titles, ["Pilar I", "Pilar II", "Pilar III", "Pilar IV"])
        # Entry dates are written in Spanish ("octubre de 2021"), the source's words on hover.
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".entry .date")))
        dates = [(e.text, e.get_attribute("title") or "") for e in d.find_elements(By.CSS_SELECTOR, ".entry .date")]
        spanish = [(text, title) for text, title in dates if SPANISH_MONTH.search(text)]
        self.assertTrue(spanish, dates[:10])
        self.assertTrue(any(ENGLISH_MONTH.search(title) for _, title in spanish), spanish[:10])
        shot(d, "es-record-dates")
        # Pillar numerals use the font's plain capitals (ss04), not its serifed I.
        features = {d.execute_script("return getComputedStyle(arguments[0]).fontFeatureSettings", e) for e in d.find_elements(By.CSS_SELECTOR, ".pillar-link, .pillar-number")}
        self.assertTrue(all("ss04" in f for f in features), features)
        headings = {}
        for view in VIEWS:
            go(d, view)
            if view == "search":
                box = d.find_element(By.ID, "search-input")
                box.send_keys("COFEPRIS")
                wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".search-status"), "resultado"))
            if view == "translations":
                wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".translation-row")))
            if view == "timeline":
                wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".month")))
            if view == "packet":
                wait(d).until(EC.presence_of_element_located((By.ID, "packet-pages")))
            if view == "settings":
                wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".facts dd")))
            headings[view] = d.find_element(By.CSS_SELECTOR, f"#main h1").text
            self.assertEqual(clipped(d), [], f"clipped text in {view}")
            shot(d, f"es-{view}")
        self.assertEqual(
            headings,
            {
                "record": "Expediente",
                "timeline": "Cronología",
                "search": "Buscar",
                "packet": "Armar carpeta",
                "translations": "Traducciones",
                "import": "Importar",
                "settings": "Ajustes",
            },
        )
        # Months and numbers follow the Spanish locale.
        go(d, "timeline")
        months = d.find_element(By.CSS_SELECTOR, ".timeline").text.lower()
        self.assertTrue(any(m in months for m in ("septiembre", "octubre", "diciembre")), months[:200])

    def test_2_a_spanish_title_typed_in_the_editor_shows_in_the_record(self):
        d = self.driver
        go(d, "translations")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".translation-row")))
        groups = d.find_elements(By.CSS_SELECTOR, ".translation-group")
        self.assertGreaterEqual(len(groups), 5)  # the dialogue's own texts and four pillars
        before = groups[1].find_element(By.CSS_SELECTOR, ".group-count").text
        row = d.find_element(By.CSS_SELECTOR, '.translation-row[data-kind="initiative_title"]')
        initiative_id = row.get_attribute("data-id")
        english = row.find_element(By.CSS_SELECTOR, ".translation-text").text
        box = row.find_element(By.CSS_SELECTOR, "textarea")
        box.clear()
        box.send_keys(TITLE_ES)
        row.find_element(By.CSS_SELECTOR, ".translation-save").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Traducción guardada"))
        wait(d).until(lambda x: x.find_elements(By.CSS_SELECTOR, ".translation-group")[1].find_element(By.CSS_SELECTOR, ".group-count").text != before)
        # "Missing only" hides what is translated.
        d.find_element(By.ID, "translations-missing-only").click()
        rows = d.find_elements(By.CSS_SELECTOR, ".translation-row")
        self.assertTrue(all("missing" in r.get_attribute("class") for r in rows))
        self.assertNotIn(initiative_id, [r.get_attribute("data-id") for r in rows if r.get_attribute("data-kind") == "initiative_title"])
        shot(d, "es-translations-missing-only")
        go(d, "record")
        # In Spanish the Spanish title comes first, the English beneath it (tagged EN).
        card = card_titled(d, TITLE_ES[:30])
        self.assertEqual(card.get_attribute("data-initiative-id"), initiative_id)
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".initiative-title").text, TITLE_ES)
        beneath = card.find_element(By.CSS_SELECTOR, ".initiative-header .english")
        self.assertEqual(beneath.get_attribute("lang"), "en")
        self.assertIn(english[:30], beneath.text)
        # A text not yet translated shows its English with an EN marker.
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, ".record-view .lang-tag.fallback"))
        shot(d, "es-record-translated")

    def test_3_the_language_switches_without_a_restart_and_is_remembered(self):
        d = self.driver
        go(d, "settings")
        Select(d.find_element(By.CSS_SELECTOR, ".language-select")).select_by_value("en")
        wait(d).until(lambda x: x.find_element(By.CSS_SELECTOR, "#nav-settings .nav-name").text == "Settings")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#main h1").text, "Settings")
        d.quit()
        # The system says Spanish; the saved choice wins.
        self.driver = d = start_app()
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#nav-record .nav-name").text, "Record")
        go(d, "settings")
        Select(d.find_element(By.CSS_SELECTOR, ".language-select")).select_by_value("es")
        wait(d).until(lambda x: x.find_element(By.CSS_SELECTOR, "#nav-settings .nav-name").text == "Ajustes")

    def test_4_a_chosen_backup_is_restored_after_confirmation(self):
        d = self.driver
        go(d, "settings")
        d.find_element(By.ID, "backup-now").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Respaldo guardado"))
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".backups-table .restore-backup")))
        # A change after the backup, which the restore takes back.
        go(d, "record")
        entry = first_entry_in(d, "Medical Devices")
        entry_id = entry.get_attribute("data-entry-id")
        select = Select(entry.find_element(By.CSS_SELECTOR, "select.status"))
        old = select.first_selected_option.get_attribute("value")
        new = "dropped" if old != "dropped" else "done"
        select.select_by_value(new)
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Estado cambiado"))
        go(d, "settings")
        rows = wait(d).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".backups-table tbody tr")))
        manual = [r for r in rows if "a mano" in r.text]
        self.assertTrue(manual, [r.text for r in rows])
        manual[0].find_element(By.CSS_SELECTOR, ".restore-backup").click()
        dialog = wait(d).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.confirm")))
        self.assertIn("¿Restaurar", dialog.text)
        shot(d, "es-settings-restore-confirm")
        d.find_element(By.ID, "confirm-ok").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Se restauró"))
        rows = wait(d).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".backups-table tbody tr")))
        self.assertTrue(any("antes de una restauración" in r.text for r in rows), [r.text for r in rows])
        shot(d, "es-settings-restored")
        go(d, "record")
        row = first_entry_in(d, "Medical Devices")
        self.assertEqual(row.get_attribute("data-entry-id"), entry_id)
        status = row.find_element(By.CSS_SELECTOR, "select.status")
        self.assertEqual(Select(status).first_selected_option.get_attribute("value"), old)

    def test_5_an_error_from_the_core_leads_in_spanish_and_keeps_its_detail(self):
        d = self.driver
        entry = first_entry_in(d, "Medical Devices")
        entry.find_element(By.CSS_SELECTOR, ".entry-actions button").click()
        date = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".entry-editor .date-input")))
        date.clear()
        date.send_keys("2021-02-30")
        date.send_keys(Keys.TAB)
        d.find_element(By.CSS_SELECTOR, ".entry-editor button[type=submit]").click()
        error = wait(d).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".entry-editor .form-error")))
        self.assertTrue(error.text.startswith("No se aceptó:"), error.text)
        self.assertIn("2021-02-30", error.text)
        time.sleep(0.2)
        shot(d, "es-record-date-error")


@unittest.skipIf(os.environ.get("E2E_SUITE") != "spanish", "run with E2E_SUITE=spanish")
class SpanishMeeting(unittest.TestCase):
    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def test_a_meeting_keeps_its_spanish_and_is_listed_by_it(self):
        d = self.driver
        go(d, "meetings")
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-index h2")))
        d.find_element(By.ID, "meeting-new").click()
        form = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-create")))
        fill(form, '[data-field="title"] input', MEETING)
        fill(form, ".date-input", "2022-09-12")
        d.find_element(By.ID, "meeting-create").click()
        editor = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-editor")))
        fill(editor, '[data-field="title_es"] input', MEETING_ES)
        d.find_element(By.CSS_SELECTOR, '[data-add="agenda"]').click()
        item = editor.find_element(By.CSS_SELECTOR, '[data-list="agenda"] .meeting-row')
        fill(item, '[data-field="item"] input', "Opening session")
        fill(item, '[data-field="item_es"] input', ITEM_ES)
        self.assertEqual(item.find_element(By.CSS_SELECTOR, '[data-field="item_es"] input').get_attribute("lang"), "es")
        d.find_element(By.ID, "meeting-save").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Reunión guardada"))
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meeting-item-title"), MEETING_ES))
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".meeting-item").get_attribute("title"), MEETING)
        d.quit()
        # Stored, not just typed: a fresh start reads the Spanish back.
        self.driver = d = start_app()
        go(d, "meetings")
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meeting-item-title"), MEETING_ES))
        d.find_element(By.CSS_SELECTOR, ".meeting-item").click()
        editor = wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".meeting-editor")))
        item_es = editor.find_element(By.CSS_SELECTOR, '[data-list="agenda"] [data-field="item_es"] input')
        wait(d).until(lambda x: item_es.get_attribute("value") == ITEM_ES)
        self.assertEqual(editor.find_element(By.CSS_SELECTOR, '[data-section="meeting"] legend').text, MEETING_ES)
        shot(d, "es-meeting-editor")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", item_es)
        shot(d, "es-meeting-agenda")


if __name__ == "__main__":
    unittest.main(verbosity=2)
