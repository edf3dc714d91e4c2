/**
 * Read models of the streams job's results (complaint rates, funnel counts, product alerts) and the
 * repository that writes them idempotently and reads them for staff.
 */
package io.keydesk.domain.model.analytics;
