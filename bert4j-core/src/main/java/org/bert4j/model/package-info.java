/**
 * The assembled model: {@link org.bert4j.model.EncoderFactory} turns a spec into an
 * {@link org.bert4j.model.Encoder}; {@link org.bert4j.model.EncoderModel} adds heads and owns the weights.
 */
package org.bert4j.model;
