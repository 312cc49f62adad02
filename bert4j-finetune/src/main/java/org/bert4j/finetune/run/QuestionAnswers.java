package org.bert4j.finetune.run;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.data.QaInput;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.task.AnswerSpan;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.QaTarget;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * {@code bert4j predict} for a QA model: each input line a JSON object with the question and its context
 * ({@link QaInput}), each answer a JSON object with the input's id (its own, else its number) and question, then the answer
 * text, its character offsets in the context (end exclusive) and its score. The context is not echoed: it is
 * usually long, and the caller has it.
 */
final class QuestionAnswers {

    private QuestionAnswers() {}

    static List<JsonObject> answer(TaskModel model, ExtractiveQa task, List<String> inputs, int maxLength, int batchSize) {
        List<QaExample> questions = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) questions.add(QaInput.parse(inputs.get(i), i + 1));
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<QaExample, QaTarget> features = FeatureSet.of(task, questions, encoder);
            Evaluator.Result<AnswerSpan> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < questions.size(); i++) {
                JsonObject o = new JsonObject();
                o.addProperty("id", questions.get(i).id());
                o.addProperty("question", questions.get(i).question());
                task.toJson(r.predictions().get(i)).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                out.add(o);
            }
            return out;
        }
    }
}
