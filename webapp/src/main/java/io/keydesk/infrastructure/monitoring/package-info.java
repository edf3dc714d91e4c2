/**
 * MicroProfile Health checks and Prometheus metrics (request timings, tickets by state, outbox
 * lag).
 */
package io.keydesk.infrastructure.monitoring;
