package io.keydesk.infrastructure.classification;

import io.keydesk.classifier.Classification;
import io.keydesk.classifier.Corpus;
import io.keydesk.classifier.TextClassifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a buyer's description into one of the six categories (with the runner-ups, a confidence and
 * hints such as error codes, regions and platforms). The model is trained once, in memory, from the
 * corpus shipped in the classifier module when the application starts (about a second); after that
 * every call is a few microseconds of arithmetic and safe from any thread.
 */
@ApplicationScoped
public class TicketClassifier {
  private static final Logger LOG = Logger.getLogger(TicketClassifier.class.getName());

  /**
   * OpenNLP reports every training step at INFO (through slf4j into this log); one summary line of
   * ours is enough. Held here so that the setting is not garbage-collected.
   */
  private static final Logger OPENNLP = Logger.getLogger("opennlp");

  @Inject
  @ConfigProperty(name = "keydesk.classify.threshold", defaultValue = "0.55")
  double threshold;

  private TextClassifier classifier;

  @PostConstruct
  void train() {
    OPENNLP.setLevel(Level.WARNING);
    long start = System.nanoTime();
    classifier = TextClassifier.train(Corpus.training(), threshold);
    LOG.info(
        () ->
            String.format(
                "Ticket classifier trained in %d ms (threshold %.2f)",
                (System.nanoTime() - start) / 1_000_000, threshold));
  }

  /**
   * Trains at deployment rather than on the first request: delivering this event creates the bean,
   * and {@link #train()} runs.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.fine("Ticket classifier ready");
  }

  /**
   * @throws IllegalArgumentException for a null or blank text
   */
  public Classification classify(String text) {
    return classifier.classify(text);
  }

  /** The probability below which answers are not {@code confident}. */
  public double threshold() {
    return classifier.threshold();
  }
}
