package io.keydesk.infrastructure.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * {@link SmartChineseAnalyzer} with stop words that suit buyers' questions: its tokenizer splits
 * Chinese into words (HMM segmentation) and passes Latin words through lower-cased; then common
 * English and Chinese function words and punctuation are dropped and English words are stemmed
 * ("redeeming" finds "redeem"). Unlike SmartChineseAnalyzer, stop words are removed before
 * stemming, so "this" or "does" never survive as "thi" or "doe". Thread-safe; one for index and
 * queries alike.
 */
public final class KnowledgeBaseAnalyzer extends Analyzer {
  /** Function words of questions like "how do I…", "我的卡密怎么…". */
  private static final List<String> EXTRA_STOP_WORDS =
      List.of(
          "how", "do", "does", "did", "done", "i", "i'm", "my", "me", "what", "why", "can", "you",
          "your", "we", "our", "when", "where", "which", "who", "please", "get", "got", "have",
          "has", "had", "should", "would", "could", "am", "been", "from", "about", "its", "it's",
          "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "我", "我的", "你", "您", "你的", "您的", "他", "她", "它",
          "是", "在", "和", "与", "或", "也", "就", "都", "还", "这", "那", "这个", "那个", "个", "一个", "怎么", "怎么办",
          "怎样", "如何", "什么", "为什么", "请问", "请", "能", "可以", "要", "会", "该", "把", "被", "给");

  private static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(256, true);
    set.addAll(SmartChineseAnalyzer.getDefaultStopSet());
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    set.addAll(EXTRA_STOP_WORDS);
    return CharArraySet.unmodifiableSet(set);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new HMMChineseTokenizer();
    TokenStream result = new StopFilter(tokenizer, STOP_WORDS);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(tokenizer, result);
  }
}
