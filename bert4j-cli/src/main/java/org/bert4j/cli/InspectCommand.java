package org.bert4j.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints what a model is: family, block tree, and every parameter with its checkpoint name. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a model's family, resolved block tree and parameter table (path, shape, checkpoint name, count).")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelArgument.HELP)
    String model;

    @Override
    public Integer call() {
        Path dir = ModelArgument.directory(model);
        try (LoadedModel m = HfDirectory.load(dir)) {
            System.out.println("model:   " + dir.toAbsolutePath());
            System.out.println("family:  " + m.family().modelType() + " — " + m.family().summary());
            System.out.println("heads:   " + m.model().heads());
            System.out.println(m.report());
            System.out.println();
            System.out.print(m.model().tree());
            System.out.println();
            WeightMap names = m.family().hfNames();
            boolean prefixed = HfDirectory.hasPretrainingHeads(m.model().heads());
            Map<String, Parameter> params = m.model().namedParameters();
            int width = params.keySet().stream().mapToInt(String::length).max().orElse(10);
            String row = "%-" + width + "s  %-16s  %-60s  %,12d%n";
            System.out.printf("%-" + width + "s  %-16s  %-60s  %12s%n", "parameter", "shape", "checkpoint name", "count");
            params.forEach((path, p) -> System.out.printf(row, path, p.shape(),
                    names.resolve(path, prefixed).name(), p.shape().size()));
            System.out.printf("total parameters: %,d (tied and shared counted once)%n", m.model().parameterCount());
        }
        return 0;
    }
}
