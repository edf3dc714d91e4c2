package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.events.Topics;
import io.keydesk.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base over HTTP: admins write it (and nobody else), buyers search it in Chinese and
 * English, get recommendations for their case, and say when an answer solved their problem.
 */
class KnowledgeBaseApiIT extends ApiIT {
  private static final String ARTICLES = "/api/v1/ops/kb/articles";

  private String admin() {
    return api.staffToken("admin", "admin-demo-pass");
  }

  /** A public call from its own client address, so the per-IP limits of other tests do not hit. */
  private Answer publicGet(String path) {
    return api.get(path, Map.of("X-Forwarded-For", Api.uniqueIp()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonObjectBuilder article(
      String category, String sku, String titleZh, String titleEn, String words) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("category", category)
            .add("titleZh", titleZh)
            .add("bodyZh", "这是关于" + titleZh + "的回答。" + words)
            .add("titleEn", titleEn)
            .add("bodyEn", "This answers: " + titleEn + ". " + words)
            .add("keywords", Json.createArrayBuilder().add("it-test"))
            .add("published", true)
            .add("sortWeight", 0);
    if (sku != null) {
      b.add("productSku", sku);
    }
    return b;
  }

  private JsonObject create(String token, JsonObjectBuilder body) {
    Answer created = api.post(ARTICLES, body.build().toString(), Api.bearer(token));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static List<String> fields(Answer problem) {
    assertEquals(400, problem.status(), problem.body());
    assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
    List<String> fields = new ArrayList<>();
    for (JsonValue e : problem.json().getJsonArray("errors")) {
      fields.add(e.asJsonObject().getString("field"));
    }
    return fields;
  }

  private static List<Long> ids(Answer answers) {
    assertEquals(200, answers.status(), answers.body());
    List<Long> ids = new ArrayList<>();
    for (JsonValue item : answers.json().getJsonArray("items")) {
      ids.add(item.asJsonObject().getJsonNumber("id").longValue());
    }
    return ids;
  }

  @Test
  void anAdminWritesRevisesAndArchivesAnArticle() {
    String admin = admin();
    JsonObject created =
        create(
            admin, article("USAGE_HELP", null, "如何使用兑换码", "How to use a redemption code", "第一版"));
    long id = created.getJsonNumber("id").longValue();
    int v0 = created.getInt("version");
    assertEquals("USAGE_HELP", created.getString("category"));
    assertTrue(created.getBoolean("published"));
    assertEquals(0, created.getJsonNumber("deflections").longValue());

    String agent = api.staffToken("agent", "agent-demo-pass");
    assertEquals(
        "如何使用兑换码", api.get(ARTICLES + "/" + id, Api.bearer(agent)).json().getString("titleZh"));

    Answer revised =
        api.put(
            ARTICLES + "/" + id,
            article("USAGE_HELP", null, "如何使用兑换码（新版）", "Using a redemption code", "第二版")
                .add("version", v0)
                .build()
                .toString(),
            Api.bearer(admin));
    assertEquals(200, revised.status(), revised.body());
    assertEquals(v0 + 1, revised.json().getInt("version"));
    assertEquals("Using a redemption code", revised.json().getString("titleEn"));

    Answer stale =
        api.put(
            ARTICLES + "/" + id,
            article("USAGE_HELP", null, "过期的修改", "A stale edit", "x")
                .add("version", v0)
                .build()
                .toString(),
            Api.bearer(admin));
    assertEquals(409, stale.status(), stale.body());
    assertEquals("urn:keydesk:problem:version-conflict", stale.json().getString("type"));
    assertEquals(
        "Using a redemption code",
        api.get(ARTICLES + "/" + id, Api.bearer(admin)).json().getString("titleEn"),
        "a stale version changes nothing");

    Answer seen = publicGet("/api/v1/kb/articles/" + id + "?lang=zh-CN");
    assertEquals(200, seen.status(), seen.body());
    assertEquals("如何使用兑换码（新版）", seen.json().getString("title"));
    assertEquals("zh-CN", seen.json().getString("language"));
    assertEquals("GENERAL", seen.json().getString("scope"));

    Answer archived = api.delete(ARTICLES + "/" + id, Api.bearer(admin));
    assertEquals(200, archived.status(), archived.body());
    assertTrue(archived.json().getBoolean("archived"));
    assertFalse(archived.json().getBoolean("published"));
    assertEquals(404, publicGet("/api/v1/kb/articles/" + id).status(), "buyers no longer see it");
    assertTrue(
        ids(api.get(ARTICLES + "?state=ARCHIVED&category=USAGE_HELP&size=200", Api.bearer(admin)))
            .contains(id),
        "staff still see it");
    assertFalse(
        ids(api.get(ARTICLES + "?category=USAGE_HELP&size=200", Api.bearer(admin))).contains(id));
    Answer afterArchive =
        api.put(
            ARTICLES + "/" + id,
            article("USAGE_HELP", null, "复活", "Back again", "x")
                .add("version", archived.json().getInt("version"))
                .build()
                .toString(),
            Api.bearer(admin));
    assertEquals(409, afterArchive.status());
    assertEquals("urn:keydesk:problem:article-archived", afterArchive.json().getString("type"));
    assertEquals(404, api.get(ARTICLES + "/999999999", Api.bearer(admin)).status());
    assertEquals(404, api.get(ARTICLES + "/abc", Api.bearer(admin)).status());
  }

  @Test
  void onlyAdminsChangeTheKnowledgeBaseAndAnyStaffReadsIt() {
    String body = article("OTHER", null, "角色测试", "Role test", "x").build().toString();
    String agent = api.staffToken("agent", "agent-demo-pass");
    String supervisor = api.staffToken("supervisor", "supervisor-demo-pass");
    String supplier = api.staffToken("supplier", "supplier-demo-pass");

    Answer byAgent = api.post(ARTICLES, body, Api.bearer(agent));
    assertEquals(403, byAgent.status());
    assertEquals("urn:keydesk:problem:forbidden", byAgent.json().getString("type"));
    assertEquals(403, api.post(ARTICLES, body, Api.bearer(supplier)).status());
    assertEquals(403, api.post(ARTICLES, body, Api.bearer(supervisor)).status());
    assertEquals(401, api.post(ARTICLES, body, Map.of()).status());
    String buyer = api.buyerToken("DEMO-1001", "alice@example.com");
    assertEquals(401, api.post(ARTICLES, body, Api.bearer(buyer)).status());

    long id =
        create(admin(), article("OTHER", null, "角色测试", "Role test", "x"))
            .getJsonNumber("id")
            .longValue();
    String put = article("OTHER", null, "改", "Changed", "x").add("version", 0).build().toString();
    assertEquals(403, api.put(ARTICLES + "/" + id, put, Api.bearer(agent)).status());
    assertEquals(403, api.put(ARTICLES + "/" + id, put, Api.bearer(supplier)).status());
    assertEquals(403, api.delete(ARTICLES + "/" + id, Api.bearer(supplier)).status());
    assertEquals(403, api.delete(ARTICLES + "/" + id, Api.bearer(agent)).status());

    for (String token : List.of(agent, supervisor, supplier)) {
      assertEquals(200, api.get(ARTICLES, Api.bearer(token)).status());
      Answer one = api.get(ARTICLES + "/" + id, Api.bearer(token));
      assertEquals(200, one.status());
      assertEquals("Role test", one.json().getString("titleEn"), "nobody but admins changed it");
    }
  }

  @Test
  void badInputIsRefusedNamingEachField() {
    String admin = admin();
    JsonObject bad =
        Json.createObjectBuilder()
            .add("category", "NOPE")
            .add("titleZh", "标题")
            .add("bodyZh", "   ")
            .add("titleEn", "t".repeat(201))
            .add("keywords", Json.createArrayBuilder().add("a,b"))
            .add("sortWeight", 5000)
            .build();
    List<String> fields = fields(api.post(ARTICLES, bad.toString(), Api.bearer(admin)));
    for (String f : List.of("category", "bodyZh", "titleEn", "bodyEn", "sortWeight")) {
      assertTrue(fields.contains(f), f + " not named in " + fields);
    }
    assertTrue(fields.stream().anyMatch(f -> f.startsWith("keywords")), fields.toString());
    assertFalse(fields.contains("titleZh"), fields.toString());

    String sku = Api.unique("NO-SUCH-SKU");
    Answer unknownProduct =
        api.post(
            ARTICLES,
            article("INVALID_KEY", sku, "标题", "Title", "x").build().toString(),
            Api.bearer(admin));
    assertEquals(List.of("productSku"), fields(unknownProduct));
    assertTrue(unknownProduct.body().contains(sku), unknownProduct.body());

    long id =
        create(admin, article("OTHER", null, "版本测试", "Version test", "x"))
            .getJsonNumber("id")
            .longValue();
    Answer noVersion =
        api.put(
            ARTICLES + "/" + id,
            article("OTHER", null, "无版本", "No version", "x").add("titleZh", "").build().toString(),
            Api.bearer(admin));
    assertEquals(List.of("titleZh", "version"), fields(noVersion).stream().sorted().toList());

    Answer malformed = api.post(ARTICLES, "{\"category\":", Api.bearer(admin));
    assertEquals(400, malformed.status());
    assertEquals("urn:keydesk:problem:malformed-json", malformed.json().getString("type"));
    assertEquals(
        List.of("category", "lang", "limit"),
        fields(publicGet("/api/v1/kb/articles?category=NOPE&lang=fr&limit=99")));
    assertEquals(List.of("category"), fields(publicGet("/api/v1/kb/recommendations?lang=en")));
  }

  @Test
  void chineseAndEnglishSearchFindTheRightArticle() {
    String admin = admin();
    long nebula =
        create(
                admin,
                article(
                    "USAGE_HELP",
                    null,
                    "星云平台礼品码兑换步骤",
                    "Redeem a gift code on the Nebula platform",
                    "登录星云平台，打开礼品码页面。Sign in to Nebula and open the gift code page."))
            .getJsonNumber("id")
            .longValue();
    long quantum =
        create(
                admin,
                article(
                    "OTHER",
                    null,
                    "如何取消量子会员的自动续费",
                    "Cancel the automatic renewal of a Quantum membership",
                    "在量子会员设置中关闭自动续费。Turn off renewal in the Quantum membership settings."))
            .getJsonNumber("id")
            .longValue();

    Answer chinese = publicGet("/api/v1/kb/articles?lang=zh-CN&q=" + enc("星云 礼品码怎么兑换"));
    assertEquals(nebula, ids(chinese).get(0), chinese.body());
    JsonObject top = chinese.json().getJsonArray("items").getJsonObject(0);
    assertEquals("星云平台礼品码兑换步骤", top.getString("title"));
    assertEquals("zh-CN", top.getString("language"));
    assertTrue(top.getJsonNumber("score").doubleValue() > 0);

    Answer english =
        publicGet("/api/v1/kb/articles?lang=en&q=" + enc("How can I cancel my quantum renewal?"));
    assertEquals(quantum, ids(english).get(0), english.body());
    assertEquals(
        "Cancel the automatic renewal of a Quantum membership",
        english.json().getJsonArray("items").getJsonObject(0).getString("title"));

    Answer mixed = publicGet("/api/v1/kb/articles?q=" + enc("Nebula 礼品码"));
    assertEquals(nebula, ids(mixed).get(0), mixed.body());
    assertEquals(
        "en", mixed.json().getString("language"), "English without lang or Accept-Language");
    Answer byHeader =
        api.get(
            "/api/v1/kb/articles?q=" + enc("量子 自动续费"),
            Map.of("X-Forwarded-For", Api.uniqueIp(), "Accept-Language", "zh-CN,zh;q=0.9"));
    assertEquals(quantum, ids(byHeader).get(0), byHeader.body());
    assertEquals(
        "如何取消量子会员的自动续费", byHeader.json().getJsonArray("items").getJsonObject(0).getString("title"));

    List<Long> otherCategory =
        ids(publicGet("/api/v1/kb/articles?category=PAYMENT_ISSUE&q=" + enc("星云 Nebula")));
    assertFalse(otherCategory.contains(nebula), "the category filters");
    assertEquals(List.of(), ids(publicGet("/api/v1/kb/articles?q=" + enc("zzqqxxyy"))));
  }

  @Test
  void recommendationsPutTheCategorysAnswerForTheProductFirst() {
    String admin = admin();
    String sku = Api.unique("KB-SKU");
    String orderNo = Api.unique("KB");
    assertEquals(
        200,
        api.importOrder(orderNo, orderNo.toLowerCase() + "@example.com", sku, "K-" + orderNo)
            .status());
    String text = "The activation server says error 0x7F2A blocked";

    long general =
        create(
                admin,
                article(
                    "INVALID_KEY",
                    null,
                    "激活服务器报错 0x7F2A",
                    "Activation server error 0x7F2A blocked",
                    "error 0x7F2A blocked activation server"))
            .getJsonNumber("id")
            .longValue();
    long forProduct =
        create(
                admin,
                article(
                    "INVALID_KEY",
                    sku,
                    "该商品的卡密无效处理",
                    "When this product's key is refused",
                    "Check the product edition."))
            .getJsonNumber("id")
            .longValue();
    long otherCategory =
        create(
                admin,
                article(
                    "USAGE_HELP",
                    sku,
                    "该商品使用说明",
                    "Using this product: activation server error 0x7F2A",
                    "error 0x7F2A blocked activation server"))
            .getJsonNumber("id")
            .longValue();

    Answer recommended =
        publicGet(
            "/api/v1/kb/recommendations?category=INVALID_KEY&lang=en&limit=10&product="
                + sku
                + "&text="
                + enc(text));
    List<Long> ids = ids(recommended);
    assertEquals(forProduct, ids.get(0), recommended.body());
    assertEquals(general, ids.get(1), "then the general answer that fits the text best");
    assertFalse(ids.contains(otherCategory), "only the category's answers");
    JsonArray items = recommended.json().getJsonArray("items");
    assertEquals("PRODUCT", items.getJsonObject(0).getString("scope"));
    assertEquals(sku, items.getJsonObject(0).getString("productSku"));
    for (int i = 1; i < items.size(); i++) {
      assertEquals("GENERAL", items.getJsonObject(i).getString("scope"));
      assertEquals("INVALID_KEY", items.getJsonObject(i).getString("category"));
    }

    List<Long> withoutProduct =
        ids(publicGet("/api/v1/kb/recommendations?category=INVALID_KEY&text=" + enc(text)));
    assertEquals(general, withoutProduct.get(0));
    assertFalse(withoutProduct.contains(forProduct), "no answers about other products");
  }

  @Test
  void solvedRecordsOneDeflectionThroughTheOutbox() throws SQLException {
    String admin = admin();
    long id =
        create(admin, article("NOT_RECEIVED", null, "邮件在垃圾箱", "Look in the spam folder", "x"))
            .getJsonNumber("id")
            .longValue();
    String session = "sess-" + UUID.randomUUID();
    String ip = Api.uniqueIp();
    String report =
        "{\"sessionId\":\""
            + session
            + "\",\"orderNo\":\"DEMO-1001\",\"language\":\"zh-CN\",\"channel\":\"web\",\"mode\":\"novice\"}";

    Answer first =
        api.post("/api/v1/kb/articles/" + id + "/solved", report, Map.of("X-Forwarded-For", ip));
    assertEquals(202, first.status(), first.body());
    assertTrue(first.json().getBoolean("counted"));
    Answer again =
        api.post("/api/v1/kb/articles/" + id + "/solved", report, Map.of("X-Forwarded-For", ip));
    assertEquals(202, again.status());
    assertFalse(again.json().getBoolean("counted"), "a repeated click counts once");

    List<String> payloads = new ArrayList<>();
    try (Connection db = TestServers.database();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT payload, event_type, aggregate_type FROM outbox_event"
                    + " WHERE topic = ? AND aggregate_id = ?")) {
      q.setString(1, Topics.FUNNEL);
      q.setString(2, session);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          payloads.add(rs.getString(1));
          assertEquals("FUNNEL_STEP", rs.getString(2));
          assertEquals("funnel-session", rs.getString(3));
        }
      }
    }
    assertEquals(1, payloads.size(), "exactly one outbox row: " + payloads);
    JsonObject event = Json.createReader(new StringReader(payloads.get(0))).readObject();
    assertEquals("FUNNEL_STEP", event.getString("type"));
    assertEquals("DEFLECTED", event.getString("action"));
    assertEquals("KNOWLEDGE_BASE", event.getString("step"));
    assertEquals(session, event.getString("sessionId"));
    assertEquals(id, event.getJsonNumber("articleId").longValue());
    assertEquals("NOT_RECEIVED", event.getString("category"), "the article's category by default");
    assertEquals("DEMO-1001", event.getString("orderNo"));
    assertEquals("zh-CN", event.getString("language"));
    assertEquals("web", event.getString("channel"));
    assertEquals("novice", event.getString("mode"));
    assertEquals(1, event.getInt("schemaVersion"));

    assertEquals(
        1,
        api.get(ARTICLES + "/" + id, Api.bearer(admin))
            .json()
            .getJsonNumber("deflections")
            .longValue(),
        "staff see how often it helped");

    List<JsonObject> published = readFunnel(session, 1);
    assertEquals(1, published.size(), "published once on " + Topics.FUNNEL + ": " + published);
    assertEquals(event.getString("eventId"), published.get(0).getString("eventId"));
  }

  @Test
  void solvedIsValidatedAndLimitedPerClientAddress() {
    long id =
        create(admin(), article("OTHER", null, "限流测试", "Rate limit test", "x"))
            .getJsonNumber("id")
            .longValue();
    String path = "/api/v1/kb/articles/" + id + "/solved";
    List<String> fields =
        fields(
            api.post(
                path,
                "{\"sessionId\":\"short\",\"language\":\"fr\",\"channel\":\"fax\",\"mode\":\"pro\",\"category\":\"NOPE\"}",
                Map.of("X-Forwarded-For", Api.uniqueIp())));
    assertEquals(List.of("category", "channel", "language", "mode", "sessionId"), fields);
    assertEquals(
        404,
        api.post(
                "/api/v1/kb/articles/999999999/solved",
                "{\"sessionId\":\"sess-12345678\",\"language\":\"en\",\"channel\":\"web\"}",
                Map.of("X-Forwarded-For", Api.uniqueIp()))
            .status());

    String ip = Api.uniqueIp();
    Map<Integer, Integer> statuses = new HashMap<>();
    Answer last = null;
    for (int i = 0; i < 31; i++) {
      last =
          api.post(
              path,
              "{\"sessionId\":\"sess-"
                  + UUID.randomUUID()
                  + "\",\"language\":\"en\",\"channel\":\"api\"}",
              Map.of("X-Forwarded-For", ip));
      statuses.merge(last.status(), 1, Integer::sum);
    }
    assertEquals(Map.of(202, 30, 429, 1), statuses);
    assertEquals("urn:keydesk:problem:rate-limited", last.json().getString("type"));
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 0);
  }

  @Test
  void aChangeCommittedByAnotherInstanceReachesTheSearchIndex() throws Exception {
    long id =
        create(admin(), article("OTHER", null, "另一个实例", "Another instance", "x"))
            .getJsonNumber("id")
            .longValue();
    String word = "zebracorn" + Long.toString(id, 36);
    assertEquals(List.of(), ids(publicGet("/api/v1/kb/articles?q=" + word)));

    // What another app instance does when it revises the article: the row and the revision, in
    // one transaction, behind this instance's back.
    try (Connection db = TestServers.database()) {
      db.setAutoCommit(false);
      try (PreparedStatement update =
              db.prepareStatement(
                  "UPDATE kb_article SET title_en = ?, version = version + 1 WHERE id = ?");
          PreparedStatement revision =
              db.prepareStatement("UPDATE kb_revision SET revision = revision + 1 WHERE id = 1")) {
        update.setString(1, "Another instance wrote " + word);
        update.setLong(2, id);
        assertEquals(1, update.executeUpdate());
        revision.executeUpdate();
      }
      db.commit();
    }

    List<Long> found = List.of();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (found.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      found = ids(publicGet("/api/v1/kb/articles?q=" + word));
    }
    assertEquals(List.of(id), found, "the index was rebuilt from the database");
  }

  @Test
  void theOpenApiDocumentListsTheKnowledgeBase() {
    JsonObject paths =
        api.get("/openapi", Map.of("Accept", "application/json")).json().getJsonObject("paths");
    for (String path :
        List.of(
            "/api/v1/kb/articles",
            "/api/v1/kb/articles/{id}",
            "/api/v1/kb/articles/{id}/solved",
            "/api/v1/kb/recommendations",
            "/api/v1/ops/kb/articles",
            "/api/v1/ops/kb/articles/{id}")) {
      assertTrue(paths.containsKey(path), path + " missing from /openapi");
    }
  }

  /** Reads the funnel topic from the start until {@code expected} events of the session arrive. */
  private static List<JsonObject> readFunnel(String session, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<JsonObject> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.FUNNEL));
      Instant settle = null;
      while (Instant.now().isBefore(deadline)
          && (settle == null || Instant.now().isBefore(settle))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
          if (session.equals(r.key())) {
            found.add(Json.createReader(new StringReader(r.value())).readObject());
          }
        }
        if (settle == null && found.size() >= expected) {
          settle = Instant.now().plus(Duration.ofSeconds(2));
        }
      }
    }
    return found;
  }
}
