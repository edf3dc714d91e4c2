package io.keydesk.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations of {@code sql/} (on the classpath at {@code db/migration}) before anything
 * else touches the database. Several instances starting at once are safe: Flyway takes a lock.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = KeydeskDataSource.JNDI_NAME)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    String version =
        flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
    LOG.info(
        () -> "Schema at version " + version + " (" + result.migrationsExecuted + " applied now)");
  }
}
