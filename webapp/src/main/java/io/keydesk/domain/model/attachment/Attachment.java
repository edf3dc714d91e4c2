package io.keydesk.domain.model.attachment;

import static io.keydesk.domain.shared.Checks.notBlank;
import static io.keydesk.domain.shared.Checks.notNull;

import io.keydesk.domain.model.ticket.Ticket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;

/** One file attached to a ticket. Immutable once stored. */
@Entity
@Table(name = "attachment")
@NamedQuery(
    name = "Attachment.ofTicket",
    query = "SELECT a FROM Attachment a WHERE a.ticket = :ticket ORDER BY a.id")
@NamedQuery(
    name = "Attachment.byPublicId",
    query = "SELECT a FROM Attachment a WHERE a.ticket = :ticket AND a.publicId = :publicId")
public class Attachment {
  /** Who attached the file. */
  public enum UploadedBy {
    BUYER,
    STAFF
  }

  public static final int MAX_NAME = 200;
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PUBLIC_ID = Pattern.compile("[0-9a-f]{32}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Column(name = "public_id")
  private String publicId;

  @Column(name = "original_name")
  private String originalName;

  @Column(name = "content_type")
  private String contentType;

  @Column(name = "size_bytes")
  private long size;

  @Column(name = "sha256")
  private String sha256;

  @Column(name = "storage_name")
  private String storageName;

  @Enumerated(EnumType.STRING)
  @Column(name = "uploaded_by")
  private UploadedBy uploadedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Attachment() {}

  public Attachment(
      Ticket ticket,
      String publicId,
      String originalName,
      String contentType,
      long size,
      String sha256,
      String storageName,
      UploadedBy uploadedBy,
      Instant createdAt) {
    this.ticket = notNull(ticket, "ticket");
    this.publicId = notBlank(publicId, "publicId", 32);
    if (!PUBLIC_ID.matcher(publicId).matches()) {
      throw new IllegalArgumentException("publicId must be 32 hex digits");
    }
    this.originalName = notBlank(originalName, "originalName", MAX_NAME);
    this.contentType = notBlank(contentType, "contentType", 100);
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    this.size = size;
    this.sha256 = notBlank(sha256, "sha256", 64);
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    this.storageName = notBlank(storageName, "storageName", 80);
    this.uploadedBy = notNull(uploadedBy, "uploadedBy");
    this.createdAt = notNull(createdAt, "createdAt");
  }

  /**
   * A client's file name made safe to store and to send back in a header: the last path segment,
   * control characters, invisible format characters (right-to-left overrides that show {@code
   * "invoice\u202Egnp.exe"} as "invoiceexe.png", zero-width spaces) and path separators removed, at
   * most {@value #MAX_NAME} characters; {@code "file"} when nothing is left.
   */
  public static String sanitiseName(String name) {
    if (name == null) {
      return "file";
    }
    String last = name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder();
    last.codePoints()
        .filter(
            c ->
                !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT
                    && c != '"'
                    && Character.isDefined(c))
        .forEach(out::appendCodePoint);
    String clean = out.toString().strip();
    while (clean.startsWith(".")) {
      clean = clean.substring(1);
    }
    if (clean.isBlank()) {
      return "file";
    }
    if (clean.length() > MAX_NAME) {
      int end = MAX_NAME;
      if (Character.isHighSurrogate(clean.charAt(end - 1))) {
        end--;
      }
      clean = clean.substring(0, end);
    }
    return clean;
  }

  /** The file name extensions that fit each stored type, the usual one first. */
  private static final java.util.Map<String, java.util.List<String>> EXTENSIONS =
      java.util.Map.of(
          "image/png", java.util.List.of("png"),
          "image/jpeg", java.util.List.of("jpg", "jpeg", "jpe"),
          "image/webp", java.util.List.of("webp"),
          "image/gif", java.util.List.of("gif"),
          "application/pdf", java.util.List.of("pdf"),
          "text/plain", java.util.List.of("txt", "text", "log"));

  /**
   * The name a file is kept and sent under: {@code name} (already {@linkplain #sanitiseName
   * sanitised}) when its extension fits {@code contentType}, which Keydesk decided from the bytes;
   * otherwise the type's extension appended, so that a text file sent as {@code run.bat} or {@code
   * photo.png} is downloaded as {@code run.bat.txt} or {@code photo.png.txt} and no program opens
   * it for what its name pretends.
   */
  public static String nameFor(String name, String contentType) {
    java.util.List<String> fits = EXTENSIONS.get(contentType);
    if (fits == null) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    if (fits.contains(extension)) {
      return name;
    }
    String suffix = "." + fits.get(0);
    String base = name;
    if (base.length() + suffix.length() > MAX_NAME) {
      int end = MAX_NAME - suffix.length();
      if (Character.isHighSurrogate(base.charAt(end - 1))) {
        end--;
      }
      base = base.substring(0, end);
    }
    return base + suffix;
  }

  /**
   * The name a stored file is listed and downloaded under: {@link #nameFor} of its stored name,
   * cleaned again so that files stored before a rule was added follow it too.
   */
  public static String shownName(String storedName, String contentType) {
    return nameFor(sanitiseName(storedName), contentType);
  }

  public Long id() {
    return id;
  }

  public Ticket ticket() {
    return ticket;
  }

  public String publicId() {
    return publicId;
  }

  public String originalName() {
    return originalName;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String storageName() {
    return storageName;
  }

  public UploadedBy uploadedBy() {
    return uploadedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
