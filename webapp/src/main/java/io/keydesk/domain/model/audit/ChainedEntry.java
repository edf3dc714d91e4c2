package io.keydesk.domain.model.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One link of the chain: entry {@code seq} carries the hash of entry {@code seq - 1} and its own
 * hash over its number, its content and that previous hash.
 */
public record ChainedEntry(long seq, AuditRecord record, String prevHash, String hash) {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  /** The entry that follows {@code prevSeq}/{@code prevHash}. */
  public static ChainedEntry after(long prevSeq, String prevHash, AuditRecord record) {
    long seq = prevSeq + 1;
    return new ChainedEntry(seq, record, prevHash, hashOf(seq, record, prevHash));
  }

  /** True when the stored hash is the hash of the stored content. */
  public boolean sealed() {
    return hash.equals(hashOf(seq, record, prevHash));
  }

  /**
   * SHA-256 over every field, each prefixed with its length so that no two different entries can
   * produce the same input.
   */
  public static String hashOf(long seq, AuditRecord r, String prevHash) {
    StringBuilder in = new StringBuilder();
    for (String field :
        new String[] {
          Long.toString(seq),
          AT.format(LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC)),
          r.actorType(),
          r.actorName(),
          r.action(),
          r.subjectType(),
          r.subjectId(),
          r.details(),
          prevHash
        }) {
      in.append(field.length()).append(':').append(field).append(';');
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.toString().getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
