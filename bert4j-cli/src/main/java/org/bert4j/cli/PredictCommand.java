package org.bert4j.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bert4j.finetune.run.SavedModelPrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a fine-tuned model on texts from the arguments, a file or standard input; one JSON line per input. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a fine-tuned model: texts from the arguments, --file (one per line) or standard input; "
                + "prints one JSON line each (label, score and probabilities; labels above threshold; the predicted value; "
                + "a tagger's tokens, tags and entities, a span model's entities, each with type, start, end and text; a multiple-choice "
                + "model's answer_index, answer and probabilities; a QA model's answer with its start, end and score). A model trained "
                + "on pairs reads 'text<TAB>pair'; a tagger splits each line at spaces and into single Han characters; a "
                + "multiple-choice model reads one JSON object a line: {\"context\": text or [paragraphs], \"question\": text, "
                + "\"choices\": [texts]}; a QA model reads {\"question\": ..., \"context\": ...} JSON a line (an \"id\" is echoed).")
final class PredictCommand implements Callable<Integer> {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    @Parameters(index = "0", paramLabel = "MODEL", description = "a fine-tuned model directory (e.g. OUTPUT/best)")
    String model;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*", description = "inputs (none: read --file or standard input)")
    List<String> texts = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", description = "inputs, one per line")
    Path file;

    @Option(names = "--max-length", paramLabel = "N", description = "tokens per input (default: the length it was fine-tuned with)")
    int maxLength;

    @Option(names = "--batch-size", paramLabel = "N", description = "inputs per batch at most (default 64; fewer when rows are long)")
    int batchSize = 64;

    @Override
    public Integer call() {
        List<String> inputs = new ArrayList<>(texts);
        if (file != null) inputs.addAll(lines(file));
        if (texts.isEmpty() && file == null) inputs.addAll(standardInput());
        inputs.removeIf(String::isBlank);
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input texts: give them as arguments, with --file or on standard input");
        for (JsonObject o : SavedModelPrediction.predict(ModelArgument.directory(model), inputs, maxLength, batchSize)) {
            System.out.println(GSON.toJson(o));
        }
        return 0;
    }

    /** The file's lines; a byte sequence that is not UTF-8 is reported with its line number. */
    private static List<String> lines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, text, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new IllegalArgumentException(file + ":" + line + ": not valid UTF-8 text");
        }
        return text.flip().toString().lines().toList();
    }

    private static List<String> standardInput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            return in.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("standard input: " + e.getMessage(), e);
        }
    }
}
