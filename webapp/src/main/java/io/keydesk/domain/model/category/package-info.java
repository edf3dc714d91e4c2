/** The six after-sales categories and their published response and resolution targets. */
package io.keydesk.domain.model.category;
