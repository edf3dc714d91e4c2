package io.keydesk.interfaces.web;

import io.keydesk.application.StaffingForecast;
import io.keydesk.application.StaffingForecast.CategoryForecast;
import io.keydesk.application.StaffingForecast.Forecast;
import io.keydesk.domain.model.staff.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staffing forecast ({@code console/forecast.xhtml}): tickets expected per hour and category
 * (stacked bars) against the agents on shift (a line), and the backtest's errors. Supervisors and
 * admins.
 */
@Named
@RequestScoped
public class ForecastView {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject StaffingForecast forecasts;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.display-zone", defaultValue = "Asia/Shanghai")
  String zone;

  private Forecast forecast;

  public void load() {
    if (StaffPages.allow(Role.SUPERVISOR, Role.ADMIN)) {
      forecast = forecasts.forecast(clock.instant());
    }
  }

  public Forecast getForecast() {
    return forecast;
  }

  /** Hours in the next 7 days with tickets expected and no agent on shift. */
  public long getUncovered() {
    long n = 0;
    for (int h = 0; h < forecast.hours(); h++) {
      if (forecast.total().get(h) >= 0.5 && forecast.agentsOnShift().get(h) == 0) {
        n++;
      }
    }
    return n;
  }

  public double getExpectedTotal() {
    return Math.round(forecast.total().stream().mapToDouble(Double::doubleValue).sum());
  }

  public String number(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  public String getChart() {
    Locale locale = Pages.request().getLocale();
    var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (faces != null && faces.getViewRoot() != null) {
      locale = faces.getViewRoot().getLocale();
    }
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("EEE HH:mm", locale).withZone(ZoneId.of(zone));
    List<String> labels = new ArrayList<>();
    for (int h = 0; h < forecast.hours(); h++) {
      labels.add(f.format(forecast.from().plus(Duration.ofHours(h))));
    }
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    datasets.add(
        JSON.createObjectBuilder()
            .add("type", "line")
            .add("label", Pages.text("console.forecast.agents"))
            .add("data", Charts.numbers(forecast.agentsOnShift()))
            .add("yAxisID", "agents")
            .add("stepped", true)
            .add("borderColor", "#000000")
            .add("backgroundColor", "#000000")
            .add("pointRadius", 0)
            .add("order", 0));
    List<CategoryForecast> categories = forecast.categories();
    for (int i = 0; i < categories.size(); i++) {
      CategoryForecast c = categories.get(i);
      datasets.add(
          JSON.createObjectBuilder()
              .add("type", "bar")
              .add("label", Pages.text("category." + c.category()))
              .add("data", Charts.numbers(c.values()))
              .add("stack", "tickets")
              .add("backgroundColor", Charts.colour(i))
              .add("order", 1));
    }
    var options =
        Charts.options(
            Pages.text("console.forecast.chart"), Pages.text("console.forecast.tickets"));
    options.add(
        "scales",
        JSON.createObjectBuilder()
            .add(
                "x",
                JSON.createObjectBuilder()
                    .add("stacked", true)
                    .add("ticks", JSON.createObjectBuilder().add("maxTicksLimit", 14)))
            .add(
                "y",
                JSON.createObjectBuilder()
                    .add("stacked", true)
                    .add("beginAtZero", true)
                    .add(
                        "title",
                        JSON.createObjectBuilder()
                            .add("display", true)
                            .add("text", Pages.text("console.forecast.tickets"))))
            .add(
                "agents",
                JSON.createObjectBuilder()
                    .add("position", "right")
                    .add("beginAtZero", true)
                    .add("ticks", JSON.createObjectBuilder().add("precision", 0))
                    .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false))
                    .add(
                        "title",
                        JSON.createObjectBuilder()
                            .add("display", true)
                            .add("text", Pages.text("console.forecast.agents")))));
    return JSON.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            JSON.createObjectBuilder()
                .add("labels", Charts.texts(labels))
                .add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }

  /** The method's name for the page. */
  public String method(String method) {
    return switch (method) {
      case "HOLT_WINTERS" -> Pages.text("console.forecast.method.HOLT_WINTERS");
      case "SEASONAL_NAIVE" -> Pages.text("console.forecast.method.SEASONAL_NAIVE");
      case "MEAN" -> Pages.text("console.forecast.method.MEAN");
      default -> Pages.text("console.forecast.method.NONE");
    };
  }
}
