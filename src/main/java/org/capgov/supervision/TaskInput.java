package org.capgov.supervision;

import java.util.List;

/** A task a coordinator adds: lead and cooperating department codes, a date or a yearly MM-DD. */
public record TaskInput(String document, String section, String title, String text, List<String> lead,
        List<String> cooperating, String region, String deadline, String recurrence, String output) {
}
