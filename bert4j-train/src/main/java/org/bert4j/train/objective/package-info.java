/**
 * Pre-training objectives (MODELS.md section 3): collation of masked sequences into a
 * {@link org.bert4j.train.objective.TrainingBatch}, the loss terms ({@link org.bert4j.train.objective.MaskedLanguageModeling},
 * {@link org.bert4j.train.objective.SentencePairPrediction} for NSP and SOP) and their weighted sum over one shared
 * encoder pass ({@link org.bert4j.train.objective.CombinedObjective}), and replaced-token detection
 * ({@link org.bert4j.train.objective.ReplacedTokenDetection}: a generator's MLM, then a discriminator on its samples). Losses are means over a whole optimiser step
 * ({@link org.bert4j.train.objective.LossDenominators}), so accumulating micro-batches gives the large batch's gradient.
 */
package org.bert4j.train.objective;
