package io.keydesk.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates as pages show them, in the shop's time zone ({@code keydesk.display-zone}). */
@Named("fmt")
@ApplicationScoped
public class Formats {
  @Inject
  @ConfigProperty(name = "keydesk.display-zone", defaultValue = "Asia/Shanghai")
  String zone;

  private DateTimeFormatter formatter;

  DateTimeFormatter formatter() {
    if (formatter == null) {
      formatter =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'").withZone(ZoneId.of(zone));
    }
    return formatter;
  }

  public String time(Instant instant) {
    return instant == null ? "" : formatter().format(instant);
  }

  /** The ISO instant, for {@code <time datetime>} and scripts. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
