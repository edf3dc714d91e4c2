/**
 * The hash-chained audit log: every ticket transition, automatic action, risk decision, staff
 * action and configuration change, each entry sealed with the SHA-256 of the one before it.
 */
package io.keydesk.domain.model.audit;
