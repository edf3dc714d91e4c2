package io.keydesk.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's MariaDB pool. Connection settings come from MicroProfile Config ({@code
 * keydesk.db.url}, {@code keydesk.db.user}, {@code keydesk.db.password}; as environment variables
 * KEYDESK_DB_URL, ...), so nothing secret is in the WAR.
 */
@DataSourceDefinition(
    name = KeydeskDataSource.JNDI_NAME,
    className = "org.mariadb.jdbc.MariaDbDataSource",
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
