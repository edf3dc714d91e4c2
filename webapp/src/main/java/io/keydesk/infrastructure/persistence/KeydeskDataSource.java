package io.keydesk.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's MariaDB pool. Connection settings come from MicroProfile Config ({@code
 * keydesk.db.url}, {@code keydesk.db.user}, {@code keydesk.db.password}; as environment variables
 * KEYDESK_DB_URL, ...), so nothing secret is in the WAR. Through {@link LocalMariaDbDataSource}
 * (not the driver's XADataSource) gives a local-transaction pool: the application has one resource,
 * and XA would cost four more statements and a second log write per transaction.
 */
@DataSourceDefinition(
    name = KeydeskDataSource.JNDI_NAME,
    className = "io.keydesk.infrastructure.persistence.LocalMariaDbDataSource",
    url = "${MPCONFIG=keydesk.db.url}",
    user = "${MPCONFIG=keydesk.db.user}",
    password = "${MPCONFIG=keydesk.db.password}",
    minPoolSize = 4,
    maxPoolSize = 96,
    initialPoolSize = 4,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class KeydeskDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/keydesk";
}
