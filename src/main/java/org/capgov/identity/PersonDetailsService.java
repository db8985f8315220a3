package org.capgov.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a person, their memberships and scope for Spring Security. */
@Service
class PersonDetailsService implements UserDetailsService {

    private final PersonRepository people;
    private final Clock clock;

    PersonDetailsService(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Override
    public CapgovUser loadUserByUsername(String username) {
        return people.findCredentials(username).map(c -> new CapgovUser(c.person(), c.passwordHash(),
                        c.person().lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    CapgovUser loadById(long id) {
        return people.findById(id).map(p -> new CapgovUser(p, null, p.lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("#" + id));
    }
}
