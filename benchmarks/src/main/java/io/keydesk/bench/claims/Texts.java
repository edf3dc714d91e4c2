package io.keydesk.bench.claims;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** What simulated buyers write, per category, in Chinese and English. */
final class Texts {
  private Texts() {}

  private static final Map<String, List<String>> ZH =
      Map.of(
          "NOT_RECEIVED",
          List.of("付款成功了但是没收到卡密", "邮箱里找不到卡密，麻烦看一下", "订单显示已付款，卡密在哪里看？"),
          "INVALID_KEY",
          List.of("买的卡不能用，提示无效", "兑换的时候说卡密无效", "充值码输入后提示错误"),
          "WRONG_PURCHASE",
          List.of("买错了，想退款", "拍错商品了，还没用过，能退吗", "本来想买另一个面值的"),
          "USAGE_HELP",
          List.of("这个卡密怎么兑换？", "在哪里输入充值码？", "兑换步骤是什么"),
          "PAYMENT_ISSUE",
          List.of("被扣了两次钱", "付款成功但订单显示未支付", "支付宝扣款了没有订单"),
          "OTHER",
          List.of("想开发票", "可以换成别的商品吗", "咨询一下批量购买"));

  private static final Map<String, List<String>> EN =
      Map.of(
          "NOT_RECEIVED",
          List.of(
              "I paid but never got my key",
              "The key is not in my mailbox, please check",
              "Order is paid, where do I find the code?"),
          "INVALID_KEY",
          List.of(
              "The key I bought does not work",
              "Redeeming says the code is invalid",
              "Error when I enter the code"),
          "WRONG_PURCHASE",
          List.of(
              "I bought the wrong product, please refund",
              "Wrong item, I have not used it",
              "I meant to buy another amount"),
          "USAGE_HELP",
          List.of("How do I redeem this key?", "Where do I enter the code?", "Steps to redeem?"),
          "PAYMENT_ISSUE",
          List.of(
              "I was charged twice", "Paid but the order says unpaid", "Money taken but no order"),
          "OTHER",
          List.of("I need an invoice", "Can I swap for another product?", "Question about bulk"));

  private static final List<String> ERRORS_ZH = List.of("兑换码无效", "此代码无效或已被使用", "无法识别的代码");
  private static final List<String> ERRORS_EN =
      List.of("The code you entered is not valid", "This code is invalid or already used");

  /** The payment texts that say the purchase was paid twice (one per language). */
  private static final java.util.Set<String> PAID_TWICE =
      java.util.Set.of("被扣了两次钱", "I was charged twice");

  /** Whether the buyer's text says the purchase was paid twice. */
  static boolean saysPaidTwice(String description) {
    return PAID_TWICE.contains(description);
  }

  static String description(String category, String language, Random random) {
    List<String> texts = ("zh-CN".equals(language) ? ZH : EN).get(category);
    return texts.get(random.nextInt(texts.size()));
  }

  static String errorText(String language, Random random) {
    List<String> texts = "zh-CN".equals(language) ? ERRORS_ZH : ERRORS_EN;
    return texts.get(random.nextInt(texts.size()));
  }
}
