package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capgov.shared.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersFromThreeClasses() {
        assertThatCode(() -> PasswordPolicy.check("alice", "Quillbrook12")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("alice", "quillbrook1!")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortOrTwoClassOrUsernamePasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Abc12!")).isInstanceOf(DomainException.class)
                .hasMessageContaining("tooShort");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "abcdefghij12")).hasMessageContaining("classes");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Xalice-2026")).hasMessageContaining("containsUsername");
    }

    @Test
    void refusesCommonPasswordsAndTheirDecoratedForms() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Passw0rd!!")).hasMessageContaining("common");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Welcome2026!")).hasMessageContaining("common");
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Qwertyuiop1")).hasMessageContaining("common");
        assertThatCode(() -> PasswordPolicy.check("alice", "Lantern-Ridge-42")).doesNotThrowAnyException();
    }

    @Test
    void refusesAPasswordContainingTheUsernameInAnyCase() {
        assertThatThrownBy(() -> PasswordPolicy.check("zhang.wei", "My-ZHANG.WEI-2026")).hasMessageContaining(
                "containsUsername");
    }

    @Test
    void theShippedListIsTheWholeList() {
        org.assertj.core.api.Assertions.assertThat(CommonPasswords.size()).isGreaterThan(19_000);
        org.assertj.core.api.Assertions.assertThat(CommonPasswords.core("2026!passw0rd!!")).isEqualTo("passw0rd");
    }
}
