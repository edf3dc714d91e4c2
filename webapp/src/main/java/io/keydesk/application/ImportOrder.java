package io.keydesk.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the shop sends to create or update an order with its delivered keys. */
@Schema(name = "ImportOrder")
public record ImportOrder(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String orderNo,
    @NotNull @Valid Buyer buyer,
    @NotNull @Valid ProductRef product,
    @NotNull @Min(1) @Max(1000) Integer quantity,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotNull @PastOrPresent Instant paidAt,
    @Size(max = 1000) List<@NotNull @Valid DeliveredKey> keys) {

  /** The buyer's contact: an e-mail address, a phone number or both. */
  public record Buyer(
      @Email @Size(max = 254) String email,
      @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()\\-.]{5,32}") String phone) {
    @AssertTrue(message = "an e-mail address or a phone number is required")
    public boolean isContactGiven() {
      return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
  }

  /** The product, created on first sight with its supplier. */
  public record ProductRef(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String sku,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Valid SupplierRef supplier) {}

  public record SupplierRef(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String code,
      @NotBlank @Size(max = 200) String name) {}

  /** One delivered key: its position in the order, the code, an optional secret and batch. */
  public record DeliveredKey(
      @NotNull @Min(0) @Max(999) Integer index,
      @NotBlank @Size(max = 512) String code,
      @Size(max = 512) String secret,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String batch,
      @PastOrPresent Instant deliveredAt) {
    @Override
    public String toString() {
      return "DeliveredKey[index=" + index + ", batch=" + batch + "]";
    }
  }

  @AssertTrue(message = "more keys than the order quantity, or a key index used twice")
  public boolean isKeysConsistent() {
    if (keys == null || quantity == null) {
      return true;
    }
    long distinct =
        keys.stream()
            .filter(k -> k != null && k.index() != null)
            .map(DeliveredKey::index)
            .distinct()
            .count();
    boolean inRange =
        keys.stream().allMatch(k -> k == null || k.index() == null || k.index() < quantity);
    return distinct == keys.size() && inRange;
  }

  public List<DeliveredKey> keysOrEmpty() {
    return keys == null ? List.of() : keys;
  }
}
