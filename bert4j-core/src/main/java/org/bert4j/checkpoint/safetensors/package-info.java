/**
 * Reading and writing Hugging Face safetensors checkpoints in pure Java: single files ({@link
 * org.bert4j.checkpoint.safetensors.SafetensorsFile}, {@link org.bert4j.checkpoint.safetensors.SafetensorsWriter})
 * and shard sets with a {@code model.safetensors.index.json} ({@link
 * org.bert4j.checkpoint.safetensors.ShardedSafetensors}). {@link
 * org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint} is the entry point that picks between the two for a
 * model directory.
 *
 * <p>Tensors are served as slices of memory-mapped windows rather than copied, so opening a multi-gigabyte
 * checkpoint costs address space, not heap. Every file is written to a temporary sibling and moved into place, so a
 * crash mid-save never leaves a half-written checkpoint under the real name.
 */
package org.bert4j.checkpoint.safetensors;
