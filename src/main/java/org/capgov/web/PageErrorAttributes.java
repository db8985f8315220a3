package org.capgov.web;

import java.util.Map;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's model: Spring Boot's attributes plus the {@code reason} a filter gave when it refused a request
 * before any controller ran (e.g. {@link RequestTextFilter}), so that the page says what was wrong and in which
 * field rather than the generic text of its status.
 */
class PageErrorAttributes extends DefaultErrorAttributes {

    /** Request attribute holding the reason: a message to word in the page's language (the error page knows it). */
    static final String REASON = PageErrorAttributes.class.getName() + ".reason";

    private final MessageSource messages;

    PageErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object reason = request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST);
        if (reason instanceof MessageSourceResolvable message) {
            attributes.put("reason", messages.getMessage(message, LocaleContextHolder.getLocale()));
        }
        return attributes;
    }
}
