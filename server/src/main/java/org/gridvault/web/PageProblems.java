package org.gridvault.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.gridvault.problems.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Shows a refused action on the page instead of as JSON: for htmx requests in the page's alert region (below the
 * navigation, announced by screen readers) with status 200 and the problem's code in {@code HX-Problem}; otherwise
 * as an error page with the problem's status. The text is the translation of the problem's stable code ({@code problem.<code>} in the message
 * bundles), or the problem's own English detail where no translation exists.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(
            ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        model.addAttribute("problemCode", problem.code());
        model.addAttribute(
                "problemMessage", messages.getMessage("problem." + problem.code(), null, problem.getMessage(), locale));
        if (request.getHeader("HX-Request") == null) {
            response.setStatus(problem.status().value());
            return "error-page";
        }
        // A refused action is an answer the page shows, not a failed request: 200, so the browser logs no error.
        response.setHeader("HX-Problem", problem.code());
        response.setHeader("HX-Retarget", "#problems");
        response.setHeader("HX-Reswap", "innerHTML");
        return "fragments :: problem";
    }
}
