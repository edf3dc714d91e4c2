package io.keydesk.domain.model.category;

import java.util.List;
import java.util.Optional;

public interface CategoryRepository {
  Optional<Category> find(CategoryCode code);

  List<Category> all();

  /** Saves a changed category. */
  Category store(Category category);
}
