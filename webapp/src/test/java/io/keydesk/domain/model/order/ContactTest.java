package io.keydesk.domain.model.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the buyer types must match what the shop sent. */
class ContactTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "buyer@example.com|buyer@example.com",
        "  Buyer@Example.COM  |buyer@example.com",
        "BUYER@EXAMPLE.COM|buyer@example.com",
        "13800138000|13800138000",
        "138 0013 8000|13800138000",
        "138-0013-8000|13800138000",
        "+86 138-0013-8000|+8613800138000",
        "(010) 6552.9988|01065529988",
        "  13800138000\t|13800138000"
      })
  void inputIsNormalised(String raw, String expected) {
    assertEquals(Optional.of(new Contact(expected)), Contact.parse(raw));
  }

  @Test
  void theSameBuyerTypedTwoWaysIsOneContact() {
    assertEquals(Contact.parse("Buyer@Example.com"), Contact.parse("buyer@example.COM "));
    assertEquals(Contact.parse("138-0013-8000"), Contact.parse("138 0013 8000"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13800138000|+86 138 0013 8000|true",
        "+8613800138000|13800138000|true",
        "8613800138000|+86 138 0013 8000|true",
        "(010) 6552-9988|+86 10 6552 9988|true",
        "buyer@example.com|BUYER@example.com|true",
        "13800138001|+86 138 0013 8000|false",
        "3800138000|13800138000|false",
        "+1 13800138000|+86 138 0013 8000|false",
        "38000|+86 138 0013 8000|false",
        "13800138000|13800138000@example.com|false"
      })
  void aTypedContactNamesTheStoredOneWithOrWithoutCountryCode(
      String typed, String stored, boolean same) {
    Contact given = Contact.parse(typed).orElseThrow();
    Contact shop = Contact.parse(stored).orElseThrow();
    assertEquals(same, given.designates(shop), typed + " ~ " + stored);
    assertEquals(same, shop.designates(given), stored + " ~ " + typed);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "hello",
        "buyer@",
        "@example.com",
        "buyer@example",
        "buyer@@example.com",
        "bu yer@example.com",
        "buyer@exa mple.com",
        "1234",
        "123456789012345678901",
        "138-0013-80OO",
        "++8613800138000",
        "86+13800138000",
        "13800138000; DROP TABLE"
      })
  void garbageIsRefused(String raw) {
    assertEquals(Optional.empty(), Contact.parse(raw));
  }

  @Test
  void overlongAddressesAreRefused() {
    String local = "a".repeat(64);
    String domain = "b".repeat(190) + ".example.com";

    assertTrue(Contact.parse(local + "@example.com").isPresent());
    assertEquals(Optional.empty(), Contact.parse("a".repeat(65) + "@example.com"));
    assertEquals(Optional.empty(), Contact.parse(local + "@" + domain));
  }

  @Test
  void anEmailIsMaskedToItsFirstLetterAndDomain() {
    Contact c = Contact.parse("Buyer@Example.com").orElseThrow();

    assertTrue(c.isEmail());
    assertEquals("b***@example.com", c.masked());
  }

  @Test
  void aPhoneNumberIsMaskedToItsLastFourDigits() {
    Contact c = Contact.parse("+86 138-0013-8000").orElseThrow();

    assertFalse(c.isEmail());
    assertEquals("***8000", c.masked());
  }

  @Test
  void toStringNeverShowsTheWholeContact() {
    Contact email = Contact.parse("buyer@example.com").orElseThrow();
    Contact phone = Contact.parse("13800138000").orElseThrow();

    assertEquals(email.masked(), email.toString());
    assertFalse(email.toString().contains("buyer"));
    assertFalse(phone.toString().contains("1380013"));
  }
}
