package org.capgov.enforcement.lists;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates cases with whole timelines over the enterprises in the registry for the list benchmark, in set-based SQL
 * (ids BZ-…). Case i goes to enterprise i mod n in its round i div n; the round picks the dimension, so that open cases
 * never collide on the one-open-case rule (from the sixth round on, every case is closed). Enterprises that already
 * have cases of their own (demo mode's story) are left out, for the same rule. Outcomes, by a hash of i:
 * 35% notice only, 10% extended, 25% rectified, 8% closure approved, 7% closed, exited and announced, 15% exit cases
 * announced (from the sixth round on, only closed outcomes). Notices fall between 2019 and late 2025, events up to 280 days after.
 */
final class PublicListBenchCases {

    private static final String CASES = """
            with e as (select id, uscc, region_path, row_number() over (order by id) - 1 as n from enterprise
                        where id not in (select enterprise_id from enforcement_case where id not like 'BZ-%')),
            c as (select count(*) as total from e),
            g as (select i, i % c.total as n, i / c.total as round,
                         case when i / c.total >= 5 and (i * 2654435761 % 100 < 45 or i * 2654435761 % 100 between 70 and 77)
                              then 45 + i * 2654435761 % 25 else i * 2654435761 % 100 end as h,
                         date '2019-01-01' + (i * 7919 % 2500)::int as opened
                    from generate_series(:from, :to) i, c),
            o as (select g.*, case when h < 35 then 'OPEN' when h < 45 then 'EXTENDED' when h < 70 then 'RECTIFIED'
                                   when h < 78 then 'CLOSED' when h < 85 then 'CLOSED_EXITED' else 'EXIT' end as outcome,
                         (array['ENERGY','ENVIRONMENT','QUALITY','SAFETY','TECHNOLOGY'])[round % 5 + 1] as dimension
                    from g)
            insert into enforcement_case (id, kind, enterprise_id, uscc, region_path, dimension, department_code, state,
                opened_on, deadline, original_deadline, extension_used, closed_on, closed_by_law, origin, created_by)
            select 'BZ-' || lpad(o.i::text, 10, '0'), case when outcome = 'EXIT' then 'EXIT' else 'RECTIFICATION' end,
                   e.id, e.uscc, e.region_path, case when outcome = 'EXIT' then 'TECHNOLOGY' else dimension end,
                   case (case when outcome = 'EXIT' then 'TECHNOLOGY' else dimension end)
                        when 'ENVIRONMENT' then 'CQ-STHJJ' when 'QUALITY' then 'CQ-SCJGJ' when 'SAFETY' then 'CQ-YJJ'
                        else 'CQ-JXW' end,
                   case outcome when 'OPEN' then 'NOTICE_ISSUED' when 'EXTENDED' then 'NOTICE_ISSUED'
                        when 'RECTIFIED' then 'RECTIFIED' when 'CLOSED' then 'CLOSURE_APPROVED' else 'ANNOUNCED' end,
                   opened,
                   case when outcome = 'EXTENDED' then (opened + interval '9 months')::date
                        when outcome = 'EXIT' then (opened + interval '3 months')::date
                        else (opened + interval '6 months')::date end,
                   case when outcome = 'EXIT' then (opened + interval '3 months')::date
                        else (opened + interval '6 months')::date end,
                   outcome = 'EXTENDED',
                   case outcome when 'RECTIFIED' then opened + 170 when 'CLOSED_EXITED' then opened + 280
                        when 'EXIT' then opened + 75 end,
                   outcome in ('CLOSED', 'CLOSED_EXITED', 'EXIT'), 'POLICY', 'bench'
              from o join e on e.n = o.n
            """;

    /** Every event after the opening one, as (offset in days, action, to-state, outcomes it belongs to). */
    private static final String EVENTS = """
            with steps (days, action, to_state, outcomes) as (values
                (150, 'REQUEST_EXTENSION', 'EXTENSION_REQUESTED', array['EXTENDED']),
                (160, 'GRANT_EXTENSION', 'NOTICE_ISSUED', array['EXTENDED']),
                (120, 'SUBMIT_RECTIFICATION', 'RECTIFICATION_SUBMITTED', array['RECTIFIED', 'CLOSED', 'CLOSED_EXITED']),
                (170, 'VERIFY_COMPLIANT', 'RECTIFIED', array['RECTIFIED']),
                (190, 'VERIFY_FAILED', 'RECTIFICATION_FAILED', array['CLOSED', 'CLOSED_EXITED']),
                (200, 'PROPOSE_CLOSURE', 'CLOSURE_PROPOSED', array['CLOSED', 'CLOSED_EXITED']),
                (220, 'APPROVE_CLOSURE', 'CLOSURE_APPROVED', array['CLOSED', 'CLOSED_EXITED']),
                (240, 'RECORD_EXIT_MEASURE', 'EXIT_IN_PROGRESS', array['CLOSED_EXITED']),
                (270, 'VERIFY_EXIT', 'EXIT_VERIFIED', array['CLOSED_EXITED']),
                (280, 'ANNOUNCE', 'ANNOUNCED', array['CLOSED_EXITED']),
                (30, 'RECORD_EXIT_MEASURE', 'EXIT_IN_PROGRESS', array['EXIT']),
                (60, 'VERIFY_EXIT', 'EXIT_VERIFIED', array['EXIT']),
                (75, 'ANNOUNCE', 'ANNOUNCED', array['EXIT'])),
            cases as (select c.id, c.opened_on, c.kind, c.original_deadline, c.deadline,
                             case when c.kind = 'EXIT' then 'EXIT' when c.state = 'RECTIFIED' then 'RECTIFIED'
                                  when c.state = 'CLOSURE_APPROVED' then 'CLOSED' when c.state = 'ANNOUNCED'
                                  then 'CLOSED_EXITED' when c.extension_used then 'EXTENDED' else 'OPEN' end as outcome
                        from enforcement_case c where c.id between :from and :to)
            insert into case_event (case_id, action, from_state, to_state, effective_date, document, months, deadline, actor)
            select id, null, null, case when kind = 'EXIT' then 'EXIT_ORDERED' else 'NOTICE_ISSUED' end, opened_on, null,
                   null, original_deadline, 'bench' from cases
            union all
            select c.id, s.action, null, s.to_state, c.opened_on + s.days,
                   case when s.action in ('APPROVE_CLOSURE', 'ANNOUNCE') then '渝府发〔' || extract(year from c.opened_on + s.days)
                        || '〕' || substr(c.id, 8) || '号' end,
                   case when s.action = 'GRANT_EXTENSION' then 3 end,
                   case when s.action = 'GRANT_EXTENSION' then c.deadline end, 'bench'
              from cases c join steps s on c.outcome = any(s.outcomes)
            """;

    /** Two measures (power cut, sealed) on the enterprise's first equipment item, with its capacity. */
    private static final String MEASURES = """
            insert into case_exit_measure (case_id, equipment_id, measure, effective_date, capacity, product, commitment, event_id)
            select ev.case_id, q.id, m.measure, ev.effective_date, q.annual_capacity, q.product, true, ev.id
              from case_event ev join enforcement_case c on c.id = ev.case_id
              cross join lateral (select id, annual_capacity, product from equipment where enterprise_id = c.enterprise_id
                                   order by id limit 1) q
              cross join (values ('POWER_CUT'), ('SEALED')) m (measure)
             where ev.action = 'RECORD_EXIT_MEASURE' and ev.case_id between :from and :to
            """;

    private final JdbcClient jdbc;

    PublicListBenchCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases {@code from} to {@code to} (inclusive) with their events and measures; returns the events written. */
    long generate(long from, long to) {
        jdbc.sql(CASES).param("from", from).param("to", to).update();
        String low = "BZ-" + String.format("%010d", from);
        String high = "BZ-" + String.format("%010d", to);
        long events = jdbc.sql(EVENTS).param("from", low).param("to", high).update();
        jdbc.sql(MEASURES).param("from", low).param("to", high).update();
        return events;
    }
}
