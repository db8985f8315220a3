package org.capgov.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.capgov.shared.DataScope;
import org.capgov.shared.ScopedPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person: roles from all memberships, and the scope they add up to. */
public final class CapgovUser implements UserDetails, CredentialsContainer, ScopedPrincipal {

    private final Person person;
    private String passwordHash;
    private final DataScope scope;
    private final Set<GrantedAuthority> authorities;
    private final boolean locked;

    /**
     * {@code locked}: whether the person was locked out when loaded, computed by the loader from the application's
     * clock (this object is no bean and has no clock of its own). A person is loaded afresh at each login and each
     * token request, and a lock raised later ends open sessions through the security version.
     */
    CapgovUser(Person person, String passwordHash, boolean locked) {
        this.person = person;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.scope = ScopeFactory.of(person.memberships());
        this.authorities = person.memberships().stream().map(m -> new SimpleGrantedAuthority(m.role().authority()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public long id() {
        return person.id();
    }

    @Override
    public String username() {
        return person.username();
    }

    public String displayName() {
        return person.displayName();
    }

    /** The person's security version when this session or token was opened; see {@link SessionRevocationFilter}. */
    int securityVersion() {
        return person.securityVersion();
    }

    public boolean mustChangePassword() {
        return person.mustChangePassword();
    }

    public List<Membership> memberships() {
        return person.memberships();
    }

    public Set<Role> roles() {
        return person.memberships().stream().map(Membership::role).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /** Region path of the first membership: where this person's own events (logins) are filed for scoped reading. */
    public String homeRegionPath() {
        return person.memberships().isEmpty() ? null : person.memberships().get(0).regionPath();
    }

    @Override
    public DataScope scope() {
        return scope;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return person.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return person.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
