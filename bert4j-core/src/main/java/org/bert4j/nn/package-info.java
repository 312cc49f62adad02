/**
 * The block library: a minimal module tree over DJL NDArrays ({@link org.bert4j.nn.Module},
 * {@link org.bert4j.nn.Parameter}) and one class per algorithm: linear, embeddings, LayerNorm / RMSNorm, RoPE,
 * multi-head attention, DeBERTa's disentangled attention with its bucketed relative table, the gated attention unit,
 * dense and gated FFNs, post- and pre-norm residuals, layers.
 * Blocks take small constructor arguments, never the whole spec; {@link org.bert4j.model.EncoderFactory} wires them.
 */
package org.bert4j.nn;
