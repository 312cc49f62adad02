/**
 * Fine-tuning and evaluation on the common understanding tasks: {@code data} reads labelled examples from the
 * usual file formats (reporting a bad line by file and line), {@code head} holds the task heads and their losses
 * (classification, CRF, GlobalPointer, ZLPR, extractive QA spans), {@code metrics} the scores tasks are judged by.
 */
package org.bert4j.finetune;
