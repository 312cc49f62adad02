/**
 * A minimal protobuf wire-format reader and writer (varints, fixed32/64, length-delimited fields), enough to read
 * ONNX models and TensorFlow bundle metadata and to splice outputs into an ONNX graph, without a protobuf
 * dependency or generated classes. Field numbers live with the code that reads each message.
 */
package org.bert4j.checkpoint.proto;
