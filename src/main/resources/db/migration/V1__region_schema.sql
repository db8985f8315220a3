-- Administrative divisions (GB/T 2260) and management areas. A closed region is kept, never deleted.
create table region (
    code            varchar(12) primary key,
    name            text        not null,
    name_en         text        not null,
    parent_code     varchar(12) references region (code),
    -- materialised path of codes from the root, e.g. '/500000/500102/'; a subtree is a path prefix
    path            text        not null unique,
    level           smallint    not null check (level between 1 and 5),
    kind            varchar(24) not null check (kind in ('MUNICIPALITY', 'PROVINCE', 'PREFECTURE', 'AUTONOMOUS_PREFECTURE',
                                                         'DISTRICT', 'COUNTY', 'AUTONOMOUS_COUNTY', 'MANAGEMENT_AREA')),
    opened_on       date,
    closed_on       date,
    -- air zone for DB50/418-2012; OTHER until a coordinator sets it (air_zone_set_by stays null)
    air_zone        varchar(16) not null default 'OTHER' check (air_zone in ('MAIN_CITY', 'INFLUENCE', 'OTHER')),
    air_zone_set_by text,
    air_zone_set_at timestamptz,
    air_zone_basis  text,
    key_air_region  boolean     not null default false,
    check (closed_on is null or opened_on is null or closed_on >= opened_on)
);

create index region_path_prefix on region (path text_pattern_ops);
create index region_parent on region (parent_code);

-- A region that ceases to exist is closed (closed_on), never deleted: records keep pointing at it.
create function region_never_deleted() returns trigger language plpgsql as $$
begin
    raise exception 'region % cannot be deleted; set closed_on instead', old.code using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger region_no_delete before delete on region for each row execute function region_never_deleted();
