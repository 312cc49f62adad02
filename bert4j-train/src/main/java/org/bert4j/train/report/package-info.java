/**
 * What a training run tells its user: the progress line (loss, tokens/s, ETA), the metrics as JSON lines and the
 * loss-curve picture written next to the checkpoints.
 */
package org.bert4j.train.report;
