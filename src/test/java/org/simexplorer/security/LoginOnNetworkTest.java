package org.simexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The app configured to listen on every interface (server.address=0.0.0.0) with one user: every page asks for
 * the login form, the API for HTTP Basic, and a signed-in page's own calls to the API work on its session.
 * No server is started (MockMvc), so nothing is actually opened to the network.
 */
@SpringBootTest(properties = {"server.address=0.0.0.0", "simexplorer.data-dir=./target/test-data/login-on-network",
        "simexplorer.security.allowed-hosts=explorer.example.org"})
@AutoConfigureMockMvc
class LoginOnNetworkTest {

    private static final String PASSWORD = "through the looking-glass";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        registry.add("simexplorer.security.users", () -> "alice:" + hash + ", bob:" + new BCryptPasswordEncoder(4).encode("other"));
    }

    @Test
    void loginIsRequiredBecauseTheAddressIsNotLoopback(@Autowired NetworkExposure exposure) {
        assertThat(exposure.loginRequired()).isTrue();
    }

    @Test
    void pagesSendAPersonToTheLoginForm() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/datasets/1").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"password\"")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")));
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/home.js")).andExpect(status().isFound());
    }

    @Test
    void theApiAsksForHttpBasicWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/datasets")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/datasets").with(httpBasic("alice", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/datasets").with(httpBasic("mallory", PASSWORD))).andExpect(status().isUnauthorized());
        MvcResult ok = mvc.perform(get("/api/datasets").with(httpBasic("alice", PASSWORD))).andExpect(status().isOk())
                .andReturn();
        assertThat(ok.getRequest().getSession(false)).as("Basic logins keep no session").isNull();
        // a script writes with its credentials and no token: the missing dataset is the only complaint
        mvc.perform(put("/api/datasets/987654/labels").with(httpBasic("alice", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"i\":0,\"j\":1,\"label\":1}]"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/datasets/987654/labels").contentType(MediaType.APPLICATION_JSON)
                .content("[{\"i\":0,\"j\":1,\"label\":1}]")).andExpect(status().isUnauthorized());
    }

    @Test
    void aFormLoginServesThePagesAndThePagesOwnApiCalls() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "alice").param("password", "wrong"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "alice").param("password", PASSWORD))
                .andExpect(status().isForbidden());

        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", "alice").param("password", PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Signed in as alice")));
        // what explorer.js sends: same origin, the session cookie, no token
        mvc.perform(get("/api/datasets").session(session).header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/datasets/987654/labels").session(session).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://localhost").contentType(MediaType.APPLICATION_JSON)
                .content("[{\"i\":0,\"j\":1,\"label\":1}]")).andExpect(status().isNotFound());
        // the same call sent by another site is refused
        mvc.perform(put("/api/datasets/987654/labels").session(session).header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden());

        mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
    }

    @Test
    void configuredHostNamesAreServedAndOthersRefused() throws Exception {
        mvc.perform(get("http://explorer.example.org/login")).andExpect(status().isOk());
        mvc.perform(get("http://other.example.org/login").accept(MediaType.TEXT_HTML)).andExpect(status().is(421));
    }
}
