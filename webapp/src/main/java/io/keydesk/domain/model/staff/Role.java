package io.keydesk.domain.model.staff;

/** Staff roles; their names are also the Jakarta Security groups and roles. */
public enum Role {
  AGENT,
  SUPERVISOR,
  SUPPLIER_MANAGER,
  ADMIN;

  public static final String AGENT_NAME = "AGENT";
  public static final String SUPERVISOR_NAME = "SUPERVISOR";
  public static final String SUPPLIER_MANAGER_NAME = "SUPPLIER_MANAGER";
  public static final String ADMIN_NAME = "ADMIN";
}
