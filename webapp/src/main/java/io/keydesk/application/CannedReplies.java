package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.reply.CannedReply;
import io.keydesk.domain.model.reply.CannedReplyRepository;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketNo;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Canned replies: supervisors and admins write them (every change audited); agents get them filled
 * in from a case's facts, in the buyer's language.
 */
@ApplicationScoped
public class CannedReplies {
  /** Who may change canned replies. */
  public static final Set<Role> EDITORS = Set.of(Role.SUPERVISOR, Role.ADMIN);

  /** Deadlines in a filled reply: the shop's time zone for Chinese, UTC for English. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  @Inject CannedReplyRepository replies;
  @Inject TicketRepository tickets;
  @Inject Audit audit;
  @Inject Clock clock;

  /** A canned reply as written. */
  public record CannedReplyView(
      long id,
      String name,
      String category,
      String language,
      String body,
      Instant updatedAt,
      String updatedBy) {}

  /** A canned reply filled in for one case, in the language of the case. */
  public record FilledReply(long id, String name, String language, String text) {}

  /** A new canned reply, or the new content of one (name and language cannot change). */
  @Schema(name = "CannedReplyForm")
  public record CannedReplyForm(
      @NotBlank
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]{0,79}",
              message = "lower-case letters, digits and '-', 1-80 characters")
          String name,
      @Pattern(
              regexp = "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
              message = "must be a category code, or absent for every category")
          String category,
      @NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
      @NotBlank @Size(max = CannedReply.MAX_BODY) String body) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CannedReplyView> list() {
    return replies.all().stream().map(CannedReplies::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CannedReplyView get(long id) {
    return view(find(id));
  }

  @Transactional
  public CannedReplyView create(StaffIdentity staff, @NotNull @Valid CannedReplyForm form) {
    requireEditor(staff);
    checkPlaceholders(form.body());
    if (replies.find(form.name(), form.language()).isPresent()) {
      throw new DomainException(
          "canned-reply-exists", "a canned reply with this name and language exists");
    }
    Instant now = clock.instant();
    CannedReply reply =
        replies.store(
            new CannedReply(
                form.name(), category(form), form.language(), form.body(), staff.username(), now));
    audited(staff, "canned-reply.created", reply, now);
    return view(reply);
  }

  @Transactional
  public CannedReplyView update(
      StaffIdentity staff, long id, @NotNull @Valid CannedReplyForm form) {
    requireEditor(staff);
    checkPlaceholders(form.body());
    CannedReply reply = find(id);
    if (!reply.name().equals(form.name())) {
      throw new InvalidFieldException("name", "the name of a canned reply cannot change");
    }
    if (!reply.language().equals(form.language())) {
      throw new InvalidFieldException("language", "the language of a canned reply cannot change");
    }
    Instant now = clock.instant();
    reply.change(category(form), form.body(), staff.username(), now);
    audited(staff, "canned-reply.changed", reply, now);
    return view(reply);
  }

  @Transactional
  public void delete(StaffIdentity staff, long id) {
    requireEditor(staff);
    CannedReply reply = find(id);
    audited(staff, "canned-reply.deleted", reply, clock.instant());
    replies.remove(reply);
  }

  /**
   * The canned replies that fit a case's category, one per name, each in the buyer's language
   * (English when a name has no text in it) and filled in from the case: {orderNo}, {productName},
   * {ticketNo}, {deadline} (the resolution target) and {buyerName?} (not known to Keydesk: left
   * out).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FilledReply> filledFor(String ticketNo) {
    if (!TicketNo.looksValid(ticketNo)) {
      throw new NotFoundException("ticket");
    }
    Ticket t =
        tickets.find(new TicketNo(ticketNo)).orElseThrow(() -> new NotFoundException("ticket"));
    String language = t.language().startsWith("zh") ? "zh-CN" : "en";
    Map<String, String> facts = new HashMap<>();
    facts.put("orderNo", t.order().orderNo());
    facts.put("productName", t.order().product().name());
    facts.put("ticketNo", t.ticketNo().value());
    facts.put(
        "deadline",
        "zh-CN".equals(language)
            ? ZH.format(t.resolutionDueAt().atZone(CHINA))
            : EN.format(t.resolutionDueAt().atZone(ZoneId.of("UTC"))));
    Map<String, CannedReply> byName = new LinkedHashMap<>();
    for (CannedReply r : replies.all()) {
      if (!r.fits(t.category().code())) {
        continue;
      }
      CannedReply chosen = byName.get(r.name());
      if (chosen == null
          || (!chosen.language().equals(language) && r.language().equals(language))) {
        byName.put(r.name(), r);
      }
    }
    return byName.values().stream()
        .map(r -> new FilledReply(r.id(), r.name(), r.language(), r.fill(facts)))
        .toList();
  }

  private void audited(StaffIdentity staff, String action, CannedReply reply, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", reply.name());
    details.put("language", reply.language());
    details.put("category", reply.category().map(Enum::name).orElse(null));
    details.put("bodySha256", Digests.sha256Hex(reply.body()));
    audit.record(
        Actor.staff(staff.username()),
        action,
        "canned-reply",
        reply.name() + "/" + reply.language(),
        details,
        now);
  }

  private CannedReply find(long id) {
    return replies.find(id).orElseThrow(() -> new NotFoundException("canned reply"));
  }

  private static void requireEditor(StaffIdentity staff) {
    if (staff == null || !EDITORS.contains(staff.role())) {
      throw new DomainException("forbidden", "your role may not change canned replies");
    }
  }

  private static void checkPlaceholders(String body) {
    Set<String> unknown = CannedReply.unknownPlaceholders(body);
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException(
          "body",
          "unknown placeholders "
              + unknown
              + "; use "
              + String.join(", ", CannedReply.PLACEHOLDERS.stream().sorted().toList()));
    }
  }

  private static CategoryCode category(CannedReplyForm form) {
    return Optional.ofNullable(form.category())
        .filter(c -> !c.isBlank())
        .map(CategoryCode::valueOf)
        .orElse(null);
  }

  static CannedReplyView view(CannedReply r) {
    return new CannedReplyView(
        r.id(),
        r.name(),
        r.category().map(Enum::name).orElse(null),
        r.language(),
        r.body(),
        r.updatedAt(),
        r.updatedBy());
  }
}
