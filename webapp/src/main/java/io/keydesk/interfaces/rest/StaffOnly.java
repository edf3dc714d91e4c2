package io.keydesk.interfaces.rest;

import io.keydesk.domain.model.staff.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Only staff with one of these roles may call the resource (checked by {@link StaffFilter}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffOnly {
  Role[] value();
}
