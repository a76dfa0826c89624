package dev.pulse.report.web;

import dev.pulse.events.messages.MessageCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter holding a control character with 400 before any controller runs.
 * PostgreSQL refuses a NUL in a text parameter, which turned {@code ?repId=%00} into a 500 on every
 * report; and no stored id, name or source can hold a control character (the event validation
 * refuses them), so such a filter could never match anything anyway.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.codePoints().anyMatch(Character::isISOControl)) {
                    throw new BadRequestException(MessageCode.PARAMETER_CONTROL_CHARACTERS, parameter.getKey());
                }
            }
        }
        return true;
    }
}
