/**
 * Technical adapters: JPA repositories, crypto, the outbox relay to Kafka, security, rate limits.
 */
package io.keydesk.infrastructure;
