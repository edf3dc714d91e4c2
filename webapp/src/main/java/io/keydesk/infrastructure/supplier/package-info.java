/**
 * Key checks with suppliers: the HTTP adapter of {@link
 * io.keydesk.application.SupplierVerification} (signed JSON, strict timeout, a circuit breaker per
 * supplier) and the simulated supplier for local runs and tests.
 */
package io.keydesk.infrastructure.supplier;
