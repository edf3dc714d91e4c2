package io.keydesk.application;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.model.staff.StaffRepository;
import io.keydesk.domain.model.staff.StaffUser;
import io.keydesk.domain.model.ticket.Actor;
import io.keydesk.domain.model.ticket.Ticket;
import io.keydesk.domain.model.ticket.TicketRepository;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The team behind the queue: agents' skills, capacity and presence, and supervisors moving tickets
 * between agents. Every change is audited; reassignments are also on each ticket's timeline and
 * announced as ticket events.
 */
@ApplicationScoped
public class TeamService {
  @Inject StaffRepository staff;
  @Inject TicketRepository tickets;
  @Inject DomainEvents events;
  @Inject Audit audit;
  @Inject Clock clock;

  /** One member of the team as the Team page and the API show them. */
  public record Member(
      String username,
      String displayName,
      String role,
      boolean active,
      boolean away,
      int capacity,
      List<String> categories,
      List<String> languages,
      Instant lastAssignedAt) {}

  /** What a supervisor sets for an agent. */
  @Schema(name = "Skills")
  public record Skills(
      @NotNull @Size(max = 20)
          List<
                  @NotNull
                  @Pattern(
                      regexp =
                          "NOT_RECEIVED|INVALID_KEY|WRONG_PURCHASE|PAYMENT_ISSUE|USAGE_HELP|OTHER",
                      message = "unknown category")
                  String>
              categories,
      @NotNull @Size(max = 2)
          List<@NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String>
              languages,
      @Min(0) @Max(StaffUser.MAX_CAPACITY) Integer capacity,
      Boolean away) {
    /** Boxed so that a fraction is refused (request bodies); left out, it is 0. */
    public Skills {
      capacity = capacity == null ? 0 : capacity;
    }
  }

  /** A bulk reassignment: these tickets go to this member of staff. */
  @Schema(name = "Reassignment")
  public record Reassignment(
      @NotEmpty @Size(max = 200) List<@NotNull @Size(max = 32) String> ticketNos,
      @NotNull @Size(min = 2, max = 64) String assignee) {}

  public List<Member> team(StaffIdentity by) {
    requireSupervisor(by);
    return staff.team().stream().map(TeamService::member).toList();
  }

  public Member member(StaffIdentity by, String username) {
    if (!by.username().equals(username)) {
      requireSupervisor(by);
    }
    return member(find(username));
  }

  @Transactional
  public Member changeSkills(StaffIdentity by, String username, @NotNull @Valid Skills skills) {
    requireSupervisor(by);
    StaffUser user = find(username);
    if (user.role() != Role.AGENT) {
      throw new InvalidFieldException("username", "only agents have skills");
    }
    Set<CategoryCode> categories = EnumSet.noneOf(CategoryCode.class);
    skills.categories().forEach(c -> categories.add(CategoryCode.valueOf(c)));
    Set<String> languages = new LinkedHashSet<>(skills.languages());
    user.changeSkills(categories, languages, skills.capacity());
    if (skills.away() != null) {
      user.markAway(skills.away());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("categories", String.join(",", categories.stream().map(Enum::name).toList()));
    details.put("languages", String.join(",", user.skillLanguages()));
    details.put("capacity", skills.capacity());
    details.put("away", user.isAway());
    audit.record(
        Actor.staff(by.username()), "staff.skills", "staff", username, details, clock.instant());
    return member(user);
  }

  /** An agent steps away or comes back; a supervisor may do it for them. */
  @Transactional
  public Member setAway(StaffIdentity by, String username, boolean away) {
    if (!by.username().equals(username)) {
      requireSupervisor(by);
    }
    StaffUser user = find(username);
    if (user.isAway() != away) {
      user.markAway(away);
      audit.record(
          Actor.staff(by.username()),
          away ? "staff.away" : "staff.back",
          "staff",
          username,
          Map.of("away", away),
          clock.instant());
    }
    return member(user);
  }

  /**
   * A supervisor gives these tickets to one member of staff (an active agent or supervisor),
   * whatever their capacity. All or nothing: an unknown or closed ticket refuses the whole request.
   *
   * @return the ticket numbers whose assignee changed
   */
  @Transactional
  public List<String> reassign(StaffIdentity by, @NotNull @Valid Reassignment request) {
    requireSupervisor(by);
    StaffUser target =
        staff
            .find(request.assignee())
            .filter(StaffUser::isActive)
            .filter(u -> u.role() == Role.AGENT || u.role() == Role.SUPERVISOR)
            .orElseThrow(
                () -> new InvalidFieldException("assignee", "no active agent or supervisor"));
    Instant now = clock.instant();
    Actor actor = Actor.staff(by.username());
    List<String> changed = new ArrayList<>();
    // Lock every ticket first (in the order given), before anything is audited: the audit chain's
    // lock is taken last, as in every other transaction, so concurrent assignments cannot deadlock.
    List<Ticket> locked = new ArrayList<>();
    for (String no : new LinkedHashSet<>(request.ticketNos())) {
      Ticket ticket =
          tickets
              .find(no)
              .flatMap(t -> tickets.lockForUpdate(t.id()))
              .orElseThrow(() -> new InvalidFieldException("ticketNos", "unknown ticket " + no));
      if (!ticket.status().isOpen()) {
        throw new InvalidFieldException("ticketNos", "ticket " + no + " is not open");
      }
      locked.add(ticket);
    }
    for (Ticket ticket : locked) {
      if (ticket.assignTo(target, actor, now)) {
        changed.add(ticket.ticketNo().value());
      }
      events.ticketChanged(ticket, now);
    }
    if (!changed.isEmpty()) {
      target.markAssigned(now);
    }
    return changed;
  }

  /** Open tickets escalated to a supervisor, for the supervisors' console. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long escalatedCount() {
    return tickets.countEscalatedToSupervisor();
  }

  static boolean isSupervisor(StaffIdentity by) {
    return by != null && (by.role() == Role.SUPERVISOR || by.role() == Role.ADMIN);
  }

  private static void requireSupervisor(StaffIdentity by) {
    if (!isSupervisor(by)) {
      throw new DomainException("forbidden", "only supervisors and admins may do this");
    }
  }

  private StaffUser find(String username) {
    return staff
        .find(username == null ? "" : username)
        .orElseThrow(() -> new NotFoundException("staff"));
  }

  private static Member member(StaffUser u) {
    return new Member(
        u.username(),
        u.displayName(),
        u.role().name(),
        u.isActive(),
        u.isAway(),
        u.capacity(),
        u.skillCategories().stream().map(Enum::name).toList(),
        List.copyOf(u.skillLanguages()),
        u.lastAssignedAt().orElse(null));
  }
}
