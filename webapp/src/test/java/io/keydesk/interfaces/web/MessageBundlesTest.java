package io.keydesk.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.order.CardKeyStatus;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Resolution;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.model.ticket.TimelineEntry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text a page shows exists in English and Chinese: the two bundles have the same keys, no
 * empty values, and every key the views and backing beans ask for.
 */
class MessageBundlesTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path BUNDLES = MODULE.resolve("src/main/resources/io/keydesk/i18n");
  private static final Path VIEWS = MODULE.resolve("src/main/webapp");
  private static final Path SOURCES = MODULE.resolve("src/main/java");
  private static final List<String> LANGUAGES = List.of("en", "zh_CN");

  /** Keys the views build by concatenation: prefix → the enum whose names complete them. */
  private static final Map<String, Class<? extends Enum<?>>> ENUM_PREFIXES =
      Map.ofEntries(
          Map.entry("category.", CategoryCode.class),
          Map.entry("status.", TicketStatus.class),
          Map.entry("resolution.", Resolution.class),
          Map.entry("key.status.", CardKeyStatus.class),
          Map.entry("actor.", Actor.Type.class),
          Map.entry("entry.", TimelineEntry.Kind.class),
          Map.entry("rules.auto.", CategoryCode.class),
          Map.entry("category.hint.", CategoryCode.class),
          Map.entry("admin.role.", io.keydesk.domain.model.staff.Role.class),
          Map.entry(
              "admin.kb.state.", io.keydesk.domain.model.knowledge.ArticleRepository.State.class),
          Map.entry("admin.risk.kind.", io.keydesk.domain.model.risk.BlockEntry.Kind.class),
          Map.entry("console.queue.risk.", io.keydesk.domain.model.risk.Decision.class),
          Map.entry("console.queue.state.", io.keydesk.domain.model.ticket.Deadline.State.class),
          Map.entry(
              "console.queue.escalatedTo.", io.keydesk.domain.model.ticket.EscalationTarget.class));

  /** Keys the views build by concatenation from a fixed set of names: prefix → the names. */
  private static final Map<String, java.util.Set<String>> NAME_PREFIXES =
      Map.of("admin.risk.setting.", io.keydesk.domain.model.risk.RiskSettings.DEFAULTS.keySet());

  private static final Pattern MSG = Pattern.compile("\\bmsg(\\[[^\\]]*\\]|\\.[A-Za-z_]\\w*)");
  private static final Pattern LITERAL = Pattern.compile("\\[\\s*(['\"])([^'\"]+)\\1\\s*\\]");
  private static final Pattern CONCAT = Pattern.compile("\\[\\s*(['\"])([^'\"]+)\\1\\.concat\\(.*");

  /** {@code msg[cond ? 'a' : 'b']}: both keys are needed. */
  private static final Pattern CHOICE =
      Pattern.compile("\\[[^?'\"]+\\?\\s*(['\"])([^'\"]+)\\1\\s*:\\s*(['\"])([^'\"]+)\\3\\s*\\]");

  /** Java code that reads the bundle itself, e.g. {@code texts.getString("notice.greeting")}. */
  private static final Pattern JAVA_GET_STRING =
      Pattern.compile("\\bgetString\\(\\s*\"([a-z][\\w.]*[\\w])\"\\s*\\)");

  private static final Pattern JAVA_KEY =
      Pattern.compile("Pages\\.(?:text|info|error\\([^,()]*,)\\s*\\(?\\s*\"([^\"]+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  private static Path bundle(String language) {
    return BUNDLES.resolve("messages_" + language + ".properties");
  }

  private static String readUtf8Strictly(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(file + " is not UTF-8", e);
    }
  }

  private static Properties load(String language) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(readUtf8Strictly(bundle(language))));
    return p;
  }

  private static Set<String> keys(String language) throws IOException {
    return load(language).stringPropertyNames();
  }

  private static Set<String> allKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String language : LANGUAGES) {
      keys.addAll(keys(language));
    }
    return keys;
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** What one language lacks of the keys asked for, as "key (where)" lines. */
  private static List<String> missing(Map<String, String> wanted, String language)
      throws IOException {
    Set<String> keys = keys(language);
    return wanted.entrySet().stream()
        .filter(e -> !keys.contains(e.getKey()))
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .sorted()
        .toList();
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Set<String> en = keys("en");
    Set<String> zh = keys("zh_CN");

    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(zh);
    Set<String> onlyZh = new TreeSet<>(zh);
    onlyZh.removeAll(en);

    assertTrue(onlyEn.isEmpty(), "missing from messages_zh_CN.properties: " + onlyEn);
    assertTrue(onlyZh.isEmpty(), "missing from messages_en.properties: " + onlyZh);
    assertFalse(en.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh_CN"})
  void noValueIsEmpty(String language) throws IOException {
    Properties p = load(language);

    List<String> empty =
        p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).sorted().toList();

    assertEquals(List.of(), empty, "empty values in messages_" + language + ".properties");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh_CN"})
  void noKeyIsDefinedTwice(String language) throws IOException {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (String line : readUtf8Strictly(bundle(language)).split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
        continue;
      }
      String key = l.split("\\s*[=:]", 2)[0].strip();
      if (!seen.add(key)) {
        twice.add(key);
      }
    }

    assertEquals(List.of(), twice, "keys defined twice in messages_" + language + ".properties");
  }

  @Test
  void bothLanguagesUseTheSamePlaceholders() throws IOException {
    Properties en = load("en");
    Properties zh = load("zh_CN");

    List<String> different = new ArrayList<>();
    for (String key : en.stringPropertyNames()) {
      if (zh.containsKey(key)
          && !placeholders(en.getProperty(key)).equals(placeholders(zh.getProperty(key)))) {
        different.add(key);
      }
    }

    assertEquals(List.of(), different.stream().sorted().toList());
  }

  private static Set<String> placeholders(String value) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(value);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @Test
  void theChineseBundleIsChinese() throws IOException {
    Properties zh = load("zh_CN");

    assertTrue(
        zh.getProperty("app.tagline", "").codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
        "app.tagline should be Chinese: " + zh.getProperty("app.tagline"));
  }

  @Test
  void everyKeyTheViewsAskForExists() throws IOException {
    Map<String, String> wanted = new java.util.TreeMap<>();
    List<String> unknownForms = new ArrayList<>();
    List<Path> views = files(VIEWS, ".xhtml");
    assertFalse(views.isEmpty(), "no views under " + VIEWS);
    for (Path view : views) {
      scanView(
          Files.readString(view, StandardCharsets.UTF_8),
          VIEWS.relativize(view).toString(),
          wanted,
          unknownForms);
    }

    assertTrue(wanted.size() > 20, "found only " + wanted.size() + " keys; is the scan broken?");
    assertEquals(
        List.of(),
        unknownForms,
        "keys this test cannot check; add their prefix and enum to ENUM_PREFIXES");
    for (String language : LANGUAGES) {
      assertEquals(
          List.of(),
          missing(wanted, language),
          "keys used by views but missing from messages_" + language + ".properties");
    }
  }

  /**
   * Adds the keys a view's text asks for to {@code wanted} (key → where), and the accesses it
   * cannot resolve to keys to {@code unknownForms}.
   */
  private static void scanView(
      String text, String where, Map<String, String> wanted, List<String> unknownForms) {
    Matcher m = MSG.matcher(text);
    while (m.find()) {
      String access = m.group(1);
      Matcher literal = LITERAL.matcher(access);
      Matcher concat = CONCAT.matcher(access);
      Matcher choice = CHOICE.matcher(access);
      if (access.startsWith(".")) {
        wanted.putIfAbsent(access.substring(1), where);
      } else if (literal.matches()) {
        wanted.putIfAbsent(literal.group(2), where);
      } else if (choice.matches()) {
        wanted.putIfAbsent(choice.group(2), where);
        wanted.putIfAbsent(choice.group(4), where);
      } else if (concat.matches() && ENUM_PREFIXES.containsKey(concat.group(2))) {
        String prefix = concat.group(2);
        for (Enum<?> value : ENUM_PREFIXES.get(prefix).getEnumConstants()) {
          wanted.putIfAbsent(prefix + value.name(), where + ", built from " + prefix);
        }
      } else if (concat.matches() && NAME_PREFIXES.containsKey(concat.group(2))) {
        String prefix = concat.group(2);
        for (String name : NAME_PREFIXES.get(prefix)) {
          wanted.putIfAbsent(prefix + name, where + ", built from " + prefix);
        }
      } else {
        unknownForms.add(where + ": msg" + access);
      }
    }
  }

  /** The scan itself: every form of key a view can use is found, and nothing else. */
  @Test
  void theViewScanFindsEveryFormOfKey() {
    String view =
        "<h1>#{msg['find.title']}</h1> #{msg.app_name} <p title=\"#{msg[\"x.quoted\"]}\"/>"
            + " #{msg['ticket.title'].replace('{0}', msg['status.'.concat(t.status())])}"
            + " #{msg[bean.open ? 'a.open' : 'a.closed']} #{msg[bean.computedKey]}"
            + " #{notmsg['ignored']} #{msgs['ignored.too']}";
    Map<String, String> wanted = new java.util.TreeMap<>();
    List<String> unknown = new ArrayList<>();

    scanView(view, "test.xhtml", wanted, unknown);

    Set<String> expected =
        new TreeSet<>(
            List.of("find.title", "app_name", "x.quoted", "ticket.title", "a.open", "a.closed"));
    for (TicketStatus status : TicketStatus.values()) {
      expected.add("status." + status.name());
    }
    assertEquals(expected, wanted.keySet());
    assertEquals(List.of("test.xhtml: msg[bean.computedKey]"), unknown);
  }

  /** A key a view uses but neither bundle has is reported, with the view that uses it. */
  @Test
  void aViewKeyMissingFromTheBundlesIsReported() throws IOException {
    Map<String, String> wanted = new java.util.TreeMap<>();
    scanView("#{msg['find.title']} #{msg['no.such.key.anywhere']}", "new.xhtml", wanted, List.of());

    for (String language : LANGUAGES) {
      assertEquals(List.of("no.such.key.anywhere (new.xhtml)"), missing(wanted, language));
    }
  }

  @Test
  void everyKeyTheBackingBeansAskForExists() throws IOException {
    Map<String, String> wanted = new java.util.TreeMap<>();
    for (Path source : files(SOURCES, ".java")) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      for (Pattern pattern : List.of(JAVA_KEY, JAVA_GET_STRING)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          String key = m.group(1);
          if (key.endsWith(".") && ENUM_PREFIXES.containsKey(key)) {
            continue; // completed by an enum value: everyEnumValueShownOnAPageHasALabel checks
            // those
          }
          wanted.putIfAbsent(key, source.getFileName().toString());
        }
      }
    }

    assertFalse(wanted.isEmpty(), "no Pages.text/info/error calls found; is the scan broken?");
    for (String language : LANGUAGES) {
      assertEquals(
          List.of(),
          missing(wanted, language),
          "keys used by backing beans but missing from messages_" + language + ".properties");
    }
  }

  @Test
  void everyEnumValueShownOnAPageHasALabel() throws IOException {
    Set<String> keys = allKeys();
    List<String> missing =
        ENUM_PREFIXES.entrySet().stream()
            .flatMap(
                e -> Arrays.stream(e.getValue().getEnumConstants()).map(v -> e.getKey() + v.name()))
            .filter(k -> !keys.contains(k))
            .sorted()
            .collect(Collectors.toList());

    assertEquals(List.of(), missing);
  }
}
