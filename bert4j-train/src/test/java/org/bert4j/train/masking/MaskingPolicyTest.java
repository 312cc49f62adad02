package org.bert4j.train.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MaskingPolicyTest {

    @Test
    void budgetRoundsHalfUpAndIsAtLeastOne() {
        MaskingPolicy p = TestSequences.bertPolicy(100);
        assertEquals(0, p.budget(0), "nothing maskable, nothing to predict");
        assertEquals(1, p.budget(1), "0.15 rounds to 0, raised to 1");
        assertEquals(1, p.budget(3), "0.45 rounds to 0, raised to 1");
        assertEquals(2, p.budget(10), "1.5 rounds half up");
        assertEquals(15, p.budget(100));
        assertEquals(77, p.budget(510), "76.5 rounds half up");
        assertEquals(7, new MaskingPolicy(1.0, 0.8, 0.1, 4, 100, Set.of()).budget(7), "rate 1 predicts everything");
    }

    @Test
    void keepFractionIsTheRest() {
        assertEquals(0.1, TestSequences.bertPolicy(100).keepFraction(), 1e-12);
        assertEquals(0.0, new MaskingPolicy(0.15, 0.8, 0.2, 4, 100, Set.of()).keepFraction(), 1e-12);
    }

    @Test
    void badSettingsAreRejectedNamingTheSetting() {
        assertMessage("rate", () -> new MaskingPolicy(0, 0.8, 0.1, 4, 100, Set.of()));
        assertMessage("rate", () -> new MaskingPolicy(1.5, 0.8, 0.1, 4, 100, Set.of()));
        assertMessage("rate", () -> new MaskingPolicy(Double.NaN, 0.8, 0.1, 4, 100, Set.of()));
        assertMessage("maskFraction", () -> new MaskingPolicy(0.15, -0.1, 0.1, 4, 100, Set.of()));
        assertMessage("randomFraction", () -> new MaskingPolicy(0.15, 0.8, 1.1, 4, 100, Set.of()));
        assertMessage("at most 1", () -> new MaskingPolicy(0.15, 0.8, 0.3, 4, 100, Set.of()));
        assertMessage("maskTokenId 100", () -> new MaskingPolicy(0.15, 0.8, 0.1, 100, 100, Set.of()));
        assertMessage("vocabSize", () -> new MaskingPolicy(0.15, 0.8, 0.1, 0, 0, Set.of()));
        Set<Integer> all = IntStream.range(0, 10).boxed().collect(Collectors.toSet());
        assertMessage("whole vocabulary", () -> new MaskingPolicy(0.15, 0.8, 0.1, 4, 10, all));
        new MaskingPolicy(0.15, 1.0, 0.0, 4, 10, all); // no random replacement: nothing needs to be left
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
