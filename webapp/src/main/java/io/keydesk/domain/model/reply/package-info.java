/** Canned replies: named answer templates per language that agents fill in from a case's facts. */
package io.keydesk.domain.model.reply;
