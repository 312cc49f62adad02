package org.bert4j.finetune.run;

import java.nio.file.Path;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.data.SquadReader;

/**
 * How extractive QA files are read: SQuAD JSON ({@link SquadReader}: CMRC 2018, DRCD), whatever the extension. A
 * question without any answer is left out and counted as skipped, since it can be neither trained on nor scored
 * (SQuAD v1.1 has none; predicting unanswerable questions is SQuAD 2.0's task, not this one).
 */
public final class QaFiles {

    private QaFiles() {}

    /** Reads {@code file}; a malformed question stops the read with file:line unless the settings skip it. */
    public static ReadResult<QaExample> read(Path file, FineTuneConfig.Data settings) {
        if (!settings.format().equals("auto")) {
            throw new IllegalArgumentException(file + ": question answering reads SQuAD JSON files; data.format "
                    + settings.format() + " does not apply to it");
        }
        OnBadRecord policy = settings.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL;
        return new SquadReader().readAll(file, policy).without(e -> e.answers().isEmpty(), "question without answers");
    }

    /**
     * The training questions, without those none of whose answers is at its stated offset (the reader warned about
     * each): a training target needs the answer's position.
     */
    static ReadResult<QaExample> trainable(ReadResult<QaExample> read) {
        return read.without(e -> e.trainingAnswers().isEmpty(), "no answer found at its answer_start");
    }
}
