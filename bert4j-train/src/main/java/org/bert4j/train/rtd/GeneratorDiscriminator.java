package org.bert4j.train.rtd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.checkpoint.safetensors.SafetensorsWriter;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.EmbeddingTable;
import org.bert4j.nn.InputEmbeddings;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.train.loop.TensorFiles;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;

/**
 * The generator of replaced-token detection, tied to the discriminator the loop trains (the run's main model, saved
 * as its checkpoints). Each checkpoint also holds the generator as an HF directory {@code generator/} and, under
 * GDES, the raw residual tables E_Δ ({@code gdes_delta.safetensors}) next to the folded E_G + E_Δ of the
 * discriminator's own files, so a resumed run continues from exactly the E_Δ it had.
 */
public final class GeneratorDiscriminator implements AutoCloseable {

    public static final String GENERATOR_DIR = "generator";
    public static final String GDES_DELTA = "gdes_delta.safetensors";

    /** One embedding table both models have: tokens, positions, segments. */
    private record TablePair(String path, EmbeddingTable generator, EmbeddingTable discriminator) {}

    private final LoadedModel generator;
    private final EncoderModel discriminator;
    private final EmbeddingSharing sharing;
    private final List<TablePair> tables;
    /** E_Δ of each table while {@link #withFoldedEmbeddings} runs, else null. */
    private Map<TablePair, NDArray> folded;

    private GeneratorDiscriminator(LoadedModel generator, EncoderModel discriminator, EmbeddingSharing sharing) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.sharing = sharing;
        this.tables = sharing == EmbeddingSharing.NONE ? List.of() : pairs(generator.model(), discriminator);
    }

    /**
     * A fresh generator of {@code shape} for a fresh discriminator of {@code family}, drawn from {@code seed}, tied to
     * it as {@link #fresh} does.
     */
    public static GeneratorDiscriminator create(Family family, EncoderModel discriminator, GeneratorShape shape,
                                                EmbeddingSharing sharing, Path origin, long seed) {
        HfConfig config = new HfConfig(origin, shape.generatorConfig(family.config(discriminator.spec(), discriminator.heads())));
        return fresh(ModelBuilder.create(config, family.generatorHeads(config), DataType.FLOAT32, seed), discriminator, sharing);
    }

    /**
     * Ties a fresh generator to a fresh discriminator: SHARED makes the discriminator read the generator's tables
     * (their arrays become one), GDES zeroes the discriminator's tables (E_Δ = 0) and stacks them on the generator's.
     */
    public static GeneratorDiscriminator fresh(LoadedModel generator, EncoderModel discriminator, EmbeddingSharing sharing) {
        GeneratorDiscriminator pair = new GeneratorDiscriminator(generator, discriminator, sharing);
        for (TablePair t : pair.tables) {
            Parameter own = t.discriminator().weight();
            if (sharing == EmbeddingSharing.SHARED) own.set(t.generator().weight().value());
            if (sharing == EmbeddingSharing.GDES) own.set(own.value().zerosLike());
        }
        pair.link();
        return pair;
    }

    /**
     * The generator saved beside a discriminator checkpoint, tied to it again. Under GDES the discriminator's tables
     * as loaded are E_G + E_Δ; they become the saved E_Δ again, or E_D − E_G when the directory has no residual
     * file (a folded model from elsewhere).
     */
    public static GeneratorDiscriminator restore(Path checkpoint, EncoderModel discriminator, EmbeddingSharing sharing) {
        Path dir = checkpoint.resolve(GENERATOR_DIR);
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(checkpoint + ": no " + GENERATOR_DIR + "/ directory: replaced-token detection "
                    + "continues only from a checkpoint of an RTD run (or start from a preset or config.json)");
        }
        GeneratorDiscriminator pair = new GeneratorDiscriminator(HfDirectory.load(dir), discriminator, sharing);
        if (sharing == EmbeddingSharing.GDES) pair.unfold(checkpoint.resolve(GDES_DELTA));
        if (sharing == EmbeddingSharing.SHARED) {
            for (TablePair t : pair.tables) t.discriminator().weight().set(t.generator().weight().value());
        }
        pair.link();
        return pair;
    }

    private void link() {
        generator.model().requireGradients();
        if (sharing == EmbeddingSharing.GDES) {
            for (TablePair t : tables) t.discriminator().addStopGradientBase(t.generator().weight());
        }
    }

    private static List<TablePair> pairs(EncoderModel generator, EncoderModel discriminator) {
        InputEmbeddings g = generator.encoder().embeddings();
        InputEmbeddings d = discriminator.encoder().embeddings();
        List<TablePair> out = new ArrayList<>();
        add(out, "encoder.embeddings.tokens.weight", g.tokens(), d.tokens());
        add(out, "encoder.embeddings.positions.weight", g.positions(), d.positions());
        add(out, "encoder.embeddings.segments.weight", g.segments(), d.segments());
        return out;
    }

    private static void add(List<TablePair> out, String path, EmbeddingTable generator, EmbeddingTable discriminator) {
        if (generator == null || discriminator == null) return;
        if (!generator.weight().shape().equals(discriminator.weight().shape())) {
            throw new IllegalArgumentException("sharing " + path + " needs the same shape in both models: generator "
                    + generator.weight().shape() + ", discriminator " + discriminator.weight().shape()
                    + " (give both the same embedding_size)");
        }
        out.add(new TablePair(path, generator, discriminator));
    }

    public EncoderModel generator() { return generator.model(); }

    public EmbeddingSharing sharing() { return sharing; }

    /**
     * The generator's parameters for the optimiser, under {@code generator.}; a table whose array the discriminator
     * already holds (SHARED) is left to the discriminator's entry, so it gets one update.
     */
    public List<TrainableParameter> generatorParameters() {
        Set<NDArray> discriminatorArrays = Collections.newSetFromMap(new IdentityHashMap<>());
        discriminator.forEachParameter("", (path, p) -> discriminatorArrays.add(p.value()));
        return TrainableParameters.of(generator.model(), path -> true).stream()
                .filter(p -> !discriminatorArrays.contains(p.parameter().value()))
                .map(p -> new TrainableParameter("generator." + p.path(), p.parameter(), p.decay()))
                .toList();
    }

    /**
     * Runs {@code save} while the discriminator's tables hold E_G + E_Δ (GDES; otherwise as they are), then puts
     * E_Δ back bit for bit.
     */
    public <T> T withFoldedEmbeddings(Supplier<T> save) {
        if (sharing != EmbeddingSharing.GDES) return save.get();
        folded = new LinkedHashMap<>();
        try {
            for (TablePair t : tables) {
                NDArray delta = t.discriminator().weight().value();
                folded.put(t, delta.duplicate());
                delta.addi(t.generator().weight().value());
            }
            return save.get();
        } finally {
            folded.forEach((t, copy) -> {
                copy.copyTo(t.discriminator().weight().value());
                copy.close();
            });
            folded = null;
        }
    }

    /** Writes {@code generator/} and, under GDES, the raw residuals into a checkpoint directory. */
    public void saveCompanions(Path checkpoint, Path tokenizer) {
        HfDirectory.save(generator.model(), generator.family(), checkpoint.resolve(GENERATOR_DIR), tokenizer);
        if (sharing != EmbeddingSharing.GDES) return;
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        for (TablePair t : tables) {
            // Inside withFoldedEmbeddings the tables hold E_G + E_Δ: the residual is the copy taken before folding.
            NDArray residual = folded != null ? folded.get(t) : t.discriminator().weight().value();
            tensors.put(t.path(), TensorFiles.stored(t.path(), residual));
        }
        SafetensorsWriter.write(checkpoint.resolve(GDES_DELTA), tensors, Map.of("format", "bert4j-gdes-delta"));
    }

    private void unfold(Path deltaFile) {
        NDManager manager = discriminator.manager();
        if (Files.isRegularFile(deltaFile)) {
            try (SafetensorsFile f = new SafetensorsFile(deltaFile)) {
                for (TablePair t : tables) {
                    if (!f.names().contains(t.path())) throw new CheckpointException(deltaFile + ": no tensor '" + t.path() + "'");
                    t.discriminator().weight().set(TensorFiles.array(manager, f.get(t.path())));
                }
            }
            return;
        }
        for (TablePair t : tables) {
            t.discriminator().weight().set(t.discriminator().weight().value().sub(t.generator().weight().value()));
        }
    }

    /** The family the generator is saved as (the discriminator's). */
    public Family family() { return generator.family(); }

    @Override
    public void close() {
        generator.close();
    }
}
