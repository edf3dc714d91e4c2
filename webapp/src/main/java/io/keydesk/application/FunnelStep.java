package io.keydesk.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of the buyer's after-sales flow as the portal (or an app) reports it, for the
 * abandonment funnel (docs/events.md). No contact and no key: only the flow's own session id.
 */
@Schema(name = "FunnelStep")
public record FunnelStep(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9-]{8,64}",
            message = "must be 8 to 64 letters, digits or dashes")
        String sessionId,
    @NotNull
        @Pattern(
            regexp = "ORDER|CATEGORY|KNOWLEDGE_BASE|DETAILS|EVIDENCE|SUBMIT|OUTCOME",
            message =
                "must be one of ORDER, CATEGORY, KNOWLEDGE_BASE, DETAILS, EVIDENCE, SUBMIT, OUTCOME")
        String step,
    @NotNull
        @Pattern(
            regexp = "VIEWED|COMPLETED|HANDED_OFF|SUBMITTED|LEFT",
            message = "must be one of VIEWED, COMPLETED, HANDED_OFF, SUBMITTED, LEFT")
        String action,
    @Pattern(regexp = "novice|expert", message = "must be novice or expert") String mode,
    @NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
    @NotNull @Pattern(regexp = "web|mobile|api", message = "must be web, mobile or api")
        String channel,
    @Pattern(
            regexp = "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
            message = "must be a category code")
        String category,
    @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]*", message = "must be an order number")
        String orderNo) {}
