package org.bert4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bert4j.train.run.Setting;
import picocli.CommandLine.Option;

/**
 * The options every run-file command shares ({@code pretrain}, {@code finetune}): the run file, {@code --set}
 * overrides, {@code --resume} and {@code --list-settings}, and the engine thread setting both apply the same way.
 */
final class RunFileOptions {

    @Option(names = "--run", paramLabel = "FILE", description = "run file, YAML or JSON")
    Path runFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one setting, e.g. --set optimizer.lr=1e-3 (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--resume", description = "continue from the newest complete checkpoint in the output directory")
    boolean resume;

    @Option(names = "--list-settings", description = "print every run-file key with its default and meaning, then exit")
    boolean listSettings;

    /** With {@code --list-settings}, prints the table and returns true: the command has nothing more to do. */
    boolean listed(Map<String, Setting> settings, PrintStream out) {
        if (!listSettings) return false;
        settings.values().forEach(s -> out.printf("%-28s %-14s %s%n", s.key(),
                s.defaultValue() == null ? "(required)" : s.defaultValue().isEmpty() ? "\"\"" : s.defaultValue(), s.help()));
        return true;
    }

    /** The engine reads its thread count once, when it starts: the run's setting must be in place before that. */
    static void useThreads(int threads) {
        if (threads > 0) System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
}
