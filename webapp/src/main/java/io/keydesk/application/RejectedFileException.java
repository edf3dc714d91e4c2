package io.keydesk.application;

import io.keydesk.domain.shared.DomainException;

/**
 * An uploaded file was refused: too large ({@code file-too-large}), of a type that is not allowed
 * ({@code unsupported-media-type}) or unreadable ({@code validation}). The whole request is
 * refused.
 */
public class RejectedFileException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String fileName;

  public RejectedFileException(String code, String fileName, String message) {
    super(code, message);
    this.fileName = fileName;
  }

  public static RejectedFileException tooLarge(String fileName, long limit) {
    return new RejectedFileException(
        "file-too-large", fileName, fileName + ": larger than " + limit + " bytes");
  }

  public static RejectedFileException wrongType(String fileName, String detected) {
    return new RejectedFileException(
        "unsupported-media-type",
        fileName,
        fileName
            + ": type "
            + detected
            + " is not allowed (PNG, JPEG, WebP, GIF, PDF or plain text only)");
  }

  public static RejectedFileException unreadable(String fileName, String why) {
    return new RejectedFileException("validation", fileName, fileName + ": " + why);
  }

  /** The client's name of the file (sanitised). */
  public String fileName() {
    return fileName;
  }
}
