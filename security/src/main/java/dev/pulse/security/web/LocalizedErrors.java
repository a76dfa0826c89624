package dev.pulse.security.web;

import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals Spring MVC itself makes (a missing or unparsable parameter, 404, 405, 406, 415,
 * 413, 429...) with a code from the catalogue and the detail in the request's language, like
 * every other error of Pulse. A service's error advice extends this class.
 */
public abstract class LocalizedErrors extends ResponseEntityExceptionHandler {

    /** The language of {@code request}'s {@code Accept-Language}. */
    protected static Language language(WebRequest request) {
        return Language.fromAcceptLanguage(request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // the base class passes no body for its own exceptions and makes it only in this method
        if (body == null && e instanceof ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem) {
            Message message = messageOf(e, status, problem.getDetail());
            problem.setDetail(message.render(language(request)));
            problem.setProperty("code", message.code().code());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** What Spring refused, as code and arguments; its own English detail where the catalogue has no better. */
    static Message messageOf(Exception e, HttpStatusCode status, String detail) {
        return switch (e) {
            case MissingServletRequestParameterException m -> Message.of(MessageCode.MISSING_PARAMETER, m.getParameterName());
            case MissingServletRequestPartException m -> Message.of(MessageCode.MISSING_PART, m.getRequestPartName());
            case TypeMismatchException m when m.getPropertyName() != null ->
                    Message.of(MessageCode.UNCONVERTIBLE_PARAMETER, m.getPropertyName(), m.getValue());
            case HttpRequestMethodNotSupportedException m -> Message.of(MessageCode.METHOD_NOT_ALLOWED, m.getMethod());
            case HttpMediaTypeNotSupportedException m -> Message.of(MessageCode.UNSUPPORTED_MEDIA_TYPE, m.getContentType());
            case HttpMediaTypeNotAcceptableException m ->
                    Message.of(MessageCode.NOT_ACCEPTABLE, m.getSupportedMediaTypes());
            case NoResourceFoundException m -> Message.of(MessageCode.NOT_FOUND,
                    m.getResourcePath().startsWith("/") ? m.getResourcePath() : "/" + m.getResourcePath());
            case MaxUploadSizeExceededException m -> Message.of(MessageCode.UPLOAD_TOO_LARGE);
            case HttpMessageNotReadableException m -> Message.of(MessageCode.UNREADABLE_BODY);
            default -> status.value() == HttpStatus.TOO_MANY_REQUESTS.value()
                    ? Message.of(MessageCode.TOO_MANY_REQUESTS)
                    : Message.of(MessageCode.REFUSED, detail == null ? "refused" : detail, status.value());
        };
    }
}
