/**
 * Supplier report documents (PDF with OpenPDF, CSV with Commons CSV) and the scheduled report sweep
 * that mails them to supplier managers.
 */
package io.keydesk.infrastructure.reports;
