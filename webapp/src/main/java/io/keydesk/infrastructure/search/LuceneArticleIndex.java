package io.keydesk.infrastructure.search;

import io.keydesk.application.ArticleIndex;
import io.keydesk.application.KnowledgeBaseChanged;
import io.keydesk.domain.model.knowledge.ArticleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's search index of the knowledge base. App instances are stateless and several may
 * run, so a change made through any of them must reach all: each search compares the revision in
 * the database ({@code kb_revision}, one row by primary key, advanced with every article change)
 * with the revision of the index, at most once per {@code keydesk.kb.refresh-ms} (default 1000),
 * and rebuilds the whole index from the published articles when it moved on. A change made through
 * this instance is checked at once after its commit. While one request rebuilds, the others keep
 * searching the previous snapshot.
 */
@ApplicationScoped
public class LuceneArticleIndex implements ArticleIndex {
  private static final Logger LOG = Logger.getLogger(LuceneArticleIndex.class.getName());

  @Inject ArticleRepository articles;

  @Inject
  @ConfigProperty(name = "keydesk.kb.refresh-ms", defaultValue = "1000")
  long refreshMs;

  private final AtomicReference<LuceneSnapshot> current = new AtomicReference<>();
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile long nextCheck = System.nanoTime();

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Snapshot current() {
    LuceneSnapshot snapshot = current.get();
    if (snapshot != null && !checkDue()) {
      return snapshot;
    }
    if (snapshot != null && !refreshing.tryLock()) {
      return snapshot;
    }
    if (snapshot == null) {
      refreshing.lock();
    }
    try {
      snapshot = current.get();
      if (snapshot != null && !checkDue()) {
        return snapshot;
      }
      try {
        snapshot = refresh(snapshot);
      } catch (RuntimeException e) {
        if (snapshot == null) {
          throw e;
        }
        LOG.log(Level.WARNING, "Knowledge-base index not refreshed; searching the previous one", e);
      }
      nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(refreshMs);
      return snapshot;
    } finally {
      refreshing.unlock();
    }
  }

  private LuceneSnapshot refresh(LuceneSnapshot snapshot) {
    // The revision first: the articles read next are at least that new. Should they be newer,
    // the next check sees a higher revision and rebuilds once more.
    long revision = articles.revision();
    if (snapshot != null && snapshot.revision() == revision) {
      return snapshot;
    }
    long started = System.nanoTime();
    List<PublishedArticle> published =
        articles.published().stream().map(PublishedArticle::of).toList();
    LuceneSnapshot rebuilt = LuceneSnapshot.build(revision, published);
    current.set(rebuilt);
    LOG.log(
        Level.INFO,
        "Knowledge-base index at revision {0}: {1} published articles ({2} ms)",
        new Object[] {
          Long.toString(revision),
          published.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        });
    return rebuilt;
  }

  private boolean checkDue() {
    return System.nanoTime() - nextCheck >= 0;
  }

  /** A change through this instance committed: check the revision on the next search. */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) KnowledgeBaseChanged event) {
    nextCheck = System.nanoTime();
  }
}
