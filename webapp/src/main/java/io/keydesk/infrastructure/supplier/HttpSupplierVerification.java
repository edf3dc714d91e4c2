package io.keydesk.infrastructure.supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.keydesk.application.SupplierVerification;
import io.keydesk.infrastructure.crypto.RequestSignatures;
import io.keydesk.infrastructure.monitoring.KeydeskMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks keys with their supplier over HTTP: a signed JSON POST ({@link SupplierProtocol}), bounded
 * by {@code keydesk.supplier.timeout-ms} from the first byte sent to the last byte read. Every
 * failure becomes {@code UNAVAILABLE}, never an exception.
 *
 * <p>Each supplier has its own circuit breaker (Resilience4j): when at least {@code
 * keydesk.supplier.breaker.minimum-calls} (default 5) of its last 10 checks were answered and
 * {@code keydesk.supplier.breaker.failure-percent} (default 50) of them failed, checks with that
 * supplier answer {@code UNAVAILABLE} at once for {@code keydesk.supplier.breaker.open-seconds}
 * (default 30); then one trial check decides whether it closes again. A dead supplier therefore
 * costs request threads nothing, and one supplier's outage does not affect the others.
 */
@ApplicationScoped
public class HttpSupplierVerification implements SupplierVerification {
  private static final Logger LOG = Logger.getLogger(HttpSupplierVerification.class.getName());

  /** Suppliers without a usable endpoint, already reported at WARNING by this instance. */
  private final Set<String> unusable = ConcurrentHashMap.newKeySet();

  @Inject SupplierEndpoints endpoints;
  @Inject KeydeskMetrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "keydesk.supplier.breaker.minimum-calls", defaultValue = "5")
  int minimumCalls;

  @Inject
  @ConfigProperty(name = "keydesk.supplier.breaker.failure-percent", defaultValue = "50")
  float failurePercent;

  @Inject
  @ConfigProperty(name = "keydesk.supplier.breaker.open-seconds", defaultValue = "30")
  long openSeconds;

  private HttpClient http;
  private CircuitBreakerRegistry breakers;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(endpoints.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(10, minimumCalls))
                .minimumNumberOfCalls(Math.max(1, minimumCalls))
                .failureRateThreshold(failurePercent)
                .waitDurationInOpenState(Duration.ofSeconds(Math.max(1, openSeconds)))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(SupplierFailure.class)
                .build());
  }

  @Override
  public Verdict verify(KeyCheck check) {
    long start = System.nanoTime();
    Verdict verdict;
    try {
      verdict = guarded(check, start);
    } catch (RuntimeException e) {
      // Nothing may reach the caller; the message names no key (the code is in no exception).
      verdict = unavailable("unexpected error: " + e.getClass().getSimpleName(), start);
      LOG.log(Level.WARNING, "Supplier check failed unexpectedly for " + check, e);
    }
    metrics.supplierCheckDone(check.supplierCode(), verdict.outcome().name(), verdict.took());
    Level level = verdict.outcome() == Verdict.Outcome.UNAVAILABLE ? Level.WARNING : Level.INFO;
    if (unusable.contains(check.supplierCode())) {
      level = Level.FINE; // reported once at WARNING when first seen (below)
    }
    if (LOG.isLoggable(level)) {
      LOG.log(
          level,
          "Supplier check {0}: {1} in {2} ms ({3})",
          new Object[] {check, verdict.outcome(), verdict.took().toMillis(), verdict.detail()});
    }
    return verdict;
  }

  private Verdict guarded(KeyCheck check, long start) {
    SupplierEndpoints.Endpoint endpoint = endpoints.of(check.supplierCode());
    if (!endpoint.usable()) {
      // A configuration gap, the same for every claim: said once per instance, not per claim
      // (formatting a WARNING per claim cost about 1% of the app's CPU in docs/benchmarks.md).
      if (unusable.add(check.supplierCode())) {
        LOG.log(
            Level.WARNING,
            "Supplier {0} cannot be asked ({1}); its keys are checked by nobody until it is"
                + " configured (said once per instance)",
            new Object[] {check.supplierCode(), endpoint.problem()});
      }
      return unavailable(endpoint.problem(), start);
    }
    unusable.remove(check.supplierCode());
    CircuitBreaker breaker = breakers.circuitBreaker(check.supplierCode());
    if (!breaker.tryAcquirePermission()) {
      return unavailable(
          "the supplier failed repeatedly; not asked again until "
              + openSeconds
              + " s have passed (circuit open)",
          start);
    }
    Verdict verdict;
    try {
      verdict = call(endpoint, check, start);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new SupplierFailure());
      throw e;
    }
    if (verdict.outcome() == Verdict.Outcome.UNAVAILABLE) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new SupplierFailure());
    } else {
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
    return verdict;
  }

  private Verdict call(SupplierEndpoints.Endpoint endpoint, KeyCheck check, long start) {
    Duration timeout = endpoints.timeout();
    String body = SupplierProtocol.requestBody(check);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "Keydesk-Supplier-Check/1")
            .header(RequestSignatures.TIMESTAMP, timestamp)
            .header(
                RequestSignatures.SIGNATURE,
                RequestSignatures.sign(endpoint.secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return unavailable("no answer within " + timeout.toMillis() + " ms", start);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return unavailable("interrupted", start);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String what =
          cause instanceof java.net.http.HttpTimeoutException
              ? "no answer within " + timeout.toMillis() + " ms"
              : "could not reach the supplier: " + cause.getClass().getSimpleName();
      return unavailable(what, start);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      return unavailable("the supplier answered HTTP " + response.statusCode(), start);
    }
    Optional<SupplierProtocol.Answer> answer = SupplierProtocol.parseAnswer(response.body());
    if (answer.isEmpty()) {
      return unavailable("the supplier's answer was not understood", start);
    }
    String detail =
        answer.get().detail().isEmpty()
            ? "the supplier says " + answer.get().outcome()
            : answer.get().detail();
    return new Verdict(answer.get().outcome(), detail, since(start));
  }

  private static Verdict unavailable(String detail, long start) {
    return new Verdict(Verdict.Outcome.UNAVAILABLE, detail, since(start));
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** A check that failed, as the circuit breaker counts it. */
  static final class SupplierFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SupplierFailure() {
      super("supplier check failed", null, false, false);
    }
  }
}
