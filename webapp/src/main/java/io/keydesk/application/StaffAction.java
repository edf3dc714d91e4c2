package io.keydesk.application;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One action of an agent on a ticket. {@code REPLY}, {@code NOTE}, {@code ASK_BUYER}, {@code
 * REJECT} and {@code ESCALATE} need a text (for REJECT: the reason the buyer reads; for ESCALATE:
 * the reason staff read, at most 500 characters); {@code RESOLVE} needs a resolution; {@code
 * ESCALATE} needs a target ({@code SUPERVISOR} or {@code SUPPLIER}). {@code REDELIVER}, {@code
 * REPLACE} and {@code REFUND} run the same code as the automatic path ({@link AutoResolver});
 * {@code keyIndex} names the key for REPLACE (default: the ticket's key) and REFUND (default: every
 * delivered key of the order).
 */
@Schema(name = "StaffAction")
public record StaffAction(
    @NotNull
        @Pattern(
            regexp = "REPLY|NOTE|ASK_BUYER|RESOLVE|REJECT|CLOSE|REDELIVER|REPLACE|REFUND|ESCALATE",
            message =
                "must be one of REPLY, NOTE, ASK_BUYER, RESOLVE, REJECT, CLOSE, REDELIVER,"
                    + " REPLACE, REFUND, ESCALATE")
        String type,
    @Size(max = 4000) String text,
    @Pattern(
            regexp = "REDELIVERED|REPLACED|REFUNDED|ANSWERED",
            message = "must be one of REDELIVERED, REPLACED, REFUNDED, ANSWERED")
        String resolution,
    @Min(0) @Max(999) Integer keyIndex,
    @Pattern(regexp = "SUPERVISOR|SUPPLIER", message = "must be SUPERVISOR or SUPPLIER")
        String target) {

  /** What a request body holds (the canonical constructor, named for JSON-B). */
  @JsonbCreator
  public StaffAction(
      @JsonbProperty("type") String type,
      @JsonbProperty("text") String text,
      @JsonbProperty("resolution") String resolution,
      @JsonbProperty("keyIndex") Integer keyIndex,
      @JsonbProperty("target") String target) {
    this.type = type;
    this.text = text;
    this.resolution = resolution;
    this.keyIndex = keyIndex;
    this.target = target;
  }

  /** An action that names no key and no escalation target. */
  public StaffAction(String type, String text, String resolution) {
    this(type, text, resolution, null, null);
  }

  /** REPLACE or REFUND of one key of the order. */
  public static StaffAction onKey(String type, Integer keyIndex) {
    return new StaffAction(type, null, null, keyIndex, null);
  }

  /** ESCALATE to a supervisor or to the supplier, with the reason staff read. */
  public static StaffAction escalate(String target, String reason) {
    return new StaffAction("ESCALATE", reason, null, null, target);
  }

  @AssertTrue(message = "this action needs a text")
  public boolean isTextGiven() {
    boolean needsText = type != null && type.matches("REPLY|NOTE|ASK_BUYER|REJECT|ESCALATE");
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

  @AssertTrue(message = "ESCALATE needs a target")
  public boolean isTargetGiven() {
    return !"ESCALATE".equals(type) || target != null;
  }
}
