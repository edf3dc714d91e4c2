package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.StaffIdentity;
import io.keydesk.application.CaseFiles;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.Download;
import io.keydesk.domain.shared.NotFoundException;
import io.keydesk.infrastructure.security.KeydeskAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Downloads of a case's evidence files from the console's ticket view: {@code
 * /console/ticket-files/{ticketNo}/{id}}, for the signed-in agents, supervisors and admins (the
 * API's download needs a bearer token the console does not have). A supplier manager gets a 403.
 * Always an attachment, never sniffed, never cached.
 */
@WebServlet("/console/ticket-files/*")
public class ConsoleFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject TicketAttachments attachments;

  /** The page's link to one file. */
  public static String path(String ticketNo, String id) {
    return "/console/ticket-files/" + ticketNo + "/" + id;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    FileDownloads.prepare(res);
    if (!(req.getAttribute(KeydeskAuthenticationMechanism.STAFF_ATTRIBUTE)
            instanceof StaffIdentity staff)
        || !CaseFiles.CASE_ROLES.contains(staff.role())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String[] parts = Optional.ofNullable(req.getPathInfo()).orElse("").split("/");
    if (parts.length != 3) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Download file;
    try {
      file = attachments.downloadForStaff(parts[1], parts[2]);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    FileDownloads.send(res, file);
  }
}
