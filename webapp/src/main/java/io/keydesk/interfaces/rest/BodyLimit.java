package io.keydesk.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Refuses a request body larger than the API ever needs before anything reads it into memory:
 * {@code 413} problem+json ({@code payload-too-large}). The resources take their JSON bodies as
 * strings (the shop's signature is computed over the raw bytes), so without a cap one anonymous
 * caller could fill the heap. A declared {@code Content-Length} over the cap is refused at once; a
 * body without one (chunked) is counted while it is read and refused when it passes the cap.
 *
 * <p>Caps: {@value #SHOP_LIMIT} bytes for the shop's calls ({@code /orders}, {@code /stock}: up to
 * 1,000 keys of 512 characters each), {@value #LIMIT} bytes for everything else (the largest body a
 * buyer or staff member sends, a help article in two languages, is far below it). File uploads
 * (multipart) are capped by the servlet container instead.
 *
 * <p>An HTTP/1.1 client sends its whole body before it reads the answer, so a body left unread
 * would leave it waiting; up to {@value #SWALLOW} bytes of a refused body are read and thrown away
 * first (as Tomcat's {@code maxSwallowSize} does), and a larger one is answered with {@code
 * Connection: close}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimit implements ContainerRequestFilter {
  static final int LIMIT = 256 * 1024;
  static final int SHOP_LIMIT = 4 * 1024 * 1024;
  static final int SWALLOW = 2 * 1024 * 1024;
  private static final Set<String> SHOP_PATHS = Set.of("orders", "stock", "card-keys/status");

  @Override
  public void filter(ContainerRequestContext request) {
    // Multipart bodies are parsed by the servlet container (getParts) and must not be touched
    // here at all: even hasEntity() would read their first bytes.
    MediaType type = request.getMediaType();
    if (type != null && MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)) {
      return;
    }
    String path = request.getUriInfo().getPath();
    int limit =
        SHOP_PATHS.contains(path.startsWith("/") ? path.substring(1) : path) ? SHOP_LIMIT : LIMIT;
    if (request.getLength() > limit) {
      boolean drained =
          request.getLength() <= SWALLOW && swallow(request.getEntityStream(), SWALLOW);
      request.abortWith(tooLarge(limit, drained).getResponse());
      return;
    }
    request.setEntityStream(new Capped(request.getEntityStream(), limit));
  }

  private static WebApplicationException tooLarge(int limit, boolean drained) {
    Response.ResponseBuilder answer =
        Response.fromResponse(
            Problem.of(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "the request body is larger than " + limit / 1024 + " KiB")
                .toResponse());
    if (!drained) {
      answer.header("Connection", "close");
    }
    return new WebApplicationException(answer.build());
  }

  /** Reads and discards up to {@code max} bytes; whether the body ended within them. */
  private static boolean swallow(InputStream in, long max) {
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > max) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Counts the bytes read and refuses the body once it passes the cap. */
  private static final class Capped extends FilterInputStream {
    private final int limit;
    private long read;

    Capped(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw tooLarge(limit, swallow(in, SWALLOW));
      }
    }
  }
}
