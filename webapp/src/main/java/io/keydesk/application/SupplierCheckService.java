package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.SupplierVerification.KeyCheck;
import io.keydesk.application.SupplierVerification.Verdict;
import io.keydesk.domain.model.order.CardKey;
import io.keydesk.domain.model.order.CardKeyVault;
import io.keydesk.domain.model.order.Order;
import io.keydesk.domain.model.order.OrderRepository;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Staff check a delivered key with its supplier. The key is opened only to be sent to the supplier;
 * the answer (never the key) is recorded in {@code supplier_check}. No transaction is held while
 * the supplier answers.
 */
@ApplicationScoped
public class SupplierCheckService {
  @Inject OrderRepository orders;
  @Inject CardKeyVault vault;
  @Inject SupplierVerification suppliers;
  @Inject SupplierCheckLog log;
  @Inject Clock clock;

  /** Which key to check. */
  @Schema(name = "CheckKey")
  public record CheckKey(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be an order number")
          String orderNo,
      @NotNull @Min(0) @Max(999) Integer keyIndex) {}

  /** The supplier's answer about one key. */
  public record SupplierCheckView(
      String orderNo,
      int keyIndex,
      String fingerprint,
      String productSku,
      String supplierCode,
      String batch,
      String outcome,
      String detail,
      long tookMs,
      Instant checkedAt) {}

  /**
   * Records every check, whatever the outcome.
   *
   * @throws NotFoundException for an unknown order or key index
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public SupplierCheckView check(StaffIdentity staff, CheckKey request) {
    Order order = orders.find(request.orderNo()).orElseThrow(() -> new NotFoundException("order"));
    CardKey key = order.key(request.keyIndex()).orElseThrow(() -> new NotFoundException("key"));
    String batch = key.batch().map(b -> b.code()).orElse(null);
    KeyCheck check =
        new KeyCheck(
            order.product().supplier().code(),
            order.product().sku(),
            batch,
            key.fingerprint(),
            vault.open(key.code()));
    Verdict verdict = suppliers.verify(check);
    Instant at = clock.instant();
    log.record(key.id(), check.supplierCode(), verdict, staff.username(), at);
    return new SupplierCheckView(
        order.orderNo(),
        key.keyIndex(),
        key.fingerprint(),
        check.productSku(),
        check.supplierCode(),
        batch,
        verdict.outcome().name(),
        verdict.detail(),
        verdict.took().toMillis(),
        at);
  }
}
