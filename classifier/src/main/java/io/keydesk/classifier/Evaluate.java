package io.keydesk.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code classifier/evaluate}: trains on the training corpus, evaluates on the held-out set and
 * prints the "Classifier accuracy" section of docs/benchmarks.md as markdown. With {@code --write
 * FILE} it also replaces that section in FILE (or appends it), leaving the other sections alone.
 * With {@code --probe FILE} (a TSV in the corpus format) the report gets a section on that set too;
 * {@code --probe FILE} alone with {@code --probe-only} prints only that section, and {@code --cv}
 * prints only the 5-fold cross-validation figure of the training corpus (neither reads the held-out
 * set, so a change can be chosen without looking at it).
 */
public final class Evaluate {
  static final String HEADING = "## Classifier accuracy";
  private static final double[] THRESHOLDS = {0.35, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8};

  private Evaluate() {}

  public static void main(String[] args) throws IOException {
    // OpenNLP reports every training step at INFO; the report is what this command is for.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    Path write = null;
    Path probe = null;
    boolean probeOnly = false;
    boolean cvOnly = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--write") && i + 1 < args.length) {
        write = Path.of(args[++i]);
      } else if (args[i].equals("--probe") && i + 1 < args.length) {
        probe = Path.of(args[++i]);
      } else if (args[i].equals("--probe-only")) {
        probeOnly = true;
      } else if (args[i].equals("--cv")) {
        cvOnly = true;
      } else {
        System.err.println(
            "usage: classifier/evaluate [--write docs/benchmarks.md] [--probe FILE [--probe-only]]"
                + " | --cv");
        System.exit(2);
      }
    }
    if (cvOnly) {
      System.out.println(
          "training set, 5-fold cross-validation top-1: "
              + pct(crossValidate(Corpus.training(), 5)));
      return;
    }
    List<Corpus.Example> probeSet = probe == null ? null : probe(probe);
    if (probeOnly) {
      if (probeSet == null) {
        System.err.println("--probe-only needs --probe FILE");
        System.exit(2);
      }
      System.out.print(
          probeReport(
              probe.getFileName().toString(),
              Evaluation.of(TextClassifier.trainDefault(), probeSet),
              100));
      return;
    }
    String report = report(probe == null ? null : probe.getFileName().toString(), probeSet);
    System.out.print(report);
    if (write != null) {
      writeSection(write, report);
      System.err.println("updated " + write);
    }
  }

  /** Reads a probe set: a TSV file in the corpus format. */
  static List<Corpus.Example> probe(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Corpus.parse(reader, file.toString());
    }
  }

  /** Trains, evaluates and renders the section. */
  static String report() {
    return report(null, null);
  }

  /**
   * Trains, evaluates and renders the section; with a probe set (its name and examples; both null
   * for none) also a subsection on it.
   */
  static String report(String probeName, List<Corpus.Example> probe) {
    List<Corpus.Example> training = Corpus.training();
    List<Corpus.Example> heldOut = Corpus.heldOut();
    long start = System.nanoTime();
    TextClassifier classifier = TextClassifier.trainDefault();
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    Evaluation eval = Evaluation.of(classifier, heldOut);
    double crossValidated = crossValidate(training, 5);
    start = System.nanoTime();
    TextClassifier.trainDefault();
    double warmSeconds = (System.nanoTime() - start) / 1e9;

    StringBuilder md = new StringBuilder();
    md.append(HEADING).append("\n\n");
    md.append(
        "The ticket text classifier (`classifier/`, Apache OpenNLP maximum entropy over character"
            + " n-grams and words) trained on `train.tsv` and measured on `heldout.tsv`, a set"
            + " written separately (other phrasings and products; a unit test refuses held-out"
            + " lines too similar to training lines). Reproduce with:\n\n");
    md.append("```bash\nclassifier/evaluate                          # print\n");
    md.append("classifier/evaluate --write docs/benchmarks.md  # and replace this section\n");
    md.append(
        "classifier/evaluate --write docs/benchmarks.md --probe"
            + " classifier/src/test/resources/probe-2026-11-26.tsv  # as here, with the probe set\n");
    md.append("classifier/evaluate --cv                     # only cross-validation\n```\n\n");
    md.append(
        "Features and training parameters were chosen by 5-fold cross-validation on the training"
            + " corpus. How the held-out set has been used: the first version scored 88.0% top-1 on"
            + " it; the training corpus was then extended with more varied texts (none copied or"
            + " paraphrased from held-out lines, but the wording of the held-out errors seen then,"
            + " such as \"voucher\", influenced the vocabulary added), which gave 91.0%. The next"
            + " round (2026-11-25) did not open or read the held-out file: before changing anything,"
            + " a fresh probe set of 180 buyer texts (30 per category, about 45% Chinese, 35%"
            + " English, 20% mixed; one word to several sentences, typos, slang, pinyin, emoji,"
            + " order numbers, error codes, many platforms and products) was written by hand and the"
            + " model of the day measured on it; then 602 new training texts were written for the"
            + " kinds of mistakes seen in that baseline and in cross-validation (never a probe text"
            + " or a paraphrase of one). Feature and parameter variants (Han 4-grams, Han skip"
            + " bigrams, pairs across a Han/Latin boundary, 5-gram word shapes, Han bigrams and"
            + " trigrams only, L2 cost 0.03 to 4) were tried by cross-validation over several fold"
            + " shuffles; none beat the current ones by more than the fold noise (about half a"
            + " point), so they were left as they were. The held-out set was evaluated once, after"
            + " the training data was final: 94.0%.\n\n");
    md.append(
        "The round of 2026-11-26 worked the same way. Before the training corpus or the held-out"
            + " set was opened, a fresh probe set of 240 texts (40 per category; 108 Chinese, 84"
            + " English or pinyin, 48 mixed, as `classifier/evaluate` counts languages; two words to four sentences, angry,"
            + " polite and terse, typos, pinyin, traditional characters, emoji, order numbers, error"
            + " codes, many platforms and products, and the borders between categories) was written"
            + " by hand and committed, and the model of the day measured on it. Then, judged by"
            + " cross-validation: one feature every text has (OpenNLP's maximum entropy model has no"
            + " intercept, so a text with no known feature comes out uniform) raised it from 88.8%"
            + " to 90.0% (mean of six fold shuffles, better in each). It was not kept: the constant"
            + " learns \"OTHER unless the words say otherwise\", so a text that says nothing of the"
            + " problem (\"help\", \"hmm\", \"订单\", \"question\") came out OTHER with 0.6 to 0.9"
            + " instead of below the threshold, and the buyer was no longer asked to choose a"
            + " category (an integration test caught it; `TextClassifierTest` now checks such"
            + " texts). Also tried and dropped: a bucket of the text's length"
            + " (89.5% to 89.6% with or without the constant), 3- and 4-grams across adjacent short"
            + " Latin words so that spaced and run-together pinyin share features (+0.3 point over"
            + " 14 shuffles, within the noise), L2 cost 0.5, 0.7 and 1.5 (within the noise). Then"
            + " 292 training texts were written for the kinds of errors seen in the probe's"
            + " baseline and in cross-validation. Reviewed against both probes, 220 of them"
            + " restated a probe text in other words or another language (the kinds the probe"
            + " covers most densely: a receipt without the code, a charge nobody made, coupons,"
            + " late refunds, what a balance can buy, step-by-step help, unsubscribing, restocking):"
            + " with them the new probe had read 97.0%; they were removed, and 88 texts of other"
            + " kinds took their place, 17 of them in traditional characters, which the corpus had"
            + " none of. The held-out set was evaluated once with the constant feature and once"
            + " after it was dropped (the unit test that keeps its accuracy above a floor of 85% ran"
            + " on every build in between; it prints no figure). The new texts move nothing beyond"
            + " the noise on their own: the figures below are within a point of those before.\n\n");
    md.append(
        "| measure, top-1 | before (1571 training texts) | after (1731) | 1731 with the constant"
            + " feature (not kept) |\n|---|--:|--:|--:|\n");
    md.append("| training set, 5-fold cross-validation | 89.1% | 89.1% | 89.8% |\n");
    md.append("| held-out set (233 texts) | 94.0% | 93.6% | 95.3% |\n");
    md.append("| probe set of 2026-11-25 (173 texts) | 96.5% | 96.0% | 94.8% |\n");
    md.append("| probe set of 2026-11-26 (234 texts) | 93.6% | 93.2% | 95.3% |\n\n");
    md.append(
        "Before and after as measured on 2026-11-26; the tables below are recomputed on every run."
            + " The cross-validation figures are over different corpora, so they are not strictly"
            + " comparable; it remains the conservative figure. L-BFGS in OpenNLP stops once the"
            + " objective changes by less than 1e-4 (relative) in one iteration; once in thirty"
            + " cross-validation trainings that happened at iteration 11 instead of the usual 40 to"
            + " 55, and that fold scored 74% (one shuffle of the final corpus reads 86.8% for it;"
            + " the mean of six is 89.4%, 89.9% without it; measured with the constant feature). The"
            + " model trained on the whole corpus converged; the held-out floor of"
            + " `TextClassifierTest` would catch a model that did not. Of the 240 probe texts written, 6 turned out to be in the"
            + " training corpus already, (nearly) word for word (short, typical phrasings such as"
            + " \"你好\" and \"下错单了\"): they were never unseen and were removed after the first"
            + " measurement. Four others are (nearly) word"
            + " for word in the probe of 2026-11-25, which their writer had not read: the people"
            + " writing these sets share habits, so every figure here likely overstates accuracy"
            + " on texts from real buyers. The probe sets are committed as"
            + " `classifier/src/test/resources/probe-2026-11-25.tsv` and `probe-2026-11-26.tsv` so"
            + " that they can be re-run (`classifier/evaluate --probe FILE`), and a unit test keeps"
            + " training texts from nearly duplicating them; both have been used, so neither is"
            + " unseen any more: the next round should write a fresh one, ideally by someone who"
            + " has not written the corpus.\n\n");
    md.append("Machine: ").append(machine()).append(". Date: ");
    md.append(LocalDate.now(ZoneOffset.UTC)).append(".\n\n");

    md.append("| set | examples | Chinese | English | mixed |\n|---|--:|--:|--:|--:|\n");
    md.append(setRow("training", training)).append(setRow("held-out", heldOut)).append('\n');

    md.append("| measure | value |\n|---|--:|\n");
    md.append(row("held-out top-1 accuracy", pct(eval.top1())));
    md.append(row("held-out top-2 accuracy", pct(eval.top2())));
    Evaluation.ThresholdRow at = eval.atThreshold(classifier.threshold());
    md.append(
        row(
            "held-out answers below the threshold (" + classifier.threshold() + ")",
            pct(at.shareBelow())));
    md.append(row("accuracy of confident answers (≥ threshold)", pct(at.accuracyAbove())));
    md.append(row("accuracy of answers below the threshold", pct(at.accuracyBelow())));
    md.append(row("training set, 5-fold cross-validation top-1", pct(crossValidated)));
    md.append(row("training time, first in a fresh JVM (in memory)", fmt("%.2f s", trainSeconds)));
    md.append(row("training time, again once the JVM is warm", fmt("%.2f s", warmSeconds)));
    md.append('\n');

    md.append("Per category (held-out):\n\n");
    md.append("| category | examples | precision | recall | F1 |\n|---|--:|--:|--:|--:|\n");
    for (Evaluation.CategoryScore s : eval.perCategory()) {
      md.append(
          fmt(
              "| %s | %d | %s | %s | %s |%n",
              s.category(), s.support(), pct(s.precision()), pct(s.recall()), pct(s.f1())));
    }
    md.append('\n');

    md.append("Confusion matrix (held-out; rows: true category, columns: predicted):\n\n");
    md.append(confusion(eval)).append('\n');
    md.append(
        "Columns: NR not received, IK invalid key, WP wrong purchase, PI payment issue, UH usage"
            + " help, OT other.\n\n");

    md.append(
        "Choosing the threshold (held-out): below it the API answers `confident: false`, and a"
            + " caller should let the buyer pick between the first two categories.\n\n");
    md.append(
        "| threshold | share below | accuracy at or above | accuracy below | top-2 accuracy below"
            + " |\n|--:|--:|--:|--:|--:|\n");
    for (double t : THRESHOLDS) {
      Evaluation.ThresholdRow r = eval.atThreshold(t);
      md.append(
          fmt(
              "| %.2f | %s | %s | %s | %s |%n",
              t,
              pct(r.shareBelow()),
              pct(r.accuracyAbove()),
              pct(r.accuracyBelow()),
              pct(r.topTwoBelow())));
    }
    md.append('\n');

    md.append(wrongTable("Held-out", eval, 40));
    if (probe != null) {
      md.append('\n').append(probeReport(probeName, Evaluation.of(classifier, probe), 40));
    }
    return md.toString();
  }

  /** The subsection on a probe set: accuracy, confusion and (up to {@code maxWrong}) errors. */
  static String probeReport(String name, Evaluation eval, int maxWrong) {
    StringBuilder md = new StringBuilder();
    md.append("### Probe set `").append(name).append("`\n\n");
    md.append("| measure | value |\n|---|--:|\n");
    md.append(row("probe examples", Integer.toString(eval.size())));
    md.append(row("probe top-1 accuracy", pct(eval.top1())));
    md.append(row("probe top-2 accuracy", pct(eval.top2())));
    md.append('\n');
    md.append("Confusion matrix (probe; rows: true category, columns: predicted):\n\n");
    md.append(confusion(eval)).append('\n');
    md.append(wrongTable("Probe", eval, maxWrong));
    return md.toString();
  }

  /** "{set} texts it gets wrong:" and a table of up to {@code max} of them. */
  private static String wrongTable(String set, Evaluation eval, int max) {
    StringBuilder md = new StringBuilder();
    md.append(set).append(" texts it gets wrong:\n\n");
    md.append("| text | true | predicted | confidence |\n|---|---|---|--:|\n");
    eval.outcomes().stream()
        .filter(o -> !o.correct())
        .limit(max)
        .forEach(
            o ->
                md.append(
                    fmt(
                        "| %s | %s | %s | %.2f |%n",
                        o.example().text().replace("|", "\\|"),
                        abbreviation(o.example().category()),
                        abbreviation(o.result().category()),
                        o.result().confidence())));
    return md.toString();
  }

  /** The confusion matrix as a markdown table, rows the true categories. */
  private static String confusion(Evaluation eval) {
    StringBuilder md = new StringBuilder();
    List<String> cats = eval.categories();
    md.append("| true \\ predicted |");
    cats.forEach(c -> md.append(' ').append(abbreviation(c)).append(" |"));
    md.append("\n|---|");
    cats.forEach(c -> md.append("--:|"));
    md.append('\n');
    int[][] m = eval.confusion();
    for (int r = 0; r < cats.size(); r++) {
      md.append("| ").append(cats.get(r)).append(" |");
      for (int c = 0; c < cats.size(); c++) {
        md.append(' ').append(r == c ? "**" + m[r][c] + "**" : Integer.toString(m[r][c]));
        md.append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** Stratified k-fold cross-validation on the training corpus: mean top-1 accuracy. */
  static double crossValidate(List<Corpus.Example> examples, int folds) {
    List<List<Corpus.Example>> parts = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      parts.add(new ArrayList<>());
    }
    for (String category : Categories.CODES) {
      List<Corpus.Example> ofCategory =
          examples.stream().filter(e -> e.category().equals(category)).toList();
      for (int i = 0; i < ofCategory.size(); i++) {
        parts.get(i % folds).add(ofCategory.get(i));
      }
    }
    long correct = 0;
    for (int f = 0; f < folds; f++) {
      List<Corpus.Example> train = new ArrayList<>();
      for (int g = 0; g < folds; g++) {
        if (g != f) {
          train.addAll(parts.get(g));
        }
      }
      TextClassifier classifier = TextClassifier.train(train, TextClassifier.DEFAULT_THRESHOLD);
      correct +=
          Evaluation.of(classifier, parts.get(f)).outcomes().stream()
              .filter(Evaluation.Outcome::correct)
              .count();
    }
    return (double) correct / examples.size();
  }

  /** Replaces the section under {@link #HEADING} (up to the next {@code ## } heading). */
  static void writeSection(Path file, String section) throws IOException {
    List<String> lines =
        Files.exists(file)
            ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
            : new ArrayList<>(List.of("# Benchmarks", ""));
    List<String> replacement = new ArrayList<>(section.strip().lines().toList());
    replacement.add("");
    int start = lines.indexOf(HEADING);
    if (start < 0) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
        lines.add("");
      }
      lines.addAll(replacement);
    } else {
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).startsWith("## ")) {
        end++;
      }
      lines.subList(start, end).clear();
      lines.addAll(start, replacement);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * {@code zh}, {@code en} or {@code mixed}: by whether the text has Han characters, Latin words.
   */
  static String language(String text) {
    boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == HAN);
    boolean latin = text.matches("(?s).*\\p{IsLatin}{2,}.*");
    return han && latin ? "mixed" : han ? "zh" : "en";
  }

  private static final Character.UnicodeScript HAN = Character.UnicodeScript.HAN;

  private static String setRow(String name, List<Corpus.Example> examples) {
    long zh = examples.stream().filter(e -> language(e.text()).equals("zh")).count();
    long en = examples.stream().filter(e -> language(e.text()).equals("en")).count();
    long mixed = examples.size() - zh - en;
    return fmt("| %s | %d | %d | %d | %d |%n", name, examples.size(), zh, en, mixed);
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      Optional<String> model = lines.filter(l -> l.startsWith("model name")).findFirst();
      if (model.isPresent()) {
        cpu = model.get().substring(model.get().indexOf(':') + 1).strip();
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the CPU stays unnamed
    }
    String load = "";
    try {
      String[] loadavg = Files.readString(Path.of("/proc/loadavg")).split(" ");
      load = ", load average " + loadavg[0] + " when measured (other jobs share the machine)";
    } catch (IOException | RuntimeException e) {
      // not Linux: no load figure
    }
    return fmt(
        "%s, %d cores, %s %s, Java %s%s",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        load);
  }

  private static String abbreviation(String category) {
    return switch (category) {
      case Categories.NOT_RECEIVED -> "NR";
      case Categories.INVALID_KEY -> "IK";
      case Categories.WRONG_PURCHASE -> "WP";
      case Categories.PAYMENT_ISSUE -> "PI";
      case Categories.USAGE_HELP -> "UH";
      default -> "OT";
    };
  }

  private static String row(String name, String value) {
    return "| " + name + " | " + value + " |\n";
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "–" : fmt("%.1f%%", share * 100);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
