-- Catalogue versions. Version content (documents, rules, elimination items, targets) is stored as JSON entries;
-- exactly one version is PUBLISHED at a time and every evaluation names it.
create table catalog_version (
    id           serial primary key,
    label        varchar(32) not null unique,
    status       varchar(16) not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    based_on     integer     references catalog_version (id),
    -- SHA-256 of the data files a version was loaded from; null for versions edited by people
    source_hash  char(64),
    note         text,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    published_at timestamptz,
    published_by text
);
create unique index catalog_version_one_published on catalog_version (status) where status = 'PUBLISHED';

create table catalog_entry (
    version_id  integer     not null references catalog_version (id),
    kind        varchar(16) not null check (kind in ('DOCUMENT', 'RULE', 'TARGET')),
    id          varchar(80) not null,
    document_id varchar(64) not null,
    body        jsonb       not null,
    primary key (version_id, kind, id)
);
