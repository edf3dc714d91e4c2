package io.keydesk.domain.model.reply;

import java.util.List;
import java.util.Optional;

/** Canned replies by id, by name and language, and all of them. */
public interface CannedReplyRepository {
  Optional<CannedReply> find(long id);

  Optional<CannedReply> find(String name, String language);

  List<CannedReply> all();

  CannedReply store(CannedReply reply);

  void remove(CannedReply reply);
}
