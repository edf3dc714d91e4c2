/**
 * The shop's orders and the card keys delivered for them. Card keys are held only sealed
 * (AES-256-GCM) and identified by a keyed fingerprint; {@link
 * io.keydesk.domain.model.order.CardKeyVault} seals, opens and fingerprints them.
 */
package io.keydesk.domain.model.order;
