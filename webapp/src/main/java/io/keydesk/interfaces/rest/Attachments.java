package io.keydesk.interfaces.rest;

import io.keydesk.application.RejectedFileException;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.Download;
import io.keydesk.application.TicketAttachments.Upload;
import io.keydesk.domain.model.attachment.Attachment;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads multipart uploads and writes downloads for the attachment endpoints. */
final class Attachments {
  private Attachments() {}

  /**
   * The {@code file} parts of a {@code multipart/form-data} request. Counts and sizes are checked
   * before any part is read into memory.
   */
  static List<Upload> uploads(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      throw new RequestException(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "send multipart/form-data with one or more 'file' parts"));
    }
    Collection<Part> parts;
    try {
      parts = request.getParts();
    } catch (IllegalStateException e) {
      throw new RequestException(
          Problem.of(413, "file-too-large", "Request too large", "the request is too large"));
    } catch (IOException | ServletException e) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("file", "unreadable multipart body"))));
    }
    List<Part> files = new ArrayList<>();
    for (Part part : parts) {
      if (!"file".equals(part.getName())) {
        throw new RequestException(
            Problem.invalid(
                List.of(new Problem.FieldError(part.getName(), "only 'file' parts are accepted"))));
      }
      files.add(part);
    }
    if (files.isEmpty()) {
      throw new RequestException(
          Problem.invalid(List.of(new Problem.FieldError("file", "at least one file is needed"))));
    }
    if (files.size() > TicketAttachments.MAX_FILES) {
      throw new RequestException(
          Problem.invalid(
              List.of(
                  new Problem.FieldError(
                      "file", "at most " + TicketAttachments.MAX_FILES + " files per request"))));
    }
    List<Upload> uploads = new ArrayList<>();
    for (Part part : files) {
      String name = Attachment.sanitiseName(part.getSubmittedFileName());
      if (part.getSize() > TicketAttachments.MAX_BYTES) {
        throw RejectedFileException.tooLarge(name, TicketAttachments.MAX_BYTES);
      }
      try (InputStream in = part.getInputStream()) {
        uploads.add(new Upload(name, in.readAllBytes()));
      } catch (IOException e) {
        throw new RequestException(
            Problem.invalid(List.of(new Problem.FieldError("file", name + ": unreadable"))));
      }
    }
    return uploads;
  }

  /** A download: never rendered inline, never sniffed, never cached. */
  static Response download(Download file) {
    StreamingOutput body =
        out -> {
          try (InputStream in = file.content()) {
            in.transferTo(out);
          }
        };
    String encoded = URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(body, file.type())
        .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
        .header("Content-Length", file.size())
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .build();
  }
}
