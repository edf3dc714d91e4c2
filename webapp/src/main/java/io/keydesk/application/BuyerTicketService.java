package io.keydesk.application;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.SupplierVerification.Verdict;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketSummary;
import io.keydesk.application.Views.TicketView;
import io.keydesk.classifier.Classification;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.category.CategoryRepository;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.classification.TicketClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verified buyer can do: see their orders and cases, open a case, follow it and write to the
 * agent. Everything is checked against the buyer's contact; someone else's order or ticket is "not
 * found", exactly like one that does not exist.
 */
@ApplicationScoped
public class BuyerTicketService {
  @Inject OrderRepository orders;
  @Inject TicketRepository tickets;
  @Inject CategoryRepository categories;
  @Inject DomainEvents events;
  @Inject ClaimProcessor processor;
  @Inject TicketClassifier classifier;
  @Inject SupplierVerification supplier;
  @Inject CardKeyVault vault;
  @Inject Clock clock;

  /** The ticket and whether this call created it (false for an idempotent retry). */
  public record Filed(TicketView ticket, boolean created) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OrderView> orders(BuyerIdentity buyer) {
    return orders.ofContact(buyer.contact()).stream().map(Views::order).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TicketSummary> tickets(BuyerIdentity buyer) {
    return tickets.ofContact(buyer.contact()).stream().map(Views::summary).toList();
  }

  // In a transaction: read right after other transactions of the same request, a
  // non-transactional EntityManager was found closed (EclipseLink on Payara).
  @Transactional
  public TicketView ticket(BuyerIdentity buyer, String ticketNo) {
    return Views.ticket(own(buyer, ticketNo), false);
  }

  /**
   * Opens a case: with the risk engine's consent the automatic path runs at once (a key from stock,
   * a replacement, a refund, the delivery sent again), otherwise an agent gets it. With an
   * idempotency key, a retry returns the ticket the first call created.
   */
  public Filed file(BuyerIdentity buyer, @NotNull @Valid FileTicket cmd, String idempotencyKey) {
    return file(buyer, cmd, idempotencyKey, ClaimProcessor.Origin.UNKNOWN);
  }

  /** Like {@link #file(BuyerIdentity, FileTicket, String)}, from a known address and device. */
  public Filed file(
      BuyerIdentity buyer,
      @NotNull @Valid FileTicket cmd,
      String idempotencyKey,
      ClaimProcessor.Origin origin) {
    return file(buyer, cmd, idempotencyKey, origin, List.of());
  }

  /**
   * Files the case with the buyer's evidence files, stored in the claim's transaction before any
   * automatic action: a refused file refuses the claim ({@link RejectedFileException}) and nothing
   * is kept.
   */
  public Filed file(
      BuyerIdentity buyer,
      @NotNull @Valid FileTicket cmd,
      String idempotencyKey,
      ClaimProcessor.Origin origin,
      List<TicketAttachments.Upload> evidence) {
    if (idempotencyKey != null) {
      Optional<Ticket> earlier = tickets.findByIdempotencyKey(buyer.contact(), idempotencyKey);
      if (earlier.isPresent()) {
        return new Filed(sameRequestOrFail(earlier.get(), cmd), false);
      }
    }
    Classification reading = classifier.classify(cmd.description());
    CategoryCode code;
    if (cmd.category() == null || cmd.category().isBlank()) {
      if (reading.confident()) {
        code = CategoryCode.valueOf(reading.category());
      } else if (cmd.wantsHuman()) {
        code = CategoryCode.OTHER;
      } else {
        throw new CategoryNeededException(reading);
      }
    } else {
      code = CategoryCode.valueOf(cmd.category());
    }
    Verdict verdict =
        code == CategoryCode.INVALID_KEY && !cmd.wantsHuman() ? askSupplier(buyer, cmd) : null;
    ClaimProcessor.Result result =
        processor.file(
            buyer, cmd, code, reading, idempotencyKey, origin, verdict, evidence, clock.instant());
    return new Filed(Views.ticket(result.ticket(), false), true);
  }

  /**
   * Asks the key's supplier about the claimed key before the claim's transaction starts, so that no
   * lock is held while the supplier answers. Null when there is nothing to ask about.
   */
  private Verdict askSupplier(BuyerIdentity buyer, FileTicket cmd) {
    Order order =
        orders
            .find(cmd.orderNo())
            .filter(o -> o.belongsTo(buyer.contact()))
            .orElseThrow(() -> new NotFoundException("order " + cmd.orderNo()));
    Optional<CardKey> key = Claims.claimedKey(order, CategoryCode.INVALID_KEY, cmd.keyIndex());
    if (key.isEmpty() || !key.get().mayBeReplaced()) {
      return null;
    }
    CardKey k = key.get();
    return supplier.verify(
        new SupplierVerification.KeyCheck(
            order.product().supplier().code(),
            order.product().sku(),
            k.batch().map(b -> b.code()).orElse(null),
            k.fingerprint(),
            vault.open(k.code())));
  }

  /** The buyer writes on their case. */
  @Transactional
  public TicketView addMessage(BuyerIdentity buyer, String ticketNo, String text) {
    Ticket ticket = own(buyer, ticketNo);
    Instant now = clock.instant();
    ticket.addBuyerMessage(text, now);
    events.ticketChanged(ticket, now);
    return Views.ticket(ticket, false);
  }

  private Ticket own(BuyerIdentity buyer, String ticketNo) {
    return tickets
        .findFiledBy(ticketNo, buyer.contact())
        .orElseThrow(() -> new NotFoundException("ticket"));
  }

  private static TicketView sameRequestOrFail(Ticket earlier, FileTicket cmd) {
    boolean same =
        // the order was found under the database's case-insensitive collation: "demo-1001" is
        // the order DEMO-1001, and so is its retry
        earlier.order().orderNo().equalsIgnoreCase(cmd.orderNo().strip())
            && (cmd.category() == null || earlier.category().code().name().equals(cmd.category()))
            && earlier.description().equals(cmd.description().strip());
    if (!same) {
      throw new DomainException(
          "idempotency-key-reused", "this Idempotency-Key was used for a different ticket");
    }
    return Views.ticket(earlier, false);
  }
}
