package io.keydesk.events;

/**
 * Value of {@link Topics#TICKETS_PER_CATEGORY}, keyed by {@code category}: how many distinct
 * tickets have been created in that category so far. On the wire: <code>
 * {"category":"INVALID_KEY","count":12}</code>. Each new record for a category supersedes the
 * previous one (read the topic as a table).
 */
public record CategoryCount(String category, long count) {}
