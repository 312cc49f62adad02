package org.bert4j.cli;

/**
 * Engine defaults for a command-line run, set before the engine starts: offline (never reach a model hub) and,
 * unless the user chose otherwise, one intra-op thread per core and a single inter-op thread.
 */
final class EngineSettings {

    private EngineSettings() {}

    static void apply() {
        System.setProperty("ai.djl.offline", "true");
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", cores);
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
