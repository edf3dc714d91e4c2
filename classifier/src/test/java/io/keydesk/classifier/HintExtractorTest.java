package io.keydesk.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.classifier.Hint.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HintExtractorTest {
  private final HintExtractor hints = new HintExtractor();

  private List<String> values(String text, Type type) {
    return hints.extract(text).stream().filter(h -> h.type() == type).map(Hint::value).toList();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "兑换报错 E-102 请问怎么回事 | E-102",
        "redeem fails with error code 0x80070005 | 0x80070005",
        "Xbox: 0x87e10bef again | 0x87E10BEF",
        "Getting CE-34878-0 every time | CE-34878-0",
        "Steam shows error code: 118 | 118",
        "错误代码：53 | 53",
        "报错码是 err_42 | ERR_42",
        "Nintendo eShop: error 2813-0003 | 2813-0003",
      })
  void errorCodes(String text, String code) {
    assertEquals(List.of(code), values(text, Type.ERROR_CODE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my code ABCD-E1234-FGHIJ does not work",
        "key XE123-99999-ABCDE is invalid",
        "the code 1234-5678-9012-3456 fails",
        "order A-1001 paid 200 CNY",
        "I typed E1234X5678 and it failed",
      })
  void keysAndOrderNumbersAreNeverTakenForErrorCodes(String text) {
    assertEquals(List.of(), values(text, Type.ERROR_CODE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "code already redeemed",
        "It says the code has already been redeemed",
        "this key was already used",
        "Xbox says this code was redeemed already",
        "卡密提示已被使用",
        "兑换的时候显示此代码已被兑换",
        "充值卡显示已使用",
        "刚买的码就被人用过了",
        "显示已经激活",
        "这个码已经被redeem了",
        "提示已经 used，没法用",
      })
  void alreadyUsed(String text) {
    assertEquals(1, values(text, Type.ALREADY_USED).size(), () -> hints.extract(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"I used to buy here", "我已经付款了", "已充值但没到账", "How do I use this card?"})
  void usingIsNotAlreadyUsed(String text) {
    assertEquals(List.of(), values(text, Type.ALREADY_USED));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "扣了两次款",
        "微信支付扣了2次钱，只收到一个卡密",
        "同一个订单重复扣款了，请退一笔",
        "我付了两遍",
        "银行卡被扣了两次",
        "多扣了一笔钱",
        "两笔扣款 一样的金额",
        "I was charged twice for one gift card",
        "you double charged me",
        "My card shows a duplicate payment of 98 CNY",
        "paid 2 times by accident, the page froze",
        "Alipay took two payments for the same order",
        "支付宝扣了三次钱",
        "银行卡上有两笔一样的扣款",
        "I see two pending charges of 19.99",
        "my card has 3 holds on it for a single order",
        "billed three times for one key",
        "kou le liang ci qian",
      })
  void chargedTwice(String text) {
    assertEquals(1, values(text, Type.CHARGED_TWICE).size(), () -> hints.extract(text).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I was not charged twice, just once, but got no key",
        "我没有扣两次款，只是没收到卡密",
        "付款成功但没有订单",
        "I tried twice to redeem it",
        "已经兑换两次都失败",
        "paid but the order never showed up",
        "付款失败了三次，换了张卡才成功",
        "I have two payment methods saved",
      })
  void notChargedTwice(String text) {
    assertEquals(List.of(), values(text, Type.CHARGED_TWICE));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "提示锁区，用不了 | LOCKED",
        "region locked, can't activate | LOCKED",
        "This code is not available in your region | LOCKED",
        "国区账号兑换不了 | CN",
        "本来要买美区的 | US",
        "港区的卡 | HK",
        "Need the US version | US",
        "my EU account | EU",
        "a Hong Kong account | HK",
        "土耳其区的卡 | TR",
        "买了PSN港服的卡 | HK",
      })
  void regions(String text, String region) {
    assertEquals(List.of(region), values(text, Type.REGION));
  }

  @Test
  void aWrongRegionChoiceIsNotALock() {
    assertEquals(List.of("US"), values("I ordered the wrong region, need the US one", Type.REGION));
  }

  @Test
  void aShoutedUsIsNotARegion() {
    assertEquals(List.of(), values("PLEASE HELP US NOW", Type.REGION));
    assertEquals(List.of(), values("tell us what happened", Type.REGION));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "steam钱包码怎么充值 | Steam",
        "PSN card | PlayStation",
        "my Xbox Game Pass code | Xbox",
        "App Store充值卡 | App Store",
        "google play gift card | Google Play",
        "Netflix礼品卡 | Netflix",
        "spotify code | Spotify",
        "win10密钥 | Windows",
        "Office 365 key | Office",
        "任天堂点卡 | Nintendo",
        "PS Plus Extra 会员 | PlayStation",
        "微软主机的充值卡 | Xbox",
      })
  void platforms(String text, String platform) {
    assertEquals(List.of(platform), values(text, Type.PLATFORM));
  }

  @Test
  void ordinaryWordsAreNotPlatforms() {
    assertEquals(
        List.of(), values("can I switch to another edition? in other words, swap", Type.PLATFORM));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "买了100元的App Store充值卡 | 100 CNY",
        "扣了￥298 | 298 CNY",
        "I paid $25 | 25 USD",
        "charged 49.99 USD twice | 49.99 USD",
        "€19,99 were taken | 19.99 EUR",
        "少退了10块 | 10 CNY",
        "花了五十元 | 五十 CNY",
        "HK$100 card | 100 HKD",
        "充了20刀的卡 | 20 USD",
      })
  void amounts(String text, String amount) {
    assertEquals(List.of(amount), values(text, Type.AMOUNT));
  }

  @Test
  void hintsAreGroupedByTypeAndListedOnce() {
    List<Hint> found =
        hints.extract("Steam 美区 code already redeemed, E-102, E-102 again, paid $20, steam again");
    assertEquals(
        List.of(
            new Hint(Type.ERROR_CODE, "E-102"),
            new Hint(Type.ALREADY_USED, "already redeemed"),
            new Hint(Type.REGION, "US"),
            new Hint(Type.PLATFORM, "Steam"),
            new Hint(Type.AMOUNT, "20 USD")),
        found);
  }

  @Test
  void aStrokeInAGameIsNoAmount() {
    assertEquals(List.of(), values("一刀就没了，这个礼包码是干嘛的", Type.AMOUNT));
  }

  @Test
  void plainTextHasNoHints() {
    assertTrue(hints.extract("你好，请问在吗").isEmpty());
  }

  @Test
  void blankTextIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> hints.extract(" "));
    assertThrows(IllegalArgumentException.class, () -> hints.extract(null));
  }
}
