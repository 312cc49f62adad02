package org.bert4j.config;

/**
 * Order of the embedding norm, dropout and (factorised models) the E→d projection: BERT normalises, drops out,
 * then projects; RoFormerV2 drops out first; DeBERTa v2 projects first and normalises at width d.
 */
public enum EmbeddingOrder { NORM_THEN_DROPOUT, DROPOUT_THEN_NORM, PROJECT_THEN_NORM_THEN_DROPOUT }
