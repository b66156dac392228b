package io.parley.infrastructure.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 keys provider secrets are sealed with, by id: the first seals new values, every one opens old ones. */
public final class SecretKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final LinkedHashMap<String, SecretKey> keys;

    private SecretKeys(LinkedHashMap<String, SecretKey> keys) {
        this.keys = keys;
    }

    /**
     * Reads {@code id:base64-of-32-bytes[,id:base64…]}; a malformed entry is an IllegalArgumentException naming
     * {@code source} and the entry, never the key itself.
     */
    public static SecretKeys parse(String spec, String source) {
        LinkedHashMap<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String where = source + ": entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + " is not id:base64-of-32-bytes");
            }
            String id = entry.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + " has an id that is not 1 to 32 letters, digits, _ or -");
            }
            byte[] key = decode(entry.substring(colon + 1).strip(), where + " (id '" + id + "')");
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException(where + " repeats the key id '" + id + "'");
            }
        }
        return new SecretKeys(keys);
    }

    /** The id of the key new values are sealed with. */
    public String currentId() {
        return keys.keySet().iterator().next();
    }

    /** The key with this id; one not configured is an error naming the id and the ids there are. */
    public SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("a provider secret is sealed with key id '" + id + "', which is not "
                    + "configured (configured: " + String.join(", ", keys.keySet()) + "); add that key to "
                    + "parley.crypto.keys on every node");
        }
        return key;
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " decodes to " + key.length + " bytes; keys must be "
                    + KEY_BYTES + " bytes (AES-256)");
        }
        return key;
    }
}
