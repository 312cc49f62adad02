/**
 * Checkpoint formats, engine-free: {@link org.bert4j.checkpoint.StoredTensor} and
 * {@link org.bert4j.checkpoint.TensorSource} (one tensor, a set of them), {@link org.bert4j.checkpoint.HfConfig}
 * (config.json with errors that name file and key) and {@link org.bert4j.checkpoint.WeightMap} (the declarative
 * table between bert4j parameter paths and a format's names). Readers and writers live in the sub-packages:
 * safetensors, onnx, tf (tensor bundles), proto (the protobuf wire format the last two share).
 */
package org.bert4j.checkpoint;
