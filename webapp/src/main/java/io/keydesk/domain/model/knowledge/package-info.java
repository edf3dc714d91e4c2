/**
 * The knowledge base: {@link io.keydesk.domain.model.knowledge.Article answers} per category and
 * optionally per product, in zh-CN and en, with the rules that order recommendations ({@link
 * io.keydesk.domain.model.knowledge.Ranking}) and the buyers' "this solved it" ({@link
 * io.keydesk.domain.model.knowledge.Deflection}).
 */
package io.keydesk.domain.model.knowledge;
