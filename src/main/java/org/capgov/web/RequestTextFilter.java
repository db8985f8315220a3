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
 * Refuses, with 400 before anything reads them, a NUL character anywhere in a request's query, form fields or JSON
 * strings (PostgreSQL cannot store NUL in text, so letting it through turned a typing accident or a probe into a
 * 500), and any single text value longer than {@code capgov.security.max-text-length} characters (a million-character
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

    /** A value at fault: its field, and either a NUL or its length. */
    private record Fault(String field, boolean nul, int length) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Fault> fault = inQuery(request.getQueryString());
        if (fault.isEmpty() && request.getRequestURI().contains("%00")) {
            fault = Optional.of(new Fault("path", true, 0));
        }
        HttpServletRequest forward = request;
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (fault.isEmpty() && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            fault = inParameters(request.getParameterMap());
        } else if (fault.isEmpty() && isJson(contentType) && request.getContentLengthLong() <= MAX_SCANNED_BODY) {
            byte[] body = request.getInputStream().readNBytes(MAX_SCANNED_BODY);
            fault = JsonTextScan.scan(new String(body, StandardCharsets.UTF_8), maxLength)
                    .map(f -> new Fault(f.field(), f.nul(), f.length()));
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
        if (query == null || !query.contains("%00") && query.length() <= maxLength) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String name = kv[0].contains("%00") ? "query" : decode(kv[0]);
            if (pair.contains("%00")) {
                return Optional.of(new Fault(name, true, 0));
            }
            int length = kv.length > 1 ? decode(kv[1]).length() : 0;
            if (length > maxLength) {
                return Optional.of(new Fault(name, false, length));
            }
        }
        return Optional.empty();
    }

    private Optional<Fault> inParameters(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return Optional.of(new Fault("form", true, 0));
            }
            for (String value : e.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return Optional.of(new Fault(e.getKey(), true, 0));
                }
                if (value != null && value.length() > maxLength) {
                    return Optional.of(new Fault(e.getKey(), false, value.length()));
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
        String key = fault.nul() ? "error.request.nul" : "error.request.tooLong";
        Object[] args = {fault.field(), fault.length(), maxLength};
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var problem = ApiProblemAdvice.problem(messages, request, 400, key, args);
            problem.setProperty("field", fault.field());
            response.setStatus(400);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.sendError(400, messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE));
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
