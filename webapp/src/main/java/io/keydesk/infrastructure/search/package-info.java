/**
 * Full-text search of the knowledge base with Apache Lucene: an in-memory index per app instance,
 * rebuilt from MariaDB when the knowledge-base revision moves on. Chinese is segmented into words
 * by the tokenizer of lucene-analysis-smartcn, which passes English and mixed text through as
 * words.
 */
package io.keydesk.infrastructure.search;
