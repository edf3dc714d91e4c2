package io.keydesk.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Han character 1-, 2- and 3-grams within each run of Han characters. */
public final class HanNGramFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      if (!TextFeatures.isHan(token)) {
        continue;
      }
      int[] cps = token.codePoints().toArray();
      for (int n = 1; n <= 3; n++) {
        for (int i = 0; i + n <= cps.length; i++) {
          features.add("h" + n + "=" + new String(cps, i, n));
        }
      }
    }
    return features;
  }
}
