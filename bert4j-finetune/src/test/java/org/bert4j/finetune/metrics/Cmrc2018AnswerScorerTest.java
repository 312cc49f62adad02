package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Cmrc2018AnswerScorerTest {

    private static final Cmrc2018AnswerScorer CMRC = Cmrc2018AnswerScorer.INSTANCE;
    private static final double EPS = 1e-12;

    @Test
    void mixedSegmentationOneTokenPerHanCharacterAndPerLatinRun() {
        assertEquals(List.of("1998", "年"), Cmrc2018AnswerScorer.segment("1998年"));
        assertEquals(List.of("3.5", "ghz", "主", "频"), Cmrc2018AnswerScorer.segment("3.5 GHz主频"));
        // the script's punctuation is deleted before segmenting: "iPhone-X" is one token
        assertEquals(List.of("iphonex", "手", "机"), Cmrc2018AnswerScorer.segment("iPhone-X手机"));
        assertEquals(List.of("红", "楼", "梦"), Cmrc2018AnswerScorer.segment("《红楼梦》"));
        // ASCII parentheses are not on the script's list: they stay, as tokens of their own
        assertEquals(List.of("(", "北", "京", ")"), Cmrc2018AnswerScorer.segment("(北京)"));
    }

    @Test
    void exactMatchIgnoresCaseAndTheScriptsPunctuation() {
        assertTrue(CMRC.exactMatch("《红楼梦》", "红楼梦"));
        assertTrue(CMRC.exactMatch("北京。", " 北京"));
        assertTrue(CMRC.exactMatch("NBA球星", "nba球星"));
        assertFalse(CMRC.exactMatch("北京市", "北京"));
        // inner spaces count for exact match
        assertFalse(CMRC.exactMatch("iPhone X", "iphonex"));
    }

    /*
     * gold 中华人民共和国 (7 tokens), prediction 人民共和国成立 (7 tokens)
     * longest common run 人民共和国 = 5: P = 5/7, R = 5/7, F1 = 5/7
     */
    @Test
    void f1FromTheLongestCommonRun() {
        assertEquals(5.0 / 7, CMRC.f1("人民共和国成立", "中华人民共和国"), EPS);
    }

    /*
     * gold 北京大学, prediction 北大学京: the longest common SUBSTRING is 大学 (2), not the subsequence 北大学 (3)
     * P = 2/4, R = 2/4, F1 = 1/2
     */
    @Test
    void longestCommonRunIsContiguous() {
        assertEquals(0.5, CMRC.f1("北大学京", "北京大学"), EPS);
    }

    /*
     * gold 2008年北京奥运会 -> 2008 年 北 京 奥 运 会 (7); prediction 2008年奥运会 -> 2008 年 奥 运 会 (5)
     * runs in common: "2008 年" (2) and "奥 运 会" (3) -> lcs 3; P = 3/5, R = 3/7
     * F1 = 2 * 9/35 / (3/5 + 3/7) = (18/35) / (36/35) = 1/2
     * "2008" alone vs 2008年: one latin token, lcs 1: P = 1, R = 1/2, F1 = 2/3 (per digit it would be 8/9)
     */
    @Test
    void latinRunsAreSingleTokens() {
        assertEquals(0.5, CMRC.f1("2008年奥运会", "2008年北京奥运会"), EPS);
        assertEquals(2.0 / 3, CMRC.f1("2008", "2008年"), EPS);
    }

    @Test
    void punctuationDoesNotCostF1() {
        // “鲁迅” -> 鲁 迅: identical token lists
        assertEquals(1.0, CMRC.f1("“鲁迅”", "鲁迅"), EPS);
        assertEquals(0.0, CMRC.f1("", "鲁迅"));
        assertEquals(0.0, CMRC.f1("上海", "北京"));
    }
}
