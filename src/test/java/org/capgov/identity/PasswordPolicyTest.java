package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capgov.shared.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersFromThreeClasses() {
        assertThatCode(() -> PasswordPolicy.check("alice", "Abcdefgh12")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("alice", "abcdefgh1!")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortOrTwoClassOrUsernamePasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Abc12!")).isInstanceOf(DomainException.class)
                .hasMessageContaining("tooShort");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "abcdefghij12")).hasMessageContaining("classes");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Xalice-2026")).hasMessageContaining("containsUsername");
    }
}
