package io.keydesk.interfaces.web;

import io.keydesk.application.RiskAdminService;
import io.keydesk.application.RiskAdminService.BlockView;
import io.keydesk.application.RiskAdminService.NewBlock;
import io.keydesk.application.RiskAdminService.SettingChange;
import io.keydesk.domain.model.staff.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The risk engine's thresholds (admins change them, supervisors read them) and the block lists
 * (supervisors and admins add and lift entries), through the same service as the REST API.
 */
@Named
@ViewScoped
public class TuneRisk implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject RiskAdminService service;
  @Inject CurrentStaff staff;

  private Map<String, Integer> settings;
  private List<BlockView> blocks;
  private String setting;
  private Integer value;
  private String kind = "CONTACT";
  private String blockValue;
  private String reason;

  public void load() {
    if (ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      settings = service.settings();
      blocks = service.blocks();
    }
  }

  public void edit(String name) {
    setting = name;
    value = settings.get(name);
  }

  public void cancel() {
    setting = null;
  }

  public void saveSetting() {
    if (!ConsoleAccess.require(staff.get(), Role.ADMIN)) {
      return;
    }
    try {
      service.changeSetting(staff.get(), setting, new SettingChange(value));
      Pages.info("admin.saved");
      setting = null;
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("setting", e);
    }
  }

  public void block() {
    if (!ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      return;
    }
    try {
      service.block(staff.get(), new NewBlock(kind, blockValue, reason, null));
      Pages.info("admin.risk.blocked");
      blockValue = null;
      reason = null;
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("block", e);
    }
  }

  public void unblock(long id) {
    if (!ConsoleAccess.require(staff.get(), Role.SUPERVISOR, Role.ADMIN)) {
      return;
    }
    try {
      service.unblock(staff.get(), id);
      Pages.info("admin.risk.unblocked");
      load();
    } catch (RuntimeException e) {
      ConsoleAccess.show("blocks", e);
    }
  }

  public boolean isAdmin() {
    return ConsoleAccess.has(staff.get(), Role.ADMIN);
  }

  public List<String> getKinds() {
    return List.of("CONTACT", "IP", "DEVICE");
  }

  public List<Map.Entry<String, Integer>> getSettings() {
    return settings == null ? List.of() : List.copyOf(settings.entrySet());
  }

  public List<BlockView> getBlocks() {
    return blocks;
  }

  public String getSetting() {
    return setting;
  }

  public Integer getValue() {
    return value;
  }

  public void setValue(Integer value) {
    this.value = value;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getBlockValue() {
    return blockValue;
  }

  public void setBlockValue(String blockValue) {
    this.blockValue = blockValue;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
