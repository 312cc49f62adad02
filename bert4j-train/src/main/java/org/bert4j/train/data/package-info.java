/**
 * Pre-training data, from text files to batches of sequences (MODELS.md section 3). The stages live in
 * sub-packages: {@code corpus} reads documents out of text and JSON-lines files, {@code tokenized} turns them into
 * a cached, memory-mapped corpus of token ids with word-start flags, {@code sequence} lays the corpus out as
 * {@link org.bert4j.train.data.TrainingSequence}s (RoBERTa packing, NSP/SOP pairs). Here: the contracts shared
 * with masking and the loop ({@link org.bert4j.train.data.TrainingSequence},
 * {@link org.bert4j.train.data.SequenceSource}, {@link org.bert4j.train.data.SpecialTokens}), the per-sequence
 * random streams ({@link org.bert4j.train.data.SequenceRandom}), length-bucketed batch plans
 * ({@link org.bert4j.train.data.BatchPlanner}) and the held-out split ({@link org.bert4j.train.data.HeldOutSplit}).
 */
package org.bert4j.train.data;
