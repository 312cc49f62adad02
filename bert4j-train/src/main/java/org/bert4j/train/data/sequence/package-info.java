/**
 * A tokenised corpus laid out as training sequences ({@link org.bert4j.train.data.SequenceSource}s), following
 * MODELS.md section 3: {@link org.bert4j.train.data.sequence.PackedSequences} for RoBERTa's FULL-SENTENCES and
 * DOC-SENTENCES inputs, {@link org.bert4j.train.data.sequence.SentencePairSequences} for BERT's NSP and ALBERT's
 * SOP pairs. Layouts (which tokens form which sequence) are computed once, deterministically, and kept as token
 * ranges into the memory-mapped corpus; the ids are copied out only when a sequence is asked for.
 */
package org.bert4j.train.data.sequence;
