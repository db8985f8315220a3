-- Corrections to who handles a case (V12). Readings: docs/decisions/enforcement-readings.md.

-- 重庆市, seed 004 二、(五) "（市经济信息委、市住房城乡建设委按职责分工负责）": 住房城乡建设委's share is (五)2 "开展建筑领域
-- 落后生产工艺装备淘汰 … 组织对全市建筑工地采用落后生产工艺装备开展集中摸排整治", the construction field. Industrial cement,
-- glass and brick makers are 工业 and stay with 经济信息委 ((五)1). The construction field is the industry CONSTRUCTION
-- (建筑 / 建筑工地); 经济信息委 does not assist there.
delete from enforcement_assignment
 where dimension = 'TECHNOLOGY' and region_code = '500000' and industry in ('CEMENT', 'FLAT_GLASS', 'BRICK_TILE');
insert into enforcement_assignment (dimension, region_code, industry, department_code, lead, source) values
    ('TECHNOLOGY', '500000', null, 'CQ-ZFCXJSW', false, '重庆市2024年推动落后产能退出实施方案 二、(五)'),
    ('TECHNOLOGY', '500000', 'CONSTRUCTION', 'CQ-ZFCXJSW', true, '重庆市2024年推动落后产能退出实施方案 二、(五)2');

-- 天津市 (120000), seed 003 附件 重点工作任务分工及进度安排表 (负责单位 listed first = 牵头单位, 备注 1):
--   ENERGY      row 17 引导产能有序退出 "对超过能耗限额标准和环保不达标的企业…": 市发展改革委, 市经济和信息化委 …
--   ENVIRONMENT row 31 强化环保硬约束监督管理: 市环保局 (sole unit)
--   QUALITY     row 8 "质监部门按照生产许可证制度…对…产品质量不合格…的项目，列入淘汰落后年度任务": 市质监局 (the unit the
--               sentence gives the quality function; V4 seeded lead units only, so it is added here), 市经济和信息化委 assists
--   TECHNOLOGY  row 16 坚决淘汰落后产能: 市经济和信息化委, 市发展改革委 …
--   SAFETY      no row names a safety unit; the lead of row 16 (坚决淘汰落后产能, which covers every dimension of
--               backward capacity) takes it, 市经济和信息化委.
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('TJ-ZJJ', '天津市质量技术监督局', '市质监局', 'Tianjin Quality and Technical Supervision Bureau', '120000',
     'GOVERNMENT_DEPARTMENT', ARRAY['QUALITY']::varchar[], '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true)
on conflict (code) do nothing;
insert into enforcement_assignment (dimension, region_code, industry, department_code, lead, source) values
    ('ENERGY',      '120000', null, 'TJ-FGW', true,  '天津市贯彻落实国发〔2013〕41号实施方案 附件 17'),
    ('ENERGY',      '120000', null, 'TJ-JXW', false, '天津市贯彻落实国发〔2013〕41号实施方案 附件 17'),
    ('ENVIRONMENT', '120000', null, 'TJ-HBJ', true,  '天津市贯彻落实国发〔2013〕41号实施方案 附件 31'),
    ('QUALITY',     '120000', null, 'TJ-ZJJ', true,  '天津市贯彻落实国发〔2013〕41号实施方案 附件 8'),
    ('QUALITY',     '120000', null, 'TJ-JXW', false, '天津市贯彻落实国发〔2013〕41号实施方案 附件 8'),
    ('SAFETY',      '120000', null, 'TJ-JXW', true,  '天津市贯彻落实国发〔2013〕41号实施方案 附件 16（未列安全责任单位，由淘汰落后产能牵头单位负责）'),
    ('TECHNOLOGY',  '120000', null, 'TJ-JXW', true,  '天津市贯彻落实国发〔2013〕41号实施方案 附件 16'),
    ('TECHNOLOGY',  '120000', null, 'TJ-FGW', false, '天津市贯彻落实国发〔2013〕41号实施方案 附件 16');

-- 四川省 (510000), seed 002 附件 2014年工作计划 (牵头 / sole unit in brackets):
--   ENERGY      "对产能过剩行业中能耗、电耗、水耗达不到行业标准的产能，实施差别电价…（省发展改革委牵头，省经济和信息化委、国网四川
--               电力配合）"
--   ENVIRONMENT "强化产能过剩行业环境监管。（环境保护厅）"
--   TECHNOLOGY  (三) "大力推进淘汰落后产能 …（省经济和信息化委牵头，财政厅、省发展改革委等部门配合）"
--   QUALITY, SAFETY: no unit named; the lead of (三) 大力推进淘汰落后产能 takes them, 省经济和信息化委.
insert into enforcement_assignment (dimension, region_code, industry, department_code, lead, source) values
    ('ENERGY',      '510000', null, 'SC-FGW', true,  '四川省化解产能过剩实施意见 附件 2014年工作计划 差别电价和惩罚性电价、水价'),
    ('ENERGY',      '510000', null, 'SC-JXW', false, '四川省化解产能过剩实施意见 附件 2014年工作计划 差别电价和惩罚性电价、水价'),
    ('ENVIRONMENT', '510000', null, 'SC-HBT', true,  '四川省化解产能过剩实施意见 附件 2014年工作计划 强化产能过剩行业环境监管'),
    ('QUALITY',     '510000', null, 'SC-JXW', true,  '四川省化解产能过剩实施意见 附件 2014年工作计划 (三)（未列质量责任单位，由淘汰落后产能牵头单位负责）'),
    ('SAFETY',      '510000', null, 'SC-JXW', true,  '四川省化解产能过剩实施意见 附件 2014年工作计划 (三)（未列安全责任单位，由淘汰落后产能牵头单位负责）'),
    ('TECHNOLOGY',  '510000', null, 'SC-JXW', true,  '四川省化解产能过剩实施意见 附件 2014年工作计划 (三) 大力推进淘汰落后产能'),
    ('TECHNOLOGY',  '510000', null, 'SC-FGW', false, '四川省化解产能过剩实施意见 附件 2014年工作计划 (三) 大力推进淘汰落后产能');
