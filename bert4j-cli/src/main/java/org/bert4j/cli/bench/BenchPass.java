package org.bert4j.cli.bench;

/**
 * One engine, loaded and ready, able to run the benchmark's unit of work once: a forward pass over the batch
 * (inference bench) or a whole training step on it (training bench).
 */
public interface BenchPass extends AutoCloseable {

    String engine();

    /** One unit of work over the batch, inputs built and outputs released inside the call. */
    void run() throws Exception;

    @Override
    void close() throws Exception;
}
