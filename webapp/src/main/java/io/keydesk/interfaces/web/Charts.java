package io.keydesk.interfaces.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/** Chart.js configurations (JSON) for {@code <p:chart value>}: the console's charts. */
final class Charts {
  /** Looked up once: {@code Json.create…} scans the class path for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Colour-blind-safe colours (Okabe-Ito), one per data set. */
  static final List<String> COLOURS =
      List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

  private Charts() {}

  static String colour(int i) {
    return COLOURS.get(i % COLOURS.size());
  }

  static JsonArrayBuilder numbers(List<? extends Number> values) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (Number v : values) {
      if (v == null) {
        a.addNull();
      } else {
        a.add(v.doubleValue());
      }
    }
    return a;
  }

  static JsonArrayBuilder texts(List<String> values) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  /** Options shared by the console's charts: no animation (live updates), a title, a y label. */
  static JsonObjectBuilder options(String title, String yTitle) {
    return JSON.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false)
        .add(
            "plugins",
            JSON.createObjectBuilder()
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title))
                .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
        .add(
            "scales",
            JSON.createObjectBuilder()
                .add(
                    "y",
                    JSON.createObjectBuilder()
                        .add("beginAtZero", true)
                        .add(
                            "title",
                            JSON.createObjectBuilder().add("display", true).add("text", yTitle))));
  }
}
