/**
 * The staffing forecast's method: Holt-Winters exponential smoothing (additive, with a weekly
 * season of 168 hours) over hourly ticket counts, and the backtest that measures its error on past
 * weeks. Plain Java, no container: see docs/console.md#dashboard-and-forecast.
 */
package io.keydesk.domain.model.forecast;
