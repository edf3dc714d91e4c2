package io.keydesk.embedded;

/**
 * A port that something is about to bind is already taken; the message says which setting moves it.
 */
public final class PortInUseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final int port;
  private final String settingName;

  public PortInUseException(int port, String settingName) {
    super("Port " + port + " is already in use. Set " + settingName + " to another port.");
    this.port = port;
    this.settingName = settingName;
  }

  public int port() {
    return port;
  }

  public String settingName() {
    return settingName;
  }
}
