/** The ways in: the REST API ({@code rest}) and the Faces pages ({@code web}). */
package io.keydesk.interfaces;
