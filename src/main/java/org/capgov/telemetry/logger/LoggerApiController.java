package org.capgov.telemetry.logger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data loggers over JSON: register one, read one, read the values it sent. */
@RestController
@Tag(name = "telemetry", description = "Online monitoring 在线监测")
class LoggerApiController {

    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'OBSERVER')";

    private final LoggerService loggers;

    LoggerApiController(LoggerService loggers) {
        this.loggers = loggers;
    }

    @PostMapping("/api/v1/telemetry/loggers")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Register a data logger (HJ 212) of an enterprise 登记数采仪; 201 with what was stored")
    ResponseEntity<Logger> register(@RequestBody LoggerRegistration body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(loggers.register(body));
    }

    @GetMapping("/api/v1/telemetry/loggers/{mn}")
    @PreAuthorize(READERS)
    @Operation(summary = "A data logger 数采仪")
    Logger get(@PathVariable String mn) {
        return loggers.get(mn);
    }

    /** The body of PUT …/tolerances. */
    record Tolerances(java.util.List<String> tolerances) {
    }

    @PutMapping("/api/v1/telemetry/loggers/{mn}/tolerances")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Set a logger's lenient mode (MODBUS_CRC, WRONG_LENGTH, FACTOR_CODES_2005; empty = strict) 宽容项")
    Logger tolerances(@PathVariable String mn, @RequestBody Tolerances body) {
        return loggers.setTolerances(mn, body == null ? null : body.tolerances());
    }

    @GetMapping("/api/v1/telemetry/loggers/{mn}/values")
    @PreAuthorize(READERS)
    @Operation(summary = "Values a logger sent, one item per factor of each packet; only flag N is valid 在线监测数据")
    LoggerService.Values values(@PathVariable String mn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {
        return loggers.values(mn, from, to);
    }
}
