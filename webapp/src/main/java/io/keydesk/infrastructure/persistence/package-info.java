/** JPA implementations of the domain repositories, the data source and the Flyway migration. */
package io.keydesk.infrastructure.persistence;
