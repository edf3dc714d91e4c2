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

  @Test
  void dropsInvisibleCharactersThatDisguiseTheExtension() {
    assertEquals("invoicegnp.exe", Attachment.sanitiseName("invoice\u202Egnp.exe"));
    assertEquals("a.png", Attachment.sanitiseName("a\u200B.png"));
    assertEquals("b.pdf", Attachment.sanitiseName("\u2066b.pdf\u2069"));
  }

  @Test
  void theNameEndsInAnExtensionOfTheTypeDecidedFromTheContent() {
    assertEquals("shot.png", Attachment.nameFor("shot.png", "image/png"));
    assertEquals("shot.PNG", Attachment.nameFor("shot.PNG", "image/png"));
    assertEquals("photo.jpeg", Attachment.nameFor("photo.jpeg", "image/jpeg"));
    assertEquals("run.bat.txt", Attachment.nameFor("run.bat", "text/plain"));
    assertEquals("photo.png.txt", Attachment.nameFor("photo.png", "text/plain"));
    assertEquals("invoicegnp.exe.png", Attachment.nameFor("invoicegnp.exe", "image/png"));
    assertEquals("receipt.pdf", Attachment.nameFor("receipt", "application/pdf"));
    assertEquals("notes.log", Attachment.nameFor("notes.log", "text/plain"));
    String longName = Attachment.nameFor("x".repeat(Attachment.MAX_NAME), "image/gif");
    assertEquals(Attachment.MAX_NAME, longName.length());
    assertTrue(longName.endsWith(".gif"));
  }

  @Test
  void aFileStoredUnderAnOlderRuleIsShownUnderTheCurrentOne() {
    assertEquals("invoicegnp.exe.png", Attachment.shownName("invoice\u202Egnp.exe", "image/png"));
    assertEquals("shot.png", Attachment.shownName("shot.png", "image/png"));
  }
}
