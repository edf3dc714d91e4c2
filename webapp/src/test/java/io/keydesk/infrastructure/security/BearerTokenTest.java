package io.keydesk.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"Bearer kdb_abc", "bearer kdb_abc", "BEARER kdb_abc", "Bearer   kdb_abc "})
  void theSchemeIsReadWhateverItsCase(String header) {
    assertEquals(Optional.of("kdb_abc"), BearerToken.from(header));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic a2Rfa2V5", "Bearerkdb_abc", "kdb_abc"})
  void anythingElseHasNoToken(String header) {
    assertEquals(Optional.empty(), BearerToken.from(header));
  }

  @Test
  void onlyTheSchemeIsCaseInsensitiveNotTheToken() {
    assertEquals(Optional.of("KDB_Abc"), BearerToken.from("bearer KDB_Abc"));
  }
}
