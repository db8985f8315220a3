package org.capgov.shared;

/** Implemented by the logged-in principal so that any module can learn the caller's data scope. */
public interface ScopedPrincipal {

    String username();

    DataScope scope();
}
