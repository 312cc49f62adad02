package org.bert4j.finetune.model;

import ai.djl.ndarray.types.DataType;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.PositionEncoding;
import org.bert4j.family.Family;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.task.MultipleChoice;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.SequenceTasks;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.task.TaskKind;
import org.bert4j.finetune.task.TokenClassification;
import org.bert4j.finetune.task.SpanExtraction;
import com.google.gson.JsonObject;
import org.bert4j.model.EncoderModel;
import org.bert4j.model.ParameterInitializer;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadReport;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.pretrained.TaskHead;
import org.bert4j.pretrained.WeightLoader;

/**
 * The two ways to get a {@link TaskModel}: {@link #startFrom} a pre-trained checkpoint (the start of fine-tuning)
 * and {@link #load} a fine-tuned one (evaluation, prediction, resuming).
 */
public final class TaskModels {

    private TaskModels() {}

    /**
     * A pre-trained model directory's backbone with the task's head drawn fresh from {@code seed}, as HF's
     * {@code from_pretrained} on a task class does: every encoder weight must be in the file; a pooler the head
     * needs and the file lacks (bge-small-zh has none) is drawn fresh too; pre-training heads in the file (MLM, NSP)
     * are not used and are listed on {@code log}.
     *
     * @param headDropout the head's dropout, or NaN for the one the config implies
     * @param maxLength   tokens per input the model will be trained with (saved with it)
     */
    public static TaskModel startFrom(Path dir, Task<?, ?, ?> task, double headDropout, int maxLength, long seed, PrintStream log) {
        if (!Files.isDirectory(dir)) throw new CheckpointException(dir + ": not a model directory");
        HfConfig config = HfConfig.read(dir.resolve(HfDirectory.CONFIG));
        Family family = ModelBuilder.family(config);
        EncoderSpec spec = spec(family, config);
        TaskHeadModule head = task.newHead(family, config, spec, headDropout);
        Path tokenizer = dir.resolve(HfDirectory.TOKENIZER);
        if (!Files.isRegularFile(tokenizer)) throw new CheckpointException(dir + ": no tokenizer.json: fine-tuning needs the model's tokenizer");
        EncoderModel model = EncoderModel.create(spec, new HeadSpec(new HeadSpec.MlmHead.None(), head.usesPooler(), false), DataType.FLOAT32);
        try (TensorSource weights = SafetensorsCheckpoint.open(dir)) {
            LoadReport report = WeightLoader.load(model, weights, family.hfNames(), new WeightLoader.Options(true, true), List.of());
            List<String> backbone = report.missing().stream().filter(m -> !m.endsWith("(pooler.dense.weight)") && !m.endsWith("(pooler.dense.bias)")).toList();
            if (!backbone.isEmpty()) throw new CheckpointException(dir + ": encoder weights missing: " + backbone);
            if (!report.missing().isEmpty()) log.println("freshly initialised (not in the checkpoint): " + String.join(", ", report.missing()));
            if (!report.unexpected().isEmpty()) log.println("not used (pre-training or other heads): " + summary(report.unexpected()));
            model.initialize(seed);
            ParameterInitializer.initialize(head, model.manager(), model.dataType(), head.initialization(spec.initialization()),
                    spec.numLayers(), seed);
            LoadedModel loaded = new LoadedModel(model, family, report, tokenizer);
            return new TaskModel(loaded, head, task.config(), maxLength);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A fine-tuned model and the task its config.json describes (whose head the model carries). */
    public record Loaded(TaskModel model, Task<?, ?, ?> task) implements AutoCloseable {
        @Override
        public void close() { model.close(); }
    }

    /** A saved model was trained for another task than the one asked for (other labels, another kind). */
    public static final class TaskMismatchException extends IllegalArgumentException {
        TaskMismatchException(String message) { super(message); }
    }

    /**
     * A directory saved by {@link TaskModel#save} (or by HF's {@code *ForSequenceClassification},
     * {@code *ForTokenClassification}, {@code *ForMultipleChoice} or {@code *ForQuestionAnswering}): every key used exactly once.
     */
    public static Loaded load(Path dir) {
        HfConfig config = config(dir);
        return load(dir, config, taskOf(config));
    }

    /**
     * As {@link #load(Path)}, with the head built by {@code task} (a resumed run's own task instance, which keeps the
     * head it decodes with), after checking that the directory was saved for that very task.
     */
    public static Loaded load(Path dir, Task<?, ?, ?> task) {
        HfConfig config = config(dir);
        JsonObject saved = taskOf(config).config();
        if (!saved.equals(task.config())) {
            throw new TaskMismatchException("the data now defines the task " + task.config() + " but " + dir + " was trained for " + saved);
        }
        return load(dir, config, task);
    }

    private static HfConfig config(Path dir) {
        if (!Files.isDirectory(dir)) throw new CheckpointException(dir + ": not a model directory");
        return HfConfig.read(dir.resolve(HfDirectory.CONFIG));
    }

    /**
     * The task a config.json describes: a tagger when {@code bert4j_task} names a tagging kind or, for a model from
     * elsewhere, when its architecture is a {@code *ForTokenClassification}; a span model likewise by {@code spans} or
     * bert4j's {@code *ForGlobalPointer}; a multiple-choice model by {@code multiple-choice} or a
     * {@code *ForMultipleChoice}; a QA model by {@code question-answering} or HF's {@code *ForQuestionAnswering};
     * otherwise a sequence-level task.
     */
    static Task<?, ?, ?> taskOf(HfConfig config) {
        boolean tagger = false;
        boolean spans = false;
        boolean choice = false;
        boolean qa = false;
        if (config.has(SequenceTask.TASK_KEY)) {
            try {
                TaskKind kind = TaskKind.named(config.requireString(SequenceTask.TASK_KEY));
                tagger = kind.tagging();
                spans = kind == TaskKind.SPANS;
                choice = kind == TaskKind.MULTIPLE_CHOICE;
                qa = kind == TaskKind.QUESTION_ANSWERING;
            } catch (IllegalArgumentException e) {
                throw config.invalid(SequenceTask.TASK_KEY, e.getMessage());
            }
        } else if (config.json().has("architectures") && config.json().get("architectures").isJsonArray()) {
            for (var a : config.json().getAsJsonArray("architectures")) {
                tagger |= a.isJsonPrimitive() && a.getAsString().endsWith("ForTokenClassification");
                spans |= a.isJsonPrimitive() && a.getAsString().endsWith("ForGlobalPointer");
                choice |= a.isJsonPrimitive() && a.getAsString().endsWith("ForMultipleChoice");
                qa |= a.isJsonPrimitive() && a.getAsString().endsWith("ForQuestionAnswering");
            }
        }
        if (choice) return new MultipleChoice(); // the head has one output whatever num_labels says: nothing to read
        if (qa) return ExtractiveQa.fromConfig(config);
        if (spans) return SpanExtraction.fromConfig(config);
        return tagger ? TokenClassification.fromConfig(config) : SequenceTasks.fromConfig(config);
    }

    private static Loaded load(Path dir, HfConfig config, Task<?, ?, ?> task) {
        Family family = ModelBuilder.family(config);
        EncoderSpec spec = spec(family, config);
        TaskHeadModule head = task.newHead(family, config, spec, Double.NaN);
        LoadedModel backbone = HfDirectory.load(dir, DataType.FLOAT32, WeightLoader.Options.STRICT, new TaskHead(head, task.config()));
        if (head.usesPooler() && backbone.model().pooler() == null) {
            backbone.close();
            throw new CheckpointException(dir + ": the " + head.config().getAsJsonArray("architectures").get(0).getAsString()
                    + " head needs the pooler, and the checkpoint has none");
        }
        int positions = spec.position() instanceof PositionEncoding.Absolute a ? a.maxPositions() - a.offset() : 512;
        int maxLength = config.optInt(TaskModel.MAX_LENGTH_KEY, Math.min(512, positions)); // HF pipelines' default, where it fits
        return new Loaded(new TaskModel(backbone, head, task.config(), maxLength), task);
    }

    private static EncoderSpec spec(Family family, HfConfig config) {
        try {
            return family.spec(config);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(config.origin() + ": " + e.getMessage(), e);
        }
    }

    private static String summary(List<String> keys) {
        return keys.size() <= 6 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 6)) + ", … (" + keys.size() + " keys)";
    }
}
