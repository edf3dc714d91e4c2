package io.keydesk.application;

import java.util.List;

/**
 * The answer to an order import: the order as Keydesk now holds it. The same import twice gives the
 * same receipt.
 */
public record OrderReceipt(
    String orderNo, String productSku, String supplierCode, int quantity, List<KeyReceipt> keys) {

  /** A delivered key as the shop may see it: no code, only its fingerprint and status. */
  public record KeyReceipt(int index, String fingerprint, String batch, String status) {}
}
