package org.bert4j.finetune.task;

import com.google.gson.JsonObject;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.head.SequenceHeads;
import org.bert4j.finetune.head.TaskHeadModule;

/**
 * What the sequence-level tasks share: one encoder row per example (a text or a pair), the family's
 * {@code *ForSequenceClassification} head with one logit per output, and the config keys HF's class reads. The
 * subclasses differ only in the target, the loss and the metrics.
 *
 * @param <G> the gold answer in the data's terms
 * @param <T> the target the loss reads
 * @param <P> the prediction for one example
 */
public abstract class SequenceTask<G, T, P> implements Task<SequenceExample<G>, T, P> {

    /** config.json key naming the bert4j task (HF ignores keys it does not know and keeps them). */
    public static final String TASK_KEY = "bert4j_task";
    /** config.json key saying whether the model reads text pairs. */
    public static final String PAIR_KEY = "bert4j_pair_input";

    private final TaskKind kind;
    private final boolean pairInput;

    SequenceTask(TaskKind kind, boolean pairInput) {
        this.kind = kind;
        this.pairInput = pairInput;
    }

    @Override
    public final TaskKind kind() { return kind; }

    /** Whether inputs are text pairs (the model was trained on {@code [CLS] a [SEP] b [SEP]}). */
    public final boolean pairInput() { return pairInput; }

    /** Logits per example: the number of classes, or 1 for a score. */
    public abstract int outputs();

    /** The label names of the outputs, for {@code id2label} ({@code LABEL_0} for a score, as HF names it). */
    public abstract LabelSet outputNames();

    /** The gold answer as the loss's target; throws naming the value when it cannot be one (an unknown label). */
    abstract T target(G gold);

    @Override
    public final List<Feature<T>> features(SequenceExample<G> example, int index, InputEncoder encoder) {
        if (example.input().isPair() != pairInput) {
            throw new IllegalArgumentException("example " + index + " is " + (example.input().isPair() ? "a text pair" : "a single text")
                    + " but the task reads " + (pairInput ? "pairs" : "single texts"));
        }
        T target = example.gold() == null ? null : target(example.gold());
        return List.of(Feature.single(index, encoder.encode(example.input()), target));
    }

    @Override
    public final TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
        SequenceClassifierSpec head = SequenceHeads.withDropout(family.sequenceClassifier(config), dropout);
        return SequenceHeads.create(head, spec.hiddenSize(), outputs());
    }

    @Override
    public final JsonObject config() {
        JsonObject o = Task.labelConfig(outputNames(), outputs(), kind);
        o.addProperty("problem_type", kind.problemType());
        o.addProperty(PAIR_KEY, pairInput);
        return o;
    }
}
