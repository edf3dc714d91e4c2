/**
 * The public HTTP API v1 (JSON; errors as {@code application/problem+json}). Bodies are read as
 * text and parsed here, so that signatures are checked over the raw bytes and every bad field is
 * named in the answer.
 */
package io.keydesk.interfaces.rest;
