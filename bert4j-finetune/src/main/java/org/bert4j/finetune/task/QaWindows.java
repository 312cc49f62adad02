package org.bert4j.finetune.task;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A question and its context cut into {@link QaWindow}s, the way BERT's {@code run_squad.py} and HF's
 * {@code run_qa.py} do: the pair is tokenised once, whole, and each window's row is the tokenizer's pair layout with
 * the question (cut to {@link QaSettings#maxQuestionLength}) and a run of the context's tokens, as long as the maximum
 * length allows; the next window starts {@link QaSettings#docStride} tokens later, until the context's last token is
 * in a window.
 *
 * <p>The rows are assembled here rather than by re-encoding each window's text, because re-encoding a piece cut
 * mid-word would tokenise it differently. Everything is taken from the whole pair's encoding: which positions are
 * the template's special tokens (sequence id none) before, between and after the two texts, and every token's
 * segment id. So a row is exactly what the tokenizer makes of the question and that stretch of context, for BERT
 * ({@code [CLS] q [SEP] c [SEP]}, segments 0 and 1) and RoBERTa ({@code <s> q </s></s> c </s>}) alike.
 *
 * <p>The tokenizer reports character offsets in code points; they are turned into UTF-16 indices of the Java
 * string here, once, so a character outside the BMP (CMRC 2018 has some) does not shift later answers.
 */
public final class QaWindows {

    private final List<QaWindow> windows;
    private final int[] charStart;
    private final int[] charEnd;

    private QaWindows(List<QaWindow> windows, int[] charStart, int[] charEnd) {
        this.windows = List.copyOf(windows);
        this.charStart = charStart;
        this.charEnd = charEnd;
    }

    /**
     * @param what names the example in errors ("question 17")
     * @throws IllegalArgumentException when the context has no tokens, or the maximum length leaves
     *                                  no room for any context after the question
     */
    public static QaWindows of(InputEncoder encoder, String question, String context, QaSettings settings, String what) {
        Encoding e = encoder.encodeWholePair(question, context);
        Parts parts = Parts.of(e.getSequenceIds(), what);
        int kept = Math.min(parts.question.size(), settings.maxQuestionLength());
        int fixed = parts.prefix.size() + kept + parts.middle.size() + parts.suffix.size();
        int room = encoder.maxLength() - fixed;
        if (room < 1) {
            throw new IllegalArgumentException(what + ": a maximum length of " + encoder.maxLength() + " tokens leaves no room for the "
                    + "context after " + kept + " question tokens and " + (fixed - kept) + " special tokens (lower qa.max_question_length "
                    + "or raise inputs.max_length)");
        }
        int[] starts = new int[parts.context.size()];
        int[] ends = new int[parts.context.size()];
        utf16Spans(e.getCharTokenSpans(), parts.context, context, starts, ends);
        long[] ids = e.getIds();
        long[] types = e.getTypeIds();
        int step = Math.min(settings.docStride(), room); // a longer step would skip tokens between windows
        List<QaWindow> windows = new ArrayList<>();
        for (int first = 0; ; first += step) {
            int end = Math.min(first + room, parts.context.size());
            List<Integer> positions = new ArrayList<>(fixed + end - first);
            positions.addAll(parts.prefix);
            positions.addAll(parts.question.subList(0, kept));
            positions.addAll(parts.middle);
            int contextOffset = positions.size();
            positions.addAll(parts.context.subList(first, end));
            positions.addAll(parts.suffix);
            long[] rowIds = new long[positions.size()];
            long[] rowTypes = new long[positions.size()];
            for (int i = 0; i < rowIds.length; i++) {
                rowIds[i] = ids[positions.get(i)];
                rowTypes[i] = types[positions.get(i)];
            }
            windows.add(new QaWindow(encoder.row(rowIds, rowTypes), contextOffset, first, Arrays.copyOfRange(starts, first, end),
                    Arrays.copyOfRange(ends, first, end)));
            if (end == parts.context.size()) break;
        }
        return new QaWindows(windows, starts, ends);
    }

    public List<QaWindow> windows() { return windows; }

    /** How many tokens the whole context has. */
    public int contextTokens() { return charStart.length; }

    /**
     * The context tokens {first, last} that cover the characters [{@code start}, {@code end}) of the context: the
     * first token ending after {@code start}, the last one starting before {@code end} (HF's alignment). Null when no
     * token does (an answer of whitespace only, which no span of tokens can produce).
     */
    public int[] tokenRange(int start, int end) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < charStart.length; t++) {
            if (first < 0 && charEnd[t] > start) first = t;
            if (charStart[t] < end) last = t;
        }
        return first < 0 || last < first ? null : new int[] {first, last};
    }

    /** Code-point spans of the context's tokens → UTF-16 [start, end) in {@code context}. */
    private static void utf16Spans(CharSpan[] spans, List<Integer> contextPositions, String context, int[] starts, int[] ends) {
        int[] utf16 = new int[context.codePointCount(0, context.length()) + 1];
        for (int cp = 0, i = 0; cp < utf16.length; cp++) {
            utf16[cp] = i;
            if (i < context.length()) i += Character.charCount(context.codePointAt(i));
        }
        int previousEnd = 0;
        for (int t = 0; t < contextPositions.size(); t++) {
            CharSpan s = spans[contextPositions.get(t)];
            // A token without offsets (none of HF's models make one) is an empty range where the previous ended.
            starts[t] = s == null ? previousEnd : utf16[s.getStart()];
            ends[t] = s == null ? previousEnd : utf16[s.getEnd()];
            previousEnd = ends[t];
        }
    }

    /** The pair's positions by role: the template's special tokens around and between the two texts, and the texts'. */
    private record Parts(List<Integer> prefix, List<Integer> question, List<Integer> middle, List<Integer> context,
                         List<Integer> suffix) {

        static Parts of(long[] sequenceIds, String what) {
            Parts p = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < sequenceIds.length; i++) {
                if (sequenceIds[i] == 0) {
                    if (!p.context.isEmpty()) throw new IllegalArgumentException(what + ": the tokenizer's pair layout puts the "
                            + "context before the question, which QA windows do not support");
                    p.question.add(i);
                } else if (sequenceIds[i] == 1) {
                    p.context.add(i);
                } else if (p.context.isEmpty() && p.question.isEmpty()) {
                    p.prefix.add(i);
                } else {
                    (p.context.isEmpty() ? p.middle : p.suffix).add(i);
                }
            }
            // An empty question is kept (CMRC 2018's trial set has one): the row is the template around the context alone,
            // and the model still answers it, as the official scoring expects.
            if (p.context.isEmpty()) throw new IllegalArgumentException(what + ": the context has no tokens");
            return p;
        }
    }
}
