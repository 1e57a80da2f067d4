"""The web console (``/_havip/console/``, docs/console.md) in a real browser: Debian's headless Chromium
driven by selenium through chromium-driver. A world is built through the SDK; the page shows the HaVip
with its master; its failover button moves the master (seen in the page and by DescribeHaVips); a fault
added in the page reaches the SDK. ``HAVIP_CONSOLE_SCREENSHOT=PATH`` saves a screenshot of the page
(docs/console.png is one).

Without chromium, chromium-driver or selenium the tests are skipped with the reason (``scripts/test``
installs the first two from Debian's packages when it runs as root)."""

from __future__ import annotations

import os
import shutil
import time
from typing import Iterator
from urllib.parse import urlencode

import pytest

from .cloud import REGION, Cloud, poll, unique
from .control import Control, settle_faults
from .expect import Err, assert_err
from .server import TEST_KEY, Endpoint

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
THROTTLED = Err(400, "Throttling.User", "Request was denied due to user flow control.")
PAGE_WAIT = 15.0

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - the venv pins selenium
    webdriver = None

pytestmark = [
    pytest.mark.skipif(webdriver is None, reason="selenium is not installed (conformance/requirements.txt pins it)"),
    pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                       reason="Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"),
]


@pytest.fixture
def browser() -> Iterator["webdriver.Chrome"]:
    # Selenium Manager would look for a driver on the network: the Debian driver and browser are named instead.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1440,960",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def control(havip) -> Iterator[Control]:
    control = Control(havip)
    yield control
    control.clear_faults()
    settle_faults()


def wait(driver, condition, what: str):
    return WebDriverWait(driver, PAGE_WAIT, poll_frequency=0.1).until(condition, message=what)


def open_console(driver, endpoint: Endpoint, token: str, vswitch_id: str) -> None:
    """Opens the console on the account's vSwitch and gives it the token when it asks."""
    driver.get(f"{endpoint.base_url}/_havip/console/#" + urlencode(
        {"account": TEST_KEY.account, "region": REGION, "vswitch": vswitch_id}))
    field = wait(driver, EC.visibility_of_element_located((By.ID, "token")), "the token dialog")
    field.send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()
    wait(driver, EC.invisibility_of_element_located((By.ID, "token-dialog")), "the token dialog to close")


def master_in_page(driver, havip_id: str) -> str:
    """The card's master, read in one script call (the page redraws the card when the state changes)."""
    return driver.execute_script("const c = document.getElementById(arguments[0]); return c && c.dataset.master;", f"havip-{havip_id}")


def test_the_console_shows_fails_over_and_injects_faults(havip, control, browser):
    cloud = Cloud("tea_v3", havip)
    net = cloud.build(instances=2)
    first, second = net.instance_ids
    havip_id = cloud.create_havip(net.vswitch_id, Name=unique("console"))["HaVipId"]
    cloud.associate(havip_id, first)
    cloud.associate(havip_id, second)
    assert cloud.havip(havip_id)["MasterInstanceId"] == first

    open_console(browser, havip, control.token, net.vswitch_id)

    # The HaVip's card: its address, InUse, both instances, the first marked master.
    card = wait(browser, EC.presence_of_element_located((By.ID, f"havip-{havip_id}")), "the HaVip's card")
    described = cloud.havip(havip_id)
    assert described["IpAddress"] in card.text and "InUse" in card.text
    master = card.find_element(By.CSS_SELECTOR, "li.master")
    assert master.get_attribute("data-instance") == first and "master" in master.text
    assert [li.get_attribute("data-instance") for li in card.find_elements(By.CSS_SELECTOR, "ul.members li")] == [first, second]
    # The vSwitch is selected in the tree, with its CIDR and free addresses.
    vswitch = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, f'[data-vswitch="{net.vswitch_id}"]')), "the vSwitch")
    assert net.vswitch_cidr in vswitch.text and "free" in vswitch.text and "selected" in vswitch.get_attribute("class")
    assert Select(browser.find_element(By.ID, "account")).first_selected_option.get_attribute("value") == TEST_KEY.account

    screenshot = os.environ.get("HAVIP_CONSOLE_SCREENSHOT")
    if screenshot:
        time.sleep(1.5)  # one more refresh: the journal and controls are filled
        browser.save_screenshot(screenshot)

    # Fail over with the card's button: the page shows the new master, and so does DescribeHaVips.
    browser.find_element(By.CSS_SELECTOR, f'#havip-{havip_id} button.failover[data-target="{second}"]').click()
    wait(browser, lambda d: master_in_page(d, havip_id) == second, "the page to show the new master")
    assert browser.execute_script(
        "return document.querySelector(arguments[0]).dataset.instance", f"#havip-{havip_id} li.master") == second
    assert cloud.havip(havip_id)["MasterInstanceId"] == second
    assert f"master is now {second}" in browser.find_element(By.ID, "message").text

    # Add a fault in the page: the next DescribeHaVips of this account through the SDK gets exactly that error.
    action = browser.find_element(By.ID, "fault-action")
    action.clear()
    action.send_keys("DescribeHaVips")
    Select(browser.find_element(By.ID, "fault-code")).select_by_value("Throttling.User")
    browser.find_element(By.ID, "fault-count").send_keys("1")
    assert browser.find_element(By.ID, "fault-account").is_selected()
    browser.find_element(By.ID, "fault-add").click()
    fault = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#faults li[data-fault]")), "the fault in the list")
    assert "DescribeHaVips" in fault.text and "Throttling.User" in fault.text
    [added] = control.faults()
    assert (added["action"], added["account"], added["count"], added["error"]["code"]) == (
        "DescribeHaVips", TEST_KEY.account, 1, "Throttling.User")
    settle_faults()
    assert_err(cloud.error("DescribeHaVips", Filter=[{"Key": "HaVipId", "Value": [havip_id]}]), THROTTLED)
    # It was counted once: the next call goes through, and the page's list empties.
    assert cloud.havip(havip_id)["MasterInstanceId"] == second
    wait(browser, lambda d: not d.find_elements(By.CSS_SELECTOR, "#faults li[data-fault]"), "the used-up fault to leave the list")


def test_the_console_asks_again_for_a_refused_token(havip, browser):
    browser.get(f"{havip.base_url}/_havip/console/")
    field = wait(browser, EC.visibility_of_element_located((By.ID, "token")), "the token dialog")
    field.send_keys("not-the-token")
    browser.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()
    wait(browser, lambda d: "refused" in d.find_element(By.ID, "token-error").text, "the refusal")
    assert browser.find_element(By.ID, "token-dialog").is_displayed()
    assert browser.execute_script("return sessionStorage.getItem('havip-admin-token')") is None
