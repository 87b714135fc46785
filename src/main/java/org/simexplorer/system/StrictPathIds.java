package org.simexplorer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.simexplorer.errors.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Numeric path variables are decimal digits and nothing else. Spring's number conversion also takes "0x10",
 * "#10", "+16" and " 16" as 16, so a rule keyed on the path (a proxy's, a log's) could be passed by; such an id
 * is a 400 naming the variable, before the handler runs.
 */
@Configuration(proxyBeanMethods = false)
class StrictPathIds implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Set<Class<?>> NUMBERS = Set.of(long.class, Long.class, int.class, Integer.class);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(attribute instanceof Map<?, ?> variables)) return true;
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path == null || !NUMBERS.contains(parameter.getParameterType())) continue;
            String name = !path.name().isEmpty() ? path.name()
                    : !path.value().isEmpty() ? path.value() : parameter.getParameterName();
            Object value = variables.get(name);
            if (value instanceof String text && !DIGITS.matcher(text).matches()) {
                throw new InvalidInputException(name, "Path variable '" + name + "' must be decimal digits, not '"
                        + text + "'.");
            }
        }
        return true;
    }
}
