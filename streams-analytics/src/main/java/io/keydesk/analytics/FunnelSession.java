package io.keydesk.analytics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the job keeps under one funnel session id (store {@code funnel-sessions}, Smile): the open
 * session, and the ids of the events seen under this session id with the record time of their first
 * delivery, so that a re-delivered event is dropped ({@link FunnelSessions#HORIZON}). After the
 * session has idled out, the entry stays, closed, with its event ids only, until they are older
 * than the horizon.
 */
final class FunnelSession {
  /**
   * A session is open under this id; false: closed, only {@link #eventIds} are kept. Entries
   * written by earlier versions had no such field and were always open.
   */
  public boolean open = true;

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

  /**
   * Event id → record time (epoch ms) of its first delivery, for the events of the last {@link
   * FunnelSessions#HORIZON} under this session id (of this session and of earlier ones).
   */
  public Map<String, Long> eventIds = new HashMap<>();

  /** {@code eventId} was delivered before, within the horizon of {@code recordTime}. */
  boolean seen(String eventId, long recordTime) {
    Long first = eventIds.get(eventId);
    return first != null && Math.abs(recordTime - first) <= FunnelSessions.HORIZON.toMillis();
  }

  /** The newest record time of the kept event ids; {@link Long#MIN_VALUE} when there are none. */
  long newestEventId() {
    long newest = Long.MIN_VALUE;
    for (long t : eventIds.values()) {
      newest = Math.max(newest, t);
    }
    return newest;
  }
}
