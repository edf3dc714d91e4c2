package io.keydesk.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a buyer submits to open a case. Without a category the classifier reads the description and
 * picks one when it is confident; otherwise the buyer is asked to choose ({@link
 * CategoryNeededException}). With {@code handoff} the buyer asked for a human ("talk to a human",
 * 转人工): the case goes to the queue with what was entered so far and nothing automatic happens;
 * without a category it takes the classifier's reading when confident, OTHER otherwise. {@code
 * chargedTwice} (PAYMENT_ISSUE) says the buyer paid for the same purchase twice; only this explicit
 * answer starts the automatic refund of the repeat order.
 */
@Schema(name = "FileTicket")
public record FileTicket(
    @NotBlank @Size(max = 64) String orderNo,
    @Pattern(
            regexp = "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
            message =
                "must be one of NOT_RECEIVED, INVALID_KEY, WRONG_PURCHASE, PAYMENT_ISSUE,"
                    + " USAGE_HELP, OTHER")
        String category,
    @NotBlank @Size(max = 4000) String description,
    @Min(0) @Max(999) Integer keyIndex,
    @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
    @Pattern(regexp = "web|api|mobile", message = "must be web, api or mobile") String channel,
    @Size(max = 4000) String errorText,
    @Size(max = 200) String intendedProduct,
    @Size(min = 8, max = 100)
        @Pattern(
            regexp = "[A-Za-z0-9._:-]+",
            message = "must be 8 to 100 letters, digits, dots, dashes, colons or underscores")
        String deviceId,
    Boolean handoff,
    Boolean chargedTwice) {
  /** A claim with the fields of the first version of the API only. */
  public static FileTicket of(
      String orderNo,
      String category,
      String description,
      Integer keyIndex,
      String language,
      String channel) {
    return new FileTicket(
        orderNo, category, description, keyIndex, language, channel, null, null, null, null, null);
  }

  /** Whether the buyer asked for a human instead of the automatic path. */
  public boolean wantsHuman() {
    return Boolean.TRUE.equals(handoff);
  }
}
