package io.keydesk.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Puts a buyer's free text into one of the six after-sales categories: an Apache OpenNLP document
 * categorizer (maximum entropy, trained by L-BFGS with an L2 penalty) over the features of {@link
 * TextFeatures}, trained in memory from the labelled corpus. Training is deterministic: the same
 * corpus and parameters give the same model.
 *
 * <p>Thread-safe: the trained model is never changed after training, the OpenNLP categorizer around
 * it has only final fields and allocates its results per call, and the feature generators and
 * {@link HintExtractor} keep no state between calls ({@code TextClassifierTest} classifies from
 * four threads at once and compares).
 */
public final class TextClassifier {
  /**
   * Below this probability the answer is marked not {@code confident}. Chosen on the held-out set
   * (docs/benchmarks.md, "Classifier accuracy"): the aim is that a confident answer is right at
   * least 95% of the time, with some margin, since one text of the 233 held-out ones moves the
   * figure by about half a point. Measured when chosen: at 0.50 confident answers were right 95.1%
   * of the time, at 0.55 96.0% with 85% of the texts confident; the texts below 0.55 were right
   * only ~62% of the time but ~80% within the first two categories, so there the buyer should pick
   * between the first two.
   */
  public static final double DEFAULT_THRESHOLD = 0.55;

  /** The training parameters: fixed, so that every start trains the same model. */
  static final Training DEFAULT_TRAINING = new Training(100, 1, 1.0);

  private final DocumentCategorizerME categorizer;
  private final double threshold;
  private final HintExtractor hintExtractor = new HintExtractor();

  private TextClassifier(DoccatModel model, double threshold) {
    this.categorizer = new DocumentCategorizerME(model);
    this.threshold = threshold;
  }

  /** Trains on the corpus shipped with this module, with the default threshold. */
  public static TextClassifier trainDefault() {
    return train(Corpus.training(), DEFAULT_THRESHOLD);
  }

  /** Trains on the given examples. */
  public static TextClassifier train(List<Corpus.Example> examples, double threshold) {
    return train(examples, threshold, DEFAULT_TRAINING);
  }

  /**
   * How the model is trained: L-BFGS iterations, the minimum count of a feature, and the L2 cost.
   */
  record Training(int iterations, int cutoff, double l2Cost) {
    TrainingParameters parameters() {
      TrainingParameters p = new TrainingParameters();
      p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
      p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
      p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
      p.put(TrainingParameters.THREADS_PARAM, 1);
      // In memory: the two-pass indexer would write the events to a temporary file.
      p.put("DataIndexer", "OnePass");
      p.put("L1Cost", 0.0);
      p.put("L2Cost", l2Cost);
      return p;
    }
  }

  static TextClassifier train(List<Corpus.Example> examples, double threshold, Training training) {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be within 0..1");
    }
    if (examples.stream().map(Corpus.Example::category).distinct().count() < 2) {
      throw new IllegalArgumentException("training needs examples of at least two categories");
    }
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (Corpus.Example e : examples) {
      samples.add(new DocumentSample(e.category(), TextFeatures.tokens(e.text())));
    }
    try (ObjectStream<DocumentSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
      DoccatModel model =
          DocumentCategorizerME.train(
              "mul", stream, training.parameters(), new DoccatFactory(TextFeatures.generators()));
      return new TextClassifier(model, threshold);
    } catch (IOException e) {
      throw new UncheckedIOException("training the classifier", e);
    }
  }

  /** The probability below which answers are not confident. */
  public double threshold() {
    return threshold;
  }

  /**
   * The most probable category of the text, the others with their probabilities, and the hints.
   *
   * @throws IllegalArgumentException for a null, empty or blank text
   */
  public Classification classify(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    double[] p = categorizer.categorize(TextFeatures.tokens(text));
    List<Classification.Alternative> ranked = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      ranked.add(new Classification.Alternative(categorizer.getCategory(i), p[i]));
    }
    ranked.sort(
        Comparator.comparingDouble(Classification.Alternative::confidence)
            .reversed()
            .thenComparing(a -> Categories.CODES.indexOf(a.category())));
    Classification.Alternative best = ranked.get(0);
    return new Classification(
        best.category(),
        best.confidence(),
        ranked.subList(1, ranked.size()),
        best.confidence() >= threshold,
        hintExtractor.extract(text));
  }
}
