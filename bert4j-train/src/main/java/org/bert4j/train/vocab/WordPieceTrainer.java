package org.bert4j.train.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Learns a WordPiece vocabulary the way HF tokenizers' {@code WordPieceTrainer} does (a {@code BpeTrainer} with the
 * {@code ##} continuing-subword prefix): the special tokens, then the alphabet (each character as a word start,
 * and as {@code ##c} where it occurs inside a word), then BPE merges of the most frequent adjacent pair, ties to
 * the pair of lower ids (HF's order), until the vocabulary has {@code vocabSize} entries or no pair occurs
 * {@code minFrequency} times. A merged piece drops its right half's {@code ##} ({@code ##ab} + {@code ##c} →
 * {@code ##abc}), so every piece is one WordPiece can match.
 *
 * @param alphabetLimit keep only this many characters, the most frequent (HF's {@code limit_alphabet}; words with
 *                      a dropped character become [UNK]); 0 keeps them all, which Chinese needs
 */
public record WordPieceTrainer(int vocabSize, long minFrequency, int alphabetLimit) {

    /** The special tokens, ids 0–4, in bert4j's order ({@code [PAD]} = 0 so zero padding is padding). */
    public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    static final String CONTINUATION = "##";

    public WordPieceTrainer {
        if (vocabSize <= SPECIAL_TOKENS.size()) {
            throw new IllegalArgumentException("vocabulary size must exceed the " + SPECIAL_TOKENS.size() + " special tokens, got " + vocabSize);
        }
        if (minFrequency < 0) throw new IllegalArgumentException("minimum frequency must not be negative, got " + minFrequency);
        if (alphabetLimit < 0) throw new IllegalArgumentException("alphabet limit must not be negative, got " + alphabetLimit);
    }

    public WordPieceVocabulary train(Map<String, Long> wordCounts) {
        List<String> tokens = new ArrayList<>(SPECIAL_TOKENS);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) ids.put(tokens.get(i), i);
        TreeSet<Integer> sortedAlphabet = alphabet(wordCounts);
        for (int c : sortedAlphabet) add(Character.toString(c), tokens, ids);
        Set<Integer> alphabet = new HashSet<>(sortedAlphabet);

        // Words in sorted order, so the ## entries (and so every id) do not depend on hash order.
        List<int[]> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(wordCounts).entrySet()) {
            int[] codePoints = e.getKey().codePoints().toArray();
            int[] symbols = new int[codePoints.length];
            int n = 0;
            for (int i = 0; i < codePoints.length; i++) {
                if (!alphabet.contains(codePoints[i])) continue; // as HF: a dropped character leaves a gap
                String piece = (i == 0 ? "" : CONTINUATION) + Character.toString(codePoints[i]);
                symbols[n++] = add(piece, tokens, ids);
            }
            words.add(java.util.Arrays.copyOf(symbols, n));
            counts.add(e.getValue());
        }
        if (tokens.size() > vocabSize) {
            throw new IllegalArgumentException("the alphabet alone needs " + tokens.size() + " entries (" + alphabet.size()
                    + " characters, their ## forms and " + SPECIAL_TOKENS.size() + " special tokens), more than the"
                    + " vocabulary size " + vocabSize + ": raise the vocabulary size or limit the alphabet");
        }
        int initial = tokens.size();
        SymbolWords symbolWords = new SymbolWords(words, counts);
        int merges = 0;
        while (tokens.size() < vocabSize) {
            SymbolWords.Candidate best = symbolWords.best();
            if (best == null || best.count() < Math.max(1, minFrequency)) break;
            String right = tokens.get(best.second());
            String merged = tokens.get(best.first()) + (right.startsWith(CONTINUATION) ? right.substring(CONTINUATION.length()) : right);
            symbolWords.merge(best.pair(), add(merged, tokens, ids));
            merges++;
        }
        return new WordPieceVocabulary(tokens, alphabet.size(), initial, merges);
    }

    /** Characters by corpus frequency; when limited, the most frequent (ties to the lower code point). */
    private TreeSet<Integer> alphabet(Map<String, Long> wordCounts) {
        Map<Integer, Long> frequency = new HashMap<>();
        wordCounts.forEach((word, count) -> word.codePoints().forEach(c -> frequency.merge(c, count, Long::sum)));
        if (alphabetLimit == 0 || frequency.size() <= alphabetLimit) return new TreeSet<>(frequency.keySet());
        TreeSet<Integer> kept = new TreeSet<>();
        frequency.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(alphabetLimit)
                .forEach(e -> kept.add(e.getKey()));
        return kept;
    }

    private static int add(String token, List<String> tokens, Map<String, Integer> ids) {
        return ids.computeIfAbsent(token, t -> {
            tokens.add(t);
            return tokens.size() - 1;
        });
    }
}
