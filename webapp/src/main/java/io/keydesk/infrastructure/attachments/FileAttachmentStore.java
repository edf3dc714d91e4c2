package io.keydesk.infrastructure.attachments;

import io.keydesk.domain.model.attachment.AttachmentStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attachment bytes in a directory outside the web root ({@code keydesk.attachments.dir}; by default
 * {@code keydesk-attachments} under the Payara instance root, or under {@code java.io.tmpdir} when
 * there is none). Files get random names; a file is written to a temporary name first and moved
 * into place, so a reader never sees half a file.
 */
@ApplicationScoped
public class FileAttachmentStore implements AttachmentStore {
  private static final Logger LOG = Logger.getLogger(FileAttachmentStore.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern NAME = Pattern.compile("[0-9a-f]{40}");

  @Inject
  @ConfigProperty(name = "keydesk.attachments.dir")
  Optional<String> configured;

  private Path dir;

  @PostConstruct
  void init() {
    dir =
        configured.filter(s -> !s.isBlank()).map(Path::of).orElseGet(FileAttachmentStore::fallback);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the attachments directory " + dir, e);
    }
    LOG.log(Level.INFO, "Attachments are stored in {0}", dir.toAbsolutePath());
  }

  private static Path fallback() {
    String root = System.getProperty("com.sun.aas.instanceRoot");
    return root != null
        ? Path.of(root, "keydesk-attachments")
        : Path.of(System.getProperty("java.io.tmpdir"), "keydesk-attachments");
  }

  /** The directory the files are in. */
  public Path directory() {
    return dir;
  }

  @Override
  public String write(byte[] bytes) throws IOException {
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    String name = HexFormat.of().formatHex(random);
    Path tmp = Files.createTempFile(dir, "upload-", ".part");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return name;
  }

  @Override
  public InputStream open(String storageName) throws IOException {
    return Files.newInputStream(resolve(storageName));
  }

  @Override
  public void delete(String storageName) {
    try {
      Files.deleteIfExists(resolve(storageName));
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "Could not delete attachment file {0}: {1}",
          new Object[] {storageName, e});
    }
  }

  private Path resolve(String storageName) {
    if (storageName == null || !NAME.matcher(storageName).matches()) {
      throw new IllegalArgumentException("not a storage name");
    }
    return dir.resolve(storageName);
  }
}
