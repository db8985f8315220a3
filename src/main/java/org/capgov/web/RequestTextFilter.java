package org.capgov.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with 400 before anything reads them, a NUL or other control character (see
 * {@link JsonTextScan#isControl}) anywhere in a request's query, form fields or JSON strings (PostgreSQL cannot store
 * NUL in text, so letting it through turned a typing accident or a probe into a 500; the other controls are
 * invisible and break exports and notices), and any single text value longer than {@code capgov.security.max-text-length} characters (a million-character
 * case note was accepted). Fields with a tighter limit of their own (names, document numbers) are checked by their
 * module. The answer names the field; on {@code /api/} it is problem+json, on pages the error page.
 */
class RequestTextFilter extends OncePerRequestFilter {

    /** JSON bodies are read whole to be scanned; the largest accepted JSON body of the platform is far below this. */
    private static final int MAX_SCANNED_BODY = 64 * 1024 * 1024;

    private final MessageSource messages;
    private final JsonMapper json;
    private final int maxLength;

    RequestTextFilter(MessageSource messages, JsonMapper json, int maxLength) {
        this.messages = messages;
        this.json = json;
        this.maxLength = maxLength;
    }

    /** A value at fault: its field, and either its first control character or its length. */
    private record Fault(String field, int control, int length) {

        static Fault control(String field, int control) {
            return new Fault(field, control, 0);
        }

        static Fault tooLong(String field, int length) {
            return new Fault(field, JsonTextScan.NONE, length);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Fault> fault = inQuery(request.getQueryString());
        if (fault.isEmpty() && request.getRequestURI().contains("%00")) {
            fault = Optional.of(Fault.control("path", 0));
        }
        HttpServletRequest forward = request;
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (fault.isEmpty() && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            fault = inParameters(request.getParameterMap());
        } else if (fault.isEmpty() && isJson(contentType) && request.getContentLengthLong() <= MAX_SCANNED_BODY) {
            byte[] body = request.getInputStream().readNBytes(MAX_SCANNED_BODY);
            fault = JsonTextScan.scan(new String(body, StandardCharsets.UTF_8), maxLength)
                    .map(f -> new Fault(f.field(), f.control(), f.length()));
            forward = new ReplayedBody(request, body);
        }
        if (fault.isPresent()) {
            refuse(request, response, fault.get());
            return;
        }
        chain.doFilter(forward, response);
    }

    private static boolean isJson(String contentType) {
        return contentType.startsWith(MediaType.APPLICATION_JSON_VALUE) || contentType.contains("+json");
    }

    private Optional<Fault> inQuery(String query) {
        if (query == null || query.indexOf('%') < 0 && query.length() <= maxLength) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String name = decode(kv[0]);
            if (JsonTextScan.firstControl(name) != JsonTextScan.NONE) {
                return Optional.of(Fault.control("query", JsonTextScan.firstControl(name)));
            }
            String value = kv.length > 1 ? decode(kv[1]) : "";
            int control = JsonTextScan.firstControl(value);
            if (control != JsonTextScan.NONE) {
                return Optional.of(Fault.control(name, control));
            }
            if (value.length() > maxLength) {
                return Optional.of(Fault.tooLong(name, value.length()));
            }
        }
        return Optional.empty();
    }

    private Optional<Fault> inParameters(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (JsonTextScan.firstControl(e.getKey()) != JsonTextScan.NONE) {
                return Optional.of(Fault.control("form", JsonTextScan.firstControl(e.getKey())));
            }
            for (String value : e.getValue()) {
                int control = value == null ? JsonTextScan.NONE : JsonTextScan.firstControl(value);
                if (control != JsonTextScan.NONE) {
                    return Optional.of(Fault.control(e.getKey(), control));
                }
                if (value != null && value.length() > maxLength) {
                    return Optional.of(Fault.tooLong(e.getKey(), value.length()));
                }
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Fault fault) throws IOException {
        String key = fault.control() == 0 ? "error.request.nul"
                : fault.control() != JsonTextScan.NONE ? "error.request.control" : "error.request.tooLong";
        Object[] args = {org.capgov.shared.DomainException.fieldName(fault.field()), fault.length(), maxLength,
                String.format("U+%04X", fault.control())};
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var problem = ApiProblemAdvice.problem(messages, request, 400, key, args);
            problem.setProperty("field", fault.field());
            response.setStatus(400);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            // the error page shows this reason (PageErrorAttributes) instead of the generic text of a 400; it is
            // worded there, in the page's language, which is not known yet here (before the dispatcher servlet)
            request.setAttribute(PageErrorAttributes.REASON,
                    new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, args,
                            key));
            response.sendError(400);
        }
    }

    /** The request with its body already read, offered again to whoever reads it next. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reading only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
