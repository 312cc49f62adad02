package org.bert4j.finetune.data;

/**
 * Receives examples as a reader streams them, each with the line it starts on, so that a later check (an unknown
 * label, an over-long text) can still name {@code file:line}.
 */
@FunctionalInterface
public interface ExampleSink<T> {

    void accept(T example, long line);
}
