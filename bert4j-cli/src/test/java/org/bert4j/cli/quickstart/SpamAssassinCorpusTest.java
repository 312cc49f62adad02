package org.bert4j.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the npm SpamAssassin package: labels from groups, the readable text of raw mails, and bad files. */
class SpamAssassinCorpusTest {

    private static final Path SAMPLE = QuickstartTestRegistry.SAMPLE;

    @TempDir
    Path tmp;

    @Test
    void readsEveryMailOfTheSampleWithItsLabelAndSkipsTheFileList() {
        List<SpamAssassinCorpus.Mail> mails = SpamAssassinCorpus.read(SAMPLE);
        assertEquals(22, mails.size());
        assertEquals(12, mails.stream().filter(m -> m.label().equals("spam")).count());
        for (SpamAssassinCorpus.Mail m : mails) {
            assertEquals(m.group().startsWith("spam") ? "spam" : "ham", m.label());
            assertFalse(m.text().isBlank(), m.id());
            assertFalse(m.text().contains("Received:") || m.text().contains("Return-Path:"), m.id() + ": headers left: " + m.text());
            assertFalse(m.text().contains("\n") || m.text().contains("\t"), m.id());
        }
        assertTrue(mails.stream().anyMatch(m -> m.text().startsWith("[Spambayes] Deployment. ")), "the subject leads the text");
    }

    @Test
    void aMultipartQuotedPrintableHtmlMailBecomesItsSubjectAndText() {
        String raw = """
                From spammer@example.com  Thu Aug 22 13:17:22 2002
                Received: from localhost (localhost [127.0.0.1])
                \tby phobos.labs.example.org (Postfix) with ESMTP id 136B943C32
                Subject: Life Insurance -
                 Why Pay More?
                Content-Type: multipart/alternative; boundary="----=_NextPart_000"

                This is a multi-part message in MIME format.

                ------=_NextPart_000
                Content-Type: text/html;
                \tcharset="iso-8859-1"
                Content-Transfer-Encoding: quoted-printable

                <HTML><HEAD><STYLE>p {color: red}</STYLE></HEAD><BODY><!-- hidden -->
                <P>Save up to 70% on caf=E9 life insurance=
                 &amp; more!</P>
                </BODY></HTML>
                ------=_NextPart_000
                Content-Type: image/gif
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs7R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQAB
                R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs7R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQAB
                ------=_NextPart_000--
                """;
        assertEquals("Life Insurance - Why Pay More?. This is a multi-part message in MIME format. Save up to 70% on café life "
                + "insurance & more!", SpamAssassinCorpus.readable(raw));
    }

    @Test
    void aPlainMailKeepsItsQuotesAndColonLines() {
        String raw = "Subject: Re: meeting\nFrom: a@b.c\n\n> Note: bring the slides\nSure: 3pm works.\n";
        assertEquals("Re: meeting. > Note: bring the slides Sure: 3pm works.", SpamAssassinCorpus.readable(raw));
    }

    @Test
    void aFileThatIsNotAMailIsNamed() throws Exception {
        Path group = tmp.resolve("data/spam-1");
        Files.createDirectories(group);
        Files.writeString(group.resolve("0001.json"), "{\"id\":\"0001\",\"group\":\"spam-1\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpamAssassinCorpus.read(tmp));
        assertTrue(e.getMessage().contains("0001.json") && e.getMessage().contains("\"text\""), e.getMessage());

        Files.writeString(group.resolve("0001.json"), "{\"id\":\"0001\",\"group\":\"misc\",\"text\":\"x\"}");
        e = assertThrows(IllegalArgumentException.class, () -> SpamAssassinCorpus.read(tmp));
        assertTrue(e.getMessage().contains("neither spam nor ham"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> SpamAssassinCorpus.read(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("no data/ directory"), e.getMessage());
    }
}
