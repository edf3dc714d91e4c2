package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium with its own fresh profile, as one person on one device. */
final class Browser {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("keydesk.it.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("keydesk.it.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  final String name;
  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String base;
  private final Path profile;

  Browser(String name, Device device, String languages, String base) {
    assertTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium is needed for the browser tests: " + CHROMIUM + " (apt-get install chromium)");
    assertTrue(
        Files.isExecutable(CHROMEDRIVER),
        "ChromeDriver is needed: " + CHROMEDRIVER + " (apt-get install chromium-driver)");
    this.name = name;
    this.base = base;
    try {
      this.profile = Files.createTempDirectory("keydesk-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.driver = start(device, languages, profile);
    this.wait = new WebDriverWait(driver, PATIENCE);
    // A condition that meets an element the page is just replacing (an ajax update, the next page)
    // is asked again, as if the element had not been found yet.
    this.wait.ignoring(StaleElementReferenceException.class);
    // Every person comes from their own address, so the per-IP limits of other tests never
    // hit this one (the test server trusts X-Forwarded-For, like behind a load balancer).
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("X-Forwarded-For", Api.uniqueIp())));
  }

  /**
   * The installed Chromium through the installed ChromeDriver, both named explicitly so that
   * Selenium Manager never downloads anything.
   */
  private static ChromeDriver start(Device device, String languages, Path profile) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--lang=" + languages.split(",")[0],
        "--window-size=" + device.width + "," + device.height,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    if (device == Device.PHONE) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", device.width, "height", device.height, "pixelRatio", 2.0),
              "userAgent",
              "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " Chrome/156.0.0.0 Mobile Safari/537.36"));
    }
    try {
      return new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteRecursively(profile);
      throw e;
    }
  }

  void get(String path) {
    driver.get(base + path);
  }

  void reload() {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.navigate().refresh();
    waitFor(d -> isGone(page));
  }

  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  String source() {
    return driver.getPageSource();
  }

  String text(By by) {
    return driver.findElement(by).getText();
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  String htmlLang() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  <T> T waitFor(Function<? super WebDriver, T> condition) {
    return wait.until(condition);
  }

  /**
   * Waits up to {@code patience} for what a live update brings (a push redraws parts of the page
   * while the condition reads them), asking again when an element is being replaced.
   */
  <T> T waitFor(Duration patience, Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, patience)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  void type(String id, String text) {
    WebElement field = waitFor(elementToBeClickable(By.id(id)));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Clicks the control once it can take the click. While something still covers it — a dialog's
   * mask fading out after the last confirmation — the click is tried again, as a person would.
   */
  void click(By by) {
    waitFor(
        d -> {
          WebElement target = elementToBeClickable(by).apply(d);
          if (target == null) {
            return false;
          }
          try {
            target.click();
            return true;
          } catch (ElementClickInterceptedException e) {
            return false;
          }
        });
  }

  void click(WebElement element) {
    waitFor(elementToBeClickable(element)).click();
  }

  /** Clicks a control that posts the whole page and waits for the next page. */
  void submit(String id) {
    WebElement page = driver.findElement(By.tagName("html"));
    click(By.id(id));
    waitFor(d -> isGone(page));
  }

  /**
   * Whether the element left the document. While the browser swaps pages, Chrome may answer with an
   * inspector error instead of a stale reference: that, too, means the old page is gone.
   */
  static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true;
    }
  }

  /** Picks the option of a native select whose text contains {@code label}. */
  void pick(String menuId, String label) {
    Select select = new Select(waitFor(elementToBeClickable(By.id(menuId))));
    String text =
        select.getOptions().stream()
            .map(WebElement::getText)
            .filter(t -> t.contains(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no option '" + label + "' in " + menuId));
    select.selectByVisibleText(text);
    waitFor(
        d -> {
          try {
            return new Select(d.findElement(By.id(menuId)))
                .getFirstSelectedOption()
                .getText()
                .contains(label);
          } catch (WebDriverException e) {
            return false; // replaced by an ajax update while looking: look again
          }
        });
  }

  /** The queue link to the ticket, paging through the queue until it shows. */
  WebElement findInQueue(String ticketNo) {
    for (int page = 0; page < 40; page++) {
      List<WebElement> links = driver.findElements(By.linkText(ticketNo));
      if (!links.isEmpty()) {
        return links.get(0);
      }
      WebElement next = driver.findElement(By.cssSelector("#tickets .ui-paginator-next"));
      assertFalse(
          next.getDomAttribute("class").contains("ui-state-disabled"),
          ticketNo + " is not in the queue");
      WebElement row = driver.findElement(By.cssSelector("#tickets tbody tr"));
      next.click();
      waitFor(d -> isGone(row));
    }
    throw new AssertionError(ticketNo + " not found in 40 pages of the queue");
  }

  /** Presses Tab until the field has the focus (at most {@code presses} times). */
  void tabTo(String id, int presses) {
    for (int i = 0; i < presses && !id.equals(focusedId()); i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    assertEquals(id, focusedId(), "the field is reached with Tab");
  }

  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  String focusedId() {
    return (String) js("return document.activeElement ? document.activeElement.id : null;");
  }

  /**
   * Every field a user can reach has a name a screen reader reads out (a label, aria-label or
   * aria-labelledby), and the page says its language.
   */
  void assertAccessibleForm() {
    assertFalse(htmlLang() == null || htmlLang().isBlank(), "<html> has a lang attribute");
    @SuppressWarnings("unchecked")
    List<String> unnamed =
        (List<String>)
            js(
                """
                const named = e => {
                  const text = s => (s || '').trim().length > 0;
                  if (text(e.getAttribute('aria-label'))) return true;
                  if (['submit', 'button', 'reset'].includes(e.type) && text(e.value)) return true;
                  const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/)
                    .map(id => document.getElementById(id)).filter(x => x);
                  if (by.some(x => text(x.textContent))) return true;
                  if (e.id && [...document.querySelectorAll('label')]
                    .some(l => l.htmlFor === e.id && text(l.textContent))) return true;
                  return !!e.closest('label') && text(e.closest('label').textContent);
                };
                const reachable = e => e.type !== 'hidden'
                  && !e.closest('[aria-hidden=true]')
                  && e.getClientRects().length > 0
                  && getComputedStyle(e).visibility !== 'hidden';
                return [...document.querySelectorAll('input, textarea, select')]
                  .filter(reachable).filter(e => !named(e))
                  .map(e => e.outerHTML.substring(0, 160));
                """);
    assertTrue(unnamed.isEmpty(), "fields without a label on " + path() + ": " + unnamed);
  }

  /** On a phone nothing is wider than the screen: no sideways scrolling. */
  void assertFitsTheScreen() {
    Number overflow =
        (Number)
            js(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(overflow.intValue() <= 0, path() + " scrolls sideways by " + overflow + "px");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** A screenshot of the page (see {@link #capture}), which must pass the axe-core checks. */
  void shoot(String step) {
    capture(step);
    assertNoAxeViolations();
  }

  /**
   * axe-core's WCAG 2.1 A and AA rules (labels, names, contrast, landmarks, ARIA) find nothing on
   * the page.
   */
  void assertNoAxeViolations() {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<String> violations =
        results.getViolations().stream()
            .map(
                rule ->
                    rule.getId()
                        + " ("
                        + rule.getHelp()
                        + "): "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
            .toList();
    assertTrue(violations.isEmpty(), "axe-core on " + path() + ": " + violations);
  }

  /** A full-page screenshot (beyond the viewport) to target/screenshots/{step}-{name}.png. */
  void capture(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      Object width = size.get("width");
      Object height = size.get("height");
      Map<String, Object> clip =
          Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
      Files.write(
          SCREENSHOTS.resolve(step + "-" + name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
      Files.writeString(
          SCREENSHOTS.resolve(step + "-" + name + ".html"), source(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    try {
      try {
        capture("last");
      } catch (RuntimeException e) {
        // the browser may be gone already; the test's own failure says what happened
      }
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
