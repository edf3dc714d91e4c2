package io.keydesk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keydesk.it.Api.Answer;
import io.keydesk.it.Api.FilePart;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Evidence files on a ticket: upload, list, download, limits, types and who may see them. */
class AttachmentsIT extends ApiIT {
  private static final byte[] TEXT =
      "支付后提示卡密无效 / the shop says the key is invalid\n".getBytes(StandardCharsets.UTF_8);

  private record Filed(String ticketNo, String buyer) {}

  private Filed fileTicket() {
    String orderNo = Api.unique("ATT");
    String contact = orderNo.toLowerCase() + "@example.com";
    api.importOrder(orderNo, contact, "ATT-SKU", "K-" + orderNo);
    String buyer = api.buyerToken(orderNo, contact);
    Answer filed =
        api.post(
            "/api/v1/tickets",
            "{\"orderNo\":\""
                + orderNo
                + "\",\"category\":\"OTHER\",\"description\":\"Screenshot of the error attached\"}",
            Api.bearer(buyer));
    assertEquals(201, filed.status(), filed.body());
    return new Filed(filed.json().getString("ticketNo"), buyer);
  }

  private static String path(Filed t) {
    return "/api/v1/tickets/" + t.ticketNo() + "/attachments";
  }

  @Test
  void uploadedFilesAreListedWithTheirHashAndDownloadUnchanged() throws Exception {
    Filed t = fileTicket();
    byte[] png = Images.png();
    Answer up =
        api.multipart(
            path(t),
            List.of(
                FilePart.file("错误截图.png", "image/png", png),
                FilePart.file("error.txt", "text/plain", TEXT)),
            Api.bearer(t.buyer()));
    assertEquals(201, up.status(), up.body());
    assertEquals(2, up.array().size());

    Answer list = api.get(path(t), Api.bearer(t.buyer()));
    assertEquals(200, list.status(), list.body());
    JsonArray files = list.array();
    assertEquals(2, files.size());
    JsonObject image = byName(files, "错误截图.png");
    JsonObject text = byName(files, "error.txt");
    assertEquals("image/png", image.getString("type"));
    assertEquals("text/plain", text.getString("type"));
    assertEquals(sha256(TEXT), text.getString("sha256"));
    assertEquals(TEXT.length, text.getJsonNumber("size").longValue());
    assertTrue(image.getString("sha256").matches("[0-9a-f]{64}"));
    assertTrue(image.getString("id").matches("[0-9a-f]{32}"));

    HttpResponse<byte[]> txt =
        api.getBytes(path(t) + "/" + text.getString("id"), Api.bearer(t.buyer()));
    assertEquals(200, txt.statusCode());
    assertArrayEquals(TEXT, txt.body());
    assertEquals("nosniff", txt.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("no-store", txt.headers().firstValue("Cache-Control").orElse(null));
    assertEquals(
        "attachment; filename*=UTF-8''error.txt",
        txt.headers().firstValue("Content-Disposition").orElse(null));
    assertTrue(txt.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));

    HttpResponse<byte[]> img =
        api.getBytes(path(t) + "/" + image.getString("id"), Api.bearer(t.buyer()));
    assertEquals(200, img.statusCode());
    assertEquals(image.getString("sha256"), sha256(img.body()), "the hash is of the stored bytes");
    assertEquals(
        "attachment; filename*=UTF-8''%E9%94%99%E8%AF%AF%E6%88%AA%E5%9B%BE.png",
        img.headers().firstValue("Content-Disposition").orElse(null));
    assertTrue(img.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));

    JsonObject ticket = api.get("/api/v1/tickets/" + t.ticketNo(), Api.bearer(t.buyer())).json();
    assertTrue(ticket.toString().contains("2 files attached"), ticket.toString());
  }

  @Test
  void sixFilesAreTooManyAndNothingIsStored() throws Exception {
    Filed t = fileTicket();
    List<FilePart> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(FilePart.file("note" + i + ".txt", "text/plain", TEXT));
    }
    long before = storedFiles();
    Answer a = api.multipart(path(t), six, Api.bearer(t.buyer()));
    assertEquals(400, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"));
    assertEquals("file", a.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(0, api.get(path(t), Api.bearer(t.buyer())).array().size());
    assertEquals(before, storedFiles());
  }

  @Test
  void aFileOverTenMegabytesIsRefusedByName() {
    Filed t = fileTicket();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    Answer a =
        api.multipart(
            path(t),
            List.of(
                FilePart.file("ok.txt", "text/plain", TEXT),
                FilePart.file("huge.txt", "text/plain", big)),
            Api.bearer(t.buyer()));
    assertEquals(413, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"));
    assertTrue(a.json().getString("detail").contains("huge.txt"), a.body());
    assertEquals(0, api.get(path(t), Api.bearer(t.buyer())).array().size());
  }

  @Test
  void aWrongTypeRefusesTheWholeRequestAndNothingIsStored() throws Exception {
    Filed t = fileTicket();
    byte[] html =
        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    long before = storedFiles();
    Answer a =
        api.multipart(
            path(t),
            List.of(
                FilePart.file("fine.png", "image/png", Images.png()),
                FilePart.file("evil.png", "image/png", html)),
            Api.bearer(t.buyer()));
    assertEquals(415, a.status(), a.body());
    assertEquals("urn:keydesk:problem:unsupported-media-type", a.json().getString("type"));
    String detail = a.json().getString("detail");
    assertTrue(detail.contains("evil.png") && detail.contains("text/html"), detail);
    assertEquals(0, api.get(path(t), Api.bearer(t.buyer())).array().size());
    assertEquals(before, storedFiles(), "no file written");
    JsonObject ticket = api.get("/api/v1/tickets/" + t.ticketNo(), Api.bearer(t.buyer())).json();
    assertFalse(ticket.toString().contains("file attached"), "no timeline line either");
    assertFalse(ticket.toString().contains("files attached"), "no timeline line either");
  }

  @Test
  void anotherBuyerGetsNotFoundAndStaffCanDownload() {
    Filed t = fileTicket();
    Filed other = fileTicket();
    Answer up =
        api.multipart(
            path(t), List.of(FilePart.file("a.txt", "text/plain", TEXT)), Api.bearer(t.buyer()));
    assertEquals(201, up.status(), up.body());
    String id = up.array().getJsonObject(0).getString("id");

    assertEquals(404, api.get(path(t), Api.bearer(other.buyer())).status());
    assertEquals(404, api.getBytes(path(t) + "/" + id, Api.bearer(other.buyer())).statusCode());
    assertEquals(404, api.getBytes(path(other) + "/" + id, Api.bearer(other.buyer())).statusCode());
    Answer foreignUpload =
        api.multipart(
            path(t),
            List.of(FilePart.file("b.txt", "text/plain", TEXT)),
            Api.bearer(other.buyer()));
    assertEquals(404, foreignUpload.status(), foreignUpload.body());
    assertEquals(401, api.get(path(t), java.util.Map.of()).status());

    String agent = api.staffToken("agent", "agent-demo-pass");
    String ops = "/api/v1/ops/tickets/" + t.ticketNo() + "/attachments";
    Answer staffList = api.get(ops, Api.bearer(agent));
    assertEquals(200, staffList.status(), staffList.body());
    assertEquals(1, staffList.array().size());
    HttpResponse<byte[]> file = api.getBytes(ops + "/" + id, Api.bearer(agent));
    assertEquals(200, file.statusCode());
    assertArrayEquals(TEXT, file.body());
    assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(null));

    String supplier = api.staffToken("supplier", "supplier-demo-pass");
    assertEquals(403, api.get(ops, Api.bearer(supplier)).status());
  }

  @Test
  void aNameThatLiesAboutTheContentGetsTheExtensionOfWhatTheFileIs() {
    Filed t = fileTicket();
    Answer up =
        api.multipart(
            path(t),
            List.of(
                FilePart.file("run.bat", "application/octet-stream", TEXT),
                FilePart.file("invoice\u202Egnp.exe", "image/png", Images.png())),
            Api.bearer(t.buyer()));
    assertEquals(201, up.status(), up.body());
    JsonArray files = api.get(path(t), Api.bearer(t.buyer())).array();
    JsonObject text = byName(files, "run.bat.txt");
    assertEquals("text/plain", text.getString("type"));
    JsonObject image = byName(files, "invoicegnp.exe.png");
    assertEquals("image/png", image.getString("type"));
    HttpResponse<byte[]> download =
        api.getBytes(path(t) + "/" + text.getString("id"), Api.bearer(t.buyer()));
    assertEquals(
        "attachment; filename*=UTF-8''run.bat.txt",
        download.headers().firstValue("Content-Disposition").orElse(null));
  }

  private static JsonObject byName(JsonArray files, String name) {
    return files.stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + files));
  }

  private static long storedFiles() throws IOException {
    Path dir = Path.of(System.getProperty("it.attachments.dir", "target/it/attachments"));
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
