/**
 * One recipe per architecture (BERT, RoBERTa, ALBERT, RoFormer, RoFormerV2, GAU-α, ELECTRA, DeBERTa v2/v3): HF config ↔
 * {@link org.bert4j.config.EncoderSpec}, HF and TF weight-name tables, default heads, and the sequence-classification
 * head of the family's HF class ({@link org.bert4j.config.SequenceClassifierSpec}). Model names live only here.
 */
package org.bert4j.family;
