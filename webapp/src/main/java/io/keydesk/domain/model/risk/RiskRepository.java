package io.keydesk.domain.model.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the risk engine reads and writes. */
public interface RiskRepository {
  RiskSettings settings();

  /** Sets a known threshold; returns the previous value. */
  int updateSetting(String name, int value, Instant now);

  /** The block-list kinds that hit this claim (null parts are not checked). */
  Set<SignalKind> blocked(String contact, String clientIp, String deviceId, Instant now);

  List<BlockEntry> blocks();

  Optional<BlockEntry> findBlock(BlockEntry.Kind kind, String value);

  Optional<BlockEntry> findBlock(long id);

  BlockEntry store(BlockEntry entry);

  void remove(BlockEntry entry);

  /** Earlier claims of this contact, IP address and device (-1 for a null part). */
  RiskFacts.Velocity velocity(String contact, String clientIp, String deviceId, Instant now);

  /** Earlier claims on a key fingerprint: how many, and from how many other contacts. */
  KeyClaims keyClaims(String fingerprint, String contact);

  CreditHistory credit(String contact);

  /**
   * Kinds of live outside signals (streams job, staff) on this contact (or the keyed hash of it, as
   * the streams job names buyers), IP address or device.
   */
  List<String> externalSignals(
      String contact, String contactHash, String clientIp, String deviceId, Instant now);

  void record(FraudSignal signal);

  /**
   * Records the signals of one assessment together (one statement); they are not read back in the
   * same transaction, so they carry no id.
   */
  void recordAll(java.util.List<FraudSignal> signals);

  /**
   * Records a signal of the streams job once: false (and nothing written) when a signal with the
   * same stream id is already stored.
   */
  boolean recordStreamed(FraudSignal signal);

  /** Signals newest first, filtered; null filter parts match anything. */
  List<FraudSignal> signals(SignalFilter filter);

  long countSignals(SignalFilter filter);

  /** Earlier claims on one key. */
  record KeyClaims(long claims, long otherBuyers) {}

  /** A filter over the recorded signals. */
  record SignalFilter(
      String kind,
      FraudSignal.Source source,
      String contact,
      String clientIp,
      String deviceId,
      String orderNo,
      String ticketNo,
      Instant from,
      Instant to,
      int page,
      int size) {}
}
