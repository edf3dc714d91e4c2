/**
 * The event contract between the webapp, which writes events to its transactional outbox, and every
 * consumer of the Kafka topics (the streams job first). Field names here are the JSON field names
 * on the wire; {@code docs/events.md} documents them.
 */
package io.keydesk.events;
