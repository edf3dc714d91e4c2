package io.keydesk.events;

/** The schema version of the streams job's result records (the {@code schemaVersion} field). */
public final class AnalyticsResults {
  /** Written by this build; a reader must ignore unknown fields and skip higher versions. */
  public static final int SCHEMA_VERSION = 1;

  private AnalyticsResults() {}
}
