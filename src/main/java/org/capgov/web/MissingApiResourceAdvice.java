package org.capgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** An unknown {@code /api/} path gets a problem+json 404; an unknown page falls through to the 404 page. */
@ControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class MissingApiResourceAdvice {

    private final MessageSource messages;

    MissingApiResourceAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        return ApiProblemAdvice.respond(ApiProblemAdvice.problem(messages, request, 404, "error.request.notFound"));
    }
}
