package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.TeamService;
import io.keydesk.application.TeamService.Member;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.staff.Role;
import io.keydesk.domain.shared.DomainException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Supervisors set agents' skills, capacity and presence (the Team page). */
@Named
@ViewScoped
public class TeamPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TeamService team;
  @Inject CurrentStaff staff;

  private List<Row> rows = List.of();

  /** One agent as the form edits them. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Member member;
    private List<String> categories;
    private List<String> languages;
    private int capacity;
    private boolean away;

    Row(Member member) {
      this.member = member;
      this.categories = new ArrayList<>(member.categories());
      this.languages = new ArrayList<>(member.languages());
      this.capacity = member.capacity();
      this.away = member.away();
    }

    public Member getMember() {
      return member;
    }

    public List<String> getCategories() {
      return categories;
    }

    public void setCategories(List<String> categories) {
      this.categories = categories;
    }

    public List<String> getLanguages() {
      return languages;
    }

    public void setLanguages(List<String> languages) {
      this.languages = languages;
    }

    public int getCapacity() {
      return capacity;
    }

    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }

    public boolean isAway() {
      return away;
    }

    public void setAway(boolean away) {
      this.away = away;
    }
  }

  /** Only supervisors and admins see the page; everyone else gets a 403. */
  public void load() throws IOException {
    StaffIdentity me = staff.get();
    if (me == null || (me.role() != Role.SUPERVISOR && me.role() != Role.ADMIN)) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "forbidden");
      faces.responseComplete();
      return;
    }
    rows =
        team.team(me).stream()
            .filter(m -> m.role().equals(Role.AGENT.name()) && m.active())
            .map(Row::new)
            .toList();
  }

  public void save(Row row) {
    try {
      team.changeSkills(
          staff.get(),
          row.getMember().username(),
          new TeamService.Skills(row.categories, row.languages, row.capacity, row.away));
      Pages.info("console.team.saved");
    } catch (DomainException | ConstraintViolationException | IllegalArgumentException e) {
      Pages.error(null, "console.team.failed");
    }
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getCategoryCodes() {
    return Arrays.stream(CategoryCode.values()).map(Enum::name).toList();
  }

  public List<String> getLanguageTags() {
    return List.of("zh-CN", "en");
  }
}
