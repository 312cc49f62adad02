/**
 * The pieces of {@code bert4j bench}: engine thread set-up, the matmul ceiling, bert4j and ONNX Runtime forward
 * throughput on the same inputs, and process memory. Each measures one thing and returns plain numbers;
 * {@link org.bert4j.cli.BenchCommand} runs them in one process and prints the table. With {@code --train},
 * {@link org.bert4j.cli.bench.TrainBench} times pre-training steps of bert4j families ({@code Bert4jTrainingPass})
 * against DJL's {@code BertPretrainingBlock} ({@code DjlTrainingPass}) on one {@code MaskedBatch}.
 */
package org.bert4j.cli.bench;
