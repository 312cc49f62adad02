package org.bert4j.cli.bench;

/** One engine, loaded and ready, able to run the benchmark batch through its model once. */
public interface ForwardPass extends AutoCloseable {

    String engine();

    /** One full forward pass over the batch, inputs built and outputs released inside the call. */
    void run() throws Exception;

    @Override
    void close() throws Exception;
}
