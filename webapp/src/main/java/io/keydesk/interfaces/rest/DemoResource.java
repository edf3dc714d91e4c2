package io.keydesk.interfaces.rest;

import io.keydesk.application.DemoData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The demo logins and orders, for the local launcher; absent unless demo data is enabled. */
@Path("/demo")
@RequestScoped
@Tag(name = "demo")
public class DemoResource {
  @Inject DemoData demo;

  @Inject
  @ConfigProperty(name = "keydesk.demo.enabled", defaultValue = "false")
  boolean enabled;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Demo logins and orders (local runs only)")
  public DemoData.Summary summary() {
    if (!enabled) {
      throw new NotFoundException();
    }
    return demo.summary();
  }
}
