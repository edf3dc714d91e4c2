package io.keydesk.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A buyer says an article solved their problem. {@code sessionId} identifies the after-sales flow
 * (the client makes it up, e.g. a UUID, and keeps it for the visit); {@code category} defaults to
 * the article's.
 */
@Schema(name = "ReportSolved")
public record ReportSolved(
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9._:-]{8,64}",
            message = "must be 8 to 64 of A-Z a-z 0-9 . _ : -")
        String sessionId,
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be an order number") String orderNo,
    @Pattern(
            regexp = "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
            message =
                "must be one of NOT_RECEIVED, INVALID_KEY, WRONG_PURCHASE, PAYMENT_ISSUE,"
                    + " USAGE_HELP, OTHER")
        String category,
    @NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
    @NotNull @Pattern(regexp = "web|api|mobile", message = "must be web, api or mobile")
        String channel,
    @Pattern(regexp = "novice|expert", message = "must be novice or expert") String mode) {}
