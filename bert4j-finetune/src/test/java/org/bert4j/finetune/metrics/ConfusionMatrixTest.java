package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void rowsAreGoldColumnsArePredicted() {
        // pairs (gold, pred): (0,0) (0,1) (1,1) (1,1) (1,0) (2,2)
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 1, 1, 0, 2},
                List.of("neg", "neu", "pos"));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(1, 0));
        assertEquals(2, m.count(1, 1));
        assertEquals(0, m.count(2, 0));
        assertEquals(6, m.total());
        // first column as wide as "gold\pred" (9), the others as wide as their names (3), two spaces between
        assertEquals("""
                gold\\pred  neg  neu  pos
                neg          1    1    0
                neu          1    2    0
                pos          0    0    1""", m.render());
    }

    @Test
    void chineseLabelNamesAreTwoColumnsPerCharacter() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, List.of("体育", "财经"));
        String[] lines = m.render().split("\n");
        // "体育" is 4 columns wide: padded with 9 - 4 = 5 spaces to the corner's width, and a column of width 4
        assertEquals("体育     " + "     1     0", lines[1]);
        for (String line : lines) assertEquals(TextTable.displayWidth(lines[0]), TextTable.displayWidth(line), line);
        assertTrue(lines[0].endsWith("体育  财经"), lines[0]);
    }

    @Test
    void anUnnamedLabelIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 2}, List.of("a", "b")));
    }
}
