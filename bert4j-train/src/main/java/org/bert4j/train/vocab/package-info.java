/**
 * Building a WordPiece vocabulary from a corpus ({@code bert4j vocab}): BERT's basic tokenisation (the Chinese
 * per-character split included) counts words, a trainer like HF tokenizers' {@code WordPieceTrainer} learns the
 * pieces, and the result is written as {@code vocab.txt} plus a {@code tokenizer.json} that DJL's Hugging Face
 * tokenizer loads. Pre-training can equally reuse an existing {@code tokenizer.json}; nothing here is needed then.
 */
package org.bert4j.train.vocab;
