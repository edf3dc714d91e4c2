package io.keydesk.interfaces.rest;

import io.keydesk.infrastructure.monitoring.KeydeskMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every API request an id ({@code X-Request-Id}, taken from the caller when sane), times it
 * into the metrics by route template (never by raw path, which would hold ticket numbers), and logs
 * failures with method, route, status and id — never bodies, tokens or keys.
 */
@Provider
@PreMatching
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
  private static final String STARTED = RequestLog.class.getName() + ".started";
  private static final String ID = "X-Request-Id";

  @Inject KeydeskMetrics metrics;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    String id = request.getHeaderString(ID);
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      id = UUID.randomUUID().toString();
    }
    request.setProperty(ID, id);
    servletRequest.setAttribute(ID, id);
  }

  /** The id of the current request, for log lines written elsewhere. */
  static String idOf(HttpServletRequest request) {
    Object id = request == null ? null : request.getAttribute(ID);
    return id == null ? "-" : id.toString();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    String id = (String) request.getProperty(ID);
    if (id != null) {
      response.getHeaders().putSingle(ID, id);
    }
    String route = route();
    int status = response.getStatus();
    if (started instanceof Long t) {
      metrics.requestDone(
          request.getMethod(), route, status, Duration.ofNanos(System.nanoTime() - t));
    }
    if (status >= 500) {
      LOG.log(
          Level.WARNING,
          "{0} {1} -> {2} [request {3}]",
          new Object[] {request.getMethod(), route, status, id});
    } else if (LOG.isLoggable(Level.FINE)) {
      LOG.log(
          Level.FINE,
          "{0} {1} -> {2} [request {3}]",
          new Object[] {request.getMethod(), route, status, id});
    }
  }

  private String route() {
    if (resource == null || resource.getResourceMethod() == null) {
      return "unmatched";
    }
    Path type = resource.getResourceClass().getAnnotation(Path.class);
    Path method = resource.getResourceMethod().getAnnotation(Path.class);
    String joined =
        "/" + (type == null ? "" : type.value()) + "/" + (method == null ? "" : method.value());
    String route = joined.replaceAll("/+", "/");
    return route.length() > 1 && route.endsWith("/")
        ? route.substring(0, route.length() - 1)
        : route;
  }
}
