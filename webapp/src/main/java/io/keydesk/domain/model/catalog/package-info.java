/** Suppliers, their products and the key batches the keys of a product were imported from. */
package io.keydesk.domain.model.catalog;
