package org.bert4j.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bert4j.checkpoint.onnx.OnnxGraph;
import org.bert4j.checkpoint.onnx.OnnxGraphEditor;
import org.bert4j.checkpoint.onnx.OnnxInitializers;
import org.bert4j.model.Encoder;
import org.bert4j.tokenization.TextTokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real weights, independent implementation: bge-small-zh-v1.5 and all-MiniLM-L6-v2 converted to HF directories
 * and run by bert4j give ONNX Runtime's hidden states at every layer ONNX exposes, on a padded batch of single texts
 * and a question-passage pair (segment ids 1, hundreds of positions), ≤ 1e-4.
 */
class OnnxParityTest {

    private static final List<String> ZH = List.of("今天天气很好，我们去公园散步吧。", "银行卡丢了怎么办", "北京是中国的首都，也是一座历史悠久的城市，有很多名胜古迹。");
    /**
     * A question and a 381-character passage (CMRC 2018 trial): segment ids 1 and positions far past the short texts',
     * which the QA and sentence-pair tasks depend on.
     */
    private static final String[] ZH_PAIR = {"生命数耗完即算为什么？", "基于《跑跑卡丁车》与《泡泡堂》上所开发的游戏，由韩国Nexon开发与发行。"
            + "中国大陆由盛大游戏运营，这是Nexon时隔6年再次授予盛大网络其游戏运营权。台湾由游戏橘子运营。玩家以水枪、小枪、锤子或是水炸弹泡封敌人"
            + "(玩家或NPC)，即为一泡封，将水泡击破为一踢爆。若水泡未在时间内踢爆，则会从水泡中释放或被队友救援(即为一救援)。每次泡封会减少生命数，"
            + "生命数耗完即算为踢爆。重生者在一定时间内为无敌状态，以踢爆数计分较多者获胜，规则因模式而有差异。以2V2、4V4随机配对的方式，玩家可依胜场数"
            + "爬牌位(依序为原石、铜牌、银牌、金牌、白金、钻石、大师) ，可选择经典、热血、狙击等模式进行游戏。若游戏中离，则4分钟内不得进行配对"
            + "(每次中离+4分钟)。开放时间为暑假或寒假期间内不定期开放，8人经典模式随机配对，采计分方式，活动时间内分数越多，终了时可依该名次获得奖励。"};
    private static final String[] EN_PAIR = {"Who jumps?", "The quick brown fox jumps over the lazy dog, again and again, "
            + "while the dog sleeps in the sun and the farmer watches from the porch of the old house by the river."};
    private static final List<String> EN = List.of("The quick brown fox jumps over the lazy dog.", "Hello world",
            "Transformers compute contextual embeddings for every token in a sentence, padded or not.");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bge-small-zh, bge-small-zh-v1.5.onnx", "all-minilm-l6, all-minilm-l6-v2.onnx"})
    void hiddenStatesMatchOnnxRuntimeAtEveryLayer(String name, String onnxResource) throws Exception {
        byte[] onnx;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(onnxResource)) {
            onnx = in.readAllBytes();
        }
        OnnxGraph graph;
        try (OnnxInitializers init = OnnxInitializers.fromBytes(onnx, Path.of(onnxResource))) {
            graph = init.graph();
        }
        List<String> layerOutputs = new ArrayList<>(graph.layerOutputs());
        assertFalse(layerOutputs.isEmpty(), "the export names its layer outputs");
        String last = graph.outputs().get(0);
        Set<String> extra = new LinkedHashSet<>(layerOutputs);
        extra.removeIf(graph.outputs()::contains);
        byte[] edited = OnnxGraphEditor.withExtraOutputs(onnx, List.copyOf(extra));

        Path dir = OfflineModels.resolve(name);
        boolean chinese = name.startsWith("bge-small-zh");
        List<String> texts = chinese ? ZH : EN;
        String[] pair = chinese ? ZH_PAIR : EN_PAIR;
        try (LoadedModel m = HfDirectory.load(dir);
             TextTokenizer tok = TextTokenizer.load(m.tokenizer(), 512);
             NDManager batch = NDManager.newBaseManager()) {
            List<Encoding> enc = new ArrayList<>(texts.stream().map(tok::encode).toList());
            enc.add(tok.encodePair(pair[0], pair[1]));
            TextTokenizer.Batch b = TextTokenizer.pad(batch, enc, 0);
            Encoder.Output out = m.model().encode(b.inputIds(), b.tokenTypeIds(), b.attentionMask(), false);

            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
                opts.setIntraOpNumThreads(2);
                try (OrtSession session = env.createSession(edited, opts)) {
                    Map<String, OnnxTensor> inputs = new HashMap<>();
                    long[][] ids = toLongs(b.inputIds());
                    for (String input : session.getInputNames()) {
                        NDArray source = switch (input) {
                            case "input_ids" -> b.inputIds();
                            case "attention_mask" -> b.attentionMask();
                            case "token_type_ids" -> b.tokenTypeIds();
                            default -> throw new AssertionError("unexpected ONNX input " + input);
                        };
                        inputs.put(input, OnnxTensor.createTensor(env, toLongs(source)));
                    }
                    Set<String> wanted = new LinkedHashSet<>(layerOutputs);
                    wanted.add(last);
                    try (OrtSession.Result r = session.run(inputs, wanted)) {
                        int layers = m.model().spec().numLayers();
                        assertEquals(layers, layerOutputs.size(), "one exposed output per layer");
                        for (int l = 0; l < layers; l++) {
                            String onnxName = l == layers - 1 && !extra.contains(layerOutputs.get(l)) ? last : layerOutputs.get(l);
                            OnnxTensor t = (OnnxTensor) r.get(onnxName).orElseThrow();
                            double diff = maxDiffAtRealTokens(t.getFloatBuffer(), out.hiddenStates().get(l + 1), enc, ids[0].length);
                            System.out.printf("%s layer %d: max |Δ| vs ONNX Runtime = %.2e%n", name, l, diff);
                            assertTrue(diff <= 1e-4, name + " layer " + l + ": max |Δ| = " + diff);
                        }
                        OnnxTensor lastState = (OnnxTensor) r.get(last).orElseThrow();
                        double diff = maxDiffAtRealTokens(lastState.getFloatBuffer(), out.last(), enc, ids[0].length);
                        assertTrue(diff <= 1e-4, name + " last_hidden_state: max |Δ| = " + diff);
                    } finally {
                        inputs.values().forEach(OnnxTensor::close);
                    }
                }
            }
            // Padding changes nothing: each sequence alone gives its rows of the padded batch.
            for (int i = 0; i < enc.size(); i++) {
                TextTokenizer.Batch single = TextTokenizer.pad(batch, List.of(enc.get(i)), 0);
                NDArray alone = m.model().encode(single.inputIds(), single.tokenTypeIds(), single.attentionMask(), false).last();
                int n = enc.get(i).getIds().length;
                double d = alone.get("0, :" + n).sub(out.last().get(i + ", :" + n)).abs().max().getFloat();
                assertTrue(d <= 1e-5, "padding changed sequence " + i + " by " + d);
            }
        }
    }

    private static long[][] toLongs(NDArray a) {
        long rows = a.getShape().get(0), cols = a.getShape().get(1);
        long[] flat = a.toLongArray();
        long[][] out = new long[(int) rows][(int) cols];
        for (int i = 0; i < rows; i++) System.arraycopy(flat, (int) (i * cols), out[i], 0, (int) cols);
        return out;
    }

    private static double maxDiffAtRealTokens(FloatBuffer onnx, NDArray ours, List<Encoding> enc, int length) {
        float[] mine = ours.toFloatArray();
        int d = (int) ours.getShape().get(2);
        double max = 0;
        for (int b = 0; b < enc.size(); b++) {
            int n = enc.get(b).getIds().length;
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < d; k++) {
                    int idx = (b * length + t) * d + k;
                    max = Math.max(max, Math.abs(onnx.get(idx) - mine[idx]));
                }
            }
        }
        return max;
    }
}
