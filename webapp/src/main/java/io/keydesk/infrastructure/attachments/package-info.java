/**
 * Attachment files: their type checked by content (Apache Tika), image metadata stripped by
 * re-encoding, and the bytes kept in a directory outside the web root under random names.
 */
package io.keydesk.infrastructure.attachments;
