package org.simexplorer.security;

import java.util.ArrayList;
import java.util.List;
import org.simexplorer.system.SecurityHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security for the web app: the same response headers and CSRF protection everywhere, and a login
 * (form for pages, HTTP Basic for the API) only when {@link NetworkExposure} says other machines can reach it.
 *
 * <p>CSRF tokens guard the HTML forms. The JSON API has none, so scripts keep calling it as they are; there
 * system.CrossSiteRequestFilter refuses browser requests sent on behalf of another site (Origin, Sec-Fetch-Site)
 * and the session cookie is SameSite=Lax. The page's own fetch() calls are same-origin and carry the session
 * cookie, so after a form login they are authenticated like the page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Bean
    NetworkExposure networkExposure(Environment environment, SecuritySettings settings) {
        return new NetworkExposure(environment, settings);
    }

    /** Before every other filter, so a request for a foreign host name reaches nothing else. */
    @Bean
    FilterRegistrationBean<HostAllowList> hostAllowList(SecuritySettings settings, MessageSource messages) {
        FilterRegistrationBean<HostAllowList> registration =
                new FilterRegistrationBean<>(new HostAllowList(settings, messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * No observation (timer, counters) around each of Spring Security's own filters: they add to the CPU time of
     * every label write (bench/http/run.sh labels, "CPU per request"). Requests are still timed as a whole
     * (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The configured users; empty when none are (Spring Boot then makes up no user of its own). */
    @Bean
    UserDetailsService configuredUsers(NetworkExposure exposure) {
        List<UserDetails> users = new ArrayList<>();
        exposure.users().forEach((name, hash) -> users.add(User.withUsername(name).password(hash).roles("USER")
                .build()));
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, NetworkExposure exposure) {
        AccessRefusals refusals = new AccessRefusals();
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals));
        if (exposure.loginRequired()) {
            http.authorizeHttpRequests(requests -> requests
                            .requestMatchers("/login", "/css/**", "/error", FormExpiredPage.PATH).permitAll()
                            // liveness and readiness probes carry no credentials; info and metrics stay behind the login
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(form -> form.loginPage("/login"))
                    .httpBasic(basic -> basic.realmName(AccessRefusals.REALM).authenticationEntryPoint(refusals))
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .logout(AbstractHttpConfigurer::disable);
        }
        return http.build();
    }
}
