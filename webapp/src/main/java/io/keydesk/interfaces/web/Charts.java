package io.keydesk.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Chart.js configurations (JSON) for {@code <p:chart value>}: the console's charts. */
final class Charts {
  /** Colour-blind-safe colours (Okabe-Ito), one per data set. */
  static final List<String> COLOURS =
      List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

  private Charts() {}

  static String colour(int i) {
    return COLOURS.get(i % COLOURS.size());
  }

  static JsonArrayBuilder numbers(List<? extends Number> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
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
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  /** Options shared by the console's charts: no animation (live updates), a title, a y label. */
  static JsonObjectBuilder options(String title, String yTitle) {
    return Json.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false)
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
        .add(
            "scales",
            Json.createObjectBuilder()
                .add(
                    "y",
                    Json.createObjectBuilder()
                        .add("beginAtZero", true)
                        .add(
                            "title",
                            Json.createObjectBuilder().add("display", true).add("text", yTitle))));
  }
}
