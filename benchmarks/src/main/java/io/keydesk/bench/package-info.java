/**
 * The throughput benchmark: ticket submissions through the REST API of a real Payara Micro with the
 * WAR, on a durable MariaDB and a Kafka broker, beside the raw durable insert rate of the same
 * MariaDB. Run by {@code benchmarks/run}; results are recorded in {@code docs/benchmarks.md}.
 */
package io.keydesk.bench;
