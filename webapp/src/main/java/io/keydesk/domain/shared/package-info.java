/** Building blocks shared by every aggregate: the domain exception and time conversions. */
package io.keydesk.domain.shared;
