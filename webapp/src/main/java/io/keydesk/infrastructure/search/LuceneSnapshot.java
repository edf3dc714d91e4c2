package io.keydesk.infrastructure.search;

import io.keydesk.application.ArticleIndex;
import io.keydesk.application.ArticleIndex.PublishedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The published articles of one knowledge-base revision in an in-memory Lucene index. Immutable
 * once built; searched by many threads at once. Titles and keywords of both languages weigh more
 * than the bodies; a query matches any of its words (BM25 ranks documents matching more, and rarer,
 * words higher).
 */
final class LuceneSnapshot implements ArticleIndex.Snapshot {
  /** How many words of a query are used at most. */
  static final int MAX_QUERY_TERMS = 64;

  private static final String ID = "id";
  private static final Map<String, Float> FIELDS =
      Map.of(
          "title_zh", 3.0f,
          "title_en", 3.0f,
          "keywords", 2.5f,
          "body_zh", 1.0f,
          "body_en", 1.0f);

  private static final Analyzer ANALYZER = new KnowledgeBaseAnalyzer();

  private final long revision;
  private final List<PublishedArticle> articles;
  private final Map<Long, PublishedArticle> byId;
  private final IndexSearcher searcher;

  private LuceneSnapshot(long revision, List<PublishedArticle> articles, IndexSearcher searcher) {
    this.revision = revision;
    this.articles = List.copyOf(articles);
    Map<Long, PublishedArticle> map = new LinkedHashMap<>();
    articles.forEach(a -> map.put(a.id(), a));
    this.byId = Collections.unmodifiableMap(map);
    this.searcher = searcher;
  }

  /** Indexes {@code articles} as the state of {@code revision}. */
  static LuceneSnapshot build(long revision, List<PublishedArticle> articles) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
        for (PublishedArticle a : articles) {
          writer.addDocument(document(a));
        }
        writer.commit();
      }
      return new LuceneSnapshot(
          revision, articles, new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("building the knowledge-base index", e);
    }
  }

  private static Document document(PublishedArticle a) {
    Document doc = new Document();
    doc.add(new StoredField(ID, a.id()));
    doc.add(new TextField("title_zh", a.zh().title(), Field.Store.NO));
    doc.add(new TextField("body_zh", a.zh().body(), Field.Store.NO));
    doc.add(new TextField("title_en", a.en().title(), Field.Store.NO));
    doc.add(new TextField("body_en", a.en().body(), Field.Store.NO));
    doc.add(new TextField("keywords", String.join(" , ", a.keywords()), Field.Store.NO));
    return doc;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public List<PublishedArticle> articles() {
    return articles;
  }

  @Override
  public Optional<PublishedArticle> article(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Map<Long, Double> relevance(String text) {
    Set<String> terms = terms(text);
    if (terms.isEmpty() || articles.isEmpty()) {
      return Map.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms) {
      FIELDS.forEach(
          (field, boost) ->
              query.add(
                  new BoostQuery(new TermQuery(new Term(field, term)), boost),
                  BooleanClause.Occur.SHOULD));
    }
    try {
      ScoreDoc[] hits = searcher.search(query.build(), articles.size()).scoreDocs;
      StoredFields stored = searcher.storedFields();
      Map<Long, Double> scores = new HashMap<>();
      for (ScoreDoc hit : hits) {
        long id = stored.document(hit.doc).getField(ID).numericValue().longValue();
        scores.put(id, (double) hit.score);
      }
      return scores;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the knowledge base", e);
    }
  }

  /** The distinct words of {@code text} as the index holds them (segmented, stemmed). */
  static Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return terms;
    }
    try (TokenStream tokens = ANALYZER.tokenStream("query", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a query", e);
    }
    return terms;
  }
}
