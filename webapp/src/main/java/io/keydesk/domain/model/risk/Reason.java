package io.keydesk.domain.model.risk;

/**
 * Why the engine decided as it did: a stable code (the signal kind) and a sentence a human can
 * read.
 */
public record Reason(String code, Decision decision, String text) {}
