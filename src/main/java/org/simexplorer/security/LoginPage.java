package org.simexplorer.security;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The login form (Spring Security handles its post), shown only when the app requires a login. */
@Controller
class LoginPage {

    private final NetworkExposure exposure;

    LoginPage(NetworkExposure exposure) {
        this.exposure = exposure;
    }

    @GetMapping("/login")
    String login() {
        return exposure.loginRequired() ? "login" : "redirect:/";
    }

    /** Gives every page the signed-in user's name, for the header's sign-out button; null without a login. */
    @ControllerAdvice
    static class SignedInUser {

        @ModelAttribute("signedInAs")
        String signedInAs(Principal principal) {
            return principal == null ? null : principal.getName();
        }
    }
}
