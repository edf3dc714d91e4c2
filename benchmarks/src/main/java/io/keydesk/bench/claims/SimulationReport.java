package io.keydesk.bench.claims;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydesk.bench.MachineFacts;
import io.keydesk.bench.claims.Plan.Case;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The simulation's result as markdown: the goals of issue 3 first, then the mix with what happened
 * to each kind of case, the fraud patterns, what held honest buyers up, and the run's facts.
 */
final class SimulationReport {
  private SimulationReport() {}

  /** What the report says about the run besides the outcomes. */
  record Facts(
      MachineFacts machine,
      String command,
      long seed,
      Duration payaraStart,
      Duration traffic,
      Duration total,
      Map<String, Integer> thresholds,
      int articles,
      int blocks,
      int mails,
      JsonNode audit,
      Duration drain,
      String outboxPending,
      String webhooksPending) {}

  /** Whether a fraudulent claim is the one its pattern is about, or a claim leading up to it. */
  enum Role {
    /** A claim that, on its own, looks like any honest buyer's. */
    LEAD_IN,
    /** The claim the pattern's rule is there to stop. */
    PATTERN
  }

  /**
   * The role of every fraudulent case: the first claim on a key in (a) and (b) leads in; a serial
   * claimer's claims lead in until one of the engine's daily counts (per contact, address, device)
   * reaches its threshold; every other fraudulent claim is the pattern itself.
   */
  static Map<Integer, Role> roles(List<Case> cases, Map<String, Integer> thresholds) {
    int contactDay = thresholds.getOrDefault("claims.contact.day", 3);
    int ipDay = thresholds.getOrDefault("claims.ip.day", 5);
    int deviceDay = thresholds.getOrDefault("claims.device.day", 3);
    Map<String, Integer> byContact = new HashMap<>();
    Map<String, Integer> byIp = new HashMap<>();
    Map<String, Integer> byDevice = new HashMap<>();
    Map<Integer, Role> roles = new LinkedHashMap<>();
    for (Case c : cases) {
      switch (c.kind()) {
        case REPEAT_FIRST, SOLD_TWICE_FIRST -> roles.put(c.id(), Role.LEAD_IN);
        case SERIAL -> {
          boolean over =
              byContact.getOrDefault(c.buyer().email(), 0) >= contactDay
                  || byIp.getOrDefault(c.buyer().ip(), 0) >= ipDay
                  || byDevice.getOrDefault(c.buyer().deviceId(), 0) >= deviceDay;
          roles.put(c.id(), over ? Role.PATTERN : Role.LEAD_IN);
          byContact.merge(c.buyer().email(), 1, Integer::sum);
          byIp.merge(c.buyer().ip(), 1, Integer::sum);
          byDevice.merge(c.buyer().deviceId(), 1, Integer::sum);
        }
        default -> {
          if (c.pattern().fraud()) {
            roles.put(c.id(), Role.PATTERN);
          }
        }
      }
    }
    return roles;
  }

  static String markdown(Plan plan, List<Outcome> outcomes, Facts facts) {
    Map<Integer, Role> roles = roles(plan.cases(), facts.thresholds());
    List<Outcome> honest = filter(outcomes, o -> o.plan().honest());
    List<Outcome> fraud = filter(outcomes, o -> !o.plan().honest());
    List<Outcome> honestTickets = filter(honest, Outcome::ticket);
    List<Outcome> patternClaims =
        filter(fraud, o -> roles.get(o.plan().id()) == Role.PATTERN && o.ticket());
    List<Outcome> leadIns = filter(fraud, o -> roles.get(o.plan().id()) == Role.LEAD_IN);
    List<Outcome> patternPayouts = filter(patternClaims, Outcome::payout);
    long selfResolved = outcomes.stream().filter(Outcome::selfResolved).count();
    long honestSelfResolved = honest.stream().filter(Outcome::selfResolved).count();
    long honestHeld = honestTickets.stream().filter(Outcome::engineStopped).count();
    Map<Integer, List<Outcome>> honestBuyers =
        honestTickets.stream().collect(Collectors.groupingBy(o -> o.plan().buyer().person()));
    long heldBuyers =
        honestBuyers.values().stream()
            .filter(list -> list.stream().anyMatch(Outcome::engineStopped))
            .count();

    StringBuilder md = new StringBuilder();
    MachineFacts m = facts.machine();
    md.append("### Run of ").append(m.date()).append("\n\n");
    md.append("- Machine: ")
        .append(m.nproc())
        .append(" CPUs (")
        .append(m.cpuModel())
        .append("), ")
        .append(m.memory())
        .append(" RAM, Linux ")
        .append(m.kernel())
        .append("; load average at start ")
        .append(m.loadAverage())
        .append('\n');
    md.append("- Java: ").append(m.java()).append("; commit ").append(m.commit()).append('\n');
    md.append("- Command: `")
        .append(facts.command())
        .append("` (seed ")
        .append(facts.seed())
        .append(", ")
        .append(outcomes.size())
        .append(" cases, ")
        .append(plan.buyers().size())
        .append(" buyer contacts, ")
        .append(plan.orders().size())
        .append(" orders)\n");
    md.append("- Set-up: MariaDB, Kafka and Payara Micro with the WAR (ready in ")
        .append(seconds(facts.payaraStart()))
        .append("), simulated supplier and shop on, demo data off, mail to GreenMail in the")
        .append(" simulation; staff wrote ")
        .append(facts.articles())
        .append(" help articles (the general ones first, a product's when it first sells) and ")
        .append(facts.blocks())
        .append(" block-list entries through the API\n");
    md.append("- Duration: the month's traffic took ")
        .append(seconds(facts.traffic()))
        .append(" (")
        .append(
            String.format(
                "%.1f", outcomes.size() / Math.max(1e-3, facts.traffic().toMillis() / 1000.0)))
        .append(" cases/s, one at a time); the whole run ")
        .append(seconds(facts.total()))
        .append('\n');
    md.append("- Thresholds in force: ").append(thresholds(facts.thresholds())).append("\n\n");

    md.append("#### Goals (issue 3)\n\n");
    md.append("| goal | target | result | met |\n|---|---|---|---|\n");
    goal(
        md,
        "cases self-resolved (automatic action, help answer or the automatic guidance), all",
        "≥ 80%",
        share(selfResolved, outcomes.size()),
        ratio(selfResolved, outcomes.size()) >= 0.8);
    goal(
        md,
        "cases self-resolved, honest buyers",
        "≥ 80%",
        share(honestSelfResolved, honest.size()),
        ratio(honestSelfResolved, honest.size()) >= 0.8);
    goal(
        md,
        "automatic refund, replacement or delivery on a fraud-pattern claim",
        "0",
        patternPayouts.size()
            + " of "
            + patternClaims.size()
            + " pattern claims (all fraudulent claims, lead-ins included: "
            + fraud.stream().filter(Outcome::payout).count()
            + " of "
            + fraud.stream().filter(Outcome::ticket).count()
            + ")",
        patternPayouts.isEmpty());
    goal(
        md,
        "honest claims sent to review by the risk engine",
        "≤ 5%",
        share(honestHeld, honestTickets.size())
            + " of honest claims; "
            + share(heldBuyers, honestBuyers.size())
            + " of honest buyers with a claim",
        ratio(honestHeld, honestTickets.size()) <= 0.05
            && ratio(heldBuyers, honestBuyers.size()) <= 0.05);
    md.append('\n');

    honestTable(md, honest);
    fraudTable(md, fraud, roles);
    payoutList(md, "Fraud-pattern claims paid out automatically", patternPayouts);
    payoutList(md, "Lead-in claims paid out automatically", filter(leadIns, Outcome::payout));
    heldUp(md, honestTickets);
    reasonsSeen(md, outcomes);
    checks(md, outcomes, facts);
    return md.toString();
  }

  private static void honestTable(StringBuilder md, List<Outcome> honest) {
    md.append("#### Honest cases: the mix and what happened\n\n");
    md.append(
        "| case | target | cases | share | self-resolved | how it resolved itself |"
            + " risk engine: review | to an agent by its path |\n");
    md.append("|---|---:|---:|---:|---:|---|---:|---:|\n");
    Map<CaseKind, List<Outcome>> byKind = new EnumMap<>(CaseKind.class);
    honest.forEach(o -> byKind.computeIfAbsent(o.plan().kind(), k -> new ArrayList<>()).add(o));
    for (CaseKind kind : CaseKind.values()) {
      if (kind.pattern().fraud()) {
        continue;
      }
      List<Outcome> list = byKind.getOrDefault(kind, List.of());
      md.append("| ")
          .append(kind.fixedCategory())
          .append(": ")
          .append(kind.situation())
          .append(" | ")
          .append(String.format("%.1f%%", 100 * Mix.honestShare(kind)))
          .append(" | ")
          .append(list.size())
          .append(" | ")
          .append(share(list.size(), honest.size()))
          .append(" | ")
          .append(share(list.stream().filter(Outcome::selfResolved).count(), list.size()))
          .append(" | ")
          .append(how(list))
          .append(" | ")
          .append(list.stream().filter(Outcome::engineStopped).count())
          .append(" | ")
          .append(list.stream().filter(Outcome::agentByPath).count())
          .append(" |\n");
    }
    md.append("| **all honest** | | ")
        .append(honest.size())
        .append(" | | ")
        .append(share(honest.stream().filter(Outcome::selfResolved).count(), honest.size()))
        .append(" | | ")
        .append(honest.stream().filter(Outcome::engineStopped).count())
        .append(" | ")
        .append(honest.stream().filter(Outcome::agentByPath).count())
        .append(" |\n\n");
  }

  private static void fraudTable(StringBuilder md, List<Outcome> fraud, Map<Integer, Role> roles) {
    md.append("#### Fraud: the known patterns\n\n");
    md.append(
        "| pattern | people | claims (lead-in + pattern) | risk engine: review | risk engine:"
            + " block | to an agent by its path | other automatic (no payout) | payouts on"
            + " pattern claims | payouts on lead-in claims |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Pattern p : Pattern.values()) {
      if (!p.fraud()) {
        continue;
      }
      List<Outcome> list = filter(fraud, o -> o.plan().pattern() == p);
      long people = list.stream().map(o -> o.plan().buyer().person()).distinct().count();
      long lead = list.stream().filter(o -> roles.get(o.plan().id()) == Role.LEAD_IN).count();
      md.append("| ")
          .append(p.label())
          .append(" | ")
          .append(people)
          .append(" | ")
          .append(list.size())
          .append(" (")
          .append(lead)
          .append(" + ")
          .append(list.size() - lead)
          .append(") | ")
          .append(list.stream().filter(o -> "REVIEW".equals(o.decision())).count())
          .append(" | ")
          .append(list.stream().filter(Outcome::blocked).count())
          .append(" | ")
          .append(list.stream().filter(Outcome::agentByPath).count())
          .append(" | ")
          .append(list.stream().filter(o -> o.autoAction() != null && !o.payout()).count())
          .append(" | ")
          .append(
              list.stream()
                  .filter(o -> roles.get(o.plan().id()) == Role.PATTERN && o.payout())
                  .count())
          .append(" | ")
          .append(
              list.stream()
                  .filter(o -> roles.get(o.plan().id()) == Role.LEAD_IN && o.payout())
                  .count())
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void payoutList(StringBuilder md, String title, List<Outcome> list) {
    md.append("**").append(title).append(":** ");
    if (list.isEmpty()) {
      md.append("none.\n\n");
      return;
    }
    md.append(list.size()).append(".\n\n");
    md.append("| case | pattern | category | what happened | ticket |\n|---:|---|---|---|---|\n");
    for (Outcome o : list) {
      md.append("| ")
          .append(o.plan().id())
          .append(" | (")
          .append(o.plan().pattern().letter())
          .append(") ")
          .append(o.plan().kind().situation())
          .append(" | ")
          .append(o.plan().category())
          .append(o.plan().keyIndex() == null ? "" : " (key " + o.plan().keyIndex() + ")")
          .append(" | ")
          .append(o.autoAction())
          .append(" | ")
          .append(o.ticketNo())
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void heldUp(StringBuilder md, List<Outcome> honestTickets) {
    md.append("#### Honest claims held up\n\n");
    Map<String, Long> byReason = new TreeMap<>();
    for (Outcome o : honestTickets) {
      if (o.engineStopped()) {
        o.reasons().forEach(r -> byReason.merge(r, 1L, Long::sum));
      }
    }
    md.append("By the risk engine (a claim can have several reasons): ");
    md.append(
        byReason.isEmpty()
            ? "none."
            : byReason.entrySet().stream()
                .map(e -> "`" + e.getKey() + "` " + e.getValue())
                .collect(Collectors.joining(", ")));
    md.append("\n\nBy their category's path (the engine said AUTO; an agent decides):\n\n");
    Map<String, Long> byNote = new TreeMap<>();
    for (Outcome o : honestTickets) {
      if (o.agentByPath()) {
        byNote.merge(o.plan().category() + ": " + normalise(o.reviewNote()), 1L, Long::sum);
      }
    }
    md.append("| why | cases |\n|---|---:|\n");
    byNote.forEach(
        (note, n) -> md.append("| ").append(note).append(" | ").append(n).append(" |\n"));
    md.append('\n');
  }

  private static void reasonsSeen(StringBuilder md, List<Outcome> outcomes) {
    md.append("#### Risk reasons seen\n\n| reason | honest claims | fraudulent claims |\n");
    md.append("|---|---:|---:|\n");
    Map<String, long[]> counts = new TreeMap<>();
    for (Outcome o : outcomes) {
      for (String r : o.reasons()) {
        counts.computeIfAbsent(r, k -> new long[2])[o.plan().honest() ? 0 : 1]++;
      }
    }
    counts.forEach(
        (r, n) ->
            md.append("| `")
                .append(r)
                .append("` | ")
                .append(n[0])
                .append(" | ")
                .append(n[1])
                .append(" |\n"));
    md.append(
        "\n(`CLAIM_AFTER_REDEMPTION` found by the supplier check is recorded as a fraud signal"
            + " by the INVALID_KEY path, after the engine's decision; it is not among these"
            + " reasons.)\n\n");
  }

  private static void checks(StringBuilder md, List<Outcome> outcomes, Facts facts) {
    md.append("#### Other checks\n\n");
    long before = outcomes.stream().filter(o -> o.revealedBefore() != null).count();
    long beforeOk = outcomes.stream().filter(o -> Boolean.TRUE.equals(o.revealedBefore())).count();
    long after = outcomes.stream().filter(o -> o.revealedAfter() != null).count();
    long afterOk = outcomes.stream().filter(o -> Boolean.TRUE.equals(o.revealedAfter())).count();
    md.append("- Keys shown with a one-time code read from the mail: ")
        .append(beforeOk)
        .append(" of ")
        .append(before)
        .append(" before a claim, ")
        .append(afterOk)
        .append(" of ")
        .append(after)
        .append(" after a re-delivery; ")
        .append(facts.mails())
        .append(" mails received in all\n");
    JsonNode audit = facts.audit();
    md.append("- Audit chain (`/api/v1/ops/audit/verify`): ")
        .append(audit.path("entries").asLong())
        .append(" entries, intact: ")
        .append(audit.path("intact").asBoolean())
        .append('\n');
    md.append("- After the last case, the outbox (events to Kafka) and the shop webhooks took ")
        .append(seconds(facts.drain()))
        .append(" to drain; left: ")
        .append(facts.outboxPending())
        .append(" events, ")
        .append(facts.webhooksPending())
        .append(" webhooks\n");
    List<Outcome> failed = filter(outcomes, o -> o.error() != null);
    md.append("- Cases the API answered unexpectedly: ").append(failed.size());
    if (!failed.isEmpty()) {
      md.append(" (first ones below)\n");
      failed.stream()
          .limit(10)
          .forEach(
              o ->
                  md.append("  - case ")
                      .append(o.plan().id())
                      .append(" (")
                      .append(o.plan().kind())
                      .append("): ")
                      .append(o.error())
                      .append('\n'));
    } else {
      md.append('\n');
    }
  }

  /** "DELIVERY_RESENT 700, help answer 40" */
  private static String how(List<Outcome> list) {
    Map<String, Long> counts = new TreeMap<>();
    for (Outcome o : list) {
      if (o.deflected()) {
        counts.merge("help answer", 1L, Long::sum);
      } else if (o.solvedByBuyer()) {
        counts.merge("guidance, then the buyer said solved", 1L, Long::sum);
      } else if (o.selfResolved()) {
        counts.merge(o.autoAction(), 1L, Long::sum);
      }
    }
    return counts.isEmpty()
        ? "—"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static final Set<String> SHOWN_THRESHOLDS =
      Set.of(
          "claims.contact.day",
          "claims.contact.month",
          "claims.ip.day",
          "claims.ip.month",
          "claims.device.day",
          "claims.device.month",
          "credit.review-below",
          "auto.max-amount");

  private static String thresholds(Map<String, Integer> settings) {
    return new TreeMap<>(settings)
        .entrySet().stream()
            .filter(e -> SHOWN_THRESHOLDS.contains(e.getKey()))
            .map(e -> "`" + e.getKey() + "` " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String normalise(String note) {
    if (note == null) {
      return "(no reason on the timeline)";
    }
    String s = note.replaceAll("\\d+", "n");
    int bracket = s.indexOf(" (");
    return bracket > 0 ? s.substring(0, bracket) : s;
  }

  private static void goal(
      StringBuilder md, String goal, String target, String result, boolean met) {
    md.append("| ")
        .append(goal)
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(result)
        .append(" | ")
        .append(met ? "**yes**" : "**no**")
        .append(" |\n");
  }

  private static List<Outcome> filter(List<Outcome> list, Predicate<Outcome> keep) {
    return list.stream().filter(keep).toList();
  }

  private static double ratio(long n, long of) {
    return of == 0 ? 0 : (double) n / of;
  }

  private static String share(long n, long of) {
    return String.format("%.1f%% (%d of %d)", 100 * ratio(n, of), n, of);
  }

  private static String seconds(Duration d) {
    long s = d.toSeconds();
    return s >= 120 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
  }
}
