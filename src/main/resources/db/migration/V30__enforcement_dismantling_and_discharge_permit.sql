-- Seed 001 二、(五) "封存主体设备（生产线），并限时拆除": the daily sweep reports a dismantling deadline that passed with no
-- dismantling recorded once, like a missed exit (the day after the deadline; deadlines are inclusive, DOMAIN §7).
alter table case_exit_measure add column dismantle_overdue_since date;

-- Seed 001 二、(二)1 "对于被列入去产能名单、关停的企业，不予核发排污许可证": the discharge permit becomes a credit measure
-- (DISCHARGE_PERMIT) of a closure by law and of a missed exit. Records made before it existed gain it, so that the
-- environment department's check before issuing a permit gives the same answer for old and new closures.
update credit_record set measures = measures || 'DISCHARGE_PERMIT'::varchar
 where basis in ('CLOSURE_BY_LAW', 'EXIT_DEADLINE_MISSED') and not ('DISCHARGE_PERMIT' = any (measures));
