/**
 * One recipe per architecture (BERT, RoBERTa, ALBERT, RoFormer, RoFormerV2, GAU-α): HF config ↔
 * {@link org.bert4j.config.EncoderSpec}, HF and TF weight-name tables, default heads. Model names live only here.
 */
package org.bert4j.family;
