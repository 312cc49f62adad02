package org.bert4j.cli;

import com.google.gson.JsonPrimitive;

/** JSON-lines output helpers. */
final class Json {

    private Json() {}

    static String quote(String s) {
        return new JsonPrimitive(s).toString();
    }
}
