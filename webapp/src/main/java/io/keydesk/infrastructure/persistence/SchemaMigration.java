package io.keydesk.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations of {@code sql/} (on the classpath at {@code db/migration}) before anything
 * else touches the database. Several instances starting at once are safe: Flyway takes a lock.
 *
 * <p>With {@code keydesk.db.owner-user} set, the migrations run as that account (it owns the
 * schema) through a connection of their own that is closed afterwards, so the pool's application
 * user needs only data rights and cannot touch the audit log's append-only triggers. Without it
 * they run as the application user (see docs/operations.md for what that gives up).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = KeydeskDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "keydesk.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "keydesk.db.owner-user")
  Optional<String> ownerUser;

  @Inject
  @ConfigProperty(name = "keydesk.db.owner-password")
  Optional<String> ownerPassword;

  @PostConstruct
  void migrate() {
    FluentConfiguration config =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .locations("classpath:db/migration");
    if (ownerUser.filter(u -> !u.isBlank()).isPresent()) {
      config.dataSource(url, ownerUser.get(), ownerPassword.orElse(""));
    } else {
      LOG.warning(
          "keydesk.db.owner-user is not set: migrating as the application user, who then needs"
              + " schema rights and could also drop the audit log's append-only triggers");
      config.dataSource(dataSource);
    }
    Flyway flyway = config.load();
    MigrateResult result = flyway.migrate();
    String version =
        flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
    LOG.info(
        () -> "Schema at version " + version + " (" + result.migrationsExecuted + " applied now)");
  }
}
