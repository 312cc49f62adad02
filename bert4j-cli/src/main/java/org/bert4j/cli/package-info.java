/**
 * The {@code bert4j} command line (picocli): {@link org.bert4j.cli.Main} and one command class per task
 * (inspect, convert, fill-mask, embed, bench, vocab, pretrain, finetune, evaluate, predict). Commands parse
 * arguments and print; the work lives in bert4j-core, bert4j-train and bert4j-finetune.
 */
package org.bert4j.cli;
