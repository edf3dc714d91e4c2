package io.keydesk.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's configuration. Each setting is looked up by its name (e.g. {@code
 * KEYDESK_HTTP_PORT}) in the environment first, then in a properties file using the same names,
 * then falls back to a default. The file is {@code KEYDESK_CONFIG} if set, otherwise {@code
 * keydesk-local.properties} in the data folder; a missing file is fine. Blank values count as
 * unset. {@code deploy/README.md} lists every setting.
 */
final class Settings {
  static final String HOME = "KEYDESK_HOME";
  static final String CONFIG = "KEYDESK_CONFIG";
  static final String HTTP_PORT = "KEYDESK_HTTP_PORT";
  static final String PUBLIC_URL = "KEYDESK_PUBLIC_URL";
  static final String DB_MODE = "KEYDESK_DB_MODE";
  static final String DB_PORT = "KEYDESK_DB_PORT";
  static final String DB_NAME = "KEYDESK_DB_NAME";
  static final String DB_URL = "KEYDESK_DB_URL";
  static final String DB_USER = "KEYDESK_DB_USER";
  static final String DB_PASSWORD = "KEYDESK_DB_PASSWORD";
  static final String DB_OWNER_USER = "KEYDESK_DB_OWNER_USER";
  static final String DB_OWNER_PASSWORD = "KEYDESK_DB_OWNER_PASSWORD";
  static final String KAFKA_BOOTSTRAP = "KEYDESK_KAFKA_BOOTSTRAP";
  static final String KAFKA_PORT = "KEYDESK_KAFKA_PORT";
  static final String KAFKA_CONTROLLER_PORT = "KEYDESK_KAFKA_CONTROLLER_PORT";
  static final String CRYPTO_KEYS = "KEYDESK_CRYPTO_KEYS";
  static final String CRYPTO_ACTIVE_VERSION = "KEYDESK_CRYPTO_ACTIVE_VERSION";
  static final String CRYPTO_FINGERPRINT_KEY = "KEYDESK_CRYPTO_FINGERPRINT_KEY";
  static final String SHOP_SECRET = "KEYDESK_SHOP_SECRET";
  static final String SHOP_WEBHOOK_URL = "KEYDESK_SHOP_WEBHOOK_URL";
  static final String SUPPLIER_VERIFY_URL = "KEYDESK_SUPPLIER_VERIFY_URL";
  static final String SUPPLIER_SECRET = "KEYDESK_SUPPLIER_SECRET";
  static final String DEMO_ENABLED = "KEYDESK_DEMO_ENABLED";
  static final String WAR = "KEYDESK_WAR";
  static final String PAYARA_JAR = "KEYDESK_PAYARA_JAR";
  static final String PAYARA_HEAP = "KEYDESK_PAYARA_HEAP";
  static final String READY_TIMEOUT = "KEYDESK_READY_TIMEOUT";
  static final String STREAMS_JAR = "KEYDESK_STREAMS_JAR";
  static final String MAIL_HOST = "KEYDESK_MAIL_HOST";
  static final String MAIL_PORT = "KEYDESK_MAIL_PORT";
  static final String MAIL_USER = "KEYDESK_MAIL_USER";
  static final String MAIL_PASSWORD = "KEYDESK_MAIL_PASSWORD";
  static final String MAIL_FROM = "KEYDESK_MAIL_FROM";
  static final String MAIL_TLS = "KEYDESK_MAIL_TLS";

  private final Map<String, String> environment;
  private final Properties file;
  private final Path root;
  private final Path home;
  private final Path configFile;

  private Settings(
      Map<String, String> environment, Properties file, Path root, Path home, Path configFile) {
    this.environment = environment;
    this.file = file;
    this.root = root;
    this.home = home;
    this.configFile = configFile;
  }

  /**
   * Reads the settings.
   *
   * @param environment usually {@link System#getenv()}
   * @param root the repository root; relative paths are resolved against it, and the default data
   *     folder is {@code <root>/data}
   */
  static Settings load(Map<String, String> environment, Path root) {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    Optional<Path> explicitConfig = nonBlank(environment.get(CONFIG)).map(absoluteRoot::resolve);
    Properties explicit = explicitConfig.map(Settings::read).orElseGet(Properties::new);
    Path home =
        nonBlank(environment.get(HOME))
            .or(() -> nonBlank(explicit.getProperty(HOME)))
            .map(absoluteRoot::resolve)
            .orElse(absoluteRoot.resolve("data"))
            .normalize();
    Path configFile = explicitConfig.orElse(home.resolve("keydesk-local.properties"));
    Properties file = explicitConfig.isPresent() ? explicit : read(configFile);
    return new Settings(Map.copyOf(environment), file, absoluteRoot, home, configFile);
  }

  /** The data folder: everything the launcher and its processes write lives under it. */
  Path home() {
    return home;
  }

  Path configFile() {
    return configFile;
  }

  /** The value from the environment, else from the file; empty if neither sets it. */
  Optional<String> find(String name) {
    return nonBlank(environment.get(name)).or(() -> nonBlank(file.getProperty(name)));
  }

  String get(String name, String defaultValue) {
    return find(name).orElse(defaultValue);
  }

  int port(String name, int defaultPort) {
    return integer(name, defaultPort);
  }

  int integer(String name, int defaultValue) {
    Optional<String> value = find(name);
    try {
      return value.map(String::trim).map(Integer::parseInt).orElse(defaultValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number, but is \"" + value.orElseThrow() + "\"", e);
    }
  }

  boolean flag(String name, boolean defaultValue) {
    return find(name).map(value -> Boolean.parseBoolean(value.trim())).orElse(defaultValue);
  }

  /** A file or folder setting; relative values are resolved against the repository root. */
  Path path(String name, String defaultRelativeToRoot) {
    return root.resolve(get(name, defaultRelativeToRoot)).normalize();
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the settings file " + file, e);
      }
    } else if (Files.exists(file)) {
      throw new IllegalArgumentException("The settings file " + file + " is not a regular file");
    }
    return properties;
  }
}
