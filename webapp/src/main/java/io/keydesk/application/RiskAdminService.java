package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.audit.AuditLog;
import io.keydesk.domain.model.order.Contact;
import io.keydesk.domain.model.risk.BlockEntry;
import io.keydesk.domain.model.risk.FraudSignal;
import io.keydesk.domain.model.risk.RiskRepository;
import io.keydesk.domain.model.risk.RiskRepository.SignalFilter;
import io.keydesk.domain.model.risk.RiskSettings;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What staff see and tune of the risk engine: the signals it recorded, its thresholds, the block
 * lists, signals raised from outside (staff now, the streams job later) and the audit chain's
 * check. Every change is audited.
 */
@ApplicationScoped
public class RiskAdminService {
  @Inject RiskRepository risk;
  @Inject AuditLog auditLog;
  @Inject Audit audit;
  @Inject Clock clock;

  /** One recorded signal as staff see it. */
  public record SignalView(
      long id,
      String kind,
      String source,
      String decision,
      String ticketNo,
      String orderNo,
      String contact,
      String clientIp,
      String deviceId,
      String fingerprint,
      String detail,
      Instant createdAt,
      Instant expiresAt,
      String contactHash) {}

  /** A page of signals. */
  public record SignalPage(List<SignalView> items, long total, int page, int size) {}

  /** A block-list entry. */
  public record BlockView(
      long id,
      String kind,
      String value,
      String reason,
      String createdBy,
      Instant createdAt,
      Instant expiresAt) {}

  /** A new block-list entry. */
  @Schema(name = "NewBlock")
  public record NewBlock(
      @NotNull @Pattern(regexp = "CONTACT|IP|DEVICE", message = "must be CONTACT, IP or DEVICE")
          String kind,
      @NotBlank @Size(max = 254) String value,
      @NotBlank @Size(max = 500) String reason,
      Instant expiresAt) {}

  /**
   * A signal raised from outside the engine: by staff, or by the streams job through {@link
   * #recordExternal}. A live one sends the subject's next claims to REVIEW.
   */
  @Schema(name = "NewSignal")
  public record NewSignal(
      @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_CASE")
          String kind,
      @Size(max = 254) String contact,
      @Size(max = 45) String clientIp,
      @Size(max = 100) String deviceId,
      @NotBlank @Size(max = 500) String detail,
      Instant expiresAt) {}

  /** A threshold's new value. */
  @Schema(name = "SettingChange")
  public record SettingChange(@NotNull @Min(0) @Max(1_000_000) Integer value) {}

  /** The audit chain's state, as {@code GET /api/v1/ops/audit/verify} reports it. */
  public record AuditCheck(
      long entries, boolean intact, Long firstBrokenSeq, String problem, Instant checkedAt) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public SignalPage signals(SignalFilter filter) {
    return new SignalPage(
        risk.signals(filter).stream().map(RiskAdminService::view).toList(),
        risk.countSignals(filter),
        filter.page(),
        filter.size());
  }

  @Transactional
  public SignalView raise(StaffIdentity staff, @NotNull @Valid NewSignal s) {
    return recordExternal(FraudSignal.Source.STAFF, s, Actor.staff(staff.username()));
  }

  /** The risk engine's external-signal interface (the streams job's results come in here). */
  @Transactional
  public SignalView recordExternal(
      FraudSignal.Source source, @NotNull @Valid NewSignal s, Actor by) {
    Instant now = clock.instant();
    String contact =
        s.contact() == null || s.contact().isBlank() ? null : contactValue(s.contact(), "contact");
    FraudSignal signal;
    try {
      signal =
          new FraudSignal(
              s.kind(),
              source,
              null,
              new FraudSignal.Subject(
                  null, null, contact, blank(s.clientIp()), blank(s.deviceId()), null),
              s.detail(),
              now,
              s.expiresAt() == null
                  ? now.plus(
                      java.time.Duration.ofDays(risk.settings().get(RiskSettings.EXTERNAL_DAYS)))
                  : s.expiresAt());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          s.expiresAt() != null && !s.expiresAt().isAfter(now) ? "expiresAt" : "contact",
          e.getMessage());
    }
    risk.record(signal);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", s.kind());
    details.put("source", source.name());
    details.put("contact", contact);
    details.put("clientIp", s.clientIp());
    details.put("deviceId", s.deviceId());
    details.put("detail", s.detail());
    audit.record(by, "risk.signal-raised", "fraud-signal", s.kind(), details, now);
    return view(signal);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Integer> settings() {
    RiskSettings settings = risk.settings();
    Map<String, Integer> all = new TreeMap<>();
    for (String name : RiskSettings.DEFAULTS.keySet()) {
      all.put(name, settings.get(name));
    }
    return all;
  }

  @Transactional
  public Map<String, Integer> changeSetting(
      StaffIdentity staff, String name, @NotNull @Valid SettingChange change) {
    if (!RiskSettings.DEFAULTS.containsKey(name)) {
      throw new NotFoundException("risk setting " + name);
    }
    Instant now = clock.instant();
    int previous = risk.updateSetting(name, change.value(), now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", previous);
    details.put("to", change.value());
    audit.record(
        Actor.staff(staff.username()), "risk.setting-changed", "risk-setting", name, details, now);
    return Map.of(name, change.value());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BlockView> blocks() {
    return risk.blocks().stream().map(RiskAdminService::view).toList();
  }

  @Transactional
  public BlockView block(StaffIdentity staff, @NotNull @Valid NewBlock b) {
    BlockEntry.Kind kind = BlockEntry.Kind.valueOf(b.kind());
    String value =
        kind == BlockEntry.Kind.CONTACT ? contactValue(b.value(), "value") : b.value().strip();
    if (risk.findBlock(kind, value).isPresent()) {
      throw new DomainException(
          "already-blocked",
          "this " + kind.name().toLowerCase(java.util.Locale.ROOT) + " is already blocked");
    }
    Instant now = clock.instant();
    if (b.expiresAt() != null && !b.expiresAt().isAfter(now)) {
      throw new InvalidFieldException("expiresAt", "must be in the future");
    }
    BlockEntry entry =
        risk.store(new BlockEntry(kind, value, b.reason(), staff.username(), now, b.expiresAt()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind.name());
    details.put("value", value);
    details.put("reason", b.reason());
    details.put("expiresAt", b.expiresAt());
    audit.record(
        Actor.staff(staff.username()),
        "risk.blocked",
        "block",
        kind.name() + ":" + value,
        details,
        now);
    return view(entry);
  }

  @Transactional
  public void unblock(StaffIdentity staff, long id) {
    BlockEntry entry = risk.findBlock(id).orElseThrow(() -> new NotFoundException("block " + id));
    Instant now = clock.instant();
    risk.remove(entry);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", entry.kind().name());
    details.put("value", entry.value());
    audit.record(
        Actor.staff(staff.username()),
        "risk.unblocked",
        "block",
        entry.kind().name() + ":" + entry.value(),
        details,
        now);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AuditCheck verifyAudit() {
    AuditLog.Verification v = auditLog.verify();
    return new AuditCheck(
        v.entries(), v.intact(), v.firstBrokenSeq(), v.problem(), clock.instant());
  }

  private static String contactValue(String raw, String field) {
    return Contact.parse(raw)
        .map(Contact::value)
        .orElseThrow(
            () -> new InvalidFieldException(field, "not an e-mail address or phone number"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static SignalView view(FraudSignal s) {
    FraudSignal.Subject who = s.subject();
    return new SignalView(
        s.id() == null ? 0 : s.id(),
        s.kind(),
        s.source().name(),
        s.decision().map(Enum::name).orElse(null),
        who.ticketNo(),
        who.orderNo(),
        who.contact(),
        who.clientIp(),
        who.deviceId(),
        who.fingerprint(),
        s.detail(),
        s.createdAt(),
        s.expiresAt().orElse(null),
        s.contactHash().orElse(null));
  }

  static BlockView view(BlockEntry b) {
    return new BlockView(
        b.id(),
        b.kind().name(),
        b.value(),
        b.reason(),
        b.createdBy(),
        b.createdAt(),
        b.expiresAt().orElse(null));
  }
}
