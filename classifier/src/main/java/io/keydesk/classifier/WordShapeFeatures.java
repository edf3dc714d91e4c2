package io.keydesk.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- and 4-grams of each Latin word of three letters or more, with boundary marks ({@code
 * ^code$} → {@code ^co}, {@code cod}, ..., {@code ^cod}, ...): a typo or a run-together pinyin word
 * still shares most of these with the spelling the corpus has.
 */
public final class WordShapeFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      if (TextFeatures.isHan(token) || token.length() < 3) {
        continue;
      }
      String padded = "^" + token + "$";
      for (int n = 3; n <= 4; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          features.add("t" + n + "=" + padded.substring(i, i + n));
        }
      }
    }
    return features;
  }
}
