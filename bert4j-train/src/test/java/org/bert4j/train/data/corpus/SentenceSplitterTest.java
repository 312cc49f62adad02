package org.bert4j.train.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void chineseSentencesEndAtFullWidthMarksAndKeepTheirClosingQuotes() {
        assertEquals(List.of("今天天气很好。", "我们去公园吧！！！", "你来吗？", "他说：“好。”", "然后走了；", "就这样"),
                SentenceSplitter.split("今天天气很好。我们去公园吧！！！你来吗？他说：“好。”然后走了；就这样"));
    }

    @Test
    void latinMarksEndASentenceOnlyBeforeSpaceHanOrTheEnd() {
        assertEquals(List.of("The cat sat.", "Pi is 3.14 and example.com is a site!", "Really?"),
                SentenceSplitter.split("The cat sat. Pi is 3.14 and example.com is a site!  Really?"));
        assertEquals(List.of("质量很好!", "下次再来", "iPhone 8."), SentenceSplitter.split("质量很好!下次再来\niPhone 8."));
    }

    @Test
    void lineBreaksSplitAndBlankPiecesVanish() {
        assertEquals(List.of("第一段", "第二段。"), SentenceSplitter.split("  第一段\r\n\n 第二段。 \n"));
        assertEquals(List.of(), SentenceSplitter.split(" \n\t "));
    }
}
