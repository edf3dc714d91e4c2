package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.SupplierVerification.Verdict;
import io.keydesk.classifier.Classification;
import io.keydesk.classifier.Hint;
import io.keydesk.domain.model.category.Category;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.RiskAssessment;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Files one claim in one transaction: locks the order and every key of the same fingerprint, opens
 * the ticket, asks the risk engine, and then runs the automatic path (AUTO), hands the case to a
 * human (REVIEW) or refuses it (BLOCK). The ticket, its risk decision, the actions, their events
 * and audit entries commit together or not at all.
 */
@ApplicationScoped
public class ClaimProcessor {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject TicketAttachments attachments;
  @Inject OrderRepository orders;
  @Inject TicketRepository tickets;
  @Inject CategoryRepository categories;
  @Inject RiskEngine riskEngine;
  @Inject AutoResolver resolver;
  @Inject DomainEvents events;
  @Inject Audit audit;
  @Inject TicketNotices notices;
  @Inject BuyerTexts texts;

  /** Where the claim came from. */
  public record Origin(String clientIp, String deviceId) {
    public static final Origin UNKNOWN = new Origin(null, null);
  }

  /** The filed ticket, the risk assessment and what happened automatically. */
  public record Result(Ticket ticket, RiskAssessment risk, AutoResolver.Outcome outcome) {}

  /**
   * Files the claim.
   *
   * @param reading the classifier's reading of the description (category, confidence, hints)
   * @param verdict the supplier's answer about the claimed key, fetched before the transaction
   *     (INVALID_KEY only; null otherwise)
   * @param evidence the buyer's files, put on the case before anything is decided
   */
  @Transactional
  public Result file(
      BuyerIdentity buyer,
      FileTicket cmd,
      CategoryCode code,
      Classification reading,
      String idempotencyKey,
      Origin origin,
      Verdict verdict,
      List<TicketAttachments.Upload> evidence,
      Instant now) {
    boolean chargedTwice = !cmd.wantsHuman() && Claims.saysChargedTwice(code, cmd);
    Map<String, Order> locked = lockOrders(cmd.orderNo(), chargedTwice);
    Order order =
        Optional.ofNullable(locked.get(cmd.orderNo()))
            .filter(o -> o.belongsTo(buyer.contact()))
            .orElseThrow(() -> new NotFoundException("order " + cmd.orderNo()));
    List<Order> repeats =
        locked.values().stream()
            .filter(o -> order.isRepeatedBy(o, AutoResolver.REPEAT_WINDOW))
            .toList();
    CardKey key = Claims.claimedKey(order, code, cmd.keyIndex()).orElse(null);
    orders.lockFingerprints(
        Stream.concat(
                Claims.concernedKeys(order, code, key).stream(),
                repeats.stream().flatMap(o -> o.keys().stream()))
            .map(CardKey::fingerprint)
            .distinct()
            .toList());
    AutoResolver.ChargedTwice twice = chargedTwice ? new AutoResolver.ChargedTwice(repeats) : null;
    Category category =
        categories
            .find(code)
            .orElseThrow(() -> new IllegalStateException("categories are not seeded"));
    Ticket ticket =
        Ticket.open(
            tickets.nextTicketNo(),
            new Ticket.Claim(
                order,
                key,
                category,
                cmd.description(),
                cmd.language() == null ? "en" : cmd.language(),
                cmd.channel() == null ? "api" : cmd.channel(),
                buyer.contact(),
                idempotencyKey),
            now);
    ticket.recordOrigin(origin.clientIp(), blankToNull(cmd.deviceId()));
    ticket.recordEvidence(blankToNull(cmd.errorText()), blankToNull(cmd.intendedProduct()));
    if (reading != null) {
      ticket.recordClassification(reading.category(), reading.confidence(), hintsJson(reading));
    }
    boolean handoff = cmd.wantsHuman();
    RiskAssessment risk =
        riskEngine.assess(ticket, !handoff && AutoResolver.paysOut(code, order, twice), now);
    ticket.recordRisk(risk, RiskEngine.reasonsJson(risk.reasons()));
    tickets.store(ticket);
    if (!evidence.isEmpty()) {
      attachments.attachEvidence(ticket, evidence);
    }
    AutoResolver.Outcome outcome = null;
    if (handoff && risk.decision() != Decision.BLOCK) {
      ticket.sendToReview(Actor.buyer(), texts.text(ticket.language(), "claim.handoff"), now);
    } else {
      switch (risk.decision()) {
        case BLOCK ->
            ticket.resolve(
                Resolution.REJECTED,
                texts.text(ticket.language(), "claim.blocked", reasons(ticket.language(), risk)),
                Actor.SYSTEM,
                now);
        case REVIEW ->
            ticket.sendToReview(Actor.SYSTEM, texts.text(ticket.language(), "claim.review"), now);
        case AUTO -> outcome = resolver.resolve(ticket, verdict, twice, now);
      }
    }
    if (ticket.resolution().isPresent()) {
      notices.resolved(ticket);
    } else {
      notices.updated(ticket, ticket.description());
    }
    events.ticketChanged(ticket, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decision", risk.decision().name());
    details.put("reasons", RiskEngine.reasonsJson(risk.reasons()));
    details.put("creditScore", risk.creditScore());
    details.put("clientIp", origin.clientIp());
    audit.record(Actor.SYSTEM, "risk.decision", "ticket", ticket.ticketNo().value(), details, now);
    if (outcome != null) {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("action", outcome.resolved() ? outcome.action() : "SENT_TO_REVIEW");
      action.put("detail", outcome.detail());
      action.put("order", order.orderNo());
      action.put("refunded", outcome.refunded());
      action.put("refundedKeys", outcome.refundedIndexes().toString());
      action.put(
          "newKeys",
          outcome.newKeys().stream()
              .map(k -> k.keyIndex() + ":" + k.maskedHint())
              .toList()
              .toString());
      audit.record(Actor.SYSTEM, "auto.action", "ticket", ticket.ticketNo().value(), action, now);
    }
    return new Result(ticket, risk, outcome);
  }

  /**
   * Locks the claimed order and, for a "charged twice" claim, the orders that may be the same
   * purchase paid again, in order-number order: two such claims on the two orders of one purchase
   * are then decided one after the other and never deadlock. Nothing is read before its lock, so
   * what the rules see is current. Whether each order really repeats the claimed one is the
   * domain's rule ({@link Order#isRepeatedBy}), checked by the caller.
   */
  private Map<String, Order> lockOrders(String orderNo, boolean chargedTwice) {
    TreeSet<String> numbers = new TreeSet<>();
    numbers.add(orderNo);
    if (chargedTwice) {
      numbers.addAll(orders.possibleRepeats(orderNo, AutoResolver.REPEAT_WINDOW));
    }
    Map<String, Order> locked = new TreeMap<>();
    for (String no : numbers) {
      orders.findForUpdate(no).ifPresent(o -> locked.put(no, o));
    }
    return locked;
  }

  /** The reasons of a decision as one sentence in the buyer's language. */
  private String reasons(String language, RiskAssessment risk) {
    return String.join(
        language.startsWith("zh") ? "；" : "; ",
        risk.reasons().stream().map(r -> texts.text(language, "risk." + r.code())).toList());
  }

  /** The hints the classifier found, as stored on the ticket: [{type, value}]. */
  static String hintsJson(Classification reading) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (Hint h : reading.hints()) {
      a.add(JSON.createObjectBuilder().add("type", h.type().name()).add("value", h.value()));
    }
    return a.build().toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
