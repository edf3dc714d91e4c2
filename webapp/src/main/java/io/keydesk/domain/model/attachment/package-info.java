/**
 * Evidence attached to a ticket: screenshots, PDFs, text. An {@link
 * io.keydesk.domain.model.attachment.Attachment} describes one stored file (its checked type, size
 * and SHA-256); the bytes live outside the database, in an {@link
 * io.keydesk.domain.model.attachment.AttachmentStore}.
 */
package io.keydesk.domain.model.attachment;
