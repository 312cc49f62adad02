/**
 * The {@code bert4j} command line (picocli): {@link org.bert4j.cli.Main} and one command class per task
 * (inspect, convert, fill-mask, embed, bench, vocab). Commands parse arguments and print; the work lives in
 * bert4j-core and bert4j-train.
 */
package org.bert4j.cli;
