package io.keydesk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One simulated buyer in a browser: its own HTTP client and cookie jar, going through the portal
 * pages the way a browser does (full page loads, Faces forms posted with their hidden fields and
 * {@code jakarta.faces.ViewState}, redirects followed as separate requests). Each journey starts as
 * a new visitor (an empty cookie jar) and ends by signing out, so sessions do not pile up. Static
 * resources (CSS, JavaScript) are not fetched: a returning browser has them cached.
 */
final class PortalBuyer implements ClosedLoop.Client {
  static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The requests of one journey, in order; each is timed on its own. */
  enum Page {
    START("start page", "GET /"),
    FIND("find order", "POST find form"),
    ORDERS("orders", "GET /orders.xhtml"),
    NEW_TICKET("new ticket", "GET /new-ticket.xhtml?order=…"),
    RULES("rules", "GET /rules.xhtml"),
    TICKET("ticket", "GET /ticket.xhtml?no=…"),
    SIGN_OUT("sign out", "POST nav form");

    final String label;
    final String request;

    Page(String label, String request) {
      this.label = label;
      this.request = request;
    }
  }

  /** An order the buyers can open: its number, contact and the case filed on it. */
  record Visit(String orderNo, String contact, String ticketNo) {}

  private final URI base;
  private final List<Visit> visits;
  private final String language;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final Map<Page, Latencies.Recorder> recorders = new EnumMap<>(Page.class);
  private final long meanThinkMillis;
  private final String address;
  private Probe probe = Probe.NONE;
  private int next;
  private boolean started;

  /** Called around each request, outside its time: e.g. to count the SQL statements it caused. */
  interface Probe {
    Probe NONE = new Probe() {};

    default void before(Page page) {}

    default void after(Page page) {}
  }

  PortalBuyer probe(Probe newProbe) {
    this.probe = newProbe;
    return this;
  }

  PortalBuyer(URI base, List<Visit> visits, int index, Duration meanThink) {
    this.base = base;
    this.meanThinkMillis = meanThink.toMillis();
    this.visits = visits;
    this.next = (index * 7) % visits.size();
    this.language = index % 2 == 0 ? "zh-CN,zh;q=0.9,en;q=0.5" : "en-US,en;q=0.9";
    // Each buyer is a person on their own network (the app trusts X-Forwarded-For here): buyers
    // behind one address would queue on that address's rate-limit row when signing in.
    this.address = "10.77." + (index / 250) + "." + (index % 250 + 1);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
    for (Page page : Page.values()) {
      recorders.put(page, new Latencies.Recorder());
    }
  }

  Latencies.Recorder recorder(Page page) {
    return recorders.get(page);
  }

  /** One whole journey; every page's time is recorded only if the whole journey succeeds. */
  @Override
  public void call() throws IOException, InterruptedException {
    if (!started) {
      started = true;
      // Buyers arrive spread over one journey's reading time, not all in the same millisecond.
      Thread.sleep(
          ThreadLocalRandom.current().nextLong(meanThinkMillis * Page.values().length + 1));
    }
    Visit visit = visits.get(next);
    next = (next + 1) % visits.size();
    Map<Page, Long> times = journey(visit);
    times.forEach((page, nanos) -> recorders.get(page).record(nanos));
  }

  /** Goes through the pages for {@code visit}; returns each request's time in nanoseconds. */
  Map<Page, Long> journey(Visit visit) throws IOException, InterruptedException {
    cookies.getCookieStore().removeAll();
    Map<Page, Long> times = new EnumMap<>(Page.class);

    Timed start = get(Page.START, "/", times);
    Document startPage = expectPage(start, "find:orderNo");
    Map<String, String> find = formFields(startPage, "find");
    find.put("find:orderNo", visit.orderNo());
    find.put("find:contact", visit.contact());
    find.put("find:submit", "");
    Timed found = post(Page.FIND, formAction(startPage, "find"), find, times);
    expectRedirect(found, "/orders.xhtml");

    Timed orders = get(Page.ORDERS, "/orders.xhtml", times);
    Document ordersPage = expectPage(orders, "nav:signOut");
    expectText(ordersPage, visit.orderNo(), orders);

    String order = URLEncoder.encode(visit.orderNo(), StandardCharsets.UTF_8);
    Timed newTicket = get(Page.NEW_TICKET, "/new-ticket.xhtml?order=" + order, times);
    expectText(expectPage(newTicket, null), visit.orderNo(), newTicket);

    Timed rules = get(Page.RULES, "/rules.xhtml", times);
    expectPage(rules, null);

    String no = URLEncoder.encode(visit.ticketNo(), StandardCharsets.UTF_8);
    Timed ticket = get(Page.TICKET, "/ticket.xhtml?no=" + no, times);
    expectText(expectPage(ticket, "ticketTitle"), visit.ticketNo(), ticket);

    Map<String, String> nav = formFields(ordersPage, "nav");
    nav.put("nav:signOut", "nav:signOut");
    Timed signedOut = post(Page.SIGN_OUT, formAction(ordersPage, "nav"), nav, times);
    expectRedirect(signedOut, "/index.xhtml");
    return times;
  }

  /** Opens a portal session for {@code visit} and returns its session cookie (for Lighthouse). */
  HttpCookie signIn(Visit visit) throws IOException, InterruptedException {
    cookies.getCookieStore().removeAll();
    Map<Page, Long> times = new EnumMap<>(Page.class);
    Document startPage = expectPage(get(Page.START, "/", times), "find:orderNo");
    Map<String, String> find = formFields(startPage, "find");
    find.put("find:orderNo", visit.orderNo());
    find.put("find:contact", visit.contact());
    find.put("find:submit", "");
    expectRedirect(post(Page.FIND, formAction(startPage, "find"), find, times), "/orders.xhtml");
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equalsIgnoreCase("JSESSIONID"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no JSESSIONID after signing in"));
  }

  /** A response and how long it took to read it whole. */
  record Timed(Page page, HttpResponse<String> response, long nanos) {}

  private Timed get(Page page, String path, Map<Page, Long> times)
      throws IOException, InterruptedException {
    return send(page, request(path).GET().build(), times);
  }

  private Timed post(Page page, String action, Map<String, String> fields, Map<Page, Long> times)
      throws IOException, InterruptedException {
    HttpRequest request =
        request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields)))
            .build();
    return send(page, request, times);
  }

  private HttpRequest.Builder request(String pathOrUri) {
    return HttpRequest.newBuilder(base.resolve(pathOrUri))
        .timeout(TIMEOUT)
        .header("Accept", "text/html,application/xhtml+xml")
        .header("Accept-Language", language)
        .header("X-Forwarded-For", address);
  }

  private Timed send(Page page, HttpRequest request, Map<Page, Long> times)
      throws IOException, InterruptedException {
    think(times);
    probe.before(page);
    long begin = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - begin;
    probe.after(page);
    times.put(page, nanos);
    return new Timed(page, response, nanos);
  }

  /**
   * Before every page but the first of a journey, the buyer reads for a while: uniformly 0.5 to 1.5
   * times the mean (no time at all with a mean of 0, the saturation run).
   */
  private void think(Map<Page, Long> times) throws InterruptedException {
    if (meanThinkMillis > 0 && !times.isEmpty()) {
      Thread.sleep((long) (meanThinkMillis * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }
  }

  /** The form's hidden fields (its name marker and the ViewState) as a browser would post them. */
  static Map<String, String> formFields(Document page, String formId) {
    Element form = form(page, formId);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[type=hidden][name]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    if (!fields.containsKey(VIEW_STATE)) {
      throw new IllegalStateException("form " + formId + " has no " + VIEW_STATE);
    }
    return fields;
  }

  /** The form's action, the address it posts to. */
  static String formAction(Document page, String formId) {
    String action = form(page, formId).attr("action");
    if (action.isBlank()) {
      throw new IllegalStateException("form " + formId + " has no action");
    }
    return action;
  }

  private static Element form(Document page, String formId) {
    Element form = page.getElementById(formId);
    if (form == null || !form.normalName().equals("form")) {
      throw new IllegalStateException("no form with id " + formId + " on " + page.title());
    }
    return form;
  }

  static String urlEncoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Document expectPage(Timed timed, String requiredId) {
    HttpResponse<String> response = timed.response();
    if (response.statusCode() != 200) {
      throw failure(timed, "answered " + response.statusCode() + location(response));
    }
    Document page = Jsoup.parse(response.body(), response.uri().toString());
    if (requiredId != null && page.getElementById(requiredId) == null) {
      throw failure(timed, "has no element " + requiredId + " (page: " + page.title() + ")");
    }
    return page;
  }

  private static void expectText(Document page, String text, Timed timed) {
    if (!page.body().text().contains(text)) {
      throw failure(timed, "does not show " + text + " (page: " + page.title() + ")");
    }
  }

  private static void expectRedirect(Timed timed, String path) {
    HttpResponse<String> response = timed.response();
    Optional<String> location = response.headers().firstValue("Location");
    if (response.statusCode() != 302 && response.statusCode() != 303) {
      String title = Jsoup.parse(response.body()).title();
      throw failure(
          timed, "answered " + response.statusCode() + " without going to " + path + ": " + title);
    }
    if (location.isEmpty() || !URI.create(location.get()).getPath().endsWith(path)) {
      throw failure(timed, "went to " + location.orElse("nowhere") + " instead of " + path);
    }
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").map(l -> " → " + l).orElse("");
  }

  private static IllegalStateException failure(Timed timed, String what) {
    return new IllegalStateException(timed.page().label + " " + what);
  }
}
