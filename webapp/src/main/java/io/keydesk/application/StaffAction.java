package io.keydesk.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One action of an agent on a ticket. {@code REPLY}, {@code NOTE}, {@code ASK_BUYER} and {@code
 * REJECT} need a text (for REJECT: the reason the buyer reads); {@code RESOLVE} needs a resolution.
 * {@code REDELIVER}, {@code REPLACE} and {@code REFUND} run the same code as the automatic path
 * ({@link AutoResolver}); {@code keyIndex} names the key for REPLACE (default: the ticket's key)
 * and REFUND (default: every delivered key of the order).
 */
public record StaffAction(
    @NotNull
        @Pattern(
            regexp = "REPLY|NOTE|ASK_BUYER|RESOLVE|REJECT|CLOSE|REDELIVER|REPLACE|REFUND",
            message =
                "must be one of REPLY, NOTE, ASK_BUYER, RESOLVE, REJECT, CLOSE, REDELIVER,"
                    + " REPLACE, REFUND")
        String type,
    @Size(max = 4000) String text,
    @Pattern(
            regexp = "REDELIVERED|REPLACED|REFUNDED|ANSWERED",
            message = "must be one of REDELIVERED, REPLACED, REFUNDED, ANSWERED")
        String resolution,
    @Min(0) @Max(999) Integer keyIndex) {

  @AssertTrue(message = "this action needs a text")
  public boolean isTextGiven() {
    boolean needsText = type != null && type.matches("REPLY|NOTE|ASK_BUYER|REJECT");
    return !needsText || (text != null && !text.isBlank());
  }

  @AssertTrue(message = "RESOLVE needs a resolution")
  public boolean isResolutionGiven() {
    return !"RESOLVE".equals(type) || resolution != null;
  }

  @AssertTrue(message = "only REPLACE and REFUND name a key")
  public boolean isKeyIndexAllowed() {
    return keyIndex == null || "REPLACE".equals(type) || "REFUND".equals(type);
  }
}
