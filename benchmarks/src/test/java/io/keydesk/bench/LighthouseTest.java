package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LighthouseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode report(String audits, String a11yRefs) throws Exception {
    return JSON.readTree(
        ("{'categories':{'performance':{'score':0.905},'accessibility':{'score':0.87,"
                + "'auditRefs':["
                + a11yRefs
                + "]},'best-practices':{'score':1,'auditRefs':[]}},"
                + "'audits':{'total-byte-weight':{'numericValue':287744},"
                + "'first-contentful-paint':{'displayValue':'2.7 s'},"
                + audits
                + "}}")
            .replace('\'', '"'));
  }

  @Test
  void scoresBytesAndTheFailingAuditsThatCount() throws Exception {
    JsonNode lhr =
        report(
            "'color-contrast':{'id':'color-contrast','title':'Low contrast','score':0,"
                + "'details':{'items':[{'node':{'selector':'#actions\\\\:ask'}}]}},"
                + "'label':{'id':'label','title':'Labels','score':1},"
                + "'manual':{'id':'manual','title':'Manual','score':null},"
                + "'unweighted':{'id':'unweighted','title':'Not counted','score':0}",
            "{'id':'color-contrast','weight':7},{'id':'label','weight':7},"
                + "{'id':'manual','weight':0},{'id':'unweighted','weight':0}");

    Lighthouse.Result result = Lighthouse.parse("ticket", "http://x/", lhr);

    assertEquals(91, result.performance());
    assertEquals(87, result.accessibility());
    assertEquals(100, result.bestPractices());
    assertEquals(287744, result.totalBytes());
    assertEquals("2.7 s", result.metrics().get("first-contentful-paint"));
    assertEquals(
        List.of(
            new Lighthouse.Failure("color-contrast", "Low contrast", List.of("#actions\\:ask"))),
        result.accessibilityFailures());
    assertEquals(List.of(), result.bestPracticeFailures());
  }

  @Test
  void aRunThatFailedIsAnErrorNotAScoreOfZero() throws Exception {
    JsonNode failed =
        JSON.readTree(
            "{\"runtimeError\":{\"code\":\"NO_FCP\",\"message\":\"The page did not paint\"},"
                + "\"categories\":{},\"audits\":{}}");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Lighthouse.parse("landing", "u", failed));
    assertEquals("Lighthouse failed on landing: The page did not paint", e.getMessage());
  }
}
