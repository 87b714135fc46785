package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CrossSiteRequestFilterTest {

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter();

    private MockHttpServletResponse run(String method, String origin, String fetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/datasets/1/labels");
        request.setScheme("http");
        request.setServerName("127.0.0.1");
        request.setServerPort(8080);
        if (origin != null) request.addHeader("Origin", origin);
        if (fetchSite != null) request.addHeader("Sec-Fetch-Site", fetchSite);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) response.setStatus(299); // reached the application
        return response;
    }

    @Test
    void scriptsWithoutBrowserHeadersPass() throws Exception {
        assertThat(run("PUT", null, null).getStatus()).isEqualTo(299);
        assertThat(run("DELETE", null, null).getStatus()).isEqualTo(299);
    }

    @Test
    void sameOriginBrowserRequestsPass() throws Exception {
        assertThat(run("PUT", "http://127.0.0.1:8080", "same-origin").getStatus()).isEqualTo(299);
        assertThat(run("POST", null, "none").getStatus()).isEqualTo(299);
    }

    @Test
    void crossSiteAndSameSiteWritesAreRefusedWithAProblemDetail() throws Exception {
        MockHttpServletResponse crossSite = run("PUT", "https://evil.example", "cross-site");
        assertThat(crossSite.getStatus()).isEqualTo(403);
        assertThat(crossSite.getContentType()).startsWith("application/problem+json");
        assertThat(crossSite.getContentAsString()).contains("\"status\":403").contains("cross-site");
        assertThat(run("POST", null, "same-site").getStatus()).isEqualTo(403);
    }

    @Test
    void aForeignOriginIsRefusedEvenWithoutSecFetchSite() throws Exception {
        assertThat(run("POST", "http://127.0.0.1:9999", null).getStatus()).isEqualTo(403);
        assertThat(run("POST", "http://localhost.evil:8080", null).getStatus()).isEqualTo(403);
        assertThat(run("DELETE", "null", null).getStatus()).isEqualTo(403);
        MockHttpServletResponse quoted = run("POST", "http://x\"<script>", null);
        assertThat(quoted.getStatus()).isEqualTo(403);
        assertThat(quoted.getContentAsString()).doesNotContain("<script>");
    }

    @Test
    void readsAreNeverRefused() throws Exception {
        assertThat(run("GET", "https://evil.example", "cross-site").getStatus()).isEqualTo(299);
        assertThat(run("HEAD", "https://evil.example", "cross-site").getStatus()).isEqualTo(299);
        assertThat(run("OPTIONS", "https://evil.example", "cross-site").getStatus()).isEqualTo(299);
    }

    @Test
    void everyOtherMethodIsCheckedNotOnlyTheUsualWrites() throws Exception {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "LOCK", "TRACE", "QUERY"}) {
            assertThat(run(method, "https://evil.example", "cross-site").getStatus()).as(method).isEqualTo(403);
            assertThat(run(method, null, null).getStatus()).as(method).isEqualTo(299);
        }
    }
}
