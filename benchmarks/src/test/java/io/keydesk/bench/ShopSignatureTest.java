package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShopSignatureTest {
  @Test
  void signsTimestampDotBodyAsDocsApiMdShows() {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
    assertEquals(
        "sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940",
        ShopSignature.sign("s3cret", 1_700_000_000L, "{\"a\":1}"));
  }
}
