package org.capgov.shared;

/**
 * A refusal the user should read: carries an HTTP status, a message key (resolved in Chinese for the API and in
 * the page's language for pages) and, for bad input, the field at fault.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final Object[] args;
    private final String field;
    private final java.util.List<FieldProblem> problems;

    public DomainException(int status, String messageKey, String field, Object... args) {
        this(status, messageKey, field, java.util.List.of(), args);
    }

    private DomainException(int status, String messageKey, String field, java.util.List<FieldProblem> problems,
            Object... args) {
        super(messageKey + (field == null ? "" : " [" + field + "]"));
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.problems = java.util.List.copyOf(problems);
        this.args = named(field, args);
    }

    /**
     * A field's name as a message argument: resolved by the message source to its name in the reader's language
     * ({@code field.deadline} → 期限), the code itself where no name is known.
     */
    public static org.springframework.context.MessageSourceResolvable fieldName(String field) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"field." + field},
                field);
    }

    /** The field named among the arguments is shown by its name, not its code. */
    private static Object[] named(String field, Object[] args) {
        if (field == null || args == null) {
            return args;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (field.equals(out[i])) {
                out[i] = fieldName(field);
            }
        }
        return out;
    }

    /** One problem of several found in one input: field, offending value, Chinese reason. */
    public record FieldProblem(String field, String value, String reason) {
    }

    /** Bad input with every problem found; the first names the field of the response. */
    public static DomainException invalid(java.util.List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        return new DomainException(400, "error.validation", first.field(), problems, first.field(), first.reason());
    }

    public static DomainException invalid(String field, String messageKey, Object... args) {
        return new DomainException(400, messageKey, field, args);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(404, messageKey, null, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(409, messageKey, null, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(403, messageKey, null, args);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public String field() {
        return field;
    }

    public java.util.List<FieldProblem> problems() {
        return problems;
    }
}
