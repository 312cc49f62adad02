package org.bert4j.finetune.model;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.bert4j.family.Family;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.TaskHead;

/**
 * An encoder with a task head: what fine-tuning trains, evaluation scores and prediction runs. Saved as the HF
 * task class lays it out ({@link TaskHead}): the directory loads in {@code transformers} and back here through
 * {@link TaskModels#load}. The head's parameters live in the backbone's manager, so closing the model frees both.
 *
 * <p>Parameter paths are the backbone's ({@code encoder.…}, {@code pooler.…}) and the head's HF names
 * ({@code classifier.…}); they never collide, which is what lets one optimiser state file and one EMA file hold both.
 */
public final class TaskModel implements AutoCloseable {

    private final LoadedModel backbone;
    private final TaskHeadModule head;
    /** config.json key of the input length the model was fine-tuned with, the default for evaluation and prediction. */
    public static final String MAX_LENGTH_KEY = "bert4j_max_length";

    private final JsonObject taskConfig;
    private final int maxLength;

    /**
     * @param taskConfig the task's config.json keys ({@code id2label}, {@code problem_type}, ...)
     * @param maxLength  tokens per input it is trained (was trained) with, saved so that evaluation truncates alike
     */
    public TaskModel(LoadedModel backbone, TaskHeadModule head, JsonObject taskConfig, int maxLength) {
        this.backbone = backbone;
        this.head = head;
        this.taskConfig = taskConfig.deepCopy();
        this.maxLength = maxLength;
    }

    public int maxLength() { return maxLength; }

    public EncoderModel encoder() { return backbone.model(); }

    public Family family() { return backbone.family(); }

    public TaskHeadModule head() { return head; }

    /** The tokenizer.json travelling with the model (may be null for a model that had none). */
    public Path tokenizer() { return backbone.tokenizer(); }

    /** The head's output for a padded batch of rows, dropout on when {@code training}. */
    public NDArray forward(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask, boolean training) {
        EncoderModel m = backbone.model();
        Encoder.Output states = m.encode(inputIds, tokenTypeIds, attentionMask, training);
        ForwardContext ctx = training ? ForwardContext.training(1f, inputIds.getManager()) : ForwardContext.INFERENCE;
        return head.forward(m, states, attentionMask, ctx);
    }

    /** Every parameter by path, backbone first, each once (shared and tied ones under their owner). */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(backbone.model().namedParameters());
        head.forEachParameter("", (path, p) -> {
            if (all.put(path, p) != null) throw new IllegalStateException("head parameter " + path + " shadows a backbone one");
        });
        return all;
    }

    /** Marks every parameter as needing a gradient, before forward passes inside a gradient collector. */
    public void requireGradients() {
        namedParameters().values().forEach(p -> p.value().setRequiresGradient(true));
    }

    /** config.json as saved: the family's keys, then the head's ({@code architectures}) and the task's. */
    public JsonObject savedConfigKeys() {
        JsonObject o = head.config();
        taskConfig.entrySet().forEach(e -> o.add(e.getKey(), e.getValue().deepCopy()));
        o.addProperty(MAX_LENGTH_KEY, maxLength);
        return o;
    }

    /** Writes the model as an HF directory, atomically; {@code extras} may add files (labels.json) before it appears. */
    public void save(Path dir, Consumer<Path> extras) {
        HfDirectory.save(backbone.model(), backbone.family(), dir, backbone.tokenizer(), new TaskHead(head, savedConfigKeys()), extras);
    }

    @Override
    public void close() {
        backbone.close();
    }
}
