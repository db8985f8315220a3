-- Registry imports: one row per uploaded file, and the first errors found in it.
-- Rows being imported are staged in TEMP tables created inside the import's own transaction (see
-- ImportEnterpriseRows / ImportEquipmentRows): they are never WAL-logged, cannot be seen by another job, and vanish
-- with the transaction whether it commits or rolls back, so an aborted import leaves nothing behind.
create table import_job (
    id            bigserial    primary key,
    kind          varchar(16)  not null check (kind in ('ENTERPRISES', 'EQUIPMENT')),
    mode          varchar(16)  not null check (mode in ('INSERT_ONLY', 'UPSERT')),
    file_name     text         not null check (length(file_name) <= 255),
    file_size     bigint       not null,
    file_format   varchar(8)   check (file_format in ('CSV', 'XLSX')),
    file_sha256   char(64),
    charset       varchar(16),
    status        varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    phase         varchar(16),
    rows_read     bigint       not null default 0,
    bytes_read    bigint       not null default 0,
    rows_inserted bigint       not null default 0,
    rows_updated  bigint       not null default 0,
    error_count   bigint       not null default 0,
    -- file-level reason (REJECTED: the file as a whole is unusable; FAILED: the server could not finish)
    message       text,
    submitted_by  text         not null,
    -- home region of the submitter: others whose scope covers it may follow the job; null = platform-wide
    region_path   text,
    -- the application instance running the job; its heartbeat (updated_at) shows the job is alive
    node          varchar(40)  not null,
    created_at    timestamptz  not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz  not null default now()
);
create index import_job_submitter on import_job (submitted_by, id desc);
create index import_job_region on import_job (region_path text_pattern_ops);
create index import_job_open on import_job (status) where status in ('QUEUED', 'RUNNING');

-- At most capgov.imports.max-stored-errors rows per job are kept (the job counts all of them).
create table import_error (
    job_id      bigint  not null references import_job (id) on delete cascade,
    seq         integer not null,
    row_no      bigint  not null,
    column_name text,
    cell_value  text,
    reason      text    not null,
    primary key (job_id, seq)
);
