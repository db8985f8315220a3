package org.capgov.telemetry.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterprisePageSection;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.telemetry.quality.LimitLines;
import org.capgov.telemetry.validity.AggregateRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online monitoring on the enterprise page itself: the valid hourly and daily means of the last 90 days that are above
 * the limit, each with the value, the limit, the rule and its citation, the measurement it was fed to the engine as,
 * and the raw packets behind it (the evidence), within the caller's data scope. The limit is the strictest the
 * catalogue sets for one of the enterprise's industries ({@link LimitLines}); the verdict remains the engine's.
 */
@Component
class EnterpriseExceedances implements EnterprisePageSection {

    /** How far back the page looks. */
    static final int DAYS = 90;
    /** Raw packets shown under one value; the packets page has all of them. */
    static final int PACKETS_SHOWN = 60;
    /** Exceedances shown on the enterprise page, newest first; the logger registry lists them all. */
    static final int SHOWN = 50;
    private static final Set<String> READERS = Set.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_DEPARTMENT_OFFICER",
            "ROLE_DISTRICT_OFFICER", "ROLE_ENTERPRISE", "ROLE_OBSERVER");

    /** A valid hourly or daily mean above its limit, with what stands behind it. */
    record Exceedance(long loggerId, String mn, AggregateRepository.Aggregate value, LimitLines.Limit limit, LocalDateTime end,
            List<TelemetryPageRepository.PacketRow> packets, boolean morePackets) {
    }

    /** The section: the enterprise's loggers in scope and the newest of their {@code total} exceedances. */
    record Content(String uscc, int loggers, int days, int total, List<Exceedance> items) {
    }

    private final TelemetryPageRepository pages;
    private final AggregateRepository aggregates;
    private final LimitLines limits;
    private final Clock clock;

    EnterpriseExceedances(TelemetryPageRepository pages, AggregateRepository aggregates, LimitLines limits, Clock clock) {
        this.pages = pages;
        this.aggregates = aggregates;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String template() {
        return "telemetry/enterprise";
    }

    @Override
    @Transactional(readOnly = true)
    public Object content(Enterprise enterprise) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(READERS::contains)) {
            return null;
        }
        List<TelemetryPageRepository.Row> loggers = pages.loggersOf(Actors.scope(), enterprise.uscc());
        if (loggers.isEmpty()) {
            return null;
        }
        List<Exceedance> all = of(enterprise, loggers);
        List<Exceedance> shown = new ArrayList<>();
        for (Exceedance x : all.subList(0, Math.min(SHOWN, all.size()))) {
            List<TelemetryPageRepository.PacketRow> packets = pages.packets(x.loggerId(), x.value().start(), x.end(),
                    PACKETS_SHOWN + 1);
            shown.add(new Exceedance(x.loggerId(), x.mn(), x.value(), x.limit(), x.end(),
                    packets.subList(0, Math.min(packets.size(), PACKETS_SHOWN)), packets.size() > PACKETS_SHOWN));
        }
        return new Content(enterprise.uscc(), loggers.size(), DAYS, all.size(), shown);
    }

    /** The exceedances of these loggers of {@code owner} in the last {@link #DAYS} days, newest first, without packets. */
    List<Exceedance> of(Enterprise owner, List<TelemetryPageRepository.Row> loggers) {
        LocalDateTime to = LocalDateTime.now(clock.withZone(ChinaTime.ZONE));
        LocalDateTime from = to.minusDays(DAYS);
        List<Exceedance> out = new ArrayList<>();
        for (TelemetryPageRepository.Row r : loggers) {
            for (String period : List.of("HOUR", "DAY")) {
                for (AggregateRepository.Aggregate v : aggregates.list(r.id(), period, from, to)) {
                    if (!v.valid() || v.mean() == null) {
                        continue;
                    }
                    LimitLines.Limit limit = limits.of(owner, v.metric(), v.start().toLocalDate()).orElse(null);
                    if (limit == null || v.mean() <= limit.value()) {
                        continue;
                    }
                    LocalDateTime end = period.equals("HOUR") ? v.start().plusHours(1) : v.start().plusDays(1);
                    out.add(new Exceedance(r.id(), r.mn(), v, limit, end, List.of(), false));
                }
            }
        }
        out.sort((a, b) -> b.value().start().compareTo(a.value().start()));
        return out;
    }
}
