/**
 * The scores fine-tuned models are judged by, computed the way the reference scripts compute them so that numbers
 * printed by {@code bert4j evaluate} can be compared with published ones.
 *
 * <ul>
 *   <li>Classification: {@link org.bert4j.finetune.metrics.Accuracy} (also multiple-choice accuracy),
 *       {@link org.bert4j.finetune.metrics.ClassificationReport} (per-class precision / recall / F1, macro and
 *       micro averages, single- and multi-label, as scikit-learn), {@link org.bert4j.finetune.metrics.ConfusionMatrix}.</li>
 *   <li>Regression / similarity: {@link org.bert4j.finetune.metrics.Correlation} (Pearson, Spearman with average
 *       ranks for ties, as SciPy).</li>
 *   <li>Entity recognition: {@link org.bert4j.finetune.metrics.EntityTagDecoder} turns IOB1 / IOB2 / IOBES / BILOU /
 *       BMES tag sequences into {@link org.bert4j.finetune.data.EntitySpan}s with seqeval's default (conlleval)
 *       rules; {@link org.bert4j.finetune.metrics.EntityScores} scores spans, exact boundaries and type, as seqeval.</li>
 *   <li>Extractive QA: {@link org.bert4j.finetune.metrics.ExtractiveQaScores} with the official SQuAD v1.1
 *       ({@link org.bert4j.finetune.metrics.SquadAnswerScorer}) or CMRC 2018
 *       ({@link org.bert4j.finetune.metrics.Cmrc2018AnswerScorer}) answer comparison.</li>
 * </ul>
 *
 * <p>Conventions shared by the whole package:
 * <ul>
 *   <li><b>Scale</b>: every score is a fraction in [0, 1], including QA exact match and F1 (the official scripts
 *       print them ×100: a printed 81.23 is our 0.8123). One scale everywhere means no metric is silently off by a
 *       factor of 100 when results are compared or averaged.</li>
 *   <li><b>Zero denominators</b> inside a score (precision of a class that is never predicted, recall of a type that
 *       never occurs in gold) give 0, as scikit-learn's and seqeval's default {@code zero_division} reports them.</li>
 *   <li><b>Empty input</b> (no examples at all) and mismatched lengths throw {@link java.lang.IllegalArgumentException}:
 *       an evaluation over nothing is a bug in the caller, not a score.</li>
 *   <li>{@link org.bert4j.finetune.metrics.MetricResult} is the common output: an ordered name → value map printed
 *       as {@code name: value} lines.</li>
 * </ul>
 */
package org.bert4j.finetune.metrics;
