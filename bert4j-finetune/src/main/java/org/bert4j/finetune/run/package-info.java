/**
 * What {@code bert4j finetune}, {@code evaluate} and {@code predict} do: the settings schema
 * ({@link org.bert4j.finetune.run.FineTuneSchema}, read through bert4j-train's run files and {@code --set}
 * overrides), reading task files by format and column ({@link org.bert4j.finetune.run.TaskFiles},
 * {@link org.bert4j.finetune.run.TaskData}; CoNLL and BMES lines for tagging: {@link org.bert4j.finetune.run.TaggedFiles};
 * SQuAD JSON for question answering: {@link org.bert4j.finetune.run.QaFiles}),
 * the run itself with its outputs
 * ({@link org.bert4j.finetune.run.FineTuneRun}), optional task-adaptive pre-training first
 * ({@link org.bert4j.finetune.run.TaskAdaptivePretraining}), and scoring or running a saved model.
 */
package org.bert4j.finetune.run;
