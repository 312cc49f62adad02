package org.bert4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bert4j.pretrained.Converter;
import org.bert4j.pretrained.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a Hugging Face directory from any checkpoint bert4j reads. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a checkpoint (HF directory, offline model name, .onnx, TF checkpoint, bert4keras "
                + ".safetensors) to a Hugging Face directory (config.json, model.safetensors, tokenizer.json).")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "the checkpoint to read")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "the directory to write (replaced atomically)")
    Path destination;

    @Option(names = "--config", description = "config.json for a checkpoint that has none (HF or bert4keras keys)")
    Path config;

    @Option(names = "--heads", description = "attention heads, when no --config is given (BERT sizes come from the shapes)")
    Integer heads;

    @Option(names = "--tokenizer", description = "tokenizer.json to copy into DST")
    Path tokenizer;

    @Option(names = "--vocab", description = "vocab.txt to build tokenizer.json from (WordPiece)")
    Path vocab;

    @Option(names = "--cased", description = "the vocabulary is cased (no lower-casing)")
    boolean cased;

    @Override
    public Integer call() {
        LoadReport report = Converter.convert(source, destination, new Converter.Options(config, heads, tokenizer, vocab, !cased));
        System.out.println(report);
        System.out.println("wrote " + destination.toAbsolutePath());
        return 0;
    }
}
