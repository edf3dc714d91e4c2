package io.keydesk.classifier;

/** The default classifier, trained once for all tests of this JVM (training takes ~1 s). */
final class Trained {
  private static final TextClassifier CLASSIFIER = TextClassifier.trainDefault();

  private Trained() {}

  static TextClassifier classifier() {
    return CLASSIFIER;
  }
}
