package io.keydesk.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A knowledge-base article as staff write it (create, or replace with {@code version}: the version
 * they read). {@code productSku} empty: a general answer of the category. {@code published}
 * defaults to false (a draft), {@code sortWeight} to 0, {@code keywords} to none.
 */
@Schema(name = "WriteArticle")
public record WriteArticle(
    @NotNull
        @Pattern(
            regexp = "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
            message =
                "must be one of NOT_RECEIVED, INVALID_KEY, WRONG_PURCHASE, PAYMENT_ISSUE,"
                    + " USAGE_HELP, OTHER")
        String category,
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be a product SKU") String productSku,
    @NotBlank @Size(max = 200) String titleZh,
    @NotBlank @Size(max = 10000) String bodyZh,
    @NotBlank @Size(max = 200) String titleEn,
    @NotBlank @Size(max = 10000) String bodyEn,
    @Size(max = 20)
        List<
                @NotBlank @Size(max = 40)
                @Pattern(regexp = "[^,]*", message = "must not contain a comma") String>
            keywords,
    Boolean published,
    @Min(-1000) @Max(1000) Integer sortWeight,
    @NotNull(groups = WriteArticle.Revision.class, message = "the version you read is required")
        @Min(0)
        Integer version) {

  /** Validation group of a change to an existing article (the version is required). */
  public interface Revision {}
}
