package io.keydesk.application;

/**
 * Fired inside the transaction that changed an article; observed after a successful commit so that
 * this instance's search index is checked at once instead of within the second. Other instances see
 * the change through the revision row in the database.
 */
public record KnowledgeBaseChanged(long articleId) {}
