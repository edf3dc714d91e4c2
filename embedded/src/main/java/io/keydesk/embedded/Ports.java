package io.keydesk.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finding and checking TCP ports before anything binds them. */
public final class Ports {
  private Ports() {}

  /** A port that was free on the loopback interface a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port", e);
    }
  }

  /**
   * Whether nothing listens on {@code port}, on any interface. Binding the wildcard address fails
   * when any address already has the port, so this catches servers on 127.0.0.1 and on 0.0.0.0.
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails with a message naming the port and the setting that changes it, e.g. "Port 8080 is
   * already in use. Set KEYDESK_HTTP_PORT to another port."
   *
   * @throws PortInUseException if the port is taken
   */
  public static void requireFree(int port, String settingName) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "Port " + port + " is not a valid TCP port. Set " + settingName + " to 1-65535.");
    }
    if (!isFree(port)) {
      throw new PortInUseException(port, settingName);
    }
  }
}
