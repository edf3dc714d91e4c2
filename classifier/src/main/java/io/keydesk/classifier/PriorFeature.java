package io.keydesk.classifier;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * One feature every text has. OpenNLP's maximum entropy model has no intercept of its own, so
 * without it a text with no feature the corpus knows ("??", "嗯嗯", an emoji) came out uniform, the
 * tie going to the first category; with it the model learns how common each category is and leans
 * on that when the words say little. Cross-validation: 88.8% → 90.0% top-1 over six fold shuffles
 * of the same corpus, better in every one (docs/benchmarks.md, "Classifier accuracy").
 */
public final class PriorFeature implements FeatureGenerator {
  private static final List<String> FEATURE = List.of("prior");

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
    return FEATURE;
  }
}
