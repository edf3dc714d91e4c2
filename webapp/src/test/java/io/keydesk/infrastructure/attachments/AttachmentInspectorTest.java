package io.keydesk.infrastructure.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.application.RejectedFileException;
import io.keydesk.infrastructure.attachments.AttachmentInspector.Inspected;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AttachmentInspectorTest {
  private final AttachmentInspector inspector = new AttachmentInspector();

  @Test
  void aPngNamedPdfIsAPng() throws IOException {
    Inspected png = inspector.inspect("invoice.pdf", image("png"));
    assertEquals("image/png", png.contentType());
  }

  @Test
  void htmlNamedPngIsRefusedNamingFileAndType() {
    byte[] html =
        "<!DOCTYPE html><html><head><script>alert(1)</script></head><body></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    RejectedFileException e =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("shot.png", html));
    assertEquals("unsupported-media-type", e.code());
    assertTrue(e.getMessage().contains("shot.png"), e.getMessage());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
  }

  @Test
  void anExecutableNamedPngIsRefused() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    RejectedFileException e =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("cat.png", exe));
    assertEquals("unsupported-media-type", e.code());
    assertFalse(AttachmentInspector.ALLOWED.contains(inspector.detect(exe)));
  }

  @Test
  void textAndPdfPassUnchanged() {
    byte[] text = "卡密无效 / the key is invalid\nerror 0x80070005\n".getBytes(StandardCharsets.UTF_8);
    Inspected t = inspector.inspect("error.txt", text);
    assertEquals("text/plain", t.contentType());
    assertArrayEquals(text, t.bytes());

    byte[] pdf =
        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals("application/pdf", inspector.inspect("receipt.png", pdf).contentType());
  }

  @Test
  void anEmptyFileIsRefused() {
    RejectedFileException e =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("a.txt", new byte[0]));
    assertEquals("validation", e.code());
  }

  @Test
  void jpegLosesItsExifBlockWithTheGpsPosition() throws Exception {
    byte[] plain = image("jpeg");
    byte[] withExif = withApp1(plain, exifWithGps());
    assertTrue(hasApp1(withExif), "the test image carries EXIF");
    assertEquals("image/jpeg", inspector.detect(withExif));

    Inspected out = inspector.inspect("photo.jpg", withExif);
    assertEquals("image/jpeg", out.contentType());
    assertFalse(hasApp1(out.bytes()), "no APP1 (EXIF/XMP) segment is left");
    assertFalse(contains(out.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)));
    BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(out.bytes()));
    assertEquals(40, back.getWidth());
    assertEquals(30, back.getHeight());
  }

  @Test
  void pngLosesItsTextChunks() throws Exception {
    byte[] png = withTextChunk(image("png"), "Comment", "GPS 31.2304N 121.4737E");
    assertTrue(contains(png, "tEXt".getBytes(StandardCharsets.US_ASCII)));
    Inspected out = inspector.inspect("shot.png", png);
    assertFalse(contains(out.bytes(), "tEXt".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(contains(out.bytes(), "GPS".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void webpLosesItsExifAndXmpChunks() {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP and alpha flags
    byte[] image = new byte[] {1, 2, 3, 4, 5}; // odd size: padded
    byte[] webp =
        riff(
            chunk("VP8X", vp8x),
            chunk("VP8L", image),
            chunk("EXIF", "MM\0*GPSLatitude".getBytes(StandardCharsets.US_ASCII)),
            chunk("XMP ", "<x:xmpmeta/>".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("image/webp", inspector.detect(webp));

    Inspected out = inspector.inspect("photo.webp", webp);
    assertEquals("image/webp", out.contentType());
    assertFalse(contains(out.bytes(), "GPS".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(contains(out.bytes(), "xmpmeta".getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals(riff(chunk("VP8X", flagged(vp8x, 0x10)), chunk("VP8L", image)), out.bytes());
  }

  @Test
  void sha256IsOfTheStoredBytes() throws Exception {
    byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
    Inspected t = inspector.inspect("a.txt", text);
    assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", t.sha256());
    assertEquals(5, t.size());

    Inspected jpeg = inspector.inspect("p.jpg", withApp1(image("jpeg"), exifWithGps()));
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg.bytes()));
    assertEquals(expected, jpeg.sha256());
  }

  @Test
  void aBrokenImageIsRefused() {
    byte[] broken = new byte[64];
    broken[0] = (byte) 0x89;
    System.arraycopy("PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1), 0, broken, 1, 7);
    RejectedFileException e =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("x.png", broken));
    assertEquals("validation", e.code());
  }

  @Test
  void anImageThatWouldUnpackPastTheMemoryCapIsRefusedBeforeDecoding() {
    // 4000 x 4000 pixels of 16-bit RGBA: a few hundred bytes on disk, 128 MB decoded
    byte[] deep = pngHeaderOnly(4000, 4000, 16, 6);
    RejectedFileException e =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("big.png", deep));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());

    // the same size in 8-bit RGBA is 64 MB: allowed to decode (and then refused as broken)
    byte[] shallow = pngHeaderOnly(4000, 4000, 8, 6);
    RejectedFileException broken =
        assertThrows(RejectedFileException.class, () -> inspector.inspect("ok.png", shallow));
    assertTrue(broken.getMessage().contains("cannot be read"), broken.getMessage());
  }

  /** A PNG signature, an IHDR chunk and an empty IDAT and IEND: a header with no pixels. */
  static byte[] pngHeaderOnly(int width, int height, int bitDepth, int colourType) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType);
    ihdr.put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.writeBytes(pngChunk("IHDR", ihdr.array()));
    out.writeBytes(pngChunk("IDAT", new byte[0]));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  static byte[] pngChunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(name)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 40, 30);
    g.setColor(Color.BLUE);
    g.drawLine(0, 0, 39, 29);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** An EXIF APP1 payload: a big-endian TIFF header, IFD0 pointing to a GPS IFD with a latitude. */
  static byte[] exifWithGps() {
    ByteBuffer tiff = ByteBuffer.allocate(64);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: one entry, GPSInfo (0x8825) -> offset 26
    tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
    tiff.putInt(0);
    // GPS IFD at 26: GPSLatitudeRef = 'N'
    tiff.putShort((short) 1).putShort((short) 1).putShort((short) 2).putInt(2);
    tiff.put(new byte[] {'N', 0, 0, 0});
    tiff.putInt(0);
    byte[] body = new byte[tiff.position()];
    tiff.flip().get(body);
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[header.length + body.length];
    System.arraycopy(header, 0, payload, 0, header.length);
    System.arraycopy(body, 0, payload, header.length, body.length);
    return payload;
  }

  static byte[] withApp1(byte[] jpeg, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    int len = payload.length + 2;
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xFF);
    out.write(payload, 0, payload.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Whether a JPEG has an APP1 segment before its image data. */
  static boolean hasApp1(byte[] jpeg) {
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xDA) {
        return false;
      }
      if (marker == 0xE1) {
        return true;
      }
      int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      i += 2 + len;
    }
    return false;
  }

  static byte[] withTextChunk(byte[] png, String key, String value) {
    byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data);
    int iend = png.length - 12;
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, iend);
    out.write(chunk.array(), 0, chunk.capacity());
    out.write(png, iend, 12);
    return out.toByteArray();
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static byte[] flagged(byte[] vp8x, int flags) {
    byte[] copy = vp8x.clone();
    copy[0] = (byte) flags;
    return copy;
  }

  static byte[] chunk(String fourcc, byte[] data) {
    ByteBuffer b =
        ByteBuffer.allocate(8 + data.length + (data.length & 1))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }

  static byte[] riff(byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    for (byte[] c : chunks) {
      body.writeBytes(c);
    }
    ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size()).put(body.toByteArray());
    return b.array();
  }
}
