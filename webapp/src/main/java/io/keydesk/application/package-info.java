/**
 * Use cases as thin transactions: load aggregates, call their behaviour, store them and append the
 * events that announce the change to the outbox in the same transaction. Views and resources talk
 * to these services and get records back, never entities.
 */
package io.keydesk.application;
