/**
 * The ticket text classifier: {@link io.keydesk.classifier.TextClassifier} puts a buyer's free text
 * into one of the six after-sales categories and {@link io.keydesk.classifier.HintExtractor} pulls
 * facts out of it; {@link io.keydesk.classifier.Evaluate} measures it on the held-out set.
 */
package io.keydesk.classifier;
