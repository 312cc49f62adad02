/**
 * Corpus text to token ids, once: {@link org.bert4j.train.data.tokenized.CorpusTokenizer} runs the model's
 * {@code tokenizer.json} (no special tokens: packing adds them) and marks which tokens start a word
 * ({@link org.bert4j.train.data.tokenized.WordBoundaries}) for whole-word masking, which sees only ids later.
 * {@link org.bert4j.train.data.tokenized.TokenizedCorpus#open} streams a corpus through it into a cache directory
 * of little-endian columns named by a key over the tokenizer, the input files and the settings, and maps the
 * columns back into memory, so a second run with the same inputs does not tokenise again.
 */
package org.bert4j.train.data.tokenized;
