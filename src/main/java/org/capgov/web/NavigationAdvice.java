package org.capgov.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the layout which group of the side navigation holds the page shown ({@link NavigationGroups}). */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("navGroup")
    String navGroup(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return NavigationGroups.of(path);
    }
}
