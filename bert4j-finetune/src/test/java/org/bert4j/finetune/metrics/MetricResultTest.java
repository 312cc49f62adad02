package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class MetricResultTest {

    @Test
    void rendersNameValueLinesWithFourDecimalsInInsertionOrder() {
        MetricResult result = MetricResult.of("f1", 2.0 / 3).with("accuracy", 0.5).with("pearson", Double.NaN);
        assertEquals(List.of("f1", "accuracy", "pearson"), List.copyOf(result.values().keySet()));
        // 2/3 = 0.66666… rounds to 0.6667
        assertEquals("f1: 0.6667\naccuracy: 0.5000\npearson: NaN", result.render());
        assertEquals(0.5, result.get("accuracy"));
    }

    @Test
    void plusAppendsAndRefusesDuplicateNames() {
        MetricResult merged = MetricResult.of("a", 1).plus(MetricResult.of("b", 2));
        assertEquals(List.of("a: 1.0000", "b: 2.0000"), merged.lines());
        assertThrows(IllegalArgumentException.class, () -> merged.with("a", 3));
        assertThrows(IllegalArgumentException.class, () -> merged.plus(MetricResult.of("b", 0)));
    }

    @Test
    void unknownNameIsAnErrorNotZero() {
        assertThrows(NoSuchElementException.class, () -> MetricResult.of("f1", 1).get("F1"));
        assertEquals("", MetricResult.empty().render());
    }
}
