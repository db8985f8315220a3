-- Who handles a case (DOMAIN §2 step 5): dimension × region subtree (× industry) → department, from the seeds.
-- A case goes to the lead department of the most specific matching row: the deepest region covering the enterprise,
-- then a row naming one of the enterprise's industries before a row for any industry. Assisting rows (lead = false)
-- name the departments that work with the lead (配合 / 按职责分工负责); they are shown, never assigned.

-- 重庆市 (whole city), seed 004 二、主要任务 (2024):
--   (一) 能耗: 市经济信息委、市发展改革委; (二) 环保: 市生态环境局; (三) 质量: 市市场监管局; (四) 安全: 市应急局;
--   (五) 技术: 市经济信息委、市住房城乡建设委按职责分工负责. 住房城乡建设委's share (五)2 is the 建筑 field; the registry
--   knows no construction industry, so its nearest industries, the building materials CEMENT, FLAT_GLASS and
--   BRICK_TILE, go to 住房城乡建设委 as lead with 经济信息委 assisting. 004 names no 发展改革委 for 技术 in the city.
insert into enforcement_assignment (dimension, region_code, industry, department_code, lead, source) values
    ('ENERGY',      '500000', null, 'CQ-JXW',    true,  '重庆市2024年推动落后产能退出实施方案 二、(一)'),
    ('ENERGY',      '500000', null, 'CQ-FGW',    false, '重庆市2024年推动落后产能退出实施方案 二、(一)'),
    ('ENVIRONMENT', '500000', null, 'CQ-STHJJ',  true,  '重庆市2024年推动落后产能退出实施方案 二、(二)'),
    ('QUALITY',     '500000', null, 'CQ-SCJGJ',  true,  '重庆市2024年推动落后产能退出实施方案 二、(三)'),
    ('SAFETY',      '500000', null, 'CQ-YJJ',    true,  '重庆市2024年推动落后产能退出实施方案 二、(四)'),
    ('TECHNOLOGY',  '500000', null, 'CQ-JXW',    true,  '重庆市2024年推动落后产能退出实施方案 二、(五)'),
    ('TECHNOLOGY',  '500000', 'CEMENT',     'CQ-ZFCXJSW', true,  '重庆市2024年推动落后产能退出实施方案 二、(五)2'),
    ('TECHNOLOGY',  '500000', 'CEMENT',     'CQ-JXW',     false, '重庆市2024年推动落后产能退出实施方案 二、(五)'),
    ('TECHNOLOGY',  '500000', 'FLAT_GLASS', 'CQ-ZFCXJSW', true,  '重庆市2024年推动落后产能退出实施方案 二、(五)2'),
    ('TECHNOLOGY',  '500000', 'FLAT_GLASS', 'CQ-JXW',     false, '重庆市2024年推动落后产能退出实施方案 二、(五)'),
    ('TECHNOLOGY',  '500000', 'BRICK_TILE', 'CQ-ZFCXJSW', true,  '重庆市2024年推动落后产能退出实施方案 二、(五)2'),
    ('TECHNOLOGY',  '500000', 'BRICK_TILE', 'CQ-JXW',     false, '重庆市2024年推动落后产能退出实施方案 二、(五)');

-- 涪陵区 (500102), seed 001 涪经信发〔2020〕85号 二、主要任务 (责任单位 / 配合单位) and its 实施要点 table rows 1–5:
--   能耗: 区经济信息委, 配合 区发展改革委 (table row 1); 环保: 区生态环境局; 质量: 区市场监管局; 安全: 区应急局;
--   技术: 区经济信息委、区发展改革委 (二、(五)), the table adds 区市场监管局. 涪陵 has no 住房城乡建设委 in the seeds.
insert into enforcement_assignment (dimension, region_code, industry, department_code, lead, source) values
    ('ENERGY',      '500102', null, 'FL-JXW',   true,  '涪经信发〔2020〕85号 二、(一)'),
    ('ENERGY',      '500102', null, 'FL-FGW',   false, '涪经信发〔2020〕85号 实施要点 1'),
    ('ENVIRONMENT', '500102', null, 'FL-STHJJ', true,  '涪经信发〔2020〕85号 二、(二)'),
    ('QUALITY',     '500102', null, 'FL-SCJGJ', true,  '涪经信发〔2020〕85号 二、(三)'),
    ('SAFETY',      '500102', null, 'FL-YJJ',   true,  '涪经信发〔2020〕85号 二、(四)'),
    ('TECHNOLOGY',  '500102', null, 'FL-JXW',   true,  '涪经信发〔2020〕85号 二、(五)'),
    ('TECHNOLOGY',  '500102', null, 'FL-FGW',   false, '涪经信发〔2020〕85号 二、(五)'),
    ('TECHNOLOGY',  '500102', null, 'FL-SCJGJ', false, '涪经信发〔2020〕85号 实施要点 5');

-- ShedLock: the daily deadline sweep runs on one application node at a time.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
