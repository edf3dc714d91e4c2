/**
 * Supplier reports: what the database knows of one supplier's orders and tickets over a period, and
 * the claims of scheduled report runs (sent once per supplier, kind, period and recipient).
 */
package io.keydesk.domain.model.report;
