package org.capgov.identity;

/** The bootstrap administrator could not be created from the configured variables. */
class BootstrapAdminRejectedException extends RuntimeException {

    BootstrapAdminRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
