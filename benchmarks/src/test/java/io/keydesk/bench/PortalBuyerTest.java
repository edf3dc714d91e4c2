package io.keydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PortalBuyerTest {
  private static final Document START =
      Jsoup.parse(
          "<html><body><form id=\"lang\" name=\"lang\" method=\"post\" action=\"/index.xhtml\">"
              + "<input type=\"hidden\" name=\"lang\" value=\"lang\">"
              + "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" value=\"-1:2\"></form>"
              + "<form id=\"find\" name=\"find\" method=\"post\" action=\"/index.xhtml;x=1\">"
              + "<input type=\"hidden\" name=\"find\" value=\"find\">"
              + "<input id=\"find:orderNo\" name=\"find:orderNo\" type=\"text\">"
              + "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" value=\"-1:3\"></form>"
              + "<div id=\"plain\"></div></body></html>");

  @Test
  void aFormPostsItsOwnHiddenFieldsAndViewState() {
    Map<String, String> fields = PortalBuyer.formFields(START, "find");

    assertEquals(Map.of("find", "find", PortalBuyer.VIEW_STATE, "-1:3"), fields);
    assertEquals("/index.xhtml;x=1", PortalBuyer.formAction(START, "find"));
  }

  @Test
  void aMissingFormOrViewStateFailsTheJourney() {
    assertThrows(IllegalStateException.class, () -> PortalBuyer.formFields(START, "nav"));
    assertThrows(IllegalStateException.class, () -> PortalBuyer.formFields(START, "plain"));
    Document noState = Jsoup.parse("<form id=\"f\" action=\"/x\"></form>");
    assertThrows(IllegalStateException.class, () -> PortalBuyer.formFields(noState, "f"));
  }

  @Test
  void fieldsAreUrlEncodedInOrder() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("find:orderNo", "A 1&2");
    fields.put(PortalBuyer.VIEW_STATE, "-1:3");

    assertEquals(
        "find%3AorderNo=A+1%262&jakarta.faces.ViewState=-1%3A3", PortalBuyer.urlEncoded(fields));
  }
}
