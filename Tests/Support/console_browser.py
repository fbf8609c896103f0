"""Drives the owner's console in a real browser (headless Chromium through Selenium) and reports
what it saw, for ConsoleBrowserTests.

Usage: console_browser.py < PLAN.json

The plan names the gateway and what to do:
  {"base": "http://127.0.0.1:PORT", "password": "...", "approve": [ID, ID], "spam": ID,
   "block": ID, "hostile": [ID, ...], "moderationKey": "...", "screenshot": "/path/queue.png"}

It logs in, filters the queue to pending trackbacks, bulk-approves `approve`, marks `spam` as
spam with its row's button, blocks the site of `block` (a bulk action), adds `moderationKey` to
the moderation keys on the rules page, then shows the pending queue of every kind, reads the
`hostile` rows' source link and excerpt as text, and saves a screenshot of it (1280x900).
After every page it looks for what would mean script ran or was injected: an alert dialog, an
error in the browser's log (a CSP violation is one), a script element, an element with an on*
handler, an img whose src is 'x' (the hostile ping's). It prints a JSON report on standard output
and exits 0; it exits 1, naming the step on standard error (the report so far on standard
output), when the console lacks an element the contract promises or the browser fails.

Chromium runs headless with a fresh profile in a temporary directory (--no-sandbox only when
running as root, where Chromium's sandbox cannot start) and is always stopped, with chromedriver.
"""
import json
import os
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, TimeoutException, UnexpectedAlertPresentException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW = (1280, 900)
# Generous: the machine is shared and loaded; nothing here measures speed.
WAIT_SECONDS = 60

# What must never be an element: the hostile title is text, and the console has no script at all.
INJECTED = "//script | //*[@*[starts-with(name(), 'on')]] | //img[@src='x']"


class StepFailed(Exception):
    pass


class Console:
    """One browser session on the console, and what it noticed on every page."""

    def __init__(self, base, profile):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                         "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"]:
            options.add_argument(argument)
        if os.geteuid() == 0:
            options.add_argument("--no-sandbox")
        # Every console message, and alerts left open so that they can be seen and counted.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.set_capability("unhandledPromptBehavior", "ignore")
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.set_page_load_timeout(WAIT_SECONDS)
        self.base = base
        self.report = {"alerts": [], "browserErrors": [], "injectedElements": [], "pages": []}

    def quit(self):
        self.driver.quit()

    def look(self, step):
        """Records what the page now shown holds that should not be there."""
        driver = self.driver
        # An alert blocks every other command until answered, and another may open meanwhile.
        for _ in range(10):
            self.accept_alerts(step)
            try:
                log = driver.get_log("browser")
                injected = [element.get_attribute("outerHTML")[:200] for element in driver.find_elements(By.XPATH, INJECTED)]
                break
            except UnexpectedAlertPresentException:
                continue
        else:
            raise StepFailed(f"{step}: alerts kept opening")
        self.report["browserErrors"] += [f"{step}: {entry.get('message')}" for entry in log
                                         if entry.get("level") == "SEVERE" and not self.own_favicon_request(entry)]
        self.report["injectedElements"] += [f"{step}: {html}" for html in injected]
        self.report["pages"].append({"step": step, "url": driver.current_url})

    def accept_alerts(self, step):
        while True:
            try:
                alert = self.driver.switch_to.alert
            except NoAlertPresentException:
                return
            self.report["alerts"].append(f"{step}: {alert.text}")
            alert.accept()

    def own_favicon_request(self, entry):
        """Chromium asks for /favicon.ico at the server's root by itself, whatever the page says;
        the console does not link it, and the root is the blog's, where it is 404."""
        return entry.get("source") == "network" and entry.get("message", "").startswith(self.base + "/favicon.ico ")

    def find(self, step, css):
        elements = self.driver.find_elements(By.CSS_SELECTOR, css)
        if not elements:
            raise StepFailed(f"{step}: no element matches {css!r} at {self.driver.current_url}:\n"
                             f"{self.driver.page_source[:3000]}")
        return elements[0]

    def submit(self, step, css):
        """Clicks a submit button or link and waits until the next page has loaded.

        The page shown is marked with a property on its document (set through WebDriver, which
        the console's CSP does not govern) and the wait is for a complete document without it.
        An element of the old page is never touched again: once its document is replaced,
        Chromium may answer for it with "Node with given id does not belong to the document"
        rather than a stale element reference."""
        self.driver.execute_script("document.trackwayLeft = true")
        self.find(step, css).click()

        def next_page_loaded(driver):
            try:
                return driver.execute_script(
                    "return document.trackwayLeft === undefined && document.readyState === 'complete'")
            except UnexpectedAlertPresentException:
                self.accept_alerts(step)
            except WebDriverException:
                pass  # between two documents
            return False

        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(next_page_loaded)
        except TimeoutException:
            raise StepFailed(f"{step}: no new page after clicking {css!r} at {self.driver.current_url}")
        self.look(step)

    def rows(self):
        """The queue's rows as the page shows them: id, kind, status."""
        return [{"id": int(row.get_attribute("data-id")), "kind": row.get_attribute("data-kind"),
                 "status": row.get_attribute("data-status")}
                for row in self.driver.find_elements(By.CSS_SELECTOR, "#queue tr.ping")]

    def notice(self):
        notices = self.driver.find_elements(By.ID, "notice")
        return notices[0].text if notices else None

    def after_action(self):
        return {"notice": self.notice(), "rows": self.rows(), "url": self.driver.current_url}

    def bulk(self, step, action, ids):
        for ping in ids:
            self.find(step, f"#queue input[type=checkbox][name=ids][value='{ping}']").click()
        Select(self.find(step, "#bulk-action")).select_by_value(action)
        self.submit(step, "#bulk-apply")
        return self.after_action()

    def run(self, plan):
        driver, report = self.driver, self.report
        driver.get(self.base + "/trackway/admin/")
        self.look("queue before login")
        report["beforeLogin"] = driver.current_url

        self.find("login", "#login #password").send_keys(plan["password"])
        self.submit("login", "#login-submit")
        report["afterLogin"] = driver.current_url
        self.find("login", "#logout")

        Select(self.find("filter", "#filters select[name=kind]")).select_by_value("trackback")
        self.submit("filter", "#filter-submit")
        report["filtered"] = self.after_action()

        report["approved"] = self.bulk("approve", "approve", plan["approve"])

        self.submit("spam", f"#queue button[name=one][value='spam:{plan['spam']}']")
        report["spammed"] = self.after_action()

        report["blocked"] = self.bulk("block-site", "block-site", [plan["block"]])

        self.submit("rules page", "#rules-link")
        keys = self.find("rules", "#moderation-keys")
        keys.send_keys(("\n" if keys.get_attribute("value") else "") + plan["moderationKey"])
        self.submit("rules", "#rules-save")
        report["rules"] = {
            "moderationKeys": self.find("rules", "#moderation-keys").get_attribute("value"),
            "blockedHosts": self.find("rules", "#blocked-hosts").get_attribute("value"),
            "notice": self.notice(),
        }

        # The viewport itself at WINDOW, whatever the headless window's frame takes.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False})
        driver.get(self.base + "/trackway/admin/?status=pending")
        self.look("pending queue")
        report["pending"] = self.rows()
        report["hostile"] = []
        for ping in plan["hostile"]:
            row = self.find("pending queue", f"#queue tr.ping[data-id='{ping}']")
            report["hostile"].append({"id": ping, "source": row.find_element(By.CSS_SELECTOR, "a.source").text,
                                      "excerpt": row.find_element(By.CSS_SELECTOR, ".excerpt").text})
        if not driver.save_screenshot(plan["screenshot"]):
            raise StepFailed(f"screenshot: could not write {plan['screenshot']}")
        self.look("screenshot")
        return report


def main():
    plan = json.load(sys.stdin)
    profile = tempfile.mkdtemp(prefix="trackway-chromium-")
    console = None
    try:
        console = Console(plan["base"], profile)
        print(json.dumps(console.run(plan), indent=2))
        return 0
    except (StepFailed, WebDriverException) as error:
        if console is not None:
            print(json.dumps(console.report, indent=2))
        print(f"console_browser.py: {error}", file=sys.stderr)
        return 1
    finally:
        if console is not None:
            console.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
