package org.bert4j.cli;

import org.bert4j.cli.quickstart.QuickstartCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bert4j} command: one subcommand per task. */
@Command(name = "bert4j", mixinStandardHelpOptions = true, version = "bert4j 0.1.0",
        description = "Build, pre-train, fine-tune, convert, inspect, run and benchmark BERT-family encoders on the JVM.",
        subcommands = {InspectCommand.class, ConvertCommand.class, FillMaskCommand.class, EmbedCommand.class,
                BenchCommand.class, VocabCommand.class, PretrainCommand.class, FinetuneCommand.class, EvaluateCommand.class,
                PredictCommand.class, QuickstartCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        EngineSettings.apply();
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::reportError)
                .execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Bad input ends with one line naming the file or key, not a stack trace (BERT4J_DEBUG=1 shows it). */
    private static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("bert4j " + cmd.getCommandName() + ": " + e.getMessage());
        if (System.getenv("BERT4J_DEBUG") != null) e.printStackTrace(cmd.getErr());
        return 1;
    }
}
