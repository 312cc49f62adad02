/**
 * Masked-language-model corruption (MODELS.md §3), all dynamic: a {@link org.bert4j.train.masking.Masker} re-draws
 * the mask every time a sequence is seen. One {@link org.bert4j.train.masking.MaskingStrategy} per way of choosing
 * what to predict (single tokens, whole words, ALBERT n-grams, SpanBERT spans); they differ only in how a
 * sequence is cut into units, so the budget and BERT's 80/10/10 corruption
 * ({@link org.bert4j.train.masking.MaskingPolicy}) are written once.
 */
package org.bert4j.train.masking;
