/**
 * Replaced-token detection (ELECTRA, DeBERTaV3): the generator a discriminator learns against, its size relative to
 * the discriminator, and how the two share their embeddings (none, plainly, or gradient-disentangled).
 */
package org.bert4j.train.rtd;
