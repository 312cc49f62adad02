package org.bert4j.finetune.run;

import java.nio.file.Path;
import org.bert4j.finetune.data.C3Reader;
import org.bert4j.finetune.data.MultipleChoiceExample;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.ReadResult;

/**
 * How multiple-choice files are read: C3 JSON, documents {@code [[paragraphs], [{question, choice, answer}], id]}.
 * A question without an answer (C3's test layout) is left out and counted in the read's report, since neither
 * training nor scoring can use it; {@code bert4j predict} is the way to answer such questions.
 */
public final class ChoiceFiles {

    private ChoiceFiles() {}

    /** Reads {@code file}; a malformed document or question stops the read with file:line unless the settings skip it. */
    public static ReadResult<MultipleChoiceExample> read(Path file, FineTuneConfig.Data settings) {
        if (!settings.format().equals("auto")) {
            throw new IllegalArgumentException(file + ": multiple choice reads C3 JSON ([[paragraphs], [{question, choice, answer}], id] "
                    + "documents); data.format must be auto, not " + settings.format());
        }
        OnBadRecord policy = settings.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL;
        return new C3Reader().readAll(file, policy).without(q -> !q.hasAnswer(), "no answer (a question to predict)");
    }
}
