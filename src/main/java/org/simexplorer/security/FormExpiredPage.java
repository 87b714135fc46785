package org.simexplorer.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page a form post lands on when its CSRF token is missing or out of date (the page sat open while the
 * session ended, or the server restarted). It shows every field the person filled in, editable, in a form with a
 * fresh token that posts to the same place, so nothing typed is lost. Uploaded files cannot be put back into a
 * form by the server; the page names them so they can be chosen again.
 */
@Controller
class FormExpiredPage {

    static final String PATH = "/form-expired";
    private static final String FIELDS = FormExpiredPage.class.getName() + ".fields";
    private static final String FILES = FormExpiredPage.class.getName() + ".files";
    private static final String ACTION = FormExpiredPage.class.getName() + ".action";

    /** One filled-in field. Multi-line or long values get a text area. */
    record Field(String name, String value, boolean multiline) {
    }

    /** Keeps the refused form's fields and shows them on this page, answering 403. */
    static void forward(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute(ACTION, request.getServletPath() + (request.getPathInfo() == null ? ""
                : request.getPathInfo()));
        request.setAttribute(FIELDS, fields(request));
        request.setAttribute(FILES, fileNames(request));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        request.getRequestDispatcher(PATH).forward(request, response);
    }

    @RequestMapping(PATH)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object action = request.getAttribute(ACTION);
        if (action == null) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
        }
        model.addAttribute("action", action == null ? "/" : action);
        model.addAttribute("fields", request.getAttribute(FIELDS) == null ? List.of() : request.getAttribute(FIELDS));
        model.addAttribute("files", request.getAttribute(FILES) == null ? List.of() : request.getAttribute(FILES));
        return "form-expired";
    }

    /** The submitted fields, without the stale token and never a password. */
    private static List<Field> fields(HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            String name = entry.getKey();
            if (name.equals("_csrf") || name.toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            for (String value : entry.getValue()) {
                fields.add(new Field(name, value, value.length() > 80 || value.contains("\n")));
            }
        }
        return fields;
    }

    private static List<String> fileNames(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()) {
                    names.add(part.getSubmittedFileName());
                }
            }
        } catch (IllegalStateException overLimit) {
            // the upload was over the size limit: there is nothing to name
        }
        return names;
    }
}
