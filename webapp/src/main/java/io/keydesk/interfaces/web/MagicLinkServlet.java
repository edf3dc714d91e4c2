package io.keydesk.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The short address in the delivery e-mail, {@code /m/<token>}: sends the browser to the start page
 * with the token, where {@link FindOrder#openMagicLink()} uses it. Anything that is not a token's
 * shape lands on the start page with the same message as a used or expired link.
 */
@WebServlet(urlPatterns = "/m/*")
public class MagicLinkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern TOKEN = Pattern.compile("kdm_[A-Za-z0-9_-]{20,96}");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String token = TOKEN.matcher(path).matches() ? path : "invalid";
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader(
        "Location",
        req.getContextPath()
            + "/index.xhtml?magic="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }
}
