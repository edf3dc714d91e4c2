package io.keydesk.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One action of an agent on a ticket. {@code REPLY}, {@code NOTE}, {@code ASK_BUYER} and {@code
 * REJECT} need a text (for REJECT: the reason the buyer reads); {@code RESOLVE} needs a resolution.
 */
public record StaffAction(
    @NotNull
        @Pattern(
            regexp = "REPLY|NOTE|ASK_BUYER|RESOLVE|REJECT|CLOSE",
            message = "must be one of REPLY, NOTE, ASK_BUYER, RESOLVE, REJECT, CLOSE")
        String type,
    @Size(max = 4000) String text,
    @Pattern(
            regexp = "REDELIVERED|REPLACED|REFUNDED|ANSWERED",
            message = "must be one of REDELIVERED, REPLACED, REFUNDED, ANSWERED")
        String resolution) {

  @AssertTrue(message = "this action needs a text")
  public boolean isTextGiven() {
    boolean needsText = type != null && type.matches("REPLY|NOTE|ASK_BUYER|REJECT");
    return !needsText || (text != null && !text.isBlank());
  }

  @AssertTrue(message = "RESOLVE needs a resolution")
  public boolean isResolutionGiven() {
    return !"RESOLVE".equals(type) || resolution != null;
  }
}
