package org.capgov.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page is shown on the error page in the page's language, with the reason: a domain refusal with its
 * own message, and a malformed request (a value of the wrong type in the address or a form, a missing parameter)
 * with the field it concerns, the value given and what was expected, instead of a bare "400". Ordered after
 * {@link ApiProblemAdvice}, which answers every error of a REST controller, and before Spring's problem-details
 * handler, which would answer a page with JSON.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PageErrorAdvice {

    /** Values are shown back to the person; a long one is cut, it only has to be recognisable. */
    private static final int SHOWN_VALUE = 40;

    private final MessageSource messages;

    PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletResponse response) {
        return page(response, e.status(), e.messageKey(), e.args());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return badValue(response, e.getName(), e.getValue(), e.getRequiredType());
    }

    @ExceptionHandler(BindException.class)
    ModelAndView binding(BindException e, HttpServletResponse response) {
        FieldError error = e.getFieldError();
        if (error == null) {
            return page(response, 400, "error.page.badRequest");
        }
        Class<?> type = e.getBindingResult().getFieldType(error.getField());
        return badValue(response, error.getField(), error.getRejectedValue(), type);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return page(response, 400, "error.page.missingParameter", DomainException.fieldName(e.getParameterName()));
    }

    private ModelAndView badValue(HttpServletResponse response, String field, Object value, Class<?> type) {
        String shown = value == null ? "" : value.toString();
        if (shown.length() > SHOWN_VALUE) {
            shown = shown.substring(0, SHOWN_VALUE) + "…";
        }
        String expected = "error.page.expected." + expected(type);
        return page(response, 400, "error.page.badParameter", DomainException.fieldName(field), shown,
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {expected},
                        expected));
    }

    /** What a value of {@code type} looks like, as the key of its Chinese description. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "other";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == LocalDateTime.class) {
            return "dateTime";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "number";
        }
        if (type.isEnum()) {
            return "choice";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "yesNo";
        }
        return "other";
    }

    private ModelAndView page(HttpServletResponse response, int status, String key, Object... args) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("reason", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
        return view;
    }
}
