package io.keydesk.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the browser journeys: the deployed WAR as for {@link ApiIT}, plus headless Chromium
 * browsers opened by the test, each closed (with a last screenshot) after it.
 */
abstract class BrowserIT extends ApiIT {
  private final List<Browser> browsers = new ArrayList<>();

  /** A fresh browser, as one person on one device, preferring {@code languages}. */
  Browser open(String name, Device device, String languages) {
    Browser browser = new Browser(name, device, languages, api.base());
    browsers.add(browser);
    return browser;
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(Browser::close);
    browsers.clear();
  }
}
