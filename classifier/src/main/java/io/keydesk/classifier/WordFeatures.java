package io.keydesk.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Latin words, stemmed with OpenNLP's English Snowball stemmer ("redeemed", "redeeming" →
 * "redeem"), and pairs of adjacent stems. Pinyin and other Latin-script words go through the same
 * stemmer, which leaves them mostly as they are.
 */
public final class WordFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
    // Snowball stemmers keep state while stemming: one per call keeps this generator thread-safe.
    SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    List<String> features = new ArrayList<>();
    String previous = null;
    for (String token : tokens) {
      if (TextFeatures.isHan(token)) {
        previous = null;
        continue;
      }
      String stem = stemmer.stem(token).toString();
      features.add("w=" + stem);
      if (previous != null) {
        features.add("b=" + previous + "_" + stem);
      }
      previous = stem;
    }
    return features;
  }
}
