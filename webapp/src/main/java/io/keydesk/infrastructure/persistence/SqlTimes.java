package io.keydesk.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** UTC DATETIME values for native queries, both ways. */
public final class SqlTimes {
  private SqlTimes() {}

  public static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A DATETIME column read by a native query (the driver gives a Timestamp or LocalDateTime). */
  public static Instant instant(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (column instanceof Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a DATETIME: " + column.getClass());
  }
}
