package io.keydesk.interfaces.web;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.ArticleViews.AnswerView;
import io.keydesk.application.BuyerCaseActions;
import io.keydesk.application.BuyerTicketService;
import io.keydesk.application.CategoryNeededException;
import io.keydesk.application.ClaimProcessor;
import io.keydesk.application.FileTicket;
import io.keydesk.application.FunnelService;
import io.keydesk.application.FunnelStep;
import io.keydesk.application.KnowledgeBase;
import io.keydesk.application.RejectedFileException;
import io.keydesk.application.ReportSolved;
import io.keydesk.application.TicketAttachments;
import io.keydesk.application.TicketAttachments.CheckedFile;
import io.keydesk.application.TicketAttachments.Upload;
import io.keydesk.application.TooManyRequestsException;
import io.keydesk.application.Views.OrderView;
import io.keydesk.application.Views.TicketView;
import io.keydesk.classifier.Classification;
import io.keydesk.domain.model.category.CategoryCode;
import io.keydesk.domain.model.knowledge.Language;
import io.keydesk.domain.model.ticket.TicketStatus;
import io.keydesk.domain.shared.DomainException;
import io.keydesk.infrastructure.classification.TicketClassifier;
import io.keydesk.interfaces.rest.ClientAddress;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A buyer opens a case: the guided flow of novice mode (order → problem → help answers → details →
 * evidence → outcome, one question at a time) or, in expert mode, the same case on one page. "Talk
 * to a human" on every step files what was entered so far for an agent. Every step reports itself
 * to the abandonment funnel. The form carries one idempotency key for its whole life, so a double
 * click or a resubmit never opens a second case.
 */
@Named
@ViewScoped
public class FileTicketForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(FileTicketForm.class.getName());

  /** At most this many help answers are offered. */
  static final int ANSWERS = 3;

  /** The steps of the guided flow, in order, and its two ends. */
  public enum Step {
    ORDER,
    CATEGORY,
    KNOWLEDGE_BASE,
    DETAILS,
    EVIDENCE,
    OUTCOME,
    SOLVED;

    /** The step's name in the funnel events (docs/events.md). */
    String funnelName() {
      return this == SOLVED ? "KNOWLEDGE_BASE" : name();
    }
  }

  @Inject BuyerSession session;
  @Inject BuyerTicketService service;
  @Inject BuyerCaseActions caseActions;
  @Inject TicketAttachments attachments;
  @Inject KnowledgeBase knowledgeBase;
  @Inject TicketClassifier classifier;
  @Inject FunnelService funnel;
  @Inject ClientAddress clientAddress;
  @Inject io.keydesk.interfaces.web.Language language;
  @Inject PortalMode mode;

  private final String idempotencyKey = "web-" + UUID.randomUUID();
  private final String flowId = UUID.randomUUID().toString();
  private Step step = Step.ORDER;
  private List<OrderView> orders = List.of();

  private String orderNo;
  private Integer keyIndex;
  private CategoryCode category;
  private String description;
  private String errorText;
  private String intendedProduct;
  private boolean chargedTwice;
  private Suggestion suggestion;
  private List<AnswerView> answers = List.of();
  private final List<Evidence> files = new ArrayList<>();
  private transient List<Part> newFiles;
  private List<String> rejected = List.of();
  private TicketView outcome;

  /** The classifier's reading of what the buyer typed, for the page. */
  public record Suggestion(String category, int percent, boolean confident, List<String> others)
      implements Serializable {}

  /** A file the buyer added, checked, waiting for the case to be filed. */
  public record Evidence(String name, String type, long size, String sha256, byte[] bytes)
      implements Serializable {
    public String sizeText() {
      return size < 1024
          ? size + " B"
          : size < 1024 * 1024 ? size / 1024 + " KB" : size / (1024 * 1024) + " MB";
    }
  }

  /** View action: the buyer's orders; an order named in the link is chosen already. */
  public void load() {
    if (outcome != null || step != Step.ORDER) {
      return;
    }
    Optional<BuyerIdentity> buyer = session.requireOrRedirect();
    if (buyer.isEmpty()) {
      return;
    }
    orders = service.orders(buyer.get());
    if (orders.isEmpty()) {
      Pages.redirect("/orders.xhtml");
      return;
    }
    if (orders.size() == 1 && orderNo == null) {
      orderNo = orders.get(0).orderNo();
    }
    if (orderNo != null && order().isEmpty()) {
      orderNo = null;
    }
    report(Step.ORDER, "VIEWED");
    if (orderNo != null && !mode.isExpert()) {
      report(Step.ORDER, "COMPLETED");
      enter(Step.CATEGORY);
    }
  }

  // --- the guided flow ---------------------------------------------------------------------

  public void next() {
    switch (step) {
      case ORDER -> {
        if (order().isEmpty()) {
          Pages.error("form:order", "file.order.required");
          return;
        }
        complete(Step.CATEGORY);
      }
      case CATEGORY -> {
        if (category == null && !blank(description)) {
          classify();
        }
        if (category == null) {
          Pages.error("form:category", "file.category.required");
          return;
        }
        answers = recommend();
        complete(answers.isEmpty() ? Step.DETAILS : Step.KNOWLEDGE_BASE);
      }
      case KNOWLEDGE_BASE -> complete(Step.DETAILS);
      case DETAILS -> {
        if (detailsValid()) {
          complete(Step.EVIDENCE);
        }
      }
      default -> {}
    }
  }

  public void back() {
    step =
        switch (step) {
          case CATEGORY, ORDER -> Step.ORDER;
          case KNOWLEDGE_BASE -> Step.CATEGORY;
          case DETAILS -> answers.isEmpty() ? Step.CATEGORY : Step.KNOWLEDGE_BASE;
          case EVIDENCE -> Step.DETAILS;
          default -> step;
        };
  }

  /**
   * The buyer typed: the classifier suggests a category, and picks it when sure and none chosen.
   */
  public void classify() {
    if (description == null || description.isBlank()) {
      suggestion = null;
      return;
    }
    Classification reading = classifier.classify(description);
    suggestion =
        new Suggestion(
            reading.category(),
            (int) Math.round(reading.confidence() * 100),
            reading.confident(),
            reading.alternatives().stream().limit(2).map(a -> a.category()).toList());
    if (reading.confident() && category == null) {
      category = CategoryCode.valueOf(reading.category());
    }
    if (mode.isExpert() && category != null) {
      answers = recommend();
    }
  }

  /** Expert mode: the category changed, so do the help answers and the fields shown. */
  public void categoryChanged() {
    answers = category == null ? List.of() : recommend();
  }

  /** The buyer takes a suggested category. */
  public void choose(String code) {
    category = CategoryCode.valueOf(code);
    categoryChanged();
  }

  /** "This solved it": the case ends here, recorded as a deflection. */
  public void solved(long articleId) {
    try {
      knowledgeBase.solved(
          articleId,
          new ReportSolved(
              flowId,
              orderNo,
              category == null ? null : category.name(),
              languageTag(),
              channel(),
              mode.getName()));
      step = Step.SOLVED;
    } catch (DomainException e) {
      Pages.error(null, "file.failed");
    }
  }

  /** Adds the files chosen in the file control: each is checked and kept or refused by name. */
  public void addFiles() {
    List<String> refusals = new ArrayList<>();
    for (Part part : newFiles == null ? List.<Part>of() : newFiles) {
      String name = part.getSubmittedFileName();
      if (name == null || name.isBlank()) {
        continue;
      }
      if (files.size() >= TicketAttachments.MAX_FILES) {
        refusals.add(Pages.text("upload.tooMany", name, TicketAttachments.MAX_FILES));
        continue;
      }
      if (part.getSize() > TicketAttachments.MAX_BYTES) {
        refusals.add(Pages.text("upload.rejected.file-too-large", name));
        continue;
      }
      try (InputStream in = part.getInputStream()) {
        byte[] bytes = in.readAllBytes();
        CheckedFile checked = attachments.check(new Upload(name, bytes));
        files.add(
            new Evidence(checked.name(), checked.type(), checked.size(), checked.sha256(), bytes));
      } catch (RejectedFileException e) {
        refusals.add(Pages.text(refusalKey(e), e.fileName()));
      } catch (IOException e) {
        refusals.add(Pages.text("upload.rejected.validation", name));
      }
    }
    rejected = refusals;
    newFiles = null;
  }

  private static String refusalKey(RejectedFileException e) {
    return switch (e.code()) {
      case "file-too-large" -> "upload.rejected.file-too-large";
      case "unsupported-media-type" -> "upload.rejected.unsupported-media-type";
      default -> "upload.rejected.validation";
    };
  }

  public void removeFile(int index) {
    if (index >= 0 && index < files.size()) {
      files.remove(index);
    }
  }

  /** Files the case and shows the outcome on the same page. */
  public void submit() {
    if (newFiles != null && !newFiles.isEmpty()) {
      addFiles();
      if (!rejected.isEmpty()) {
        return;
      }
    }
    if (order().isEmpty()) {
      Pages.error("form:order", "file.order.required");
      return;
    }
    if (category == null) {
      Pages.error("form:category", "file.category.required");
      return;
    }
    if (!detailsValid()) {
      return;
    }
    if (category == CategoryCode.INVALID_KEY && blank(errorText) && files.isEmpty()) {
      Pages.error("form:newFiles", "file.evidence.required");
      return;
    }
    report(step, "COMPLETED");
    file(false);
  }

  /**
   * "My problem is solved" on the outcome of a queued case: the guidance in the answer (e.g. for a
   * key the supplier reports valid) worked, so the buyer closes the case without an agent.
   */
  public void markSolved() {
    if (outcome == null) {
      return;
    }
    session
        .requireOrRedirect()
        .ifPresent(
            buyer -> {
              try {
                outcome = caseActions.markSolved(buyer, outcome.ticketNo(), null);
              } catch (DomainException e) {
                Pages.error(null, "ticket.refused.state");
              }
            });
  }

  /** "Talk to a human": files what was entered so far for an agent, on any step. */
  public void handoff() {
    if (order().isEmpty()) {
      Pages.error("form:order", "file.order.required");
      return;
    }
    report(step, "HANDED_OFF");
    file(true);
  }

  private void file(boolean handoff) {
    Optional<BuyerIdentity> buyer = session.requireOrRedirect();
    if (buyer.isEmpty()) {
      return;
    }
    FileTicket cmd =
        new FileTicket(
            orderNo,
            category == null ? null : category.name(),
            blank(description) ? defaultDescription(handoff) : description.strip(),
            keyIndex,
            languageTag(),
            channel(),
            category == CategoryCode.INVALID_KEY ? blankToNull(errorText) : null,
            category == CategoryCode.WRONG_PURCHASE ? blankToNull(intendedProduct) : null,
            null,
            handoff,
            category == CategoryCode.PAYMENT_ISSUE && chargedTwice ? Boolean.TRUE : null);
    try {
      outcome =
          service
              .file(
                  buyer.get(),
                  cmd,
                  idempotencyKey,
                  new ClaimProcessor.Origin(clientAddress.of(Pages.request()), null),
                  files.stream().map(f -> new Upload(f.name(), f.bytes())).toList())
              .ticket();
      files.clear();
      if (!handoff) {
        report("SUBMIT", "SUBMITTED");
      }
      step = Step.OUTCOME;
      report(Step.OUTCOME, "VIEWED");
    } catch (CategoryNeededException e) {
      step = Step.CATEGORY;
      Pages.error("form:category", "file.category.required");
    } catch (TooManyRequestsException e) {
      Pages.error(null, "file.limited");
    } catch (RejectedFileException e) {
      rejected = List.of(Pages.text(refusalKey(e), e.fileName()));
    } catch (DomainException | IllegalArgumentException e) {
      LOG.log(Level.INFO, "a portal claim was refused: {0}", e.getMessage());
      Pages.error(null, "file.failed");
    }
  }

  private boolean detailsValid() {
    if (category == CategoryCode.INVALID_KEY && isKeyChoice() && keyIndex == null) {
      Pages.error("form:key", "file.key.required");
      return false;
    }
    if (category == CategoryCode.WRONG_PURCHASE && blank(intendedProduct)) {
      Pages.error("form:intendedProduct", "file.intended.required");
      return false;
    }
    if (needsDescription() && blank(description)) {
      Pages.error("form:description", "file.description.required");
      return false;
    }
    if (description != null && description.length() > 4000) {
      Pages.error("form:description", "field.tooLong");
      return false;
    }
    return true;
  }

  /** Not-received, invalid-key and wrong-purchase cases say enough by their fields. */
  public boolean needsDescription() {
    return category == CategoryCode.PAYMENT_ISSUE
        || category == CategoryCode.USAGE_HELP
        || category == CategoryCode.OTHER;
  }

  private String defaultDescription(boolean handoff) {
    if (category == null) {
      return Pages.text("file.handoff.description");
    }
    String label = Pages.text("category." + category.name());
    return handoff ? label + " — " + Pages.text("file.handoff.description") : label;
  }

  private List<AnswerView> recommend() {
    try {
      return knowledgeBase
          .recommend(
              new KnowledgeBase.Query(
                  description,
                  category,
                  order().map(OrderView::productSku).orElse(null),
                  Language.ofTag(languageTag()).orElseThrow(),
                  ANSWERS))
          .items();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "help answers unavailable", e);
      return List.of();
    }
  }

  private void complete(Step nextStep) {
    report(step, "COMPLETED");
    enter(nextStep);
  }

  private void enter(Step nextStep) {
    step = nextStep;
    report(nextStep, "VIEWED");
  }

  private void report(Step s, String action) {
    report(
        mode.isExpert() && s.ordinal() < Step.OUTCOME.ordinal() ? "DETAILS" : s.funnelName(),
        action);
  }

  private void report(String funnelStep, String action) {
    try {
      funnel.record(
          new FunnelStep(
              flowId,
              funnelStep,
              action,
              mode.getName(),
              languageTag(),
              channel(),
              category == null ? null : category.name(),
              orderNo));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a funnel event was lost", e);
    }
  }

  private String languageTag() {
    return language.isChinese() ? "zh-CN" : "en";
  }

  /** {@code mobile} for a phone's browser, {@code web} otherwise. */
  public String channel() {
    String agent = Pages.request().getHeader("User-Agent");
    return agent != null && agent.contains("Mobi") ? "mobile" : "web";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }

  // --- what the page reads -----------------------------------------------------------------

  public Optional<OrderView> order() {
    return orders.stream().filter(o -> o.orderNo().equals(orderNo)).findFirst();
  }

  public OrderView getOrder() {
    return order().orElse(null);
  }

  /** Whether a section shows: in expert mode every input section, in novice mode the step's. */
  public boolean shows(String section) {
    Step s = Step.valueOf(section);
    if (outcome != null || step == Step.SOLVED) {
      return s == step;
    }
    if (mode.isExpert()) {
      return s != Step.OUTCOME && s != Step.SOLVED;
    }
    return s == step;
  }

  /** "Step 2 of 5". */
  public String getProgress() {
    return Pages.text("file.progress", Math.min(step.ordinal() + 1, 5));
  }

  /** "This sounds like: Key does not work (87% sure)." */
  public String getSuggestionText() {
    return suggestion == null
        ? ""
        : Pages.text(
            "file.suggestion",
            Pages.text("category." + suggestion.category()),
            suggestion.percent());
  }

  public String getEvidenceHint() {
    return Pages.text("file.evidence.hint", TicketAttachments.MAX_FILES);
  }

  public boolean isDone() {
    return outcome != null || step == Step.SOLVED;
  }

  public boolean isResolvedAutomatically() {
    return outcome != null
        && outcome.autoAction() != null
        && TicketStatus.valueOf(outcome.status()) == TicketStatus.RESOLVED
        && !"REJECTED".equals(outcome.resolution());
  }

  /** Why a queued case went to an agent: the reason of its last move to review. */
  public String getOutcomeReason() {
    if (outcome == null) {
      return null;
    }
    String reason = null;
    for (var e : outcome.timeline()) {
      if ("IN_REVIEW".equals(e.toStatus()) && e.body() != null) {
        reason = e.body();
      }
    }
    return reason;
  }

  /** The buyer closed the case from its outcome ({@link #markSolved}). */
  public boolean isSolvedByBuyer() {
    return outcome != null
        && outcome.autoAction() == null
        && TicketStatus.valueOf(outcome.status()) == TicketStatus.RESOLVED
        && "ANSWERED".equals(outcome.resolution());
  }

  public boolean isRefused() {
    return outcome != null && "REJECTED".equals(outcome.resolution());
  }

  /** Keys of the chosen order a buyer may name (a case may also be about the whole order). */
  public boolean isKeyChoice() {
    return order().map(o -> o.keys().size() > 1).orElse(false);
  }

  public List<CategoryCode> getCategories() {
    return Arrays.asList(CategoryCode.values());
  }

  public String getStep() {
    return step.name();
  }

  /** The step as the funnel names it, for the page's "left the page" signal. */
  public String getFunnelStep() {
    return mode.isExpert() && !isDone() ? "DETAILS" : step.funnelName();
  }

  public String getFlowId() {
    return flowId;
  }

  public String getModeName() {
    return mode.getName();
  }

  public String getLanguageTag() {
    return languageTag();
  }

  public List<OrderView> getOrders() {
    return orders;
  }

  public Suggestion getSuggestion() {
    return suggestion;
  }

  public List<AnswerView> getAnswers() {
    return answers;
  }

  public List<Evidence> getFiles() {
    return files;
  }

  public List<String> getRejected() {
    return rejected;
  }

  public TicketView getOutcome() {
    return outcome;
  }

  public String getOrderNo() {
    return orderNo;
  }

  public void setOrderNo(String orderNo) {
    this.orderNo = orderNo;
  }

  public Integer getKeyIndex() {
    return keyIndex;
  }

  public void setKeyIndex(Integer keyIndex) {
    this.keyIndex = keyIndex;
  }

  public CategoryCode getCategory() {
    return category;
  }

  public void setCategory(CategoryCode category) {
    this.category = category;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getErrorText() {
    return errorText;
  }

  public void setErrorText(String errorText) {
    this.errorText = errorText;
  }

  public String getIntendedProduct() {
    return intendedProduct;
  }

  public void setIntendedProduct(String intendedProduct) {
    this.intendedProduct = intendedProduct;
  }

  /** PAYMENT_ISSUE: the buyer ticked "charged twice for the same purchase". */
  public boolean isChargedTwice() {
    return chargedTwice;
  }

  public void setChargedTwice(boolean chargedTwice) {
    this.chargedTwice = chargedTwice;
  }

  public List<Part> getNewFiles() {
    return newFiles;
  }

  public void setNewFiles(List<Part> newFiles) {
    this.newFiles = newFiles;
  }
}
