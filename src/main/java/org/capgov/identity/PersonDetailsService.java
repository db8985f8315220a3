package org.capgov.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a person, their memberships and scope for Spring Security. */
@Service
class PersonDetailsService implements UserDetailsService {

    private final PersonRepository people;

    PersonDetailsService(PersonRepository people) {
        this.people = people;
    }

    @Override
    public CapgovUser loadUserByUsername(String username) {
        return people.findCredentials(username).map(c -> new CapgovUser(c.person(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    CapgovUser loadById(long id) {
        return people.findById(id).map(p -> new CapgovUser(p, null))
                .orElseThrow(() -> new UsernameNotFoundException("#" + id));
    }
}
