package org.capgov.pricing.page;

import java.util.stream.Collectors;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A refusal as one sentence for a page, with every row problem of a batch. */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(DomainException e) {
        if (e.problems() != null && !e.problems().isEmpty()) {
            return e.problems().stream().map(DomainException.FieldProblem::reason).collect(Collectors.joining("；"));
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
