/** Rate limits kept in MariaDB so that every app instance sees the same counts. */
package io.keydesk.infrastructure.ratelimit;
