package io.parley.core.port.out;

import java.util.UUID;

/** Makes new identifiers. */
public interface IdGenerator {

    UUID newId();
}
