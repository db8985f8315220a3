-- The capacity input triggers of V95 fire in every session, also under session_replication_role = replica, which
-- the registry's first loads use to skip foreign-key checks (ImportBulkLoad): a direct load changes the inputs of
-- the capacity figures as much as any other write, and it only takes that path when the tables carry no trigger that
-- replica mode would silence.
do $$
declare
    t text;
begin
    foreach t in array array['enterprise', 'enterprise_status_history', 'enterprise_industry', 'equipment',
                             'equipment_status_history', 'output_report', 'target_figure', 'region',
                             'enforcement_case', 'case_event', 'case_exit_measure', 'enforcement_list_case'] loop
        execute format('alter table %I enable always trigger %I', t, t || '_capacity_input');
    end loop;
end;
$$;
