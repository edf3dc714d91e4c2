package io.keydesk.application;

import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records what the supplier or shop says happened to a delivered key. */
@ApplicationScoped
public class CardKeyStatusService {
  @Inject OrderRepository orders;
  @Inject DomainEvents events;
  @Inject Clock clock;

  /** The key after the report; {@code changed} is false for a repeated report. */
  public record KeyStatus(String orderNo, int keyIndex, String status, boolean changed) {}

  @Transactional
  public KeyStatus report(@NotNull @Valid KeyStatusReport report) {
    CardKey key = locate(report);
    Instant now = clock.instant();
    Instant at = report.at() == null ? now : report.at();
    boolean changed =
        "REDEEMED".equals(report.status()) ? key.markRedeemed(at) : key.markVoided(at);
    if (changed) {
      events.keyStatusChanged(key, now);
    }
    return new KeyStatus(key.order().orderNo(), key.keyIndex(), key.status().name(), changed);
  }

  private CardKey locate(KeyStatusReport report) {
    if (report.orderNo() != null && report.keyIndex() != null) {
      Order order =
          orders
              .findForUpdate(report.orderNo())
              .orElseThrow(() -> new NotFoundException("order " + report.orderNo()));
      CardKey key =
          order
              .key(report.keyIndex())
              .orElseThrow(() -> new NotFoundException("key " + report.keyIndex()));
      if (report.fingerprint() != null && !report.fingerprint().equals(key.fingerprint())) {
        throw new DomainException("key-mismatch", "the fingerprint is not that of this key");
      }
      return key;
    }
    List<CardKey> matches = orders.keysWithFingerprint(report.fingerprint());
    if (matches.isEmpty()) {
      throw new NotFoundException("key");
    }
    if (matches.size() > 1) {
      throw new DomainException(
          "key-ambiguous", "several delivered keys have this fingerprint; name the order too");
    }
    return matches.get(0);
  }
}
