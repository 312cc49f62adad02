/**
 * Reading raw pre-training text: {@link org.bert4j.train.data.corpus.CorpusReader} streams
 * {@link org.bert4j.train.data.corpus.Document}s (lists of sentences with their {@code file:line} origin) out of
 * files and directories in a {@link org.bert4j.train.data.corpus.CorpusFormat}, one line in memory at a time, so
 * corpora larger than memory work. A line that cannot be read (malformed UTF-8, invalid JSON, a missing or
 * non-string text field) becomes a {@link org.bert4j.train.data.corpus.CorpusProblem} naming file and line, is
 * reported and skipped; the rest of the file is kept.
 */
package org.bert4j.train.data.corpus;
