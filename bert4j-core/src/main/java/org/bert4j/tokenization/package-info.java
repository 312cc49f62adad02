/** Tokenisation over real {@code tokenizer.json} files through DJL's Hugging Face tokenizers binding. */
package org.bert4j.tokenization;
