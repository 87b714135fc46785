package org.simexplorer.security;

import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The login form (Spring Security handles its post), shown only when the app requires a login. Like
 * {@link WebSecurity}, it exists only in the web app, not in the command-line tools.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginPage {

    private final NetworkExposure exposure;

    LoginPage(NetworkExposure exposure) {
        this.exposure = exposure;
    }

    @GetMapping("/login")
    String login() {
        return exposure.loginRequired() ? "login" : "redirect:/";
    }

    /**
     * Gives every page the signed-in user's name, for the header's sign-out button; null without a login. Only
     * the pages' controllers (and the error page's): a model attribute is resolved before every handler it
     * applies to, and the JSON API (label writes above all) has no page to put it on.
     */
    @ControllerAdvice(basePackageClasses = {LoginPage.class, BasicErrorController.class},
            basePackages = "org.simexplorer.explorer")
    static class SignedInUser {

        @ModelAttribute("signedInAs")
        String signedInAs(Principal principal) {
            return principal == null ? null : principal.getName();
        }
    }
}
