package io.keydesk.infrastructure.config;

import io.keydesk.application.DemoData;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo set and the demo knowledge base on start when {@code keydesk.demo.enabled=true}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataLoader {
  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @Inject
  @ConfigProperty(name = "keydesk.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Inject DemoData demo;

  @PostConstruct
  void load() {
    if (!enabled) {
      return;
    }
    try {
      LOG.info(demo.load() ? "Demo data loaded" : "Demo data already present");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo data could not be loaded", e);
    }
    try {
      if (demo.loadShifts()) {
        LOG.info("Demo shifts loaded");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo shifts could not be loaded", e);
    }
    try {
      int articles = demo.loadKnowledgeBase();
      LOG.info(
          articles > 0
              ? "Demo knowledge base loaded: " + articles + " articles"
              : "Knowledge base already has articles; no demo answers added");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo knowledge base could not be loaded", e);
    }
  }
}
