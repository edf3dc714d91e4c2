package io.keydesk.analytics;

import java.util.TreeSet;

/** An open after-sales session (store {@code funnel-sessions}, JSON). */
final class FunnelSession {
  /** Event time (epoch ms) of the session's latest event, and the step it was at. */
  public long lastAt;

  public String lastStep;
  public String mode;
  public String language;
  public String channel;
  public TreeSet<String> entered = new TreeSet<>();
  public TreeSet<String> completed = new TreeSet<>();

  /** The session ended: solved, handed off, submitted, or left (then already counted abandoned). */
  public boolean ended;
}
