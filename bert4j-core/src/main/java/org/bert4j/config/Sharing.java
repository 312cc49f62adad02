package org.bert4j.config;

/** Cross-layer parameter sharing. */
public sealed interface Sharing {

    /** Every layer has its own parameters. */
    record Unshared() implements Sharing {}

    /**
     * ALBERT: {@code groups} parameter sets; layer i uses group i / (L / groups). Parameter count does not grow
     * with depth.
     */
    record Grouped(int groups) implements Sharing {}
}
