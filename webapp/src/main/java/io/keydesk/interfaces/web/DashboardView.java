package io.keydesk.interfaces.web;

import io.keydesk.application.OpsDashboard;
import io.keydesk.application.OpsDashboard.Summary;
import io.keydesk.application.OpsDashboard.Trend;
import io.keydesk.domain.model.analytics.AnalyticsRepository.StepTotals;
import io.keydesk.domain.model.staff.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The supervisors' live dashboard ({@code console/dashboard.xhtml}): reads {@link OpsDashboard} on
 * load and again on every push of {@link DashboardPush} (and the 60 s poll). Supervisors and
 * admins.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;

  @Inject transient OpsDashboard dashboard;
  @Inject transient Clock clock;

  private transient Summary summary;
  private int refreshes;

  public void load() {
    if (StaffPages.allow(Role.SUPERVISOR, Role.ADMIN)) {
      summary = dashboard.summary(clock.instant());
    }
  }

  /** The push (or the poll) says something changed: read everything again. */
  public void refresh() {
    if (StaffPages.allow(Role.SUPERVISOR, Role.ADMIN)) {
      summary = dashboard.summary(clock.instant());
      refreshes++;
    }
  }

  public Summary getSummary() {
    if (summary == null) {
      summary = dashboard.summary(clock.instant());
    }
    return summary;
  }

  /** How often the page re-read its panels (for the page's live note and the tests). */
  public int getRefreshes() {
    return refreshes;
  }

  public String percent(Double rate) {
    return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
  }

  public String getProductTrend() {
    return trend(getSummary().productTrend(), "console.dashboard.productTrend");
  }

  public String getSupplierTrend() {
    return trend(getSummary().supplierTrend(), "console.dashboard.supplierTrend");
  }

  private String trend(Trend t, String titleKey) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone());
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    for (int i = 0; i < t.lines().size(); i++) {
      OpsDashboard.Line line = t.lines().get(i);
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", line.subject())
              .add(
                  "data",
                  Charts.numbers(
                      line.rates().stream().map(r -> r == null ? null : r * 100).toList()))
              .add("borderColor", Charts.colour(i))
              .add("backgroundColor", Charts.colour(i))
              .add("spanGaps", true)
              .add("pointRadius", 2));
    }
    return JSON.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", Charts.texts(t.ends().stream().map(f::format).toList()))
                .add("datasets", datasets))
        .add(
            "options",
            Charts.options(Pages.text(titleKey), Pages.text("console.dashboard.ratePercent")))
        .build()
        .toString();
  }

  public String getFunnel() {
    List<StepTotals> steps = getSummary().funnel();
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    String[] labels = {
      Pages.text("console.dashboard.funnel.entered"),
      Pages.text("console.dashboard.funnel.completed"),
      Pages.text("console.dashboard.funnel.abandoned")
    };
    for (int i = 0; i < labels.length; i++) {
      final int k = i;
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", labels[i])
              .add(
                  "data",
                  Charts.numbers(
                      steps.stream()
                          .map(
                              s ->
                                  (Number)
                                      (k == 0
                                          ? s.entered()
                                          : k == 1 ? s.completed() : s.abandoned()))
                          .toList()))
              .add("backgroundColor", Charts.colour(i)));
    }
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", Charts.texts(steps.stream().map(StepTotals::step).toList()))
                .add("datasets", datasets))
        .add(
            "options",
            Charts.options(
                Pages.text("console.dashboard.funnel"), Pages.text("console.dashboard.sessions")))
        .build()
        .toString();
  }

  /** The shop's time zone ({@code keydesk.display-zone}), as {@link Formats} shows times. */
  private static ZoneId zone() {
    return ZoneId.of(
        ConfigProvider.getConfig()
            .getOptionalValue("keydesk.display-zone", String.class)
            .orElse("Asia/Shanghai"));
  }

  public String time(Instant at) {
    return at == null ? "" : DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone()).format(at);
  }
}
