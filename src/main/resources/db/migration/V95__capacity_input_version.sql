-- Capacity: a version number of the data capacity figures are computed from, so that figures computed once can be
-- kept until one of their inputs changes (docs/decisions/capacity-figures-performance.md).
--
-- Every statement that writes to an input table takes a shared transaction-level advisory lock on one key and then
-- draws the next value of a sequence. A reader keeps a computed figure under the sequence's value only when it could
-- take the same key exclusively for an instant first, i.e. when no writing transaction was in flight: every later
-- change then draws a higher value before it commits, and the kept figure is never served for it. Shared locks do not
-- conflict with one another, so writers never wait for each other here.
create sequence capacity_input_version;

create function capacity_input_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(426836517219);
    perform nextval('capacity_input_version');
    return null;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['enterprise', 'enterprise_status_history', 'enterprise_industry', 'equipment',
                             'equipment_status_history', 'output_report', 'target_figure', 'region',
                             'enforcement_case', 'case_event', 'case_exit_measure', 'enforcement_list_case'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function capacity_input_changed()', t || '_capacity_input', t);
    end loop;
end;
$$;
