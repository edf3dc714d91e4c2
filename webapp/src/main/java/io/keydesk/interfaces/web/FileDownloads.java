package io.keydesk.interfaces.web;

import io.keydesk.application.TicketAttachments.Download;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How the pages' download servlets send an evidence file: always an attachment, never sniffed. */
final class FileDownloads {
  private FileDownloads() {}

  /** Headers first (no sniffing, no caching), before any check can answer an error. */
  static void prepare(HttpServletResponse res) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
  }

  /** Streams the file as an attachment with its (UTF-8, RFC 5987) name. */
  static void send(HttpServletResponse res, Download file) throws IOException {
    try (InputStream in = file.content()) {
      String encoded = URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
      res.setContentType(file.type());
      res.setContentLengthLong(file.size());
      res.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
      in.transferTo(res.getOutputStream());
    }
  }
}
