package io.keydesk.domain.model.notification;

import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.TicketStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notices Keydesk sends, each with the parameters it takes. The texts live in the message
 * bundles ({@code notice.<TEMPLATE>.*}, zh-CN and en).
 */
public enum Template {
  /**
   * A one-time code that re-verifies the buyer's contact. {@code code} is secret: it is sealed
   * while the notice waits and cleared once sent; it never goes to the inbox, which the buyer reads
   * with the very session the code is meant to confirm.
   */
  ONE_TIME_CODE(List.of("code", "minutesValid", "orderNo"), List.of(), Set.of("code"), false),
  /**
   * The delivery e-mail (or SMS) again. The sender loads the order's keys and opens them in memory
   * at send time; the inbox gets a note that they were sent, never the keys. {@code magicToken}
   * (secret) becomes a single-use link into the portal in the e-mail and SMS, never in the inbox.
   */
  DELIVERY_RESEND(List.of("orderNo"), List.of("magicToken"), Set.of("magicToken"), true),
  /**
   * A case changed: {@code status} is a {@link TicketStatus} name (shown translated), {@code
   * summary} a short text (the agent's reply, the buyer's own description), {@code link} the page
   * of the case (the portal's by default).
   */
  TICKET_UPDATED(List.of("ticketNo", "status", "summary"), List.of("link"), Set.of(), true),
  /**
   * A case was resolved: {@code resolution} is a {@link Resolution} name, {@code note} optional.
   */
  TICKET_RESOLVED(List.of("ticketNo", "resolution"), List.of("note", "link"), Set.of(), true),
  /**
   * Predictive after-sales: the product of the buyer's order ({@code product}, its name and SKU)
   * draws unusually many complaints; check the key and report it in the portal ({@code link}, the
   * portal's start page by default) if it fails. Sent once per buyer and product alert.
   */
  PRODUCT_ALERT(List.of("orderNo", "product"), List.of("link"), Set.of(), true);

  /** Longest value a parameter may have. */
  public static final int MAX_VALUE = 2000;

  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,12}");
  private static final Pattern ORDER_NO = Pattern.compile("\\S{1,64}");
  private static final Pattern MAGIC_TOKEN = Pattern.compile("kdm_[A-Za-z0-9_-]{20,80}");
  private static final Pattern TICKET_NO = Pattern.compile("[A-Z0-9-]{1,32}");

  private final List<String> required;
  private final List<String> optional;
  private final Set<String> secret;
  private final boolean inbox;

  Template(List<String> required, List<String> optional, Set<String> secret, boolean inbox) {
    this.required = required;
    this.optional = optional;
    this.secret = secret;
    this.inbox = inbox;
  }

  /** Parameters that must be given, in the order the texts number them ({0}, {1}, …). */
  public List<String> required() {
    return required;
  }

  /** Parameters that may be left out; they follow the required ones in the numbering. */
  public List<String> optional() {
    return optional;
  }

  /** Every parameter, in the order the texts number them. */
  public List<String> parameters() {
    return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
  }

  /** Parameters that are never stored in clear, never logged, and cleared once sent. */
  public Set<String> secret() {
    return secret;
  }

  /** Whether the notice may go to the in-site inbox. */
  public boolean allowsInbox() {
    return inbox;
  }

  /**
   * How long a notice with these parameters is worth sending: a one-time code that arrives after it
   * ran out only confuses. Empty: until it is sent.
   */
  public Optional<Duration> validFor(Map<String, String> params) {
    return this == ONE_TIME_CODE
        ? Optional.of(Duration.ofMinutes(Long.parseLong(params.get("minutesValid"))))
        : Optional.empty();
  }

  /**
   * Checks the parameters of a notice.
   *
   * @throws IllegalArgumentException naming the first wrong parameter
   */
  public void check(Map<String, String> params) {
    for (String name : params.keySet()) {
      if (!required.contains(name) && !optional.contains(name)) {
        throw new IllegalArgumentException(
            "unknown parameter " + name + " for " + name() + "; it takes " + parameters());
      }
    }
    for (String name : required) {
      String value = params.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("parameter " + name + " is required for " + name());
      }
    }
    params.forEach(
        (name, value) -> {
          if (value == null) {
            throw new IllegalArgumentException("parameter " + name + " is null");
          }
          if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException(
                "parameter " + name + " is longer than " + MAX_VALUE + " characters");
          }
          checkValue(name, value);
        });
  }

  private static void checkValue(String name, String value) {
    switch (name) {
      case "code" -> require(CODE.matcher(value).matches(), name, "4 to 12 letters or digits");
      case "minutesValid" -> {
        boolean ok = value.matches("[0-9]{1,4}") && Integer.parseInt(value) >= 1;
        require(ok && Integer.parseInt(value) <= 1440, name, "whole minutes from 1 to 1440");
      }
      case "magicToken" ->
          require(MAGIC_TOKEN.matcher(value).matches(), name, "a magic link token");
      case "orderNo" -> require(ORDER_NO.matcher(value).matches(), name, "an order number");
      case "ticketNo" -> require(TICKET_NO.matcher(value).matches(), name, "a ticket number");
      case "status" -> require(isName(TicketStatus.values(), value), name, "a ticket status");
      case "resolution" -> require(isName(Resolution.values(), value), name, "a resolution");
      case "link" ->
          require(
              value.startsWith("https://") || value.startsWith("http://"), name, "an http(s) URL");
      default -> {
        // free text (summary, note)
      }
    }
  }

  private static boolean isName(Enum<?>[] values, String value) {
    return Arrays.stream(values).anyMatch(v -> v.name().equals(value));
  }

  private static void require(boolean ok, String name, String what) {
    if (!ok) {
      throw new IllegalArgumentException("parameter " + name + " must be " + what);
    }
  }
}
