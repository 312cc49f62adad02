/**
 * What an encoder is made of, family-neutral: {@link org.bert4j.config.EncoderSpec} and the sealed choice types
 * whose records are the variants (position encoding, normalisation, residual placement, token mixer, FFN,
 * sharing, initialisation). Families translate HF {@code config.json} into these; nothing here knows a model name.
 */
package org.bert4j.config;
