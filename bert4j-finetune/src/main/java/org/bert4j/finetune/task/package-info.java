/**
 * Fine-tuning tasks: what turns labelled examples into encoder inputs, what head goes on the encoder, what loss
 * trains it, how outputs become answers and how answers are scored. {@link org.bert4j.finetune.task.Task} is the
 * contract the loop drives; a {@link org.bert4j.finetune.task.Feature} is one or more encoder rows with a target,
 * so that tasks needing several rows per example (sliding QA windows, multiple-choice options) fit the same loop.
 *
 * <p>Implemented: the sequence-level tasks ({@link org.bert4j.finetune.task.SequenceTask}): single-text and
 * pair classification ({@link org.bert4j.finetune.task.SingleLabelClassification}, softmax cross-entropy),
 * {@link org.bert4j.finetune.task.Regression} (MSE) and
 * {@link org.bert4j.finetune.task.MultiLabelClassification} (ZLPR, threshold 0), each with the family's HF
 * {@code *ForSequenceClassification} head. Inputs are tokenised with the model's own {@code tokenizer.json}
 * ({@link org.bert4j.finetune.task.InputEncoder}): its special tokens, segment ids and truncation.
 *
 * <p>Token-level tasks read pre-split words (CoNLL tokens, Chinese characters) through
 * {@link org.bert4j.finetune.task.InputEncoder#encodeWords}, which records each word's first sub-token
 * ({@link org.bert4j.finetune.task.WordPieces}): {@link org.bert4j.finetune.task.TokenClassification} tags words
 * there (softmax or CRF, the family's HF {@code *ForTokenClassification} layout), and
 * {@link org.bert4j.finetune.task.SpanExtraction} scores typed character spans with a GlobalPointer.
 *
 * <p>{@link org.bert4j.finetune.task.MultipleChoice} (C3) makes one feature of k rows per question, the passage
 * paired with the question and each option ({@link org.bert4j.finetune.task.InputEncoder#encodeKeepingSecond}: only
 * the passage is cut), and trains a softmax over each question's own option scores (the family's HF
 * {@code *ForMultipleChoice} layout).
 *
 * <p>{@link org.bert4j.finetune.task.ExtractiveQa} answers a question with a span of its context: the context is cut
 * into overlapping windows ({@link org.bert4j.finetune.task.QaWindows}), one feature each, and the best start/end
 * pair over all windows ({@code AnswerSearch}) is cut from the context's own characters.
 */
package org.bert4j.finetune.task;
