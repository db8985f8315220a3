-- Departments named in the five seed documents (shared/seeds/000-004).
-- code: region prefix (CQ-/FL-/TJ-/SC-) + pinyin initials of the short name.
-- dimensions: only the 标准 dimensions a seed makes the department responsible for (负责 / 责任单位 / 牵头).
-- active = false: a 2014/2020 name that was renamed or merged in the 2018 institutional reform (or later),
-- listed so that old task tables still resolve. Only confident renames are marked inactive. A successor is
-- listed only when a seed names it; otherwise the old name stays alone, marked inactive.
-- 天津 and 四川 are represented by their 2014 documents only, so their departments are all kept active under
-- the names those documents use.
-- source_document: the document number, or the seed's title where it has no number; several are joined by '；'.

-- ============================================================================================
-- 重庆市 (500000)
-- ============================================================================================

-- 004 四、(三) 信息报送: 市制造强市建设领导小组办公室 receives reports and writes the 2024 annual report.
-- 001 (2020) routes the same reports to 市利用综合标准依法依规推动落后产能退出工作领导小组办公室（市经济信息委）;
-- 004 routes them to the 制造强市 office instead, so the 2020 office is kept inactive.
-- (000 names no office: "由分管副市长牵头，市经济信息委具体落实".)
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('CQ-LDXZB', '重庆市制造强市建设领导小组办公室', '市制造强市建设领导小组办公室',
     'Chongqing Manufacturing Powerhouse Leading Group Office', '500000', 'COORDINATION_OFFICE', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-LHCN-LDXZB', '重庆市利用综合标准依法依规推动落后产能退出领导小组办公室', '市利用综合标准依法依规推动落后产能退出工作领导小组办公室',
     'Chongqing Leading Group Office for Exiting Backward Capacity under Comprehensive Standards', '500000', 'COORDINATION_OFFICE', '{}'::varchar[],
     '涪经信发〔2020〕85号', false);

-- Current departments. 004 二、主要任务: 能耗 (市经济信息委、市发展改革委), 环保 (市生态环境局), 质量 (市市场监管局),
-- 安全 (市应急局), 技术 (市经济信息委、市住房城乡建设委); 三、政策措施 (市财政局, 国网市电力公司, 人行重庆市分行,
-- 国家金融监督管理总局重庆监管局, 市人力社保局, 市规划自然资源局); 二、(六)3 市能源局.
-- 000 三、(一) and the task table name 市经济信息委, 市发展改革委, 市财政局, 市人力社保局 too.
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('CQ-JXW', '重庆市经济和信息化委员会', '市经济信息委',
     'Chongqing Economy and Information Technology Commission', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENERGY','TECHNOLOGY']::varchar[],
     '渝府发〔2014〕3号；涪经信发〔2020〕85号；重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-FGW', '重庆市发展和改革委员会', '市发展改革委',
     'Chongqing Development and Reform Commission', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENERGY']::varchar[],
     '渝府发〔2014〕3号；重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-CZJ', '重庆市财政局', '市财政局',
     'Chongqing Finance Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号；重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-RLSBJ', '重庆市人力资源和社会保障局', '市人力社保局',
     'Chongqing Human Resources and Social Security Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号；重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-STHJJ', '重庆市生态环境局', '市生态环境局',
     'Chongqing Ecology and Environment Bureau', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENVIRONMENT']::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-SCJGJ', '重庆市市场监督管理局', '市市场监管局',
     'Chongqing Administration for Market Regulation', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['QUALITY']::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-YJJ', '重庆市应急管理局', '市应急局',
     'Chongqing Emergency Management Bureau', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['SAFETY']::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-ZFCXJSW', '重庆市住房和城乡建设委员会', '市住房城乡建设委',
     'Chongqing Housing and Urban-Rural Development Commission', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['TECHNOLOGY']::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-GHZRZYJ', '重庆市规划和自然资源局', '市规划自然资源局',
     'Chongqing Planning and Natural Resources Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-NYJ', '重庆市能源局', '市能源局',
     'Chongqing Energy Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-DLGS', '国网重庆市电力公司', '国网市电力公司',
     'State Grid Chongqing Electric Power Company', '500000', 'GRID_COMPANY', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-RHFH', '中国人民银行重庆市分行', '人行重庆市分行',
     'People''s Bank of China Chongqing Branch', '500000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-JRJGJ', '国家金融监督管理总局重庆监管局', '国家金融监督管理总局重庆监管局',
     'National Financial Regulatory Administration Chongqing Office', '500000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true);

-- Named only in 000 (三、(一) 组织领导 and the 22-row task table) and not renamed as far as we can confirm:
-- 市国资委, 市统计局, 市交委, 市外经贸委 (probably merged into 市商务委 in 2018, but no seed says so), 市知识产权局.
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('CQ-GZW', '重庆市人民政府国有资产监督管理委员会', '市国资委',
     'Chongqing State-owned Assets Supervision and Administration Commission', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', true),
    ('CQ-TJJ', '重庆市统计局', '市统计局',
     'Chongqing Statistics Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', true),
    ('CQ-JW', '重庆市交通委员会', '市交委',
     'Chongqing Transport Commission', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', true),
    ('CQ-WJMW', '重庆市对外贸易经济委员会', '市外经贸委',
     'Chongqing Foreign Trade and Economic Relations Commission', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', true),
    ('CQ-ZSCQJ', '重庆市知识产权局', '市知识产权局',
     'Chongqing Intellectual Property Office', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', true);

-- 2014 names from 000 (三、(一)(二) and the task table) renamed or merged since, kept inactive:
-- 市环保局 → 市生态环境局; 市工商局, 市质监局 → 市市场监管局; 市安监局 → 市应急局; 市国土房管局 → 市规划自然资源局;
-- 市城乡建委 → 市住房城乡建设委; 市物价局 → 市发展改革委; 人行重庆营管部 → 人行重庆市分行;
-- 重庆银监局 → 国家金融监督管理总局重庆监管局 (via 重庆银保监局).
-- Successor not named in any seed: 市国税局, 市地税局 (→ 国家税务总局重庆市税务局, 2018); 市金融办 (→ 市地方金融监管局,
-- 2018); 市监察局 (→ 市监察委员会, 2018).
-- Dimensions follow 000 三、(二): 市环保局 "强化环境监管", 市质监局 "加强产品质量管理".
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('CQ-HBJ', '重庆市环境保护局', '市环保局',
     'Chongqing Environmental Protection Bureau', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENVIRONMENT']::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-GSJ', '重庆市工商行政管理局', '市工商局',
     'Chongqing Administration for Industry and Commerce', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-ZJJ', '重庆市质量技术监督局', '市质监局',
     'Chongqing Bureau of Quality and Technical Supervision', '500000', 'GOVERNMENT_DEPARTMENT', ARRAY['QUALITY']::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-AJJ', '重庆市安全生产监督管理局', '市安监局',
     'Chongqing Work Safety Administration', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-GTFGJ', '重庆市国土资源和房屋管理局', '市国土房管局',
     'Chongqing Land Resources and Housing Administration Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-CXJW', '重庆市城乡建设委员会', '市城乡建委',
     'Chongqing Urban-Rural Construction Commission', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-WJJ', '重庆市物价局', '市物价局',
     'Chongqing Price Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-GUOSJ', '重庆市国家税务局', '市国税局',
     'Chongqing State Taxation Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-DISJ', '重庆市地方税务局', '市地税局',
     'Chongqing Local Taxation Bureau', '500000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-JRB', '重庆市人民政府金融工作办公室', '市金融办',
     'Chongqing Financial Affairs Office', '500000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-JCJ', '重庆市监察局', '市监察局',
     'Chongqing Supervision Bureau', '500000', 'OVERSIGHT', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-RHYGB', '中国人民银行重庆营业管理部', '人行重庆营管部',
     'People''s Bank of China Chongqing Operations Office', '500000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '渝府发〔2014〕3号', false),
    ('CQ-YINJJ', '中国银行业监督管理委员会重庆监管局', '重庆银监局',
     'China Banking Regulatory Commission Chongqing Office', '500000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '渝府发〔2014〕3号', false);

-- 004 二、(一): "两江新区、西部科学城重庆高新区、万盛经开区管委会具体落实". Each sits on its own management-area
-- region (V2 region seed), so its scope is that area, not the whole city.
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('CQ-LJXQ', '重庆两江新区管理委员会', '两江新区管委会',
     'Liangjiang New Area Administrative Committee', '509001', 'MANAGEMENT_COMMITTEE', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-GXQ', '西部科学城重庆高新区管理委员会', '西部科学城重庆高新区管委会',
     'Western (Chongqing) Science City High-tech Zone Administrative Committee', '509002', 'MANAGEMENT_COMMITTEE', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true),
    ('CQ-WSJKQ', '重庆市万盛经济技术开发区管理委员会', '万盛经开区管委会',
     'Wansheng Economic and Technological Development Zone Administrative Committee', '509003', 'MANAGEMENT_COMMITTEE', '{}'::varchar[],
     '重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案', true);

-- ============================================================================================
-- 涪陵区 (500102), all from 001 涪经信发〔2020〕85号
-- ============================================================================================

-- 001 header and 四、(五): the district lead-group office at 区经济信息委 (it issued 001 under that committee's seal).
-- 二、主要任务 责任单位: 能耗 区经济信息委; 环保 区生态环境局; 质量 区市场监管局; 安全 区应急管理局;
-- 技术 区经济信息委、区发展改革委 (the attached table, row 5, adds 区市场监管局 as a lead for 技术, e.g. 地条钢).
-- 三、政策措施 and table rows 7-14: 区财政局, 区人力社保局, 区规划自然资源局, 区税务局 (row 14).
-- 涪陵新城区管委会 is a named 配合单位; "各工业园区管委会" and "各乡镇人民政府、各街道办事处" are generic and not seeded.
-- 区人民政府 approves closures ("报经区人民政府批准"); 区供电部门 reports abnormal electricity use (二、(五)2).
-- 人行涪陵中心支行 and 涪陵银保监分局 lead 三、(四) 差别化信贷. 涪陵银保监分局 became part of 国家金融监督管理总局 in
-- 2023; no seed names its successor, so it is kept inactive.
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('FL-LDXZB', '重庆市涪陵区利用综合标准依法依规推动落后产能退出工作领导小组办公室', '区领导小组办公室',
     'Fuling Leading Group Office for Exiting Backward Capacity under Comprehensive Standards', '500102', 'COORDINATION_OFFICE', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-JXW', '重庆市涪陵区经济和信息化委员会', '区经济信息委',
     'Fuling Economy and Information Technology Commission', '500102', 'GOVERNMENT_DEPARTMENT', ARRAY['ENERGY','TECHNOLOGY']::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-FGW', '重庆市涪陵区发展和改革委员会', '区发展改革委',
     'Fuling Development and Reform Commission', '500102', 'GOVERNMENT_DEPARTMENT', ARRAY['TECHNOLOGY']::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-STHJJ', '重庆市涪陵区生态环境局', '区生态环境局',
     'Fuling Ecology and Environment Bureau', '500102', 'GOVERNMENT_DEPARTMENT', ARRAY['ENVIRONMENT']::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-SCJGJ', '重庆市涪陵区市场监督管理局', '区市场监管局',
     'Fuling Administration for Market Regulation', '500102', 'GOVERNMENT_DEPARTMENT', ARRAY['QUALITY','TECHNOLOGY']::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-YJJ', '重庆市涪陵区应急管理局', '区应急局',
     'Fuling Emergency Management Bureau', '500102', 'GOVERNMENT_DEPARTMENT', ARRAY['SAFETY']::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-CZJ', '重庆市涪陵区财政局', '区财政局',
     'Fuling Finance Bureau', '500102', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-RLSBJ', '重庆市涪陵区人力资源和社会保障局', '区人力社保局',
     'Fuling Human Resources and Social Security Bureau', '500102', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-GHZRZYJ', '重庆市涪陵区规划和自然资源局', '区规划自然资源局',
     'Fuling Planning and Natural Resources Bureau', '500102', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-SWJ', '国家税务总局重庆市涪陵区税务局', '区税务局',
     'Fuling Tax Bureau', '500102', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-QZF', '重庆市涪陵区人民政府', '区人民政府',
     'Fuling District People''s Government', '500102', 'DISTRICT_GOVERNMENT', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-XCQGWH', '涪陵新城区管理委员会', '涪陵新城区管委会',
     'Fuling New Town Administrative Committee', '500102', 'MANAGEMENT_COMMITTEE', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-GDBM', '涪陵区供电部门', '区供电部门',
     'Fuling District Power Supply', '500102', 'GRID_COMPANY', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-RHZXZH', '中国人民银行涪陵中心支行', '人行涪陵中心支行',
     'People''s Bank of China Fuling Central Sub-branch', '500102', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '涪经信发〔2020〕85号', true),
    ('FL-YBJFJ', '中国银行保险监督管理委员会涪陵监管分局', '涪陵银保监分局',
     'China Banking and Insurance Regulatory Commission Fuling Sub-office', '500102', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '涪经信发〔2020〕85号', false);

-- ============================================================================================
-- 天津市 (120000): 003 附件 重点工作任务分工及进度安排表, 负责单位 listed first in a row = 牵头单位 (备注 1).
-- Only the lead units, deduplicated (rows 1 and 6 are led by the generic 各区县人民政府, not seeded).
-- Inactive, renamed in Tianjin's 2018 reform: 市经济和信息化委 → 市工业和信息化局, 市商务委 → 市商务局,
-- 市科委 → 市科学技术局, 市环保局 → 市生态环境局, 市国土房管局 → 市规划和自然资源局, 市建设交通委 (split, now
-- 市住房城乡建设委 and 市交通运输委), 天津银监局 → 国家金融监督管理总局天津监管局. No seed names the successors.
-- Dimensions: 市环保局 leads row 31 强化环保硬约束监督管理.
-- ============================================================================================
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('TJ-FGW', '天津市发展和改革委员会', '市发展改革委',
     'Tianjin Development and Reform Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-JXW', '天津市经济和信息化委员会', '市经济和信息化委',
     'Tianjin Economy and Information Technology Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-JSJTW', '天津市城乡建设和交通委员会', '市建设交通委',
     'Tianjin Urban-Rural Construction and Transportation Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-SWW', '天津市商务委员会', '市商务委',
     'Tianjin Commerce Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-KW', '天津市科学技术委员会', '市科委',
     'Tianjin Science and Technology Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-GZW', '天津市人民政府国有资产监督管理委员会', '市国资委',
     'Tianjin State-owned Assets Supervision and Administration Commission', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-TCB', '天津市投资促进办公室', '市投促办',
     'Tianjin Investment Promotion Office', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-HBJ', '天津市环境保护局', '市环保局',
     'Tianjin Environmental Protection Bureau', '120000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENVIRONMENT']::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-GTFGJ', '天津市国土资源和房屋管理局', '市国土房管局',
     'Tianjin Land Resources and Housing Administration Bureau', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-YINJJ', '中国银行业监督管理委员会天津监管局', '天津银监局',
     'China Banking Regulatory Commission Tianjin Office', '120000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-CZJ', '天津市财政局', '市财政局',
     'Tianjin Finance Bureau', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-RLSBJ', '天津市人力资源和社会保障局', '市人力社保局',
     'Tianjin Human Resources and Social Security Bureau', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true),
    ('TJ-SPB', '天津市行政审批管理办公室', '市审批办',
     'Tianjin Administrative Approval Office', '120000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案', true);

-- ============================================================================================
-- 四川省 (510000): 002 has no document number in the seed; cited by issuer and date.
-- 四、(一): 联席会议办公室设在省经济和信息化委 (the coordination office). Leads (牵头, or sole unit in brackets) of the
-- 附件 2014年工作计划: 省发展改革委, 省经济和信息化委, 住房城乡建设厅, 省地税局, 省政府金融办, 环境保护厅, 国土资源厅, 监察厅.
-- Inactive, renamed or merged in Sichuan's 2018 reform: 省经济和信息化委 → 省经济和信息化厅, 环境保护厅 → 生态环境厅,
-- 国土资源厅 → 自然资源厅, 省地税局 → 国家税务总局四川省税务局, 省政府金融办 → 省地方金融监管局, 监察厅 → 省监察委员会.
-- Dimensions: 环境保护厅 is the sole unit for "强化产能过剩行业环境监管".
-- ============================================================================================
insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document, active) values
    ('SC-LXHYB', '四川省化解产能过剩矛盾促进产业结构调整工作联席会议办公室', '联席会议办公室',
     'Sichuan Joint Conference Office on Resolving Overcapacity and Industrial Restructuring', '510000', 'COORDINATION_OFFICE', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-FGW', '四川省发展和改革委员会', '省发展改革委',
     'Sichuan Development and Reform Commission', '510000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-JXW', '四川省经济和信息化委员会', '省经济和信息化委',
     'Sichuan Economy and Information Technology Commission', '510000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-ZFCXJST', '四川省住房和城乡建设厅', '住房城乡建设厅',
     'Sichuan Housing and Urban-Rural Development Department', '510000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-DISJ', '四川省地方税务局', '省地税局',
     'Sichuan Local Taxation Bureau', '510000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-JRB', '四川省人民政府金融工作办公室', '省政府金融办',
     'Sichuan Financial Affairs Office', '510000', 'FINANCIAL_REGULATOR', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-HBT', '四川省环境保护厅', '环境保护厅',
     'Sichuan Environmental Protection Department', '510000', 'GOVERNMENT_DEPARTMENT', ARRAY['ENVIRONMENT']::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-GTZYT', '四川省国土资源厅', '国土资源厅',
     'Sichuan Land and Resources Department', '510000', 'GOVERNMENT_DEPARTMENT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true),
    ('SC-JCT', '四川省监察厅', '监察厅',
     'Sichuan Supervision Department', '510000', 'OVERSIGHT', '{}'::varchar[],
     '四川省人民政府化解产能过剩实施意见（2014年2月22日，含附件2014年工作计划）', true);
