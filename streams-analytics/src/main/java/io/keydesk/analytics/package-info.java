/**
 * The Kafka Streams analytics job: {@link io.keydesk.analytics.AnalyticsTopology} builds the
 * topology as a pure function, {@link io.keydesk.analytics.StreamsApp} runs it. Topic, store and
 * header names come from {@code io.keydesk.events}. See {@code docs/streams-analytics.md}.
 */
package io.keydesk.analytics;
