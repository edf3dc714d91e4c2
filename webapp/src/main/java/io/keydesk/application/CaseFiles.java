package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.TicketAttachments.AttachmentView;
import io.keydesk.application.Views.TicketView;
import io.keydesk.classifier.Classification;
import io.keydesk.domain.model.catalog.KeyBatch;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.classification.TicketClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an agent needs about one case in one read (the console's ticket view): the ticket, the
 * order with its contact, every key masked with its delivery facts, the evidence files and the
 * classifier's reading; and the audited reveal of one key to staff.
 */
@ApplicationScoped
public class CaseFiles {
  /** The roles that work cases; a supplier manager never sees a case nor a buyer's contact. */
  public static final Set<Role> CASE_ROLES = Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);

  @Inject TicketRepository tickets;
  @Inject TicketAttachments attachments;
  @Inject TicketClassifier classifier;
  @Inject CardKeyVault vault;
  @Inject Audit audit;
  @Inject Clock clock;
  @Inject RateLimiter limiter;

  /**
   * Keys one staff member may see in clear per day (shared by all app instances). DESIGN.md shows
   * keys unmasked to their buyer only; the console's audited reveal (issue 6) is the exception,
   * bounded so that an agent's session or token cannot be used to read keys in bulk.
   */
  static final int REVEALS_PER_DAY = 30;

  /** The case as the console shows it. */
  public record CaseFile(
      TicketView ticket,
      OrderFacts order,
      List<StaffKey> keys,
      List<AttachmentView> files,
      Reading reading) {}

  /** The order; {@code contact} in full, for the roles of {@link #CASE_ROLES} only. */
  public record OrderFacts(
      String orderNo,
      String productSku,
      String productName,
      String supplierCode,
      String supplierName,
      int quantity,
      BigDecimal amount,
      String currency,
      Instant paidAt,
      String contact) {}

  /**
   * One key, masked, with its delivery facts: delivered, first revealed by the buyer (and from
   * which address), redeemed; its batch, and what an agent may still do with it.
   */
  public record StaffKey(
      int index,
      String masked,
      String status,
      String batch,
      Instant deliveredAt,
      Instant revealedAt,
      String revealedIp,
      Instant redeemedAt,
      Instant refundedAt,
      Integer replacedByIndex,
      boolean replaceable,
      boolean restockable) {}

  /** The classifier's reading: as stored at filing, and the runners-up for the same text now. */
  public record Reading(
      String category,
      Double confidence,
      List<Classification.Alternative> alternatives,
      String hints) {}

  /** A key in clear for a member of staff; {@link #toString()} never shows it. */
  public record StaffReveal(int index, String code, String secret, String fingerprint) {
    @Override
    public String toString() {
      return "StaffReveal[index=" + index + ", redacted]";
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CaseFile caseFile(StaffIdentity staff, String ticketNo) {
    requireCaseRole(staff);
    Ticket t = load(ticketNo);
    Order o = t.order();
    OrderFacts order =
        new OrderFacts(
            o.orderNo(),
            o.product().sku(),
            o.product().name(),
            o.product().supplier().code(),
            o.product().supplier().name(),
            o.quantity(),
            o.amount(),
            o.currency(),
            o.paidAt(),
            t.buyerContact().value());
    List<StaffKey> keys = o.keys().stream().map(CaseFiles::key).toList();
    List<Classification.Alternative> alternatives = List.of();
    if (t.description() != null && !t.description().isBlank()) {
      alternatives = classifier.classify(t.description()).alternatives();
    }
    Reading reading =
        new Reading(
            t.classifiedCategory().orElse(null),
            t.classifiedConfidence().orElse(null),
            alternatives,
            t.hints().orElse(null));
    return new CaseFile(
        Views.ticket(t, true), order, keys, attachments.listForStaff(ticketNo), reading);
  }

  /**
   * Shows one key of the case's order to a member of staff, and records who saw which key
   * (fingerprint) when in the audit chain, in the same transaction. The key is not marked revealed:
   * that date is the buyer's.
   */
  @Transactional
  public StaffReveal reveal(StaffIdentity staff, String ticketNo, int index) {
    requireCaseRole(staff);
    RateLimiter.Decision allowed =
        limiter.hit("staff-key-reveal:" + staff.username(), REVEALS_PER_DAY, Duration.ofDays(1));
    if (!allowed.allowed()) {
      throw new TooManyRequestsException(allowed.retryAfter());
    }
    Ticket t = load(ticketNo);
    CardKey key = t.order().key(index).orElseThrow(() -> new NotFoundException("key"));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("order", t.order().orderNo());
    details.put("keyIndex", index);
    details.put("fingerprint", key.fingerprint());
    details.put("role", staff.role().name());
    audit.record(
        Actor.staff(staff.username()),
        "staff.key.revealed",
        "ticket",
        t.ticketNo().value(),
        details,
        clock.instant());
    return new StaffReveal(
        index,
        vault.open(key.code()),
        key.secret().map(vault::open).orElse(null),
        key.fingerprint());
  }

  static StaffKey key(CardKey k) {
    return new StaffKey(
        k.keyIndex(),
        k.maskedHint(),
        k.status().name(),
        k.batch().map(KeyBatch::code).orElse(null),
        k.deliveredAt().orElse(null),
        k.revealedAt().orElse(null),
        k.revealedIp().orElse(null),
        k.redeemedAt().orElse(null),
        k.refundedAt().orElse(null),
        k.replacedBy().map(CardKey::keyIndex).orElse(null),
        k.mayBeReplaced(),
        k.mayBeRefunded());
  }

  private static void requireCaseRole(StaffIdentity staff) {
    if (staff == null || !CASE_ROLES.contains(staff.role())) {
      throw new NotFoundException("ticket");
    }
  }

  private Ticket load(String ticketNo) {
    if (!TicketNo.looksValid(ticketNo)) {
      throw new NotFoundException("ticket");
    }
    return tickets.find(new TicketNo(ticketNo)).orElseThrow(() -> new NotFoundException("ticket"));
  }
}
