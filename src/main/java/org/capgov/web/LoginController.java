package org.capgov.web;

import jakarta.annotation.security.PermitAll;
import org.capgov.identity.DemoLogins;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the form posts to Spring Security's /login. In demo mode it lists the demo accounts and roles. */
@Controller
class LoginController {

    private final ObjectProvider<DemoLogins> demo;

    LoginController(ObjectProvider<DemoLogins> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    @PermitAll
    String login(Model model) {
        DemoLogins logins = demo.getIfAvailable();
        if (logins != null) {
            model.addAttribute("demoAccounts", logins.accounts());
            model.addAttribute("demoPassword", logins.password());
        }
        return "login";
    }
}
