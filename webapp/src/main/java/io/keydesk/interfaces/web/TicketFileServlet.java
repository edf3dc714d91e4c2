package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.Download;
import io.keydesk.domain.shared.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Downloads of a case's files from the portal: {@code /ticket-files/{ticketNo}/{id}}, for the buyer
 * signed in to this browser session (the API's download needs a bearer token a page does not have).
 * Anyone else, and a missing session, gets the same 404 as a file that does not exist. Always an
 * attachment, never sniffed, never cached.
 */
@WebServlet("/ticket-files/*")
public class TicketFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject BuyerSession session;
  @Inject TicketAttachments attachments;

  /** The page's link to one file. */
  public static String path(String ticketNo, String id) {
    return "/ticket-files/" + ticketNo + "/" + id;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    FileDownloads.prepare(res);
    String[] parts = Optional.ofNullable(req.getPathInfo()).orElse("").split("/");
    Optional<BuyerIdentity> buyer =
        req.getSession(false) == null ? Optional.empty() : session.identity();
    if (parts.length != 3 || buyer.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Download file;
    try {
      file = attachments.download(buyer.get(), parts[1], parts[2]);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    FileDownloads.send(res, file);
  }
}
