package io.parley.core.port.out;

import java.util.function.Supplier;

/** Runs several repository calls so that they all happen or none does. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
