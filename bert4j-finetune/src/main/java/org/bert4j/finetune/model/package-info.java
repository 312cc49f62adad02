/**
 * A backbone with a task head ({@link org.bert4j.finetune.model.TaskModel}): started from a pre-trained
 * checkpoint with a fresh head (and a fresh pooler when the checkpoint has none, as HF does), or loaded from a
 * fine-tuned directory, which is laid out as the family's Hugging Face task class lays it out, so either side
 * reads the other's files.
 */
package org.bert4j.finetune.model;
