package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer on a phone reports a key that does not work, an agent answers and resolves the case in
 * the console, and the buyer follows it to the end, in English and in Chinese. Real headless
 * Chromium against the deployed WAR; screenshots of every step go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalJourneyIT {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("keydesk.it.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("keydesk.it.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.keydesk();
  }

  @ArquillianResource URL url;
  Api api;
  private final List<Browser> browsers = new ArrayList<>();

  @BeforeEach
  void client() {
    api = new Api(url);
  }

  @AfterEach
  void closeBrowsers() {
    for (Browser browser : browsers) {
      browser.close();
    }
  }

  @Test
  void aBuyerOnAPhoneReportsABadKeyAndFollowsTheCaseUntilAnAgentResolvesIt() {
    String orderNo = Api.unique("WEB");
    String contact = orderNo.toLowerCase() + "@example.com";
    String code = "KEY-" + orderNo + "-PLAINTEXT";
    assertEquals(200, api.importOrder(orderNo, contact, "WEB-SKU", code).status());
    Browser buyer = open("buyer", Device.PHONE, "en-US,en");

    // A wrong contact: an error, no session, nothing else.
    buyer.get("/");
    buyer.shoot("01-find");
    buyer.assertAccessibleForm();
    buyer.type("find:orderNo", orderNo);
    buyer.type("find:contact", "someone-else@example.com");
    buyer.submit("find:submit");
    buyer.waitFor(textToBePresentInElementLocated(By.id("messages"), "We found no order"));
    buyer.shoot("02-find-wrong-contact");
    assertTrue(buyer.path().endsWith("/index.xhtml") || buyer.path().endsWith("/"), buyer.path());
    assertTrue(buyer.all(By.id("tickets")).isEmpty(), "no orders are shown");
    buyer.get("/orders.xhtml");
    buyer.waitFor(presenceOfElementLocated(By.id("find:orderNo")));
    assertTrue(buyer.path().endsWith("/index.xhtml"), "no session was opened: " + buyer.path());

    // The right contact, with the keyboard only: Tab to the fields, Enter submits.
    buyer.get("/");
    buyer.tabTo("find:orderNo", 8);
    buyer.keys(orderNo, Keys.TAB);
    assertEquals("find:contact", buyer.focusedId(), "Tab moves from the order number to contact");
    buyer.keys(contact, Keys.ENTER);
    buyer.waitFor(urlContains("/orders.xhtml"));
    buyer.waitFor(presenceOfElementLocated(By.cssSelector("article.order")));
    assertTrue(
        buyer.driver.findElements(By.id("tickets")).isEmpty(), "no empty list of cases is shown");
    buyer.shoot("03-orders");
    assertFalse(buyer.source().contains(code), "the plaintext key never reaches the page");
    WebElement order =
        buyer.driver.findElement(By.xpath("//article[contains(., '" + orderNo + "')]"));
    String masked = order.findElement(By.tagName("code")).getText();
    assertTrue(masked.startsWith("****-"), "the key is shown masked: " + masked);
    buyer.assertFitsTheScreen();

    // Report a problem: the key does not work.
    buyer.click(order.findElement(By.linkText("Report a problem")));
    buyer.waitFor(presenceOfElementLocated(By.id("form:description")));
    assertTrue(buyer.path().endsWith("/new-ticket.xhtml"), buyer.path());
    buyer.shoot("04-new-ticket");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();
    assertFalse(buyer.source().contains(code), "the plaintext key never reaches the form");
    buyer.click(By.xpath("//label[normalize-space()='Key does not work']"));
    buyer.waitFor(
        d -> d.findElement(By.cssSelector("input[type=radio][value=INVALID_KEY]")).isSelected());
    buyer.pick("form:key", masked);
    String description = "The shop says 'code already redeemed' for order " + orderNo;
    buyer.type("form:description", description);
    buyer.shoot("05-new-ticket-filled");
    buyer.submit("form:submit");
    buyer.waitFor(urlContains("/ticket.xhtml?no="));
    String ticketNo = buyer.driver.getCurrentUrl().replaceAll(".*[?&]no=([^&]+).*", "$1");
    buyer.waitFor(textToBe(By.id("status"), "With an agent"));
    buyer.waitFor(textToBePresentInElementLocated(By.id("messages"), "Your case was submitted."));
    buyer.shoot("06-ticket-submitted");
    assertTrue(buyer.text(By.id("ticketTitle")).contains(ticketNo));
    String timeline = buyer.text(By.id("timeline"));
    assertTrue(
        timeline.indexOf("Status changed to Submitted")
            < timeline.indexOf("Status changed to With an agent"),
        "the history is in the order it happened: " + timeline);
    assertEquals(description, buyer.text(By.id("description")), "the buyer sees what they wrote");
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();

    // An agent signs in (a wrong password first), finds the case and works it.
    Browser agent = open("agent", Device.DESKTOP, "en-US,en");
    agent.get("/console/index.xhtml");
    agent.waitFor(presenceOfElementLocated(By.id("login:username")));
    assertTrue(agent.path().endsWith("/console/login.xhtml"), agent.path());
    agent.type("login:username", "agent");
    agent.type("login:password", "not-the-password");
    agent.submit("login:submit");
    agent.waitFor(textToBePresentInElementLocated(By.id("messages"), "Wrong username or password"));
    agent.shoot("07-console-wrong-password");
    agent.type("login:username", "agent");
    agent.type("login:password", "agent-demo-pass");
    agent.submit("login:submit");
    agent.waitFor(urlContains("/console/index.xhtml"));
    agent.waitFor(presenceOfElementLocated(By.id("tickets")));
    WebElement queue = agent.driver.findElement(By.id("tickets"));
    agent.pick("queue:category", "Key does not work");
    agent.waitFor(d -> Browser.isGone(queue));
    agent.shoot("08-console-queue");
    for (WebElement category : agent.all(By.cssSelector("#tickets tbody tr td:nth-child(2)"))) {
      assertEquals("Key does not work", category.getText(), "the queue shows only that category");
    }
    agent.click(agent.findInQueue(ticketNo));
    agent.waitFor(presenceOfElementLocated(By.id("actions:text")));
    assertEquals("With an agent", agent.text(By.id("status")));
    assertTrue(agent.source().contains(description), "the agent sees the description");
    assertFalse(agent.source().contains(code), "the console never shows the plaintext key");

    String reply = "Sorry about that. We checked key 1 with the supplier, a new one is on its way.";
    agent.type("actions:text", reply);
    agent.submit("actions:reply");
    agent.waitFor(textToBePresentInElementLocated(By.id("timeline"), reply));
    agent.waitFor(textToBePresentInElementLocated(By.id("messages"), "Done."));
    agent.shoot("09-console-replied");

    String note = "Replaced with a fresh key from batch 2.";
    agent.type("actions:text", note);
    agent.pick("actions:resolution", "Key replaced");
    agent.click(By.id("actions:resolve"));
    agent.waitFor(alertIsPresent()).dismiss();
    assertEquals(
        "With an agent", agent.text(By.id("status")), "dismissing the confirm does nothing");
    WebElement page = agent.driver.findElement(By.tagName("html"));
    agent.click(By.id("actions:resolve"));
    agent.waitFor(alertIsPresent()).accept();
    agent.waitFor(d -> Browser.isGone(page));
    agent.waitFor(textToBe(By.id("status"), "Resolved"));
    agent.shoot("10-console-resolved");
    assertTrue(agent.all(By.id("actions:resolve")).isEmpty(), "a resolved case has no actions");

    // The buyer reloads the case: the agent's answer and the resolution are there.
    buyer.reload();
    buyer.waitFor(textToBe(By.id("status"), "Resolved"));
    buyer.shoot("11-ticket-resolved");
    WebElement answer =
        buyer.driver.findElement(
            By.xpath(
                "//ul[@id='timeline']/li[div[@class='body'][normalize-space()=\""
                    + reply
                    + "\"]]"));
    assertEquals("Agent", answer.findElement(By.className("who")).getText(), "the agent answered");
    String resolution = buyer.text(By.id("resolution"));
    assertTrue(resolution.contains("Key replaced"), resolution);
    assertTrue(resolution.contains(note), resolution);
    assertTrue(buyer.all(By.id("reply:message")).isEmpty(), "a resolved case takes no messages");
    assertFalse(buyer.source().contains(code));

    // The header link switches to Chinese and stays on the case.
    buyer.submit("lang:switch");
    buyer.waitFor(textToBe(By.id("status"), "已解决"));
    buyer.shoot("12-ticket-resolved-zh");
    assertEquals("zh-CN", buyer.htmlLang());
    assertTrue(buyer.text(By.id("resolution")).contains("已更换卡密"));
    assertTrue(buyer.text(By.id("timeline")).contains("状态变为 已解决"));
    assertEquals("English", buyer.text(By.id("lang:switch")));
    buyer.assertFitsTheScreen();
  }

  @Test
  void aBrowserThatPrefersChineseGetsChineseOnTheFirstPage() {
    Browser buyer = open("buyer-zh", Device.PHONE, "zh-CN,zh");
    buyer.get("/");
    buyer.waitFor(presenceOfElementLocated(By.id("find:orderNo")));
    buyer.shoot("20-find-zh");
    assertEquals("zh-CN", buyer.htmlLang());
    assertEquals("查找订单", buyer.text(By.tagName("h1")));
    assertEquals("English", buyer.text(By.id("lang:switch")));
    assertEquals("查找订单", buyer.driver.findElement(By.id("find:submit")).getText());
    buyer.assertAccessibleForm();
    buyer.assertFitsTheScreen();

    buyer.submit("find:submit");
    buyer.waitFor(textToBePresentInElementLocated(By.tagName("main"), "此项为必填项。"));
    buyer.shoot("21-find-zh-required");
  }

  private Browser open(String name, Device device, String languages) {
    Browser browser = new Browser(name, device, languages, api.base());
    browsers.add(browser);
    return browser;
  }

  /** The screens the journeys run on. */
  enum Device {
    PHONE(390, 844),
    DESKTOP(1280, 900);

    final int width;
    final int height;

    Device(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  /** One headless Chromium with its own fresh profile, as one person on one device. */
  static final class Browser {
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

    void type(String id, String text) {
      WebElement field = waitFor(elementToBeClickable(By.id(id)));
      field.clear();
      field.sendKeys(text);
    }

    void click(By by) {
      waitFor(elementToBeClickable(by)).click();
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
     * Whether the element left the document. While the browser swaps pages, Chrome may answer with
     * an inspector error instead of a stale reference: that, too, means the old page is gone.
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
        WebElement next = driver.findElement(By.id("queue:next"));
        assertTrue(next.isEnabled(), ticketNo + " is not in the queue");
        WebElement table = driver.findElement(By.id("tickets"));
        next.click();
        waitFor(d -> isGone(table));
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
                          + rule.getNodes().stream()
                              .map(n -> String.valueOf(n.getTarget()))
                              .toList())
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
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
