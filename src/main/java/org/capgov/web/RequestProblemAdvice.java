package org.capgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that are malformed before any controller could read them: a method the path does not accept (405), a
 * body type the endpoint does not read (415), an answer type it cannot give (406), a multipart body that cannot be
 * parsed, a request the firewall refuses because of what its parameters carry (400). On {@code /api/} they are
 * answered as problem+json with a Chinese detail; on pages with the error page. Global (no handler may be known yet)
 * and ahead of {@link ApiProblemAdvice}, whose catch-all would otherwise turn them into 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblemAdvice {

    private final MessageSource messages;
    private final JsonMapper json;

    RequestProblemAdvice(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            response.setHeader("Allow", String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString)
                    .toList()));
        }
        return answer(request, response, 405, "error.request.method", e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String given = e.getContentType() == null ? "（无）" : e.getContentType().toString();
        String accepted = e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : String.join("、", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
        return answer(request, response, 415, "error.request.mediaType", given, accepted);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView acceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return answer(request, response, 406, "error.request.notAcceptable");
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView multipart(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e instanceof MaxUploadSizeExceededException) {
            return answer(request, response, 413, "error.request.tooLarge");
        }
        return answer(request, response, 400, "error.request.multipart");
    }

    @ExceptionHandler(RequestRejectedException.class)
    ModelAndView rejected(RequestRejectedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(request, response, 400, "error.request.rejected");
    }

    private ModelAndView answer(HttpServletRequest request, HttpServletResponse response, int status, String key,
            Object... args) throws IOException {
        response.setStatus(status);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(
                    ApiProblemAdvice.problem(messages, request, status, key, args)));
            return new ModelAndView();
        }
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.valueOf(status));
        view.addObject("status", status);
        Locale locale = LocaleContextHolder.getLocale();
        view.addObject("reason", messages.getMessage(key, args, key, locale));
        return view;
    }
}
