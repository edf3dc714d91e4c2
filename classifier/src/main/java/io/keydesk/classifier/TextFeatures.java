package io.keydesk.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * How a buyer's text becomes features. First {@link #normalise(String)}: NFKC (full-width letters,
 * digits and punctuation become half-width), lower case, every run of digits becomes one {@code 0}
 * (amounts and codes differ in every message; that there is a number is what carries meaning). Then
 * {@link #tokens(String)} cuts the text into runs of Han characters (Chinese has no spaces) and
 * Latin words. The feature generators turn those into:
 *
 * <ul>
 *   <li>Han character uni-, bi- and trigrams inside each Han run ({@link HanNGramFeatures});
 *   <li>Latin words, stemmed, and pairs of adjacent words ({@link WordFeatures});
 *   <li>character 3- and 4-grams of each Latin word with boundary marks ({@link
 *       WordShapeFeatures}), so that typos ("recieved", "redeemd") and run-together pinyin
 *       ("meishoudao") still share most of their features with the spelling the corpus has.
 * </ul>
 *
 * <p>All generators are stateless, so one model can serve any number of threads. They are public
 * top-level classes with a public no-argument constructor because OpenNLP re-creates a model's
 * feature generators from their class names.
 */
public final class TextFeatures {
  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
  private static final Pattern TOKEN =
      Pattern.compile("\\p{IsHan}+|[\\p{IsLatin}\\p{Nd}]+(?:['’][\\p{IsLatin}]+)?");

  private TextFeatures() {}

  /** NFKC, lower case, digit runs collapsed to {@code 0}, whitespace collapsed. */
  public static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = DIGITS.matcher(s).replaceAll("0");
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Han runs and Latin words (with digits) of the normalised text, in order. */
  public static String[] tokens(String text) {
    Matcher m = TOKEN.matcher(normalise(text));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group().replace('’', '\''));
    }
    return out.toArray(String[]::new);
  }

  /** The generators the classifier is trained and run with, in a fixed order. */
  static FeatureGenerator[] generators() {
    return new FeatureGenerator[] {
      new HanNGramFeatures(), new WordFeatures(), new WordShapeFeatures()
    };
  }

  /** Whether a token from {@link #tokens(String)} is a run of Han characters. */
  static boolean isHan(String token) {
    return !token.isEmpty()
        && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
  }
}
