package org.bert4j.config;

/** Order of the embedding norm and dropout: BERT normalises first, RoFormerV2 drops out first. */
public enum EmbeddingOrder { NORM_THEN_DROPOUT, DROPOUT_THEN_NORM }
