package io.keydesk.infrastructure.supplier;

import io.keydesk.application.SupplierVerification.KeyCheck;
import io.keydesk.infrastructure.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated supplier's answers, in MariaDB so that every app instance answers alike. The first
 * that applies wins: a rule for the key's fingerprint, for its product SKU, the default rule, then
 * the code itself (containing {@code DEFECT} → DEFECTIVE, {@code USED} → REDEEMED, {@code SLOW} →
 * SLOW, {@code DOWN} → DOWN, case-insensitive), and otherwise VALID.
 */
@ApplicationScoped
public class SimulatedSupplierRules {
  @PersistenceContext private EntityManager em;

  /** What the simulated supplier does. */
  public enum Answer {
    VALID,
    DEFECTIVE,
    REDEEMED,
    /** Answers VALID, but only after the adapter's timeout has passed. */
    SLOW,
    /** Answers 503. */
    DOWN
  }

  /** The rule set: a default (or null) and answers by SKU and by fingerprint. */
  public record Rules(
      Answer defaultAnswer, Map<String, Answer> bySku, Map<String, Answer> byFingerprint) {
    public Rules {
      bySku = Map.copyOf(bySku);
      byFingerprint = Map.copyOf(byFingerprint);
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Answer answerFor(KeyCheck check) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT scope, answer FROM simulated_supplier_rule WHERE (scope = 'FINGERPRINT'"
                    + " AND match_value = ?) OR (scope = 'SKU' AND match_value = ?) OR scope ="
                    + " 'DEFAULT'")
            .setParameter(1, check.fingerprint())
            .setParameter(2, check.productSku())
            .getResultList();
    Map<String, Answer> byScope = new TreeMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      byScope.put((String) r[0], Answer.valueOf((String) r[1]));
    }
    for (String scope : new String[] {"FINGERPRINT", "SKU", "DEFAULT"}) {
      if (byScope.containsKey(scope)) {
        return byScope.get(scope);
      }
    }
    return fromCode(check.code());
  }

  /** The deterministic answer for demo data, from the code alone. */
  static Answer fromCode(String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    if (upper.contains("DEFECT")) {
      return Answer.DEFECTIVE;
    }
    if (upper.contains("USED")) {
      return Answer.REDEEMED;
    }
    if (upper.contains("SLOW")) {
      return Answer.SLOW;
    }
    if (upper.contains("DOWN")) {
      return Answer.DOWN;
    }
    return Answer.VALID;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Rules current() {
    Answer defaultAnswer = null;
    Map<String, Answer> bySku = new TreeMap<>();
    Map<String, Answer> byFingerprint = new TreeMap<>();
    for (Object row :
        em.createNativeQuery("SELECT scope, match_value, answer FROM simulated_supplier_rule")
            .getResultList()) {
      Object[] r = (Object[]) row;
      Answer answer = Answer.valueOf((String) r[2]);
      switch ((String) r[0]) {
        case "DEFAULT" -> defaultAnswer = answer;
        case "SKU" -> bySku.put((String) r[1], answer);
        default -> byFingerprint.put((String) r[1], answer);
      }
    }
    return new Rules(defaultAnswer, bySku, byFingerprint);
  }

  /** Replaces every rule. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void replace(Rules rules, Instant now) {
    em.createNativeQuery("DELETE FROM simulated_supplier_rule").executeUpdate();
    if (rules.defaultAnswer() != null) {
      insert("DEFAULT", "", rules.defaultAnswer(), now);
    }
    rules.bySku().forEach((sku, answer) -> insert("SKU", sku, answer, now));
    rules.byFingerprint().forEach((fp, answer) -> insert("FINGERPRINT", fp, answer, now));
  }

  private void insert(String scope, String value, Answer answer, Instant now) {
    em.createNativeQuery(
            "INSERT INTO simulated_supplier_rule (scope, match_value, answer, updated_at) VALUES"
                + " (?, ?, ?, ?)")
        .setParameter(1, scope)
        .setParameter(2, value)
        .setParameter(3, answer.name())
        .setParameter(4, SqlTimes.utc(now))
        .executeUpdate();
  }
}
