package io.keydesk.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shop reports a key redeemed or voided, naming it by order number and key index, or by
 * fingerprint (as returned in the order receipt).
 */
@Schema(name = "KeyStatusReport")
public record KeyStatusReport(
    @Size(max = 64) String orderNo,
    @Min(0) @Max(999) Integer keyIndex,
    @Pattern(regexp = "[0-9a-f]{64}") String fingerprint,
    @NotNull @Pattern(regexp = "REDEEMED|VOIDED", message = "must be REDEEMED or VOIDED")
        String status,
    @PastOrPresent Instant at) {

  @AssertTrue(message = "name the key by orderNo and keyIndex, or by fingerprint")
  public boolean isKeyNamed() {
    return (orderNo != null && keyIndex != null) || fingerprint != null;
  }
}
