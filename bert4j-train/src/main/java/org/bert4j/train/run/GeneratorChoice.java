package org.bert4j.train.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.train.rtd.EmbeddingSharing;
import org.bert4j.train.rtd.GeneratorDiscriminator;

/**
 * The generator of an RTD run ({@code objective.kind: rtd}): drawn fresh at the {@code generator.*} size beside a
 * fresh discriminator, or the one saved in the checkpoint the run resumes or continues from.
 */
final class GeneratorChoice {

    /** The generator's weights are drawn from another stream than the discriminator's (same paths, same shapes). */
    private static final long GENERATOR_SEED = 0x6E4E_7A70L;

    private GeneratorChoice() {}

    /** @param resumedFrom the checkpoint a resumed run restored, or null */
    static GeneratorDiscriminator attach(PretrainingConfig config, LoadedModel discriminator, Path resumedFrom, PrintStream log) {
        EmbeddingSharing sharing = config.generator().sharing();
        if (resumedFrom != null) return GeneratorDiscriminator.restore(resumedFrom, discriminator.model(), sharing);
        if (!ModelChoice.fromScratch(config)) {
            return GeneratorDiscriminator.restore(OfflineModels.resolve(config.model()), discriminator.model(), sharing);
        }
        // The fractions were checked against (0, 1] when the config was read.
        GeneratorDiscriminator pair = GeneratorDiscriminator.create(discriminator.family(), discriminator.model(),
                config.generator().shape(), sharing,
                Path.of("generator of " + config.model()), config.train().seed() ^ GENERATOR_SEED);
        EncoderModel generator = pair.generator();
        log.printf(Locale.ROOT, "generator: %d layers, d %d, %,d parameters; embeddings %s%n",
                generator.spec().numLayers(), generator.spec().hiddenSize(), generator.parameterCount(), sharing.key());
        return pair;
    }
}
