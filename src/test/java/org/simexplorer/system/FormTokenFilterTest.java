package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class FormTokenFilterTest {

    private final FormTokenFilter filter = new FormTokenFilter();

    private MockHttpServletRequest request(String method, String path, MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setSession(session);
        return request;
    }

    private boolean passes(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() != null;
    }

    @Test
    void aPageGetsATokenAndAFormPostWithItPasses() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest page = request("GET", "/", session);
        assertThat(passes(page, new MockHttpServletResponse())).isTrue();
        String token = (String) page.getAttribute(FormTokenFilter.ATTRIBUTE);
        assertThat(token).hasSizeGreaterThan(20);

        MockHttpServletRequest post = request("POST", "/datasets/demo", session);
        post.addParameter(FormTokenFilter.PARAMETER, token);
        assertThat(passes(post, new MockHttpServletResponse())).isTrue();
    }

    @Test
    void aFormPostWithoutOrWithAWrongTokenIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        passes(request("GET", "/", session), new MockHttpServletResponse());

        MockHttpServletResponse missing = new MockHttpServletResponse();
        assertThat(passes(request("POST", "/datasets", session), missing)).isFalse();
        assertThat(missing.getStatus()).isEqualTo(403);
        assertThat(missing.getContentAsString()).contains("Reload the page");

        MockHttpServletRequest wrong = request("POST", "/datasets/1/delete", session);
        wrong.addParameter(FormTokenFilter.PARAMETER, "forged");
        assertThat(passes(wrong, new MockHttpServletResponse())).isFalse();

        MockHttpServletRequest noSession = new MockHttpServletRequest("POST", "/datasets/demo");
        noSession.addParameter(FormTokenFilter.PARAMETER, "anything");
        assertThat(passes(noSession, new MockHttpServletResponse())).isFalse();
    }

    @Test
    void theJsonApiNeedsNoToken() throws Exception {
        MockHttpServletRequest api = new MockHttpServletRequest("PUT", "/api/datasets/1/labels");
        assertThat(passes(api, new MockHttpServletResponse())).isTrue();
        assertThat(api.getSession(false)).isNull();
    }
}
