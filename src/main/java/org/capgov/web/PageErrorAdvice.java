package org.capgov.web;

import jakarta.servlet.http.HttpServletResponse;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on a page is shown on the error page in the page's language, with the reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private final MessageSource messages;

    PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletResponse response) {
        response.setStatus(e.status());
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", e.status());
        view.addObject("reason", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        return view;
    }
}
