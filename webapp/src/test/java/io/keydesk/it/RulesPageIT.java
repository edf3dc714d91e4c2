package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published rules page shows the stored targets, in the browser's language. */
class RulesPageIT extends ApiIT {
  @Test
  void theRulesPageShowsEveryCategoryWithItsStoredTargetsInBothLanguages() throws Exception {
    Answer en = api.get("/rules.xhtml", Map.of("Accept-Language", "en"));
    Answer zh = api.get("/rules.xhtml", Map.of("Accept-Language", "zh-CN,zh;q=0.9"));

    assertEquals(200, en.status());
    assertEquals(200, zh.status());
    try (Connection c = TestServers.database();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT code, name_en, name_zh, response_minutes, resolution_minutes FROM category")) {
      int rows = 0;
      while (r.next()) {
        rows++;
        String code = r.getString(1);
        assertTrue(en.body().contains("id=\"rule-" + code + "\""), code);
        assertTrue(en.body().contains(r.getString(2)), r.getString(2));
        assertTrue(zh.body().contains(r.getString(3)), r.getString(3));
        assertTrue(en.body().contains(expected(r.getInt(4), "en")), code + " response");
        assertTrue(zh.body().contains(expected(r.getInt(5), "zh")), code + " resolution");
      }
      assertEquals(6, rows);
    }
    assertTrue(en.body().contains("refunded at once"));
    assertTrue(zh.body().contains("立即退款"));
  }

  private static String expected(int minutes, String language) {
    boolean zh = language.equals("zh");
    if (minutes % 1440 == 0) {
      return minutes / 1440 + (zh ? " 天" : " d");
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + (zh ? " 小时" : " h");
    }
    return minutes + (zh ? " 分钟" : " min");
  }

  @Test
  void aMissingPageAnswersInBothLanguagesWithoutDetailsWhileTheApiKeepsProblemJson() {
    Answer page = api.get("/no-such-page.xhtml", Map.of("Accept-Language", "en"));
    assertEquals(404, page.status());
    assertTrue(page.body().contains("This page cannot be shown"), page.body());
    assertTrue(page.body().contains("页面暂时无法显示"), page.body());
    assertTrue(!page.body().contains("Exception") && !page.body().contains("Payara"), page.body());

    Answer api404 = api.get("/api/v1/no-such-resource", Map.of());
    assertEquals(404, api404.status());
    assertTrue(api404.contentType().startsWith("application/problem+json"), api404.contentType());
  }
}
