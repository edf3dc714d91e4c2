package io.keydesk.infrastructure.attachments;

import io.keydesk.application.RejectedFileException;
import io.keydesk.infrastructure.crypto.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Checks an uploaded file by its content, never by its name or the client's content type: Apache
 * Tika's magic-byte detector decides the type, and only images, PDF and plain text pass. PNG and
 * JPEG are decoded and encoded again with {@code javax.imageio}, which keeps the pixels and drops
 * every metadata block (EXIF with GPS position, XMP, comments); WebP keeps its image data and loses
 * its EXIF and XMP chunks (the JDK cannot encode WebP). The SHA-256 is of the bytes that are
 * stored.
 */
@ApplicationScoped
public class AttachmentInspector {
  public static final Set<String> ALLOWED =
      Set.of("image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "text/plain");

  /** Larger images are refused before decoding (a small file can unpack to gigabytes). */
  static final long MAX_PIXELS = 40_000_000L;

  /**
   * Images that would take more memory than this once decoded are refused before decoding: the
   * pixel count alone let a 300 KB PNG of 16-bit colour with alpha (8 bytes a pixel) unpack to 320
   * MB. 96 MiB holds a 24-megapixel photo or any phone screenshot.
   */
  static final long MAX_DECODED_BYTES = 96L * 1024 * 1024;

  /** Images decoded at the same time, so that concurrent uploads cannot add up past the heap. */
  static final int DECODING_AT_ONCE = 2;

  private static final Semaphore DECODING = new Semaphore(DECODING_AT_ONCE, true);

  private final Tika tika = new Tika();

  /** A file that passed: its type, the bytes to store and their SHA-256. */
  public record Inspected(String contentType, byte[] bytes, String sha256) {
    public long size() {
      return bytes.length;
    }
  }

  /** The type of {@code bytes} by content alone, without parameters ({@code text/plain}). */
  public String detect(byte[] bytes) {
    return MediaType.parse(tika.detect(bytes)).getBaseType().toString();
  }

  /**
   * Checks one file and returns what to store.
   *
   * @throws RejectedFileException when the type is not allowed or an image cannot be read
   */
  public Inspected inspect(String fileName, byte[] bytes) {
    if (bytes.length == 0) {
      throw RejectedFileException.unreadable(fileName, "the file is empty");
    }
    String type = detect(bytes);
    if (!ALLOWED.contains(type)) {
      throw RejectedFileException.wrongType(fileName, type);
    }
    byte[] stored =
        switch (type) {
          case "image/jpeg" -> reencode(fileName, bytes, "jpeg");
          case "image/png" -> reencode(fileName, bytes, "png");
          case "image/webp" -> withoutWebpMetadata(fileName, bytes);
          default -> bytes;
        };
    return new Inspected(type, stored, Digests.sha256Hex(stored));
  }

  private static byte[] reencode(String fileName, byte[] bytes, String format) {
    try {
      BufferedImage image = read(fileName, bytes);
      if ("jpeg".equals(format) && image.getColorModel().hasAlpha()) {
        BufferedImage rgb =
            new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        image = rgb;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage read(String fileName, byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw RejectedFileException.unreadable(fileName, "the image cannot be read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw RejectedFileException.unreadable(
              fileName, "the image is larger than " + MAX_PIXELS + " pixels");
        }
        if (pixels * bytesPerPixel(reader) > MAX_DECODED_BYTES) {
          throw RejectedFileException.unreadable(
              fileName, "the image is too large to check; send a smaller screenshot or photo");
        }
        if (!DECODING.tryAcquire(30, TimeUnit.SECONDS)) {
          throw RejectedFileException.unreadable(
              fileName, "too many images are being checked right now; try again in a moment");
        }
        try {
          return reader.read(0);
        } finally {
          DECODING.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RejectedFileException.unreadable(fileName, "the image cannot be read");
      } catch (IOException | RuntimeException e) {
        if (e instanceof RejectedFileException r) {
          throw r;
        }
        throw RejectedFileException.unreadable(fileName, "the image cannot be read");
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * Bytes a decoded pixel takes: from the image's own sample layout (8 for 16-bit RGBA), and at
   * least 4 when the reader does not say (it decodes to a packed RGB or ARGB image).
   */
  private static long bytesPerPixel(ImageReader reader) throws IOException {
    ImageTypeSpecifier raw = reader.getRawImageType(0);
    if (raw == null) {
      return 4;
    }
    SampleModel layout = raw.getSampleModel();
    long bits = 0;
    for (int size : layout.getSampleSize()) {
      bits += size;
    }
    return Math.max(1, (bits + 7) / 8);
  }

  /**
   * A WebP file (RIFF container) without its {@code EXIF} and {@code XMP } chunks, and with the
   * matching flags of the {@code VP8X} header cleared. Every other chunk is copied unchanged.
   */
  static byte[] withoutWebpMetadata(String fileName, byte[] bytes) {
    java.nio.ByteBuffer in =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12
        || in.getInt(0) != 0x46464952 // "RIFF"
        || in.getInt(8) != 0x50424557) { // "WEBP"
      throw RejectedFileException.unreadable(fileName, "the image cannot be read");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 12);
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String fourcc = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long size = Integer.toUnsignedLong(in.getInt(pos + 4));
      long padded = size + (size & 1);
      if (pos + 8 + size > bytes.length) {
        throw RejectedFileException.unreadable(fileName, "the image cannot be read");
      }
      int length = (int) Math.min(8 + padded, bytes.length - pos);
      if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
        byte[] chunk = java.util.Arrays.copyOfRange(bytes, pos, pos + length);
        if (fourcc.equals("VP8X") && size >= 1) {
          chunk[8] &= (byte) ~0x0C; // clear the EXIF (0x08) and XMP (0x04) flags
        }
        out.write(chunk, 0, chunk.length);
      }
      pos += length;
    }
    byte[] result = out.toByteArray();
    java.nio.ByteBuffer.wrap(result)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(4, result.length - 8);
    return result;
  }
}
