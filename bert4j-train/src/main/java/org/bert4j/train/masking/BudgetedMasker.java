package org.bert4j.train.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bert4j.train.data.TrainingSequence;

/**
 * The one {@link Masker} behind every strategy: cut the sequence into units (single tokens, words, n-grams or
 * spans), shuffle them, take units in that order until the policy's budget is spent, then corrupt the chosen
 * tokens 80/10/10.
 *
 * <p>Budget rule: a unit that would take the count past the budget is cut to its leading words that still fit
 * (ALBERT shortens an n-gram that way), and skipped when not even its first word fits (BERT's whole-word rule in
 * {@code create_masked_lm_predictions}); so the count never exceeds the budget and a word is never split. One
 * exception: the first unit always keeps at least its first word, so a short sequence whose words are all longer
 * than its budget still gets one prediction (exceeding the budget by less than that word's length). Like
 * ALBERT's and SpanBERT's own code this shortens the last unit of a sequence, so on short sequences the chosen
 * units are a little shorter on average than {@link UnitLengths} says.
 */
final class BudgetedMasker implements Masker {

    private final MaskingStrategy strategy;
    private final boolean wholeWords;
    private final UnitLengths lengths;
    private final MaskingPolicy policy;
    private final TokenCorruption corruption;

    BudgetedMasker(MaskingStrategy strategy, MaskingPolicy policy) {
        this.strategy = strategy;
        this.wholeWords = strategy.wholeWords();
        this.lengths = strategy.unitLengths();
        this.policy = policy;
        this.corruption = new TokenCorruption(policy);
    }

    @Override
    public MaskedSequence mask(TrainingSequence sequence, RandomGenerator random) {
        boolean[] chosen = new boolean[sequence.length()];
        for (MaskingUnit unit : chooseUnits(sequence, random)) {
            for (int i = unit.start(); i < unit.end(); i++) chosen[i] = true;
        }
        return corruption.apply(sequence, chosen, random);
    }

    /** The units to predict, in the order they were taken (visible to tests that measure unit lengths). */
    List<MaskingUnit> chooseUnits(TrainingSequence sequence, RandomGenerator random) {
        List<MaskableWords.Word> words = MaskableWords.of(sequence, wholeWords);
        List<MaskingUnit> units = MaskableWords.partition(words, lengths, random);
        int budget = policy.budget(units.stream().mapToInt(MaskingUnit::tokens).sum());
        shuffle(units, random);
        List<MaskingUnit> chosen = new ArrayList<>();
        int count = 0;
        for (MaskingUnit unit : units) {
            if (count >= budget) break;
            int keep = wordsThatFit(unit, words, budget - count);
            if (keep == 0 && !chosen.isEmpty()) continue;
            MaskingUnit taken = leadingWords(unit, words, Math.max(1, keep));
            chosen.add(taken);
            count += taken.tokens();
        }
        return chosen;
    }

    private static int wordsThatFit(MaskingUnit unit, List<MaskableWords.Word> words, int room) {
        int keep = unit.words();
        while (keep > 0 && words.get(unit.firstWord() + keep - 1).end() - unit.start() > room) keep--;
        return keep;
    }

    private static MaskingUnit leadingWords(MaskingUnit unit, List<MaskableWords.Word> words, int keep) {
        if (keep == unit.words()) return unit;
        return new MaskingUnit(unit.firstWord(), keep, unit.start(), words.get(unit.firstWord() + keep - 1).end());
    }

    /** Fisher–Yates, drawing only from {@code random} so a seed fixes the mask. */
    private static void shuffle(List<MaskingUnit> units, RandomGenerator random) {
        for (int i = units.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            units.set(i, units.set(j, units.get(i)));
        }
    }

    @Override
    public String toString() {
        return strategy.name() + " masking, " + policy;
    }
}
