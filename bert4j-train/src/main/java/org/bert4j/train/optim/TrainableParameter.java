package org.bert4j.train.optim;

import org.bert4j.nn.Parameter;

/**
 * A parameter the optimiser updates, with its path for state files and whether weight decay applies (not to
 * biases and norm gains, as BERT, RoBERTa and ALBERT train).
 */
public record TrainableParameter(String path, Parameter parameter, boolean decay) {}
