/**
 * Reading weights out of self-contained ONNX models and editing their outputs.
 *
 * <ul>
 *   <li>{@link org.bert4j.checkpoint.onnx.OnnxInitializers}: the initializers as a
 *       {@link org.bert4j.checkpoint.TensorSource}, with the HF names of the {@code onnx::MatMul_NNN} matrices that
 *       PyTorch's exporter renamed recovered from the graph, and those matrices returned in HF layout.</li>
 *   <li>{@link org.bert4j.checkpoint.onnx.OnnxGraph}: nodes, graph inputs/outputs, and the per-layer hidden-state
 *       values of a BERT export.</li>
 *   <li>{@link org.bert4j.checkpoint.onnx.OnnxGraphEditor}: a copy of a model with extra graph outputs, so ONNX
 *       Runtime can serve as a layer-by-layer reference in parity tests.</li>
 * </ul>
 */
package org.bert4j.checkpoint.onnx;
