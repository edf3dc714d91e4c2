package io.keydesk.infrastructure.persistence;

import static io.keydesk.infrastructure.persistence.SqlTimes.utc;

import io.keydesk.domain.model.risk.BlockEntry;
import io.keydesk.domain.model.risk.CreditHistory;
import io.keydesk.domain.model.risk.FraudSignal;
import io.keydesk.domain.model.risk.RiskFacts;
import io.keydesk.domain.model.risk.RiskRepository;
import io.keydesk.domain.model.risk.RiskSettings;
import io.keydesk.domain.model.risk.SignalKind;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The risk engine's tables and the claim counts it reads from {@code ticket}.
 *
 * <p>Every claim reads the thresholds and asks the block lists; both are kept in memory for {@link
 * #REFERENCE_TTL} (docs/risk.md): a change through this instance is seen at once (after its
 * commit), a change through another instance within those seconds.
 */
@ApplicationScoped
public class JpaRiskRepository implements RiskRepository {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration MONTH = Duration.ofDays(30);

  /** Above any sensible threshold; claims are counted up to here. */
  static final int COUNT_CAP = 1000;

  /** How long this instance keeps the thresholds and the block-list index. */
  static final Duration REFERENCE_TTL = Duration.ofSeconds(5);

  /** Above this many block entries the index is not kept and every claim asks the database. */
  static final int BLOCK_INDEX_MAX = 20_000;

  @PersistenceContext private EntityManager em;
  @Resource TransactionSynchronizationRegistry registry;

  private final ShortLived<RiskSettings> settings = new ShortLived<>(REFERENCE_TTL);
  private final ShortLived<Optional<Set<String>>> blockIndex = new ShortLived<>(REFERENCE_TTL);

  @Override
  public RiskSettings settings() {
    return settings.get(this::readSettings);
  }

  private RiskSettings readSettings() {
    Map<String, Integer> values = new HashMap<>();
    for (Object row :
        em.createNativeQuery("SELECT name, value FROM risk_setting").getResultList()) {
      Object[] r = (Object[]) row;
      values.put((String) r[0], ((Number) r[1]).intValue());
    }
    return new RiskSettings(values);
  }

  @Override
  public int updateSetting(String name, int value, Instant now) {
    int previous = readSettings().get(name);
    afterCommit(settings::invalidate);
    int updated =
        em.createNativeQuery("UPDATE risk_setting SET value = ?, updated_at = ? WHERE name = ?")
            .setParameter(1, value)
            .setParameter(2, utc(now))
            .setParameter(3, name)
            .executeUpdate();
    if (updated == 0) {
      throw new NotFoundException("risk setting " + name);
    }
    return previous;
  }

  @Override
  public Set<SignalKind> blocked(String contact, String clientIp, String deviceId, Instant now) {
    Set<SignalKind> hits = EnumSet.noneOf(SignalKind.class);
    Optional<Set<String>> index = blockIndex.get(this::readBlockIndex);
    if (index.isPresent()
        && !index.get().contains(blockKey(BlockEntry.Kind.CONTACT, contact))
        && !index.get().contains(blockKey(BlockEntry.Kind.IP, clientIp))
        && !index.get().contains(blockKey(BlockEntry.Kind.DEVICE, deviceId))) {
      return hits; // on no list: no need to ask the database
    }
    List<BlockEntry> entries =
        em.createQuery(
                "SELECT b FROM BlockEntry b WHERE (b.kind = :contactKind AND b.value = :contact)"
                    + " OR (b.kind = :ipKind AND b.value = :ip)"
                    + " OR (b.kind = :deviceKind AND b.value = :device)",
                BlockEntry.class)
            .setParameter("contactKind", BlockEntry.Kind.CONTACT)
            .setParameter("contact", contact == null ? "" : contact)
            .setParameter("ipKind", BlockEntry.Kind.IP)
            .setParameter("ip", clientIp == null ? "" : clientIp)
            .setParameter("deviceKind", BlockEntry.Kind.DEVICE)
            .setParameter("device", deviceId == null ? "" : deviceId)
            .getResultList();
    for (BlockEntry b : entries) {
      if (b.activeAt(now)) {
        hits.add(b.kind().signal());
      }
    }
    return hits;
  }

  /**
   * Every blocked value, folded so that two values the database's collation (case- and
   * accent-insensitive) finds equal fold alike; empty when there are too many to keep. A value
   * found here is only a candidate: {@link #blocked} then asks the database, which decides.
   */
  private Optional<Set<String>> readBlockIndex() {
    List<Object[]> rows =
        em.createQuery("SELECT b.kind, b.value FROM BlockEntry b", Object[].class)
            .setMaxResults(BLOCK_INDEX_MAX + 1)
            .getResultList();
    if (rows.size() > BLOCK_INDEX_MAX) {
      return Optional.empty();
    }
    Set<String> keys = new HashSet<>();
    for (Object[] r : rows) {
      keys.add(blockKey((BlockEntry.Kind) r[0], (String) r[1]));
    }
    return Optional.of(keys);
  }

  /** The kind and the folded value; null for no value (never blocked). */
  static String blockKey(BlockEntry.Kind kind, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String folded =
        IGNORED_IN_COMPARISON
            .matcher(Normalizer.normalize(value, Normalizer.Form.NFKD))
            .replaceAll("")
            .replace("\u00df", "ss")
            .toLowerCase(Locale.ROOT)
            .stripTrailing();
    return kind.name() + ":" + folded;
  }

  /** Accents, format and control characters: the collation does not tell them apart. */
  private static final Pattern IGNORED_IN_COMPARISON = Pattern.compile("[\\p{M}\\p{Cf}\\p{Cc}]");

  /** Forgets what is kept once the caller's transaction has committed (or rolled back). */
  private void afterCommit(Runnable invalidate) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            invalidate.run();
          }
        });
  }

  @Override
  public List<BlockEntry> blocks() {
    return em.createQuery("SELECT b FROM BlockEntry b ORDER BY b.createdAt DESC", BlockEntry.class)
        .setMaxResults(1000)
        .getResultList();
  }

  @Override
  public Optional<BlockEntry> findBlock(BlockEntry.Kind kind, String value) {
    return em.createQuery(
            "SELECT b FROM BlockEntry b WHERE b.kind = :kind AND b.value = :value",
            BlockEntry.class)
        .setParameter("kind", kind)
        .setParameter("value", value)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<BlockEntry> findBlock(long id) {
    return Optional.ofNullable(em.find(BlockEntry.class, id));
  }

  @Override
  public BlockEntry store(BlockEntry entry) {
    if (entry.id() == null) {
      afterCommit(blockIndex::invalidate);
      em.persist(entry);
      em.flush();
    }
    return entry;
  }

  @Override
  public void remove(BlockEntry entry) {
    afterCommit(blockIndex::invalidate);
    em.remove(entry);
  }

  @Override
  public RiskFacts.Velocity velocity(
      String contact, String clientIp, String deviceId, Instant now) {
    // One round trip: a row per subject the claim has (UNION ALL of the same indexed count).
    Map<String, String> subjects = new LinkedHashMap<>();
    if (contact != null) {
      subjects.put("buyer_contact", contact);
    }
    if (clientIp != null) {
      subjects.put("client_ip", clientIp);
    }
    if (deviceId != null) {
      subjects.put("device_id", deviceId);
    }
    Map<String, long[]> counts = new HashMap<>();
    if (!subjects.isEmpty()) {
      StringBuilder sql = new StringBuilder();
      List<Object> parameters = new ArrayList<>();
      for (Map.Entry<String, String> subject : subjects.entrySet()) {
        sql.append(sql.length() == 0 ? "" : " UNION ALL ")
            .append("SELECT '")
            .append(subject.getKey())
            .append("', COALESCE(SUM(r.created_at >= ?), 0), COUNT(*) FROM (SELECT created_at FROM")
            .append(" ticket WHERE ")
            .append(subject.getKey())
            .append(" = ? AND created_at >= ? ORDER BY created_at DESC LIMIT ")
            .append(COUNT_CAP)
            .append(") r");
        parameters.add(utc(now.minus(DAY)));
        parameters.add(subject.getValue());
        parameters.add(utc(now.minus(MONTH)));
      }
      var query = em.createNativeQuery(sql.toString());
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
      for (Object result : query.getResultList()) {
        Object[] row = (Object[]) result;
        counts.put(
            String.valueOf(row[0]),
            new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
      }
    }
    long[] none = {-1, -1};
    long[] byContact = contact == null ? none : counts.get("buyer_contact");
    long[] byIp = clientIp == null ? none : counts.get("client_ip");
    long[] byDevice = deviceId == null ? none : counts.get("device_id");
    return new RiskFacts.Velocity(
        byContact[0], byContact[1], byIp[0], byIp[1], byDevice[0], byDevice[1]);
  }

  @Override
  public KeyClaims keyClaims(String fingerprint, String contact) {
    // Two indexed lookups (tickets naming a key with this fingerprint; whole-order tickets on an
    // order holding one), not an OR across columns, which would scan every ticket.
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COUNT(DISTINCT CASE WHEN c.buyer_contact <> ? THEN"
                        + " c.buyer_contact END) FROM (SELECT t.id, t.buyer_contact FROM ticket t"
                        + " JOIN card_key k ON k.id = t.card_key_id WHERE k.fingerprint = ? AND"
                        + " t.category_code IN ('NOT_RECEIVED', 'INVALID_KEY', 'WRONG_PURCHASE')"
                        + " UNION SELECT t.id, t.buyer_contact FROM ticket t JOIN card_key k ON"
                        + " k.order_id = t.order_id WHERE k.fingerprint = ? AND t.card_key_id IS"
                        + " NULL AND t.category_code IN ('NOT_RECEIVED', 'INVALID_KEY',"
                        + " 'WRONG_PURCHASE')) c")
                .setParameter(1, contact)
                .setParameter(2, fingerprint)
                .setParameter(3, fingerprint)
                .getSingleResult();
    return new KeyClaims(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  @Override
  public CreditHistory credit(String contact) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT COUNT(*) FROM shop_order WHERE buyer_email = ? OR buyer_phone"
                        + " = ?), COALESCE(SUM(resolution IN ('REDELIVERED', 'REPLACED', 'REFUNDED',"
                        + " 'ANSWERED')), 0), COALESCE(SUM(resolution = 'REJECTED'), 0),"
                        + " COALESCE(SUM(resolution = 'REFUNDED'), 0) FROM ticket WHERE"
                        + " buyer_contact = ?")
                .setParameter(1, contact)
                .setParameter(2, contact)
                .setParameter(3, contact)
                .getSingleResult();
    return new CreditHistory(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue());
  }

  @Override
  public List<String> externalSignals(
      String contact, String contactHash, String clientIp, String deviceId, Instant now) {
    // One indexed range per subject (V7 indexes lead with the source); an OR across the three
    // columns would scan every signal the engine ever recorded.
    String live = " AND source IN ('STREAM', 'STAFF') AND (expires_at IS NULL OR expires_at > ?)";
    @SuppressWarnings("unchecked")
    List<String> kinds =
        em.createNativeQuery(
                "SELECT kind FROM fraud_signal WHERE contact = ?"
                    + live
                    + " UNION SELECT kind FROM fraud_signal WHERE client_ip = ?"
                    + live
                    + " UNION SELECT kind FROM fraud_signal WHERE device_id = ?"
                    + live
                    + " UNION SELECT kind FROM fraud_signal WHERE contact_hash = ?"
                    + live
                    + " ORDER BY kind")
            .setParameter(1, contact == null ? "" : contact)
            .setParameter(2, utc(now))
            .setParameter(3, clientIp == null ? "" : clientIp)
            .setParameter(4, utc(now))
            .setParameter(5, deviceId == null ? "" : deviceId)
            .setParameter(6, utc(now))
            .setParameter(7, contactHash == null ? "" : contactHash)
            .setParameter(8, utc(now))
            .getResultList();
    return kinds;
  }

  @Override
  public void record(FraudSignal signal) {
    em.persist(signal);
    em.flush();
  }

  @Override
  public void recordAll(List<FraudSignal> signals) {
    MultiRowInsert insert =
        new MultiRowInsert(
            "fraud_signal",
            List.of(
                "kind",
                "source",
                "decision",
                "ticket_no",
                "order_no",
                "contact",
                "client_ip",
                "device_id",
                "fingerprint",
                "detail",
                "created_at",
                "expires_at",
                "contact_hash",
                "stream_id"));
    for (FraudSignal s : signals) {
      FraudSignal.Subject subject = s.subject();
      insert.add(
          s.kind(),
          s.source().name(),
          s.decision().map(Enum::name).orElse(null),
          subject.ticketNo(),
          subject.orderNo(),
          subject.contact(),
          subject.clientIp(),
          subject.deviceId(),
          subject.fingerprint(),
          s.detail(),
          utc(s.createdAt()),
          s.expiresAt().map(SqlTimes::utc).orElse(null),
          s.contactHash().orElse(null),
          s.streamId());
    }
    insert.execute(em);
  }

  @Override
  public boolean recordStreamed(FraudSignal signal) {
    // One consumer group reads the topic, so one instance writes a given signal; the unique
    // stream_id index is the backstop.
    long known =
        em.createQuery("SELECT COUNT(s) FROM FraudSignal s WHERE s.streamId = :id", Long.class)
            .setParameter("id", signal.streamId())
            .getSingleResult();
    if (known > 0) {
      return false;
    }
    em.persist(signal);
    em.flush();
    return true;
  }

  @Override
  public List<FraudSignal> signals(SignalFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<FraudSignal> select = cb.createQuery(FraudSignal.class);
    Root<FraudSignal> s = select.from(FraudSignal.class);
    select
        .where(predicates(cb, s, filter))
        .orderBy(cb.desc(s.get("createdAt")), cb.desc(s.get("id")));
    TypedQuery<FraudSignal> page =
        em.createQuery(select)
            .setFirstResult(filter.page() * filter.size())
            .setMaxResults(filter.size());
    return page.getResultList();
  }

  @Override
  public long countSignals(SignalFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<FraudSignal> s = count.from(FraudSignal.class);
    count.select(cb.count(s)).where(predicates(cb, s, filter));
    return em.createQuery(count).getSingleResult();
  }

  private static Predicate[] predicates(
      CriteriaBuilder cb, Root<FraudSignal> s, SignalFilter filter) {
    List<Predicate> where = new ArrayList<>();
    equal(cb, s, where, "kind", filter.kind());
    equal(cb, s, where, "source", filter.source() == null ? null : filter.source().name());
    equal(cb, s, where, "contact", filter.contact());
    equal(cb, s, where, "clientIp", filter.clientIp());
    equal(cb, s, where, "deviceId", filter.deviceId());
    equal(cb, s, where, "orderNo", filter.orderNo());
    equal(cb, s, where, "ticketNo", filter.ticketNo());
    if (filter.from() != null) {
      where.add(cb.greaterThanOrEqualTo(s.get("createdAt"), filter.from()));
    }
    if (filter.to() != null) {
      where.add(cb.lessThan(s.get("createdAt"), filter.to()));
    }
    return where.toArray(Predicate[]::new);
  }

  private static void equal(
      CriteriaBuilder cb, Root<FraudSignal> s, List<Predicate> where, String field, String value) {
    if (value != null) {
      where.add(cb.equal(s.get(field), value));
    }
  }
}
