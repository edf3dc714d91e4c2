/** Timers that run on every app instance and stay safe when several run at once. */
package io.keydesk.infrastructure.scheduling;
