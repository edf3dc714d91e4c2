/** Start-up work driven by configuration: demo data for local runs. */
package io.keydesk.infrastructure.config;
