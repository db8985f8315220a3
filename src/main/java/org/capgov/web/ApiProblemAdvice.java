package org.capgov.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of {@code /api/**} as RFC 9457 problem+json with a Chinese {@code detail}, a stable {@code code} and, for
 * bad input, the {@code field}. Applies to REST controllers only; page controllers have {@link PageErrorAdvice};
 * requests malformed before a controller reads them (405, 415, firewall) have {@link RequestProblemAdvice}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiProblemAdvice {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        ProblemDetail problem = problem(request, e.status(), e.messageKey(), e.args());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (!e.problems().isEmpty()) {
            problem.setProperty("errors", e.problems());
        }
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problem(request, 403, "error.auth.forbidden"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        String key = e instanceof LockedException ? "error.auth.locked"
                : e instanceof DisabledException ? "error.auth.disabled" : "error.auth.badCredentials";
        return respond(problem(request, 401, key));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {}", request.getRequestURI(), e);
        return respond(problem(request, 500, "error.internal"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        // name the field when the JSON parsed but a value had the wrong type (e.g. "annualCapacity":"abc")
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
                String field = d.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
                ProblemDetail problem = problem(request, 400, "error.request.field", DomainException.fieldName(field));
                problem.setProperty("field", field);
                return respond(problem);
            }
        }
        return respond(problem(request, 400, "error.request.unreadable"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = problem(request, 400, "error.request.badParameter",
                DomainException.fieldName(e.getName()));
        problem.setProperty("field", e.getName());
        return respond(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        ProblemDetail problem = problem(request, 400, "error.request.missingParameter",
                DomainException.fieldName(e.getParameterName()));
        problem.setProperty("field", e.getParameterName());
        return respond(problem);
    }

    static ProblemDetail problem(MessageSource messages, HttpServletRequest request, int status, String key,
            Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE));
        problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", key);
        return problem;
    }

    private ProblemDetail problem(HttpServletRequest request, int status, String key, Object... args) {
        return problem(messages, request, status, key, args);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
