package org.bert4j.train.vocab;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * BERT's BasicTokenizer (google-research/bert {@code tokenization.py}) exactly as HF tokenizers runs it in the
 * {@code tokenizer.json} we write: {@code BertNormalizer} (clean text, Chinese characters split, accents stripped
 * and lower-cased when {@code lowercase}) then {@code BertPreTokenizer} (split on whitespace, every punctuation
 * character its own word). The words counted here must be the words that tokenizer hands to WordPiece, or the
 * vocabulary would be trained on text the tokenizer never sees.
 */
public record BasicTokenizer(boolean lowercase) {

    /** HF WordPiece's {@code max_input_chars_per_word}: a longer word becomes [UNK] whatever the vocabulary. */
    public static final int MAX_WORD_CHARS = 100;

    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        forEachWord(text, words::add);
        return words;
    }

    public void forEachWord(String text, Consumer<String> sink) {
        String normalized = normalize(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ') {
                flush(word, sink);
            } else if (isPunctuation(c) || isChineseCharacter(c)) {
                flush(word, sink);
                sink.accept(Character.toString(c));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, sink);
    }

    /** BertNormalizer: clean_text, then strip_accents and lowercase when lower-casing (strip_accents follows it). */
    String normalize(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) continue;
            clean.appendCodePoint(isWhitespace(c) ? ' ' : c);
        }
        if (!lowercase) return clean.toString();
        String decomposed = Normalizer.isNormalized(clean, Normalizer.Form.NFD)
                ? clean.toString() : Normalizer.normalize(clean, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            // Per character as Rust's char::to_lowercase (no final-sigma context). The one full mapping that
            // differs from the simple one, İ → i̇, cannot occur here: NFD has already split İ into I and a mark.
            out.appendCodePoint(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static void flush(StringBuilder word, Consumer<String> sink) {
        if (word.length() == 0) return;
        sink.accept(word.toString());
        word.setLength(0);
    }

    /** Tab, newline and carriage return are whitespace, not control (BERT's _is_control; HF's is_control). */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** What survives the control filter and is Unicode White_Space: tab, newline, CR and the Z* separators. */
    static boolean isWhitespace(int c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** ASCII punctuation (which includes symbols such as $ + < = > ^ ` | ~) or any Unicode P* category. */
    static boolean isPunctuation(int c) {
        if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) return true;
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * The CJK Unified Ideographs blocks BERT treats as one word each (tokenization.py {@code _is_chinese_char});
     * Japanese kana and Korean Hangul are not in them and stay whitespace-delimited.
     */
    static boolean isChineseCharacter(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
