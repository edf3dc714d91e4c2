package io.keydesk.application;

import io.keydesk.domain.model.notification.InboxMessage;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.model.ticket.Deadline;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TimelineEntry;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Read models handed to pages and resources; never entities. */
public final class Views {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Views() {}

  /** An order as its buyer sees it; keys masked. */
  public record OrderView(
      String orderNo,
      String productSku,
      String productName,
      int quantity,
      BigDecimal amount,
      String currency,
      Instant paidAt,
      List<KeyView> keys) {}

  /** A key without its code: masked hint and the delivery facts. */
  public record KeyView(
      int index,
      String masked,
      String status,
      Instant deliveredAt,
      Instant revealedAt,
      Instant redeemedAt) {}

  /** A buyer's inbox: the unread count and the newest messages, newest first. */
  public record InboxView(long unread, List<InboxMessageView> messages) {}

  /** One message of the in-site inbox. */
  public record InboxMessageView(
      long id,
      String title,
      String body,
      String ticketNo,
      String orderNo,
      boolean read,
      Instant createdAt,
      Instant readAt) {}

  public static InboxMessageView inboxMessage(InboxMessage m) {
    return new InboxMessageView(
        m.id(),
        m.title(),
        m.body(),
        m.ticketNo().orElse(null),
        m.orderNo().orElse(null),
        m.readAt().isPresent(),
        m.createdAt(),
        m.readAt().orElse(null));
  }

  /** A line of a ticket list. */
  public record TicketSummary(
      String ticketNo,
      String orderNo,
      String productName,
      String category,
      String status,
      String resolution,
      Instant createdAt,
      Instant updatedAt,
      Instant responseDueAt,
      Instant resolutionDueAt,
      String assignee) {}

  /**
   * A ticket with its timeline. {@code rating} is the buyer's rating once given; {@code
   * reopenUntil} is set while the case is resolved: until then the buyer may reopen it.
   */
  public record TicketView(
      String ticketNo,
      String orderNo,
      String productName,
      String category,
      String status,
      String resolution,
      String resolutionNote,
      String description,
      Integer keyIndex,
      String language,
      String buyerContact,
      String assignee,
      Instant createdAt,
      Instant responseDueAt,
      Instant resolutionDueAt,
      Instant firstResponseAt,
      Instant resolvedAt,
      List<TimelineItem> timeline,
      RiskView risk,
      String autoAction,
      List<KeyView> keys,
      StaffDetails staff,
      RatingView rating,
      Instant reopenUntil) {}

  /** The buyer's rating of a resolved case: 1 to 5 and an optional comment. */
  public record RatingView(int score, String comment, Instant at) {}

  /**
   * The risk engine's decision on a ticket and its reasons, each with a stable code and a sentence.
   */
  public record RiskView(String decision, List<ReasonView> reasons) {}

  /** One reason of a risk decision. */
  public record ReasonView(String code, String decision, String text) {}

  /** What only staff see on a ticket: where it came from, the classifier, credit and rank. */
  public record StaffDetails(
      String clientIp,
      String deviceId,
      String errorText,
      String intendedProduct,
      String classifiedCategory,
      Double classifiedConfidence,
      String hints,
      Integer creditScore,
      Instant rankAt,
      Deadlines deadlines) {}

  /**
   * The ticket's targets as the deadline sweep last saw them (docs/console.md): the current target
   * ({@code RESPONSE}, {@code RESOLUTION}, or null when none runs) and when it is due, {@code flag}
   * {@code BREACHED} / {@code AT_RISK} / {@code OK} for that target, when each target was flagged
   * or missed, and the latest escalation.
   */
  public record Deadlines(
      String currentTarget,
      Instant dueAt,
      String flag,
      Instant responseAtRiskAt,
      Instant resolutionAtRiskAt,
      Instant responseMissedAt,
      Instant resolutionMissedAt,
      Instant escalatedAt,
      String escalationTarget,
      String escalationReason) {}

  static Deadlines deadlines(Ticket t) {
    Deadline.Target current = t.currentTarget().orElse(null);
    String flag =
        current == null
            ? null
            : t.missed(current).isPresent()
                ? "BREACHED"
                : t.flaggedAtRisk(current).isPresent() ? "AT_RISK" : "OK";
    return new Deadlines(
        current == null ? null : current.name(),
        t.currentDueAt().orElse(null),
        flag,
        t.flaggedAtRisk(Deadline.Target.RESPONSE).orElse(null),
        t.flaggedAtRisk(Deadline.Target.RESOLUTION).orElse(null),
        t.missed(Deadline.Target.RESPONSE).orElse(null),
        t.missed(Deadline.Target.RESOLUTION).orElse(null),
        t.escalatedAt().orElse(null),
        t.escalationTarget().map(Enum::name).orElse(null),
        t.escalationReason().orElse(null));
  }

  /** One line of a timeline. */
  public record TimelineItem(
      Instant at,
      String kind,
      String fromStatus,
      String toStatus,
      String actorType,
      String actorName,
      String body) {}

  public static OrderView order(Order o) {
    return new OrderView(
        o.orderNo(),
        o.product().sku(),
        o.product().name(),
        o.quantity(),
        o.amount(),
        o.currency(),
        o.paidAt(),
        o.keys().stream().map(Views::key).toList());
  }

  public static KeyView key(CardKey k) {
    return new KeyView(
        k.keyIndex(),
        k.maskedHint(),
        k.status().name(),
        k.deliveredAt().orElse(null),
        k.revealedAt().orElse(null),
        k.redeemedAt().orElse(null));
  }

  public static TicketSummary summary(Ticket t) {
    return new TicketSummary(
        t.ticketNo().value(),
        t.order().orderNo(),
        t.order().product().name(),
        t.category().code().name(),
        t.status().name(),
        t.resolution().map(Enum::name).orElse(null),
        t.createdAt(),
        t.updatedAt(),
        t.responseDueAt(),
        t.resolutionDueAt(),
        t.assignee().map(StaffUser::username).orElse(null));
  }

  /**
   * The ticket for the buyer ({@code forStaff} false: no internal notes, no staff fields) or for
   * staff (notes included, contact masked).
   */
  public static TicketView ticket(Ticket t, boolean forStaff) {
    List<TimelineItem> items =
        t.timeline().stream().filter(e -> forStaff || e.visibleToBuyer()).map(Views::item).toList();
    return new TicketView(
        t.ticketNo().value(),
        t.order().orderNo(),
        t.order().product().name(),
        t.category().code().name(),
        t.status().name(),
        t.resolution().map(Enum::name).orElse(null),
        t.resolutionNote().orElse(null),
        t.description(),
        t.cardKey().map(CardKey::keyIndex).orElse(null),
        t.language(),
        forStaff ? t.buyerContact().masked() : null,
        forStaff ? t.assignee().map(StaffUser::username).orElse(null) : null,
        t.createdAt(),
        t.responseDueAt(),
        t.resolutionDueAt(),
        t.firstResponseAt().orElse(null),
        t.resolvedAt().orElse(null),
        items,
        t.riskDecision()
            .map(d -> new RiskView(d.name(), reasons(t.riskReasons().orElse("[]"))))
            .orElse(null),
        t.autoAction().orElse(null),
        t.order().keys().stream().map(Views::key).toList(),
        forStaff
            ? new StaffDetails(
                t.clientIp().orElse(null),
                t.deviceId().orElse(null),
                t.errorText().orElse(null),
                t.intendedProduct().orElse(null),
                t.classifiedCategory().orElse(null),
                t.classifiedConfidence().orElse(null),
                t.hints().orElse(null),
                t.creditScore().orElse(null),
                t.rankAt(),
                deadlines(t))
            : null,
        t.ratedAt()
            .map(
                at ->
                    new RatingView(
                        t.ratingScore().orElseThrow(), t.ratingComment().orElse(null), at))
            .orElse(null),
        t.reopenUntil().orElse(null));
  }

  /** The reasons in the buyer's language (staff see the engine's own, more detailed sentences). */
  static List<ReasonView> forBuyer(List<ReasonView> reasons, String language) {
    return reasons.stream()
        .map(
            r ->
                new ReasonView(r.code(), r.decision(), BuyerTexts.of(language, "risk." + r.code())))
        .toList();
  }

  /** The reasons stored on a ticket as JSON (see {@link RiskEngine#reasonsJson}). */
  static List<ReasonView> reasons(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              o ->
                  new ReasonView(
                      o.getString("code", ""),
                      o.getString("decision", ""),
                      o.getString("text", "")))
          .toList();
    }
  }

  private static TimelineItem item(TimelineEntry e) {
    return new TimelineItem(
        e.at(),
        e.kind().name(),
        e.from().map(Enum::name).orElse(null),
        e.to().map(Enum::name).orElse(null),
        e.actor().type().name(),
        e.actor().type() == io.keydesk.domain.model.ticket.Actor.Type.BUYER
            ? "buyer"
            : e.actor().name(),
        e.body().orElse(null));
  }
}
