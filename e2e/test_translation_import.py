"""End-to-end: import the Spanish version of a statement already in the record as its
translation (issue 12, item 1), through the Import view of the real webview.

Suite "translation" (scripts/test-app): the database holds the built-in record and
tests/fixtures/translation/statement-en.txt; the open dialog answers the Spanish
version, tests/fixtures/translation/statement-es.txt.
"""

import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_app import go, shot, start_app, wait


@unittest.skipIf(os.environ.get("E2E_SUITE") != "translation", "run with E2E_SUITE=translation")
class TranslationImport(unittest.TestCase):
    def setUp(self):
        self.driver = start_app()

    def tearDown(self):
        self.driver.quit()

    def test_the_spanish_statement_fills_translations_pair_by_pair(self):
        d = self.driver
        go(d, "import")
        d.find_element(By.ID, "import-as-translation").click()
        d.find_element(By.ID, "import-choose").click()
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "tr.pair")))
        card = d.find_element(By.CSS_SELECTOR, ".translation-preview")
        self.assertIn("Building Back Together", card.text)
        self.assertIn("Reconstruir juntos", card.text)
        pairs = d.find_elements(By.CSS_SELECTOR, "tr.pair")
        self.assertGreaterEqual(len(pairs), 15)
        # The paragraph only the Spanish version has is listed, not dropped.
        self.assertTrue(d.find_elements(By.ID, "translate-unmatched"))
        shot(d, "import-translation-preview")
        # Leave the first pair (the pillar title): it must stay untranslated.
        d.find_element(By.ID, "pair-1").click()
        d.find_element(By.ID, "import-confirm").click()
        wait(d).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".import-preview"), "Filled"))
        # Search finds the statement by its Spanish words now.
        go(d, "search")
        d.find_element(By.ID, "search-input").send_keys("semiconductores")
        wait(d).until(EC.text_to_be_present_in_element((By.ID, "search-results"), "semiconductor"))
        # The pillar whose pair was left has no Spanish title.
        go(d, "import")
        box = d.find_element(By.ID, "import-as-translation")
        self.assertTrue(box.is_selected(), "the choice stays while the app runs")
        d.find_element(By.ID, "import-choose").click()
        wait(d).until(EC.presence_of_element_located((By.CSS_SELECTOR, "tr.pair")))
        first = d.find_element(By.CSS_SELECTOR, 'tr.pair[data-pair="1"]')
        self.assertNotIn("unchanged", first.get_attribute("class"))
        second = d.find_element(By.CSS_SELECTOR, 'tr.pair[data-pair="2"]')
        self.assertIn("unchanged", second.get_attribute("class"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
