package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.finetune.data.QaAnswer;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.RealTokenizers;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QA windows on bge-small-zh's real tokenizer (bert-base-chinese's vocabulary, one token per Han character): a long
 * Chinese context with a character outside the BMP (𫚭, two UTF-16 units, one code point, an [UNK]) and English
 * words among the characters is cut into overlapping windows; in every window that holds the answer, the gold
 * positions read back exactly the answer's characters; windows cover the whole context at the configured stride,
 * never longer than the maximum length, and each row is what the tokenizer makes of (question, window text).
 */
class QaWindowsTest {

    private static EncoderSpec spec;

    private static final String QUESTION = "谁在 Tsinghua 写了𫚭鱼的论文？";
    private static final String ANSWER = "张三丰 Deep Learning 研究所";
    private static final String BEFORE = "我们今天在北京讨论了很多问题，𫚭鱼 是一种鱼，hello World 也出现在这里。大家都同意下面的看法：";
    private static final String AFTER = "负责这篇论文。后来他们又去了上海和广州，见到了很多朋友，也看了很多风景，最后回到了家里休息。";
    private static final String CONTEXT = BEFORE + BEFORE + ANSWER + AFTER + AFTER;

    @BeforeAll
    static void spec() {
        JsonObject config = TinyModels.config("bert");
        config.addProperty("vocab_size", 21128);
        config.addProperty("max_position_embeddings", 512);
        HfConfig hf = TinyModels.hf(config);
        spec = ModelBuilder.family(hf).spec(hf);
    }

    private static InputEncoder encoder(int maxLength) {
        return new InputEncoder(RealTokenizers.chinese(), maxLength, spec);
    }

    private static QaExample example() {
        return new QaExample("q1", null, CONTEXT, QUESTION, List.of(new QaAnswer(ANSWER, CONTEXT.indexOf(ANSWER))));
    }

    @Test
    void goldPositionsReadBackTheAnswerInEveryWindowThatHoldsIt() {
        ExtractiveQa task = new ExtractiveQa(new QaSettings(16, 64, 30));
        int answerStart = CONTEXT.indexOf(ANSWER);
        int answerEnd = answerStart + ANSWER.length();
        assertTrue(CONTEXT.substring(0, answerStart).codePointCount(0, answerStart) < answerStart, "a non-BMP character precedes the answer");
        try (InputEncoder encoder = encoder(48)) {
            Encoding alone = encoder.tokenizer().encode(ANSWER);
            long[] answerIds = Arrays.copyOfRange(alone.getIds(), 1, alone.getIds().length - 1); // without [CLS] and [SEP]
            List<Feature<QaTarget>> features = task.features(example(), 0, encoder);
            assertTrue(features.size() >= 4, "the context needs several windows at length 48: " + features.size());
            int holding = 0;
            for (Feature<QaTarget> f : features) {
                QaTarget t = f.target();
                QaWindow w = t.window();
                boolean holds = w.charStart()[0] <= answerStart && w.charEnd()[w.tokens() - 1] >= answerEnd;
                if (!holds) {
                    assertEquals(0, t.start(), "a window without the whole answer points at [CLS]");
                    assertEquals(0, t.end());
                    continue;
                }
                holding++;
                // The tokens at the gold positions are the answer's own, checked apart from the offsets being tested.
                assertArrayEquals(answerIds, Arrays.copyOfRange(w.row().ids(), t.start(), t.end() + 1));
                int first = t.start() - w.contextOffset();
                int last = t.end() - w.contextOffset();
                assertEquals(ANSWER, w.text(CONTEXT, first, last));
                assertEquals(answerStart, w.charStart()[first]);
                assertEquals(answerEnd, w.charEnd()[last]);
            }
            assertTrue(holding >= 2, "overlapping windows: the answer should be in more than one, got " + holding);
        }
    }

    @Test
    void windowsCoverTheContextAtTheStrideWithinTheMaximumLength() {
        int maxLength = 40;
        int stride = 10;
        try (InputEncoder encoder = encoder(maxLength)) {
            QaWindows windows = QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(stride, 64, 30), "q1");
            List<QaWindow> all = windows.windows();
            int covered = 0;
            for (int i = 0; i < all.size(); i++) {
                QaWindow w = all.get(i);
                assertTrue(w.row().length() <= maxLength, "row " + i + " has " + w.row().length() + " tokens");
                assertEquals(i * stride, w.firstToken(), "window " + i + " starts one stride after the previous");
                if (i < all.size() - 1) assertEquals(maxLength, w.row().length(), "all but the last window are full");
                assertTrue(w.firstToken() <= covered, "no gap before window " + i);
                covered = Math.max(covered, w.firstToken() + w.tokens());
            }
            assertEquals(windows.contextTokens(), covered, "the last window reaches the context's last token");
        }
    }

    /** Each row equals the tokenizer's own encoding of the question with the window's stretch of context: ids and segments. */
    @Test
    void rowsAreTheTokenizersPairEncodingOfTheWindowText() {
        try (InputEncoder encoder = encoder(40)) {
            for (QaWindow w : QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(12, 64, 30), "q1").windows()) {
                Encoding e = encoder.tokenizer().encodePair(QUESTION, w.text(CONTEXT, 0, w.tokens() - 1));
                assertArrayEquals(e.getIds(), w.row().ids());
                assertArrayEquals(e.getTypeIds(), w.row().typeIds());
            }
        }
    }

    /** An empty question (CMRC 2018's trial set has one) still gives windows: the template around the context alone. */
    @Test
    void anEmptyQuestionGivesTheTemplateAroundTheContext() {
        try (InputEncoder encoder = encoder(40)) {
            List<QaWindow> windows = QaWindows.of(encoder, "", CONTEXT, new QaSettings(12, 64, 30), "q1").windows();
            assertTrue(windows.size() > 1);
            for (QaWindow w : windows) {
                assertEquals(2, w.contextOffset(), "[CLS] [SEP] before the context");
                Encoding e = encoder.tokenizer().encodePair("", w.text(CONTEXT, 0, w.tokens() - 1));
                assertArrayEquals(e.getIds(), w.row().ids());
                assertArrayEquals(e.getTypeIds(), w.row().typeIds());
            }
        }
    }

    /** A stride longer than a window is cut to the window, so no token between windows is skipped. */
    @Test
    void aStrideLongerThanTheWindowSkipsNothing() {
        try (InputEncoder encoder = encoder(32)) {
            QaWindows windows = QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(1000, 64, 30), "q1");
            int next = 0;
            for (QaWindow w : windows.windows()) {
                assertEquals(next, w.firstToken());
                next += w.tokens();
            }
            assertEquals(windows.contextTokens(), next);
        }
    }

    @Test
    void aLongQuestionIsCutToItsLimit() {
        try (InputEncoder encoder = encoder(40)) {
            QaWindow w = QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(12, 5, 30), "q1").windows().get(0);
            // [CLS] and the question's first 5 tokens, then [SEP]: the context starts at position 7
            assertEquals(7, w.contextOffset());
            long[] full = encoder.tokenizer().encodePair(QUESTION, "鱼").getIds();
            for (int p = 0; p < 6; p++) assertEquals(full[p], w.row().ids()[p], "position " + p);
            assertEquals(full[full.length - 1], w.row().ids()[6], "[SEP] after the cut question");
        }
    }

    @Test
    void aQuestionThatLeavesNoRoomIsAnErrorNamingTheSetting() {
        try (InputEncoder encoder = encoder(8)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(12, 64, 30), "question q1"));
            assertTrue(e.getMessage().startsWith("question q1: "), e.getMessage());
            assertTrue(e.getMessage().contains("qa.max_question_length"), e.getMessage());
        }
    }

    @Test
    void anAnswerOfOnlyWhitespaceHasNoTokens() {
        try (InputEncoder encoder = encoder(40)) {
            QaWindows windows = QaWindows.of(encoder, QUESTION, CONTEXT, new QaSettings(12, 64, 30), "q1");
            int space = CONTEXT.indexOf(' ');
            assertNull(windows.tokenRange(space, space + 1));
        }
    }
}
