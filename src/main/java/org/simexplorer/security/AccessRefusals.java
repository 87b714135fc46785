package org.simexplorer.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.simexplorer.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a refused request gets: the JSON API answers with problem details (401 with a Basic challenge, so
 * scripts know to send credentials), pages send a person to the login form, and a form whose token expired
 * comes back as a page that still holds what the person typed.
 */
final class AccessRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Similarity Explorer";

    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException, ServletException {
        if (isApi(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Login required",
                    "This server requires a login: send a configured user's name and password with HTTP Basic"
                            + " authentication.");
            return;
        }
        loginPage.commence(request, response, authException);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied) throws IOException, ServletException {
        if (denied instanceof CsrfException && !isApi(request)) {
            FormExpiredPage.forward(request, response);
            return;
        }
        Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "This request is not allowed here.");
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
