package io.keydesk.domain.model.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentNameTest {
  @Test
  void keepsOnlyTheLastPathSegmentWithoutControlCharacters() {
    assertEquals("passwd", Attachment.sanitiseName("../../etc/passwd"));
    assertEquals("shot.png", Attachment.sanitiseName("C:\\Users\\me\\shot.png"));
    assertEquals("ab.txt", Attachment.sanitiseName("a\r\nb.txt"));
    assertEquals("截图.png", Attachment.sanitiseName("截图.png"));
    assertEquals("a.png", Attachment.sanitiseName("\"a.png\""));
    assertEquals("htaccess", Attachment.sanitiseName(".htaccess"));
  }

  @Test
  void fallsBackToFileAndCapsTheLength() {
    assertEquals("file", Attachment.sanitiseName(null));
    assertEquals("file", Attachment.sanitiseName(" / "));
    String longName = "x".repeat(300) + ".png";
    assertEquals(Attachment.MAX_NAME, Attachment.sanitiseName(longName).length());
    assertTrue(Attachment.sanitiseName("😀".repeat(150)).length() <= Attachment.MAX_NAME);
  }
}
