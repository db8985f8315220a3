package org.capgov.web;

import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the form posts to Spring Security's /login. */
@Controller
class LoginController {

    @GetMapping("/login")
    @PermitAll
    String login() {
        return "login";
    }
}
