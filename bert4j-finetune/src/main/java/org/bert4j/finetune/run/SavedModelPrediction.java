package org.bert4j.finetune.run;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * Runs a fine-tuned model directory on raw inputs, one JSON object per input: the input, then the task's answer
 * (label, its probability and all probabilities; the labels above threshold and their scores; the predicted
 * value). A model trained on pairs reads each input as {@code text<TAB>pair}.
 */
public final class SavedModelPrediction {

    private SavedModelPrediction() {}

    /**
     * @param inputs    one input per line (a TAB separates the two texts of a pair)
     * @param maxLength tokens per input, 0 for the length the model was fine-tuned with
     */
    public static List<JsonObject> predict(Path modelDir, List<String> inputs, int maxLength, int batchSize) {
        try (TaskModels.Loaded loaded = TaskModels.load(modelDir)) {
            return predict(loaded.model(), loaded.task(), inputs, maxLength, batchSize);
        }
    }

    private static <G, T, P> List<JsonObject> predict(TaskModel model, SequenceTask<G, T, P> task, List<String> inputs,
                                                      int maxLength, int batchSize) {
        List<SequenceExample<G>> examples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) examples.add(SequenceExample.unlabelled(parse(inputs.get(i), i + 1, task.pairInput())));
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<SequenceExample<G>, T> features = FeatureSet.of(task, examples, encoder);
            Evaluator.Result<P> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < examples.size(); i++) {
                JsonObject o = new JsonObject();
                SequenceInput in = examples.get(i).input();
                o.addProperty("text", in.text());
                if (in.isPair()) o.addProperty("text_pair", in.pair());
                task.toJson(r.predictions().get(i)).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                out.add(o);
            }
            return out;
        }
    }

    static SequenceInput parse(String line, int number, boolean pair) {
        if (!pair) return SequenceInput.of(line);
        int tab = line.indexOf('\t');
        if (tab < 0) throw new IllegalArgumentException("input " + number + ": the model reads text pairs: give 'text<TAB>pair'");
        return SequenceInput.of(line.substring(0, tab), line.substring(tab + 1));
    }
}
