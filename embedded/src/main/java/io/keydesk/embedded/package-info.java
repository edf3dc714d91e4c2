/**
 * Real infrastructure for the local launcher and for tests: a MariaDB server ({@link
 * io.keydesk.embedded.EmbeddedMariaDb}) and a single-node KRaft Kafka broker ({@link
 * io.keydesk.embedded.KafkaBroker}), each a child process whose data lives in a folder the caller
 * chooses and survives a restart. Child processes are stopped in reverse start order when they are
 * closed or when this JVM exits ({@link io.keydesk.embedded.ChildProcess}). Logging goes through
 * {@link java.lang.System.Logger}.
 */
package io.keydesk.embedded;
