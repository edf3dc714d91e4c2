package io.keydesk.application;

import io.keydesk.domain.model.analytics.AnalyticsRepository;
import io.keydesk.domain.model.catalog.CatalogRepository;
import io.keydesk.domain.model.catalog.Product;
import io.keydesk.domain.model.notification.Template;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.events.ProductAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a product alert does (the article's predictive after-sales): the buyers of the product's
 * alerted key batches who have not complained get a {@link Template#PRODUCT_ALERT} notice (what
 * happened, what to do) once per buyer and alert, and the shop gets a signed {@code product.paused}
 * webhook through {@link ProductSalesService#pause}. Runs once per alert, in the transaction that
 * stores it.
 */
@ApplicationScoped
public class PredictiveAfterSales {
  private static final Logger LOG = Logger.getLogger(PredictiveAfterSales.class.getName());

  /** Who pauses the product, in the audit log and the pause record. */
  static final String ACTOR = "analytics";

  @Inject AnalyticsRepository analytics;
  @Inject CatalogRepository catalog;
  @Inject BuyerPreferences buyers;
  @Inject ProductSalesService sales;
  @Inject Clock clock;

  /** Orders paid longer ago than this are not warned (their keys are long used). */
  @Inject
  @ConfigProperty(name = "keydesk.analytics.alert-lookback-days", defaultValue = "30")
  int lookbackDays;

  /** At most this many buyers are warned per alert. */
  @Inject
  @ConfigProperty(name = "keydesk.analytics.alert-max-notices", defaultValue = "5000")
  int maxNotices;

  /** The language of the proactive notice (buyers who did not complain have told us none). */
  @Inject
  @ConfigProperty(name = "keydesk.analytics.notice-language", defaultValue = "zh-CN")
  String language;

  /** Whether an alert pauses the product's sale in the shop. */
  @Inject
  @ConfigProperty(name = "keydesk.analytics.pause-on-alert", defaultValue = "true")
  boolean pauseOnAlert;

  /** Warns the buyers and pauses the product for a new alert; call in the alert's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void handle(long alertId, ProductAlert alert) {
    Instant now = clock.instant();
    Optional<Product> product = catalog.product(alert.sku());
    if (product.isEmpty()) {
      LOG.log(Level.WARNING, "Product alert for unknown product {0}: stored only", alert.sku());
      analytics.alertHandled(alertId, 0, false);
      return;
    }
    String shown = product.get().name() + " (" + product.get().sku() + ")";
    int notified = 0;
    List<AnalyticsRepository.Buyer> toWarn =
        analytics.buyersToWarn(
            alert.sku(), alert.batches(), now.minus(Duration.ofDays(lookbackDays)), maxNotices);
    for (AnalyticsRepository.Buyer buyer : toWarn) {
      Optional<Contact> contact = Contact.parse(buyer.contact());
      if (contact.isEmpty()
          || !analytics.markNotified(alertId, contact.get().value(), buyer.orderNo(), now)) {
        continue;
      }
      buyers.send(
          contact.get(),
          Template.PRODUCT_ALERT,
          language,
          Map.of("orderNo", buyer.orderNo(), "product", shown));
      notified++;
    }
    boolean paused = false;
    if (pauseOnAlert) {
      paused = sales.pause(alert.sku(), reason(alert), ACTOR).changed();
    }
    analytics.alertHandled(alertId, notified, paused);
    LOG.log(
        Level.INFO,
        "Product alert {0} for {1}: {2} buyers warned, sale paused: {3}",
        new Object[] {alertId, alert.sku(), notified, paused});
  }

  static String reason(ProductAlert a) {
    String batches = a.batches().isEmpty() ? "" : ", key batches " + String.join(", ", a.batches());
    return String.format(
        Locale.ROOT,
        "complaint rate spike: %.1f%% in the hour from %s (baseline %.1f%%, threshold %.1f%%, %d"
            + " complaints)%s",
        a.rate() * 100,
        a.hourStart(),
        a.baseline() * 100,
        a.threshold() * 100,
        a.volume(),
        batches);
  }
}
