package org.capgov.identity;

import org.capgov.shared.DomainException;

/**
 * At least 10 characters from at least 3 of 4 classes (upper case, lower case, digits, others); not containing the
 * username; not a common password (see {@link CommonPasswords}).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MIN_CLASSES = 3;

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw DomainException.invalid("password", "error.password.tooShort", MIN_LENGTH);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < MIN_CLASSES) {
            throw DomainException.invalid("password", "error.password.classes", MIN_CLASSES);
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw DomainException.invalid("password", "error.password.containsUsername");
        }
        if (CommonPasswords.contains(password)) {
            throw DomainException.invalid("password", "error.password.common");
        }
    }
}
