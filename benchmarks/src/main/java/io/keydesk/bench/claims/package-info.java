/**
 * The claim simulation (issue 3): a month of after-sales traffic, honest buyers and the known fraud
 * patterns, drawn from a seed ({@link io.keydesk.bench.claims.MixGenerator}) and played through the
 * public API of a real Keydesk ({@link io.keydesk.bench.claims.ClaimSimulation}). Run by {@code
 * benchmarks/simulate}; results are recorded in {@code docs/benchmarks.md}.
 */
package io.keydesk.bench.claims;
