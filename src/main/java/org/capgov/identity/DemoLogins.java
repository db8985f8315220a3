package org.capgov.identity;

import java.util.List;

/**
 * The demo accounts, for the login page: present only in demo mode (capgov.demo=true), so that a production login
 * page never lists accounts or a password.
 */
public interface DemoLogins {

    /** One demo account: its user name, the name shown, and its role. */
    record DemoLogin(String username, String displayName, Role role) {
    }

    List<DemoLogin> accounts();

    String password();
}
