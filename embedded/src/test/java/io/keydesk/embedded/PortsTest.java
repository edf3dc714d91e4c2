package io.keydesk.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void aPortInUseOnLoopbackIsReportedWithTheSettingThatMovesIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      PortInUseException e =
          assertThrows(
              PortInUseException.class, () -> Ports.requireFree(port, "KEYDESK_HTTP_PORT"));
      assertEquals(
          "Port " + port + " is already in use. Set KEYDESK_HTTP_PORT to another port.",
          e.getMessage());
      assertEquals(port, e.port());
      assertEquals("KEYDESK_HTTP_PORT", e.settingName());
    }
  }

  @Test
  void aFreePortPassesTheCheck() {
    int port = Ports.freePort();
    assertTrue(Ports.isFree(port));
    Ports.requireFree(port, "KEYDESK_DB_PORT");
  }

  @Test
  void anImpossiblePortNamesTheSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Ports.requireFree(70_000, "KEYDESK_DB_PORT"));
    assertTrue(e.getMessage().contains("KEYDESK_DB_PORT"), e.getMessage());
  }
}
