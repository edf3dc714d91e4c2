package io.keydesk.infrastructure.crypto;

import io.keydesk.domain.model.order.CardKeyVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the vault from configuration; the keys come from the environment, never from the WAR. */
@ApplicationScoped
public class VaultProducer {
  @Inject
  @ConfigProperty(name = "keydesk.crypto.keys")
  String keyRing;

  @Inject
  @ConfigProperty(name = "keydesk.crypto.active-version", defaultValue = "1")
  int activeVersion;

  @Inject
  @ConfigProperty(name = "keydesk.crypto.fingerprint-key")
  String fingerprintKey;

  @Produces
  @ApplicationScoped
  CardKeyVault vault() {
    return AesGcmCardKeyVault.fromConfig(keyRing, activeVersion, fingerprintKey);
  }
}
