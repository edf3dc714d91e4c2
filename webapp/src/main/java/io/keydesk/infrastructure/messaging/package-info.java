/**
 * The transactional outbox and its relay to Kafka. Events are rows written with the change; one
 * relay at a time (a row lock taken with SKIP LOCKED) publishes pending rows in id order inside a
 * Kafka transaction, then marks them published.
 */
package io.keydesk.infrastructure.messaging;
