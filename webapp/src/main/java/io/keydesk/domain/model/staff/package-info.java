/** Staff users and their roles; supplier managers are bound to one supplier. */
package io.keydesk.domain.model.staff;
