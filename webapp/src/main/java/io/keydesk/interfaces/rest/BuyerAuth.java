package io.keydesk.interfaces.rest;

import io.keydesk.application.AccessTokens.BuyerIdentity;
import io.keydesk.application.BuyerAccessService;
import io.keydesk.infrastructure.security.BearerToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves the buyer of a request from {@code Authorization: Bearer kdb_…}. */
@ApplicationScoped
public class BuyerAuth {
  @Inject BuyerAccessService access;

  /**
   * @throws RequestException 401 when the token is missing, unknown or expired
   */
  public BuyerIdentity require(String authorization) {
    String token = BearerToken.from(authorization).orElse(null);
    return access
        .identify(token)
        .orElseThrow(
            () ->
                new RequestException(
                    Problem.of(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "a buyer session token is required (POST /api/v1/buyer/sessions)")));
  }
}
