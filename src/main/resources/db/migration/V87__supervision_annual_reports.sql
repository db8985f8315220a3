-- Reports up the chain (seed 001 四、（五）, seed 004 四、（三））: the district's annual exit report to the city and the
-- city's written report to 工业和信息化部 / 国家能源局. Generated as a draft from the platform's figures, the text as
-- edited is kept, the government's consent is recorded, then it is submitted with the date.
create table supervision_annual_report (
    id           bigserial    primary key,
    region_code  varchar(12)  not null references region (code),
    region_path  text         not null,
    level        varchar(8)   not null check (level in ('DISTRICT', 'CITY')),
    year         integer      not null,
    text         text         not null,
    generated    text         not null,                 -- the text as first generated, kept beside the edited one
    status       varchar(12)  not null check (status in ('DRAFT', 'APPROVED', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    approval     text,                                  -- 经区政府同意 / 经市政府同意, with the meeting or document
    approved_on  date,
    submitted_to text,
    submitted_on date,
    return_reason text,                                 -- why the level above returned it (it is edited, approved, submitted again)
    decided_by   text,
    decided_on   date,
    created_by   text         not null,
    created_at   timestamptz  not null,
    updated_by   text         not null,
    updated_at   timestamptz  not null,
    unique (region_code, year)
);
