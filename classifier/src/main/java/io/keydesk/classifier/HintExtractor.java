package io.keydesk.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds facts in a buyer's text with fixed rules: error codes, "already used", regions and region
 * locks, stores and platforms, amounts of money, "charged twice". Deterministic and independent of
 * the category model. Thread-safe (immutable).
 *
 * <p>Card keys must never come back out of Keydesk, so no rule returns an arbitrary code the buyer
 * pasted: error codes are only taken in shapes that keys do not have (a short number after "error",
 * {@code E-102}, {@code 0x80070005}, {@code CE-34878-0}), and never from inside a longer
 * dash-joined code.
 */
public final class HintExtractor {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Not part of a longer code: no letter or digit, and no dash joining more of a code. */
  private static final String BEFORE = "(?<![\\p{Alnum}])(?<![\\p{Alnum}]-)";

  private static final String AFTER = "(?![\\p{Alnum}])(?!-[\\p{Alnum}])";

  private static final List<Pattern> ERROR_CODES =
      List.of(
          Pattern.compile(BEFORE + "(0x[0-9a-f]{8})" + AFTER, FLAGS),
          Pattern.compile(BEFORE + "([a-z]{2,3}-\\d{5}-\\d)" + AFTER, FLAGS),
          Pattern.compile(BEFORE + "((?:e|err|error)[-_]?\\d{2,5})" + AFTER, FLAGS),
          Pattern.compile(
              "(?:error|err|错误|报错|錯誤)\\s*(?:code|codes|代码|代碼|码|碼|编号|编码|号)?\\s*(?:is|是|为|為)?"
                  + "\\s*[:：#]?\\s*"
                  + BEFORE
                  + "(\\d{3,4}-\\d{4}|\\d{2,6}|[a-z]{1,4}-?\\d{2,6})"
                  + AFTER,
              FLAGS));

  /** Phrases saying the key was already used; the most specific alternatives come first. */
  private static final Pattern ALREADY_USED =
      Pattern.compile(
          String.join(
              "|",
              "(?:code|key|card)\\s+(?:is|was|has\\s+been)\\s+(?:already\\s+)?(?:used|redeemed)",
              "(?:has|have|had|was|were|is|are)\\s+(?:already\\s+)?(?:been\\s+)?(?:already\\s+)?"
                  + "(?:redeemed|claimed|used\\s+(?:by|before))(?:\\s+already)?",
              "already\\s+(?:been\\s+)?(?:used|redeemed|claimed|activated|registered|in\\s+use|taken"
                  + "|applied|consumed|bound)",
              "(?:used|redeemed|claimed|activated)\\s+already",
              "已(?:经)?(?:被(?:别人|他人|人)?(?:使用|用过|用了|兑换|兌換|激活|领取|領取|绑定|綁定|核销)"
                  + "|(?:使用|用过|兑换|兌換|激活|核销))",
              "被(?:别人|他人|人)?(?:使用|用|兑换|兌換|激活|领取|領取|绑定|綁定)(?:过|過|了)",
              "已(?:经)?被?\\s*(?:redeemed|redeem|used|activated|claimed)(?![a-z])",
              "重复(?:使用|兑换)"),
          FLAGS);

  /**
   * Phrases saying one purchase was paid or charged twice. A denial right before the phrase ("not
   * charged twice", "没有扣两次") is not one.
   */
  private static final Pattern CHARGED_TWICE =
      Pattern.compile(
          "(?<!not\\s)(?<!n't\\s)(?<!没有)(?<!没)(?<!不是)(?:"
              + String.join(
                  "|",
                  "(?:charged|billed|debited|deducted|paid|taken|withdrawn)\\s+(?:me\\s+|it\\s+)?"
                      + "(?:twice|thrice|(?:two|three)\\s+times|[23]\\s*(?:x|times))",
                  "double[- ]?(?:charged|charge|billed|billing|payment|paid|deduction)",
                  "(?:duplicate|duplicated|repeated|second)\\s+(?:charge|payment|transaction|debit)",
                  "(?:two|three|[23])\\s+(?:(?:identical|pending|duplicate|same)\\s+"
                      + "(?:charges|payments|transactions|debits|holds)"
                      + "|(?:charges|payments|transactions|debits|holds)\\s+(?:for|of|on))",
                  "(?:扣|付|支付|付款|扣款|扣费|交|刷)(?:了)?(?:两|2|二|俩|三|3)(?:次|遍|笔)",
                  "(?:两|2|三|3)笔(?:一样|相同|重复|同样)",
                  "kou\\s*le\\s*liang\\s*ci",
                  "(?:两|2|二)(?:次|笔)(?:扣款|扣费|付款|支付|钱)",
                  "重复(?:扣款|扣费|扣钱|支付|付款|缴费|收费|下单扣款)",
                  "多扣(?:了)?(?:一次|一笔|钱|款)",
                  "被扣(?:了)?(?:两|2)次")
              + ")",
          FLAGS);

  private static final Pattern REGION_LOCK =
      Pattern.compile(
          "region[- ]?lock(?:ed)?|locked\\s+to\\s+(?:a|another|the|one)?\\s*(?:region|country)"
              + "|(?:not|isn't|isnt)\\s+(?:available|valid|supported)\\s+in\\s+(?:your|my|this)\\s+"
              + "(?:region|country)|region\\s+(?:mismatch|restricted|restriction)"
              + "|锁区|鎖區|区域限制|地区限制|區域限制|(?:区域|地区|区服)不(?:符|对|匹配|支持)"
              + "|不支持(?:该|此|当前|所在|你的|我的)?(?:地区|区域|国家)",
          FLAGS);

  /** Region names in words, Chinese and English, with the code they stand for. */
  private static final Map<String, String> REGION_WORDS =
      Map.ofEntries(
          Map.entry("国区|国服|国行|大陆|内地|中国区|陆区|china|mainland", "CN"),
          Map.entry("美区|美服|美版|美国|美國|united states|america|american", "US"),
          Map.entry("港区|港服|港版|香港|hong kong|hongkong", "HK"),
          Map.entry("台区|台服|台版|台湾|台灣|taiwan", "TW"),
          Map.entry("日区|日服|日版|日本|japan|japanese", "JP"),
          Map.entry("欧区|欧服|欧版|欧洲|europe|european", "EU"),
          Map.entry("英区|英服|英国|united kingdom|britain|british", "UK"),
          Map.entry("俄区|俄服|俄罗斯|russia|russian", "RU"),
          Map.entry("土区|土耳其|turkey|turkish|türkiye", "TR"),
          Map.entry("阿区|阿根廷|argentina", "AR"),
          Map.entry("韩区|韩服|韩国|korea|korean", "KR"),
          Map.entry("印区|印度|india", "IN"),
          Map.entry("巴西|brazil", "BR"),
          Map.entry("国际版|全球版|global version|worldwide", "GLOBAL"));

  private static final List<Map.Entry<Pattern, String>> REGION_PATTERNS = regionPatterns();

  /** Upper-case region codes standing alone ("US account", "EU key"); never in shouted text. */
  private static final Pattern REGION_CODE =
      Pattern.compile("(?<![\\p{Alnum}])(USA|US|EU|UK|CN|HK|JP|TW|KR|RU|TR|AR|BR)(?![\\p{Alnum}])");

  /** Canonical platform names and how buyers write them. */
  private static final List<Map.Entry<Pattern, String>> PLATFORMS =
      platforms(
          "Steam", "steam|蒸汽平台|steam钱包|g胖",
          "PlayStation", "psn|playstation|ps ?store|ps ?plus|ps[345]|索尼|sony",
          "Xbox", "xbox|game ?pass|xgp|微软商店|微软主机|microsoft store",
          "Nintendo", "nintendo|e-?shop|(?-i:Switch)|任天堂|ns会员|ns卡",
          "App Store", "app ?store|itunes|apple ?id|apple gift|苹果|icloud|apple music",
          "Google Play", "google ?play|谷歌|play store|gp卡",
          "Netflix", "netflix|奈飞|网飞|nf会员",
          "Spotify", "spotify",
          "Disney+", "disney\\+?|迪士尼",
          "YouTube", "youtube|油管",
          "Windows", "windows|win ?1[01]|win7|win10|win11|视窗",
          "Office", "office|microsoft 365|office ?365|m365",
          "Epic Games", "epic games|(?-i:Epic)",
          "EA", "ea app|(?-i:Origin)|ea play|(?-i:EA)",
          "Ubisoft", "ubisoft|uplay|育碧",
          "Battle.net", "battle\\.?net|blizzard|暴雪|战网",
          "Roblox", "roblox|robux|罗布乐思",
          "Razer Gold", "razer|雷蛇",
          "Amazon", "amazon|亚马逊|kindle",
          "Tencent", "腾讯|qq|王者荣耀|和平精英|q币|点券",
          "NetEase", "网易|netease|网易云",
          "iQIYI", "爱奇艺|iqiyi",
          "Youku", "优酷|youku",
          "Bilibili", "bilibili|哔哩哔哩|b站|大会员",
          "miHoYo", "原神|genshin|崩坏|星穹铁道|honkai|米哈游|mihoyo|hoyoverse",
          "ChatGPT", "chatgpt|openai",
          "Adobe", "adobe|photoshop",
          "Kaspersky", "kaspersky|卡巴斯基");

  private static final Pattern AMOUNT_SYMBOL_FIRST =
      Pattern.compile(
          "(?<![\\p{Alnum}])(hk\\$|us\\$|[¥$€£])\\s?(\\d{1,7}(?:[.,]\\d{1,2})?)(?![\\p{Alnum}])",
          FLAGS);

  private static final Pattern AMOUNT_UNIT_AFTER =
      Pattern.compile(
          "(?<![\\p{Alnum}-])(\\d{1,7}(?:[.,]\\d{1,2})?|[零一二两三四五六七八九十百千万]+)\\s?"
              + "(块钱|块|元|刀|rmb|cny|人民币|usd|美元|美金|dollars?|bucks|hkd|港币|港元|eur|euros?|欧元"
              + "|gbp|pounds?|英镑|jpy|日元|yen)(?![a-z])",
          FLAGS);

  /** All hints of the text: grouped by type (in {@link Hint.Type} order), each value once. */
  public List<Hint> extract(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    Set<Hint> hints = new LinkedHashSet<>();
    for (Pattern p : ERROR_CODES) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        hints.add(new Hint(Hint.Type.ERROR_CODE, canonicalCode(m.group(1))));
      }
    }
    phrase(s, ALREADY_USED, Hint.Type.ALREADY_USED, hints);
    phrase(s, CHARGED_TWICE, Hint.Type.CHARGED_TWICE, hints);
    regions(s, hints);
    for (Map.Entry<Pattern, String> platform : PLATFORMS) {
      if (platform.getKey().matcher(s).find()) {
        hints.add(new Hint(Hint.Type.PLATFORM, platform.getValue()));
      }
    }
    amounts(s, hints);
    List<Hint> ordered = new ArrayList<>(hints);
    ordered.sort((a, b) -> a.type().compareTo(b.type()));
    return List.copyOf(ordered);
  }

  /** The first phrase of {@code pattern} in the text, lower-cased with single spaces. */
  private static void phrase(String s, Pattern pattern, Hint.Type type, Set<Hint> hints) {
    Matcher m = pattern.matcher(s);
    if (m.find()) {
      hints.add(new Hint(type, m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
    }
  }

  private static void regions(String s, Set<Hint> hints) {
    if (REGION_LOCK.matcher(s).find()) {
      hints.add(new Hint(Hint.Type.REGION, "LOCKED"));
    }
    for (Map.Entry<Pattern, String> region : REGION_PATTERNS) {
      if (region.getKey().matcher(s).find()) {
        hints.add(new Hint(Hint.Type.REGION, region.getValue()));
      }
    }
    if (!shouted(s)) {
      Matcher m = REGION_CODE.matcher(s);
      while (m.find()) {
        String code = m.group(1);
        hints.add(new Hint(Hint.Type.REGION, code.equals("USA") ? "US" : code));
      }
    }
  }

  private static void amounts(String s, Set<Hint> hints) {
    Matcher m = AMOUNT_SYMBOL_FIRST.matcher(s);
    while (m.find()) {
      String currency =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "hk$" -> "HKD";
            case "$", "us$" -> "USD";
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> "CNY";
          };
      hints.add(new Hint(Hint.Type.AMOUNT, m.group(2).replace(',', '.') + " " + currency));
    }
    m = AMOUNT_UNIT_AFTER.matcher(s);
    while (m.find()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      if (unit.equals("刀") && !Character.isDigit(m.group(1).charAt(0))) {
        continue; // "一刀" is a stroke in a game, "20刀" twenty dollars
      }
      String currency =
          switch (unit) {
            case "usd", "美元", "美金", "刀", "dollar", "dollars", "bucks" -> "USD";
            case "hkd", "港币", "港元" -> "HKD";
            case "eur", "euro", "euros", "欧元" -> "EUR";
            case "gbp", "pound", "pounds", "英镑" -> "GBP";
            case "jpy", "日元", "yen" -> "JPY";
            default -> "CNY";
          };
      hints.add(new Hint(Hint.Type.AMOUNT, m.group(1).replace(',', '.') + " " + currency));
    }
  }

  /** Mostly upper-case Latin text: "US" there is the pronoun, not a region. */
  private static boolean shouted(String s) {
    long upper = s.chars().filter(c -> c < 128 && Character.isUpperCase(c)).count();
    long lower = s.chars().filter(c -> c < 128 && Character.isLowerCase(c)).count();
    return upper >= 6 && upper > 3 * lower;
  }

  private static String canonicalCode(String code) {
    String c = code.toUpperCase(Locale.ROOT);
    return c.startsWith("0X") ? "0x" + c.substring(2) : c;
  }

  private static List<Map.Entry<Pattern, String>> regionPatterns() {
    List<Map.Entry<Pattern, String>> out = new ArrayList<>();
    REGION_WORDS.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> out.add(Map.entry(wordPattern(e.getKey()), e.getValue())));
    return List.copyOf(out);
  }

  private static List<Map.Entry<Pattern, String>> platforms(String... nameThenPattern) {
    List<Map.Entry<Pattern, String>> out = new ArrayList<>();
    for (int i = 0; i < nameThenPattern.length; i += 2) {
      out.add(Map.entry(wordPattern(nameThenPattern[i + 1]), nameThenPattern[i]));
    }
    return List.copyOf(out);
  }

  /**
   * Alternatives matched case-insensitively. One with Latin letters must not be part of a longer
   * Latin word ("ea" is not in "great"); one in Han characters may stand anywhere ("PSN港服").
   */
  private static Pattern wordPattern(String alternatives) {
    List<String> guarded = new ArrayList<>();
    for (String alternative : alternatives.split("\\|")) {
      guarded.add(
          alternative.matches(".*[A-Za-z].*")
              ? "(?<![a-z])(?:" + alternative + ")(?![a-z])"
              : "(?:" + alternative + ")");
    }
    return Pattern.compile(String.join("|", guarded), FLAGS);
  }
}
