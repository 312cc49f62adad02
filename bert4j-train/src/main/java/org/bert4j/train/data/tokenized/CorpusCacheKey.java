package org.bert4j.train.data.tokenized;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over everything that decides a tokenised corpus: the layout version, the {@code tokenizer.json}
 * bytes, each input file's absolute path, size and modification time (hashing the corpus bytes would cost as
 * much as reading them), the format and field names, the word-boundary mode and the document limit.
 */
final class CorpusCacheKey {

    /** Bump when the column layout or the tokenisation rules change, so old caches are not reused. */
    static final String LAYOUT = "bert4j-tokenized-corpus/1";

    private CorpusCacheKey() {}

    static String compute(CorpusSettings settings, List<Path> files) {
        MessageDigest sha = sha256();
        update(sha, LAYOUT);
        try (InputStream in = new DigestInputStream(Files.newInputStream(settings.tokenizerJson()), sha)) {
            in.transferTo(OutputStream.nullOutputStream()); // the digest stream sees the bytes
        } catch (IOException e) {
            throw new UncheckedIOException(settings.tokenizerJson() + ": cannot read the tokenizer file", e);
        }
        update(sha, "format=" + settings.format().key());
        update(sha, "boundaries=" + settings.wordBoundaries());
        update(sha, "maxDocuments=" + settings.maxDocuments());
        for (Path file : files) {
            try {
                update(sha, "file=" + file.toAbsolutePath().normalize());
                update(sha, "size=" + Files.size(file));
                update(sha, "modified=" + Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read the file's size and time", e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String field) {
        sha.update((field + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
