package io.keydesk.domain.model.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment bytes live, by storage name. */
public interface AttachmentStore {
  /** Writes the bytes under a new random name and returns that name. */
  String write(byte[] bytes) throws IOException;

  /** Opens a stored file. */
  InputStream open(String storageName) throws IOException;

  /** Removes a stored file, if it is there (clean-up after a failed request). */
  void delete(String storageName);
}
