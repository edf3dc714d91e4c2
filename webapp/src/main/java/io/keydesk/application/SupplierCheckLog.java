package io.keydesk.application;

import io.keydesk.application.SupplierVerification.Verdict;
import java.time.Instant;

/** The record of supplier checks: what came back for which key, asked by whom. */
public interface SupplierCheckLog {
  /** Stores one check in a transaction of its own. */
  void record(long cardKeyId, String supplierCode, Verdict verdict, String requestedBy, Instant at);
}
