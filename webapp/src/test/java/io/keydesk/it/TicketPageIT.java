package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import io.keydesk.events.Topics;
import io.keydesk.it.Api.Answer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Following a case on the ticket page in headless Chromium on a phone: files attached (and a
 * disguised one refused without losing the message), an agent's reply and resolution arriving live
 * over the WebSocket, the rating and the reopening; and a second buyer who cannot open the first
 * buyer's case or files.
 */
class TicketPageIT extends BrowserIT {
  /** Well under the 30 s poll: an update within this time came over the WebSocket. */
  private static final Duration LIVE = Duration.ofSeconds(12);

  private Path tmp;

  @BeforeEach
  void setUp() throws IOException {
    tmp = Files.createTempDirectory("keydesk-upload-");
  }

  @AfterEach
  void tearDown() throws IOException {
    try (var files = Files.list(tmp)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(tmp);
  }

  private record Buyer(String orderNo, String contact, String token) {}

  private Buyer buyer() {
    String orderNo = Api.unique("TPG");
    String contact = orderNo.toLowerCase() + "@example.com";
    assertEquals(200, api.importOrder(orderNo, contact, "TPG-SKU", "KEY-" + orderNo).status());
    return new Buyer(orderNo, contact, api.buyerToken(orderNo, contact));
  }

  private String file(Buyer b) {
    Answer a =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + b.orderNo()
                + "\",\"category\":\"OTHER\",\"description\":\"My invoice shows the wrong name\"}",
            Api.bearer(b.token()));
    assertEquals(201, a.status(), a.body());
    return a.json().getString("ticketNo");
  }

  private Browser signIn(String name, Buyer b, String languages) {
    Browser browser = open(name, Device.PHONE, languages);
    browser.get("/");
    browser.type("find:orderNo", b.orderNo());
    browser.type("find:contact", b.contact());
    browser.submit("find:submit");
    browser.waitFor(urlContains("/orders.xhtml"));
    return browser;
  }

  private void staff(String ticketNo, String action) {
    String agent = api.staffToken("agent", "agent-demo-pass");
    Answer a = api.post("/api/v1/ops/tickets/" + ticketNo + "/actions", action, Api.bearer(agent));
    assertEquals(200, a.status(), a.body());
  }

  @Test
  void aBuyerAttachesFilesSeesTheAgentLiveRatesAndReopens() throws Exception {
    Buyer b = buyer();
    String ticketNo = file(b);
    Browser page = signIn("follow", b, "en-US,en");
    page.get("/ticket.xhtml?no=" + ticketNo);
    page.waitFor(textToBe(By.id("status"), "With an agent"));
    page.waitFor(d -> page.text(By.id("countdown")).matches("(\\d+ d )?\\d\\d:\\d\\d:\\d\\d left"));
    String first = page.text(By.id("countdown"));
    page.waitFor(d -> !page.text(By.id("countdown")).equals(first));
    page.assertAccessibleForm();
    page.assertFitsTheScreen();
    page.shoot("40-ticket-open");

    // Two files at once with a message: both listed with size and SHA-256, the message in the
    // thread.
    byte[] png = png();
    byte[] text = "Invoice INV-1 shows 'Jon' instead of 'John'\n".getBytes(StandardCharsets.UTF_8);
    Path shot = write("invoice.png", png);
    Path note = write("note.txt", text);
    page.type("reply:message", "Here is the invoice and a note.");
    page.driver.findElement(By.id("reply:files")).sendKeys(shot + "\n" + note);
    page.submit("reply:send");
    page.waitFor(textToBePresentInElementLocated(By.id("timeline"), "Here is the invoice"));
    page.waitFor(presenceOfElementLocated(By.linkText("note.txt")));
    String files = page.text(By.id("files"));
    assertTrue(files.contains("invoice.png"), files);
    assertTrue(files.contains(sha256(text)), "the SHA-256 of the stored file is shown: " + files);
    assertTrue(page.text(By.id("timeline")).contains("2 files attached"));
    page.shoot("41-ticket-files");

    // The link downloads the file for this session only, as an attachment, never sniffed.
    String href = page.waitFor(d -> d.findElement(By.linkText("note.txt")).getDomAttribute("href"));
    @SuppressWarnings("unchecked")
    Map<String, Object> download = (Map<String, Object>) page.js(FETCH, href);
    assertEquals(200L, ((Number) download.get("status")).longValue());
    assertEquals("nosniff", download.get("nosniff"));
    assertTrue(
        String.valueOf(download.get("disposition")).startsWith("attachment"), download.toString());
    assertEquals(new String(text, StandardCharsets.UTF_8), download.get("body"));

    // A "PNG" that is really HTML: refused with its reason next to the control, the message kept.
    Path fake =
        write(
            "fake.png",
            "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
    String kept = "Another screenshot, please look.";
    page.type("reply:message", kept);
    page.driver.findElement(By.id("reply:files")).sendKeys(fake.toString());
    page.submit("reply:send");
    page.waitFor(
        textToBePresentInElementLocated(By.id("reply:filesError"), "fake.png was not attached"));
    assertEquals(kept, page.driver.findElement(By.id("reply:message")).getDomProperty("value"));
    assertFalse(page.text(By.id("files")).contains("fake.png"), "nothing stored");
    assertFalse(page.text(By.id("timeline")).contains(kept), "nothing sent");
    page.shoot("42-ticket-file-refused");

    // The agent answers and resolves in the console while the page is open: it updates by itself.
    page.waitFor(
        d ->
            "open"
                .equals(page.driver.findElement(By.tagName("html")).getDomAttribute("data-live")));
    WebElement html = page.driver.findElement(By.tagName("html"));
    String reply = "Thanks, the invoice is corrected and sent again.";
    staff(ticketNo, "{\"type\":\"REPLY\",\"text\":\"" + reply + "\"}");
    page.waitFor(LIVE, textToBePresentInElementLocated(By.id("timeline"), reply));
    staff(ticketNo, "{\"type\":\"RESOLVE\",\"resolution\":\"ANSWERED\",\"text\":\"Corrected.\"}");
    page.waitFor(LIVE, textToBe(By.id("status"), "Resolved"));
    page.waitFor(LIVE, presenceOfElementLocated(By.id("rate:submit")));
    assertFalse(Browser.isGone(html), "no reload: the same document");
    assertTrue(page.all(By.id("reply:message")).isEmpty(), "a resolved case takes no messages");
    page.shoot("43-ticket-resolved-live");

    // Rate it: four stars and a comment; then reopen it within the window.
    List<WebElement> stars = page.all(By.cssSelector("#rate\\:score .ui-rating-star a"));
    assertEquals(5, stars.size());
    page.waitFor(
        d ->
            "Your rating (1 to 5 stars)"
                .equals(d.findElement(By.id("rate:score_input")).getDomAttribute("aria-label")));
    // With the keyboard: the rating's control takes the arrow keys.
    page.js("document.getElementById('rate:score_input').focus();");
    page.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    assertEquals("4", page.driver.findElement(By.id("rate:score_input")).getDomProperty("value"));
    page.type("rate:comment", "Quick answer");
    page.submit("rate:submit");
    page.waitFor(textToBePresentInElementLocated(By.id("ratedScore"), "4 of 5"));
    assertTrue(page.all(By.id("rate:submit")).isEmpty(), "rated once");
    page.type("reopen:reason", "The new invoice has the old name again");
    page.submit("reopen:submit");
    page.waitFor(textToBe(By.id("status"), "Reopened"));
    assertTrue(page.text(By.id("timeline")).contains("The new invoice has the old name again"));
    page.submit("human:handoff");
    page.waitFor(textToBe(By.id("status"), "With an agent"));
    assertTrue(page.text(By.id("timeline")).contains("Buyer asked for a human"));
    page.assertAccessibleForm();
    page.assertFitsTheScreen();
    page.shoot("44-ticket-reopened");
  }

  @Test
  void anotherBuyerCannotOpenTheCaseOrItsFiles() throws Exception {
    Buyer owner = buyer();
    String ticketNo = file(owner);
    Answer up =
        api.multipart(
            "/api/v1/tickets/" + ticketNo + "/attachments",
            List.of(
                Api.FilePart.file(
                    "private.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8))),
            Api.bearer(owner.token()));
    assertEquals(201, up.status(), up.body());
    String id = up.array().getJsonObject(0).getString("id");

    Browser other = signIn("intruder", buyer(), "zh-CN,zh");
    other.get("/ticket.xhtml?no=" + ticketNo);
    other.waitFor(presenceOfElementLocated(By.id("notFound")));
    assertEquals("该工单不存在或不属于您。", other.text(By.id("notFound")));
    assertFalse(other.source().contains("My invoice shows the wrong name"));
    assertTrue(other.all(By.id("live")).isEmpty(), "no socket for someone else's case");
    @SuppressWarnings("unchecked")
    Map<String, Object> file =
        (Map<String, Object>) other.js(FETCH, api.base() + "/ticket-files/" + ticketNo + "/" + id);
    assertEquals(404L, ((Number) file.get("status")).longValue());
    assertFalse(String.valueOf(file.get("body")).contains("secret"));
    other.get("/ticket-files/" + ticketNo + "/" + id);
    other.shoot("45-ticket-other-buyer-file");
    assertFalse(other.source().contains("secret"));
    other.get("/ticket.xhtml?no=" + ticketNo);
    other.waitFor(presenceOfElementLocated(By.id("notFound")));
    other.shoot("46-ticket-other-buyer");
  }

  /**
   * Another instance committed a change (here: the row changed directly in MariaDB, so this
   * instance pushes nothing itself) and announced it on the tickets topic: the open page follows
   * within seconds, long before its 30 s poll.
   */
  @Test
  void aChangeCommittedOnAnotherInstanceArrivesThroughTheTicketsTopic() throws Exception {
    Buyer b = buyer();
    String ticketNo = file(b);
    Browser page = signIn("topic", b, "en-US,en");
    page.get("/ticket.xhtml?no=" + ticketNo);
    page.waitFor(textToBe(By.id("status"), "With an agent"));
    page.waitFor(
        d ->
            "open"
                .equals(page.driver.findElement(By.tagName("html")).getDomAttribute("data-live")));
    WebElement html = page.driver.findElement(By.tagName("html"));

    try (Connection db = TestServers.database();
        PreparedStatement s =
            db.prepareStatement(
                "UPDATE ticket SET status = 'AWAITING_BUYER', resolution_due_at ="
                    + " UTC_TIMESTAMP(3) - INTERVAL 2 HOUR WHERE ticket_no = ?")) {
      s.setString(1, ticketNo);
      assertEquals(1, s.executeUpdate());
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.TICKETS,
                  ticketNo,
                  "{\"type\":\"TicketTransitioned\",\"ticketNo\":\"" + ticketNo + "\"}"))
          .get(10, TimeUnit.SECONDS);
    }

    page.waitFor(Duration.ofSeconds(20), textToBe(By.id("status"), "Waiting for you"));
    assertFalse(Browser.isGone(html), "no reload: the same document");
    // The deadline moved into the past with it: the page says the case is overdue, and by how much.
    page.waitFor(d -> page.text(By.id("countdown")).matches("Overdue by 0[12]:\\d\\d:\\d\\d"));
    assertTrue(
        page.driver.findElement(By.id("due")).getDomAttribute("class").contains("overdue"),
        "shown as overdue");
    page.shoot("47-ticket-update-from-topic");
  }

  /** Fetches a URL with the page's cookies; answers status, two headers and the body text. */
  private static final String FETCH =
      """
      const x = new XMLHttpRequest();
      x.open('GET', arguments[0], false);
      x.send();
      return {status: x.status, nosniff: x.getResponseHeader('X-Content-Type-Options'),
              disposition: x.getResponseHeader('Content-Disposition'), body: x.responseText};
      """;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
