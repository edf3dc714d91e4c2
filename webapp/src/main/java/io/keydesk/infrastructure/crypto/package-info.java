/** AES-256-GCM sealing of card keys, keyed fingerprints, digests and random tokens. */
package io.keydesk.infrastructure.crypto;
