package io.keydesk.infrastructure.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotificationRelayTest {
  @Test
  void addressesQuotedByAMailServerAreMaskedInLogs() {
    assertEquals(
        "the mail server refused the recipient: 550 5.1.1 <a***@example.com>: Recipient rejected",
        NotificationRelay.masked(
            "the mail server refused the recipient: 550 5.1.1 <alice.smith@example.com>: Recipient"
                + " rejected"));
    assertEquals(
        "ConnectException: Connection refused",
        NotificationRelay.masked("ConnectException: Connection refused"));
  }
}
