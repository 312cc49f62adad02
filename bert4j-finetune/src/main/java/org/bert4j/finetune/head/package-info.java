/**
 * Task heads and the structured losses that train them.
 *
 * <ul>
 *   <li>{@link org.bert4j.finetune.head.TaskHeadModule}: what a fine-tuning task puts on the encoder, its parameter
 *       paths the checkpoint names of the HF class it mirrors. {@link org.bert4j.finetune.head.SequenceHeads} builds
 *       the sequence-level one of each family (pooler + {@code classifier} for BERT/ALBERT, {@code classifier.dense}
 *       + {@code classifier.out_proj} for RoBERTa/RoFormer, a first-token {@code classifier} for RoFormerV2/GAU-α);
 *       {@link org.bert4j.finetune.head.TokenClassifierHead} the per-token {@code *ForTokenClassification} one (with an
 *       optional {@code crf}), {@link org.bert4j.finetune.head.GlobalPointerHead} the span one,
 *       {@link org.bert4j.finetune.head.QuestionAnsweringHead} the {@code *ForQuestionAnswering} one
 *       ({@code qa_outputs}: a start and an end score per token).</li>
 *   <li>{@link org.bert4j.finetune.head.LinearChainCrf}: sequence tagging with a transition matrix; trained by the
 *       exact negative log-likelihood (forward algorithm), decoded by {@link org.bert4j.finetune.head.ViterbiDecoder},
 *       optionally restricted to valid BIO paths ({@link org.bert4j.finetune.head.TransitionConstraints}).</li>
 *   <li>{@link org.bert4j.finetune.head.ZlprLoss}: multi-label cross-entropy with threshold 0 (no sigmoid), for
 *       multi-label classification and for span scores.</li>
 *   <li>{@link org.bert4j.finetune.head.GlobalPointer}: nested-span extraction; every (start, end) pair of every type
 *       gets one score, so overlapping and nested entities need no tagging scheme
 *       ({@link org.bert4j.finetune.head.StandardGlobalPointer}, {@link org.bert4j.finetune.head.EfficientGlobalPointer}).</li>
 * </ul>
 *
 * <p>Like the core's heads these are {@link org.bert4j.nn.Module}s with HF-style parameter paths. Forward passes and
 * losses take and return NDArrays and create their intermediates in the inputs' manager, so the caller's scope
 * (a sub-manager per step) frees them. Decoding reads scores to the host and works in Java doubles: it is never
 * differentiated, and its loops are tiny next to the cost of one engine call per step.
 */
package org.bert4j.finetune.head;
