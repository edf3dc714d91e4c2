package io.keydesk.application;

import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyStatus;
import io.keydesk.domain.model.risk.Decision;
import io.keydesk.domain.model.risk.FraudSignal;
import io.keydesk.domain.model.risk.Reason;
import io.keydesk.domain.model.risk.RiskAssessment;
import io.keydesk.domain.model.risk.RiskFacts;
import io.keydesk.domain.model.risk.RiskPolicy;
import io.keydesk.domain.model.risk.RiskRepository;
import io.keydesk.domain.model.risk.RiskRepository.KeyClaims;
import io.keydesk.domain.model.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for a claim about to be filed, whether the automatic action may run (AUTO), a human must
 * decide (REVIEW) or the claim is refused (BLOCK): gathers the facts, applies {@link RiskPolicy}
 * and records every signal it saw as a {@link FraudSignal} for staff (docs/risk.md).
 */
@ApplicationScoped
public class RiskEngine {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject RiskRepository risk;
  @Inject DomainEvents events;

  /**
   * Assesses the claim of {@code ticket} (opened, not yet stored) in the caller's transaction.
   *
   * @param payout whether the category's automatic path would pay out (refund or new key)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public RiskAssessment assess(Ticket ticket, boolean payout, Instant now) {
    String contact = ticket.buyerContact().value();
    String ip = ticket.clientIp().orElse(null);
    String device = ticket.deviceId().orElse(null);
    Optional<CardKey> key = ticket.cardKey();
    List<CardKey> concerned =
        Claims.concernedKeys(ticket.order(), ticket.category().code(), key.orElse(null));
    long claimsOnKeys = 0;
    long otherBuyers = 0;
    for (CardKey k : concerned) {
      KeyClaims c = risk.keyClaims(k.fingerprint(), contact);
      claimsOnKeys = Math.max(claimsOnKeys, c.claims());
      otherBuyers = Math.max(otherBuyers, c.otherBuyers());
    }
    RiskFacts facts =
        new RiskFacts(
            ticket.category().code().name(),
            payout,
            ticket.order().amount(),
            concerned.stream().anyMatch(k -> k.revealedAt().isPresent()),
            concerned.stream()
                .anyMatch(k -> k.status() == CardKeyStatus.REDEEMED || k.redeemedAt().isPresent()),
            claimsOnKeys,
            otherBuyers,
            risk.velocity(contact, ip, device, now),
            risk.blocked(contact, ip, device, now),
            risk.externalSignals(
                contact, events.contactHash(ticket.buyerContact()), ip, device, now),
            risk.credit(contact));
    RiskAssessment assessment = RiskPolicy.assess(facts, risk.settings());
    risk.recordAll(
        assessment.reasons().stream()
            .map(r -> fraudSignal(ticket, r.code(), r.decision(), r.text(), now))
            .toList());
    return assessment;
  }

  /** Records a signal the automatic path found later (e.g. the supplier says "redeemed"). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void signal(Ticket ticket, String kind, Decision decision, String detail, Instant now) {
    risk.record(fraudSignal(ticket, kind, decision, detail, now));
  }

  private static FraudSignal fraudSignal(
      Ticket ticket, String kind, Decision decision, String detail, Instant now) {
    return new FraudSignal(
        kind,
        FraudSignal.Source.ENGINE,
        decision,
        new FraudSignal.Subject(
            ticket.ticketNo().value(),
            ticket.order().orderNo(),
            ticket.buyerContact().value(),
            ticket.clientIp().orElse(null),
            ticket.deviceId().orElse(null),
            ticket.cardKey().map(CardKey::fingerprint).orElse(null)),
        detail,
        now,
        null);
  }

  /** The reasons as stored on the ticket: a JSON array of {code, decision, text}. */
  public static String reasonsJson(List<Reason> reasons) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (Reason r : reasons) {
      a.add(
          JSON.createObjectBuilder()
              .add("code", r.code())
              .add("decision", r.decision().name())
              .add("text", r.text()));
    }
    return a.build().toString();
  }
}
