/**
 * Fine-tuning and evaluation on the common understanding tasks: {@code data} reads labelled examples from the
 * usual file formats (reporting a bad line by file and line), {@code task} turns them into encoder inputs and
 * defines each task's head, loss, predictions and metrics, {@code head} holds the task heads (HF-named sequence
 * classifiers, CRF, GlobalPointer) and structured losses (ZLPR), {@code model} a backbone with its head,
 * {@code train} the fine-tuning loop (LLRD, EMA, early stopping, resume), {@code run} what the
 * {@code finetune}, {@code evaluate} and {@code predict} commands do, and {@code metrics} the scores tasks are
 * judged by.
 */
package org.bert4j.finetune;
