package io.keydesk.bench.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydesk.bench.claims.Plan.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated shop's knowledge base, written by its admin through the API before the month starts
 * (demo data is off, so it starts empty): two general answers per category and a "how to redeem"
 * answer per product.
 */
final class HelpArticles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HelpArticles() {}

  /** The general answers, two per category. */
  static List<ObjectNode> general() {
    List<ObjectNode> articles = new ArrayList<>();
    articles.add(
        general(
            "NOT_RECEIVED",
            "没有收到卡密怎么办",
            "卡密在付款后立即发送到下单邮箱，请先检查垃圾邮件。也可以在订单页验证邮箱后再次查看卡密。",
            "I did not receive my key",
            "Keys are e-mailed the moment you pay; check your spam folder. You can also show the key"
                + " again on the order page after a one-time code.",
            "邮件",
            "spam"));
    articles.add(
        general(
            "NOT_RECEIVED",
            "在哪里查看已购买的卡密",
            "打开订单页，输入订单号和下单邮箱，点击“查看卡密”并输入验证码。",
            "Where do I find a key I bought?",
            "Open the order page with your order number and e-mail, choose 'show key' and enter"
                + " the code we send you.",
            "订单",
            "order"));
    articles.add(
        general(
            "INVALID_KEY",
            "提示卡密无效",
            "请确认没有输错字符（0 和 O、1 和 l），并确认账号所在地区与卡密地区一致。",
            "The key says it is invalid",
            "Check for typing mistakes (0 and O, 1 and l) and that your account's region matches"
                + " the key's region.",
            "无效",
            "invalid"));
    articles.add(
        general(
            "INVALID_KEY",
            "卡密提示已被使用",
            "如果卡密提示已被使用，请提交工单并附上错误截图，我们会与供应商核实。",
            "The key says it was already used",
            "If the key says it was already redeemed, file a case with a screenshot of the error;"
                + " we check it with the supplier.",
            "已使用",
            "used"));
    articles.add(
        general(
            "WRONG_PURCHASE",
            "买错了可以退款吗",
            "未查看过的卡密可以立即退款并退回库存；已查看的卡密需人工审核。",
            "Can I get a refund for a wrong purchase?",
            "A key you have never revealed is refunded at once; a revealed key is checked by an"
                + " agent.",
            "退款",
            "refund"));
    articles.add(
        general(
            "WRONG_PURCHASE",
            "如何换成其他面值",
            "请先申请退款，再重新购买需要的面值。",
            "How do I switch to another amount?",
            "Ask for a refund first, then buy the amount you need.",
            "面值",
            "amount"));
    articles.add(
        general(
            "PAYMENT_ISSUE",
            "重复扣款怎么办",
            "重复扣款通常会在 1–3 个工作日内自动退回；如未退回，请提交工单并附上付款记录。",
            "I was charged twice",
            "A double charge is usually returned within 1–3 working days; if not, file a case with"
                + " the payment record.",
            "扣款",
            "charged"));
    articles.add(
        general(
            "PAYMENT_ISSUE",
            "付款成功但订单未支付",
            "支付结果可能有延迟，请等待 10 分钟后刷新订单页。",
            "Paid but the order says unpaid",
            "Payment results can take a few minutes; refresh the order page after 10 minutes.",
            "支付",
            "paid"));
    articles.add(
        general(
            "USAGE_HELP",
            "卡密兑换通用步骤",
            "登录对应平台账号，找到“兑换码/充值卡”入口，输入卡密并确认。",
            "How to redeem a key",
            "Sign in to the platform, open 'redeem a code', enter the key and confirm.",
            "兑换",
            "redeem"));
    articles.add(
        general(
            "USAGE_HELP",
            "兑换后余额没有到账",
            "余额通常即时到账，请刷新钱包页面或重新登录。",
            "The balance did not show up",
            "Balances arrive at once; refresh the wallet page or sign in again.",
            "余额",
            "balance"));
    articles.add(
        general(
            "OTHER",
            "如何开具发票",
            "请在订单页申请电子发票，1 个工作日内发送到邮箱。",
            "How do I get an invoice?",
            "Ask for an e-invoice on the order page; it arrives by mail within a working day.",
            "发票",
            "invoice"));
    articles.add(
        general(
            "OTHER",
            "批量购买",
            "批量购买请联系客服获取报价。",
            "Buying in bulk",
            "For bulk purchases, contact us for a quote.",
            "批量",
            "bulk"));
    return articles;
  }

  /** How to redeem one product; written once Keydesk knows the product (its first order). */
  static ObjectNode forProduct(Product p) {
    ObjectNode a =
        general(
            "USAGE_HELP",
            "如何在 " + p.platform() + " 兑换 " + p.name(),
            "打开 " + p.platform() + "，登录账号，选择“兑换代码”，输入卡密后确认即可到账。",
            "How to redeem " + p.name() + " on " + p.platform(),
            "Open "
                + p.platform()
                + ", sign in, choose 'redeem a code', enter the key and"
                + " confirm.",
            p.platform(),
            "redeem");
    a.put("productSku", p.sku());
    a.put("sortWeight", 30);
    return a;
  }

  private static ObjectNode general(
      String category,
      String titleZh,
      String bodyZh,
      String titleEn,
      String bodyEn,
      String keywordZh,
      String keywordEn) {
    ObjectNode a = JSON.createObjectNode();
    a.put("category", category);
    a.put("titleZh", titleZh).put("bodyZh", bodyZh);
    a.put("titleEn", titleEn).put("bodyEn", bodyEn);
    a.putArray("keywords").add(keywordZh).add(keywordEn);
    a.put("published", true);
    a.put("sortWeight", 10);
    return a;
  }
}
