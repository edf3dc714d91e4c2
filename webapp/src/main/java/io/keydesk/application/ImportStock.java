package io.keydesk.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keys the shop hands to Keydesk for automatic deliveries and replacements of a known product (one
 * that came with an order before), from one supplier batch.
 */
@Schema(name = "ImportStock")
public record ImportStock(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String sku,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String batch,
    @NotEmpty @Size(max = 1000) List<@NotNull @Valid StockKey> keys) {

  /** One key: its code and an optional secret. */
  public record StockKey(@NotBlank @Size(max = 512) String code, @Size(max = 512) String secret) {
    @Override
    public String toString() {
      return "StockKey[redacted]";
    }
  }
}
