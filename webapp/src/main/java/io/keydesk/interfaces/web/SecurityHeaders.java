package io.keydesk.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every answer carries: no content sniffing, no framing by other sites, no referrer to
 * other sites, a Content-Security-Policy, and HSTS on HTTPS. Pages and API answers hold personal
 * data (orders, tickets), so they are not cached; static resources are.
 *
 * <p>The API's policy allows nothing (an answer is data, never a document to run). The pages'
 * policy allows only this origin: scripts and styles inline too (PrimeFaces writes inline scripts
 * and handlers), images and fonts also as {@code data:}, connections (Ajax, the Faces WebSocket) to
 * this origin, no plugins, no {@code <base>} elsewhere, forms posting only here, no framing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** One year; sent only on HTTPS, where a browser honours it. */
  static final String HSTS = "max-age=31536000";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    String path = req.getRequestURI().substring(req.getContextPath().length());
    res.setHeader(
        "Content-Security-Policy",
        path.startsWith("/api/") || path.startsWith("/openapi") ? API_POLICY : PAGE_POLICY);
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", HSTS);
    }
    if (!req.getRequestURI().contains("/jakarta.faces.resource/")) {
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, res);
  }
}
