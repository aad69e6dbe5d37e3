#!/usr/bin/env python3
"""Generates EduPlan's default dataset: Linxiang (临湘市), 2020-21 school year.

Output: assets/data/linxiang-2020.json (committed; `scripts/test.sh` checks it
is up to date by running this script and comparing).

Method (shared/reference/linxiang-baseline.md §7): county aggregates come from
the estimated baseline; they are split over 11 zones (the town seat and the 10
towns) and over a school register whose sizes, classrooms and teachers are
drawn from fixed weights so that the totals match the aggregates. Nothing here
is random: the same script gives the same file. Every value names a source in
`sources`; `kind: estimate` sources are shown as estimates in the app.

Usage: python3 tools/gen_dataset.py [--check]
"""

import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "data", "linxiang-2020.json")

BASE_YEAR = 2020

# Sources: every value names one; notes and titles in both languages (the
# Chinese in the bureau's own terms, see shared/reference/zh-wording-review.md).
SOURCES = [
    {"id": "L1", "kind": "verified", "title": {"zh": "临湘市第七次全国人口普查公报（第一号）", "en": "Linxiang 7th census bulletin No. 1"}, "url": "http://www.linxiang.gov.cn/24733/28029/28030/content_1900347.html", "note": {"zh": "全市常住人口433200人（普查标准时点为2020年11月1日零时）", "en": "Resident population 433,200 (census reference date November 1, 2020)"}},
    {"id": "P-plan-2021", "kind": "verified", "title": {"zh": "《临湘市教育体育局2021年工作计划》", "en": "Linxiang Education and Sports Bureau, 2021 work plan"}, "note": {"zh": "各项年度目标的出处", "en": "where the annual targets come from"}},
    {"id": "L5", "kind": "verified", "title": {"zh": "临湘市2023年国民经济和社会发展统计公报：常住人口", "en": "Linxiang 2023 statistical bulletin: residents"}, "note": {"zh": "常住人口42.53万人，用于校核常住人口预测", "en": "Resident population 425,300; used to check the projection of residents"}},
    {"id": "L6", "kind": "verified", "title": {"zh": "临湘市2023年国民经济和社会发展统计公报：出生人口", "en": "Linxiang 2023 statistical bulletin: births"}, "note": {"zh": "全年出生人口3031人，死亡人口5094人", "en": "3,031 births and 5,094 deaths in the year"}},
    {"id": "D-cdr", "kind": "derived", "title": {"zh": "由2023年死亡人口与常住人口推算的死亡率", "en": "Crude death rate derived from 2023 deaths and residents"}, "note": {"zh": "死亡人口5094人÷常住人口425300人≈12.0‰", "en": "5,094 deaths / 425,300 residents ≈ 12.0‰"}},
    {"id": "L8", "kind": "verified", "title": {"zh": "临湘市行政区划：3个街道、10个镇（2015年调整）", "en": "Linxiang divisions: 3 subdistricts and 10 towns (2015)"}, "note": {"zh": "镇名取自市教育体育局2020年项目清单及《临湘市教育体育局2021年工作计划》；片区名单（城区及10个镇）为估算", "en": "Town names from the bureau's 2020 project list and its 2021 work plan; the zone list (town seat and 10 towns) is an estimate of the full set"}},
    {"id": "L11", "kind": "verified", "title": {"zh": "临湘市教育体育局2020年重点民生实事完成情况公示", "en": "Linxiang Education and Sports Bureau: 2020 key livelihood projects, completion notice"}, "url": "http://souzy.net/24733/24760/24821/24986/28267/content_1771769.html", "note": {"zh": "特殊教育学校建设完成；另有定湖、羊楼司乡镇中学校舍建设", "en": "Special school completed; also township middle-school buildings at Dinghu and Yanglousi"}},
    {"id": "L14", "kind": "verified", "title": {"zh": "临湘市第一中学部门预算（仅设高级中学）", "en": "Linxiang No. 1 Middle School budget (senior high only)"}},
    {"id": "N-class", "kind": "verified", "title": {"zh": "教育部班额分类：56～65人为大班额、66人及以上为超大班额", "en": "MoE class-size categories: 56–65 pupils large, 66 or more super-large"}, "note": {"zh": "教育部部长陈宝生在2018年全国人大会议记者会上的介绍（见新华社报道转载）", "en": "Minister Chen Baosheng at a press conference during the 2018 NPC session (Xinhua reprint)"}},
    {"id": "N-gb50099", "kind": "verified", "title": {"zh": "《中小学校设计规范》（GB 50099—2011）：小学每班45人、中学每班50人", "en": "Code for design of schools, GB 50099-2011: 45 pupils per primary class, 50 per secondary class"}, "note": {"zh": "见转载资料", "en": "seen in a secondary reprint"}},
    {"id": "N-staff", "kind": "verified", "title": {"zh": "中小学教职工编制标准（城乡统一）：教职工与学生比小学1:19、初中1:13.5、高中1:12.5", "en": "Unified urban–rural staffing norm (staff to pupils): 1:19 primary, 1:13.5 junior, 1:12.5 senior"}, "note": {"zh": "2014年城乡统一标准，见转载资料；此处以专任教师对照，口径偏严", "en": "2014 unified norm, seen in secondary reprints; compared here with full-time teachers only, a strict reading"}},
    {"id": "N-kg", "kind": "verified", "title": {"zh": "《幼儿园工作规程》及《幼儿园教职工配备标准（暂行）》", "en": "Kindergarten Work Regulations and Kindergarten Staffing Standard (Provisional)"}, "note": {"zh": "小班25人、中班30人、大班35人；全日制幼儿园每班配备2名专任教师和1名保育员（见转载资料）", "en": "Classes of 25 (youngest), 30 (middle) and 35 (oldest); a full-day class has 2 full-time teachers and 1 childcare worker (secondary reprints)"}},
    {"id": "N-kg15", "kind": "verified", "title": {"zh": "《县域学前教育普及普惠督导评估办法》：专任教师与在园幼儿比不低于1:15", "en": "Measures for county-level supervision and assessment of universal, inclusive preschool education: at most 15 children per full-time teacher"}},
    {"id": "N-ppf", "kind": "verified", "title": {"zh": "生均公用经费基准定额：小学650元、初中850元（2021年）", "en": "Per-pupil public funds, national benchmark: 650 yuan primary, 850 yuan junior (2021)"}, "url": "http://m.njpanjin.com/cn/edu/202109/t20210927_7070016.html", "note": {"zh": "教育部在2021年9月26日国务院新闻发布会上的介绍", "en": "MoE at a State Council press conference, 2021-09-26"}},
    {"id": "N-special", "kind": "verified", "title": {"zh": "特殊教育学校及随班就读残疾学生生均公用经费6000元", "en": "Per-pupil public funds for special schools and disabled pupils in mainstream classes: 6,000 yuan"}},
    {"id": "Y4", "kind": "verified", "title": {"zh": "岳阳市2021年小学、初中生均公用经费标准各提高100元", "en": "Yueyang 2021: per-pupil public-funds standard raised by 100 yuan for both primary and junior"}, "url": "http://yysqw.gov.cn/43332/43335/47847/67328/67419/content_2068435.html"},
    {"id": "E-pop", "kind": "estimate", "title": {"zh": "分年龄、分片区人口（估算）", "en": "Population by single age and zone (estimate)"}, "note": {"zh": "按估算出生人口逐年推算；城区人口占比随年龄上升（进城就学）；各镇按固定权重拆分", "en": "Cohorts from the estimated births; the town seat's share rises with age (families moving into town); townships split by fixed weights"}},
    {"id": "E-births", "kind": "estimate", "title": {"zh": "2014—2022年出生人口（估算）", "en": "Births 2014–2022 (estimate)"}, "note": {"zh": "由约5500人（2015—2017年）降至约3700人（2020年），与湖南省出生率由10.39‰（2019年）降至7.13‰（2021年）的趋势一致", "en": "About 5,500 a year (2015–17) falling to about 3,700 (2020); consistent with Hunan's birth rate falling from 10.39‰ (2019) to 7.13‰ (2021)"}},
    {"id": "E-births-variants", "kind": "estimate", "title": {"zh": "出生人口低位、中位、高位预测（估算）", "en": "Births: low, central and high projections (estimate)"}, "note": {"zh": "2023年以后出生人口年变化率：低位下降5%、中位下降2%、高位增长1%", "en": "Annual change in births after 2023: low −5%, central −2%, high +1%"}},
    {"id": "E-migration", "kind": "estimate", "title": {"zh": "分年龄净迁移率与进城流动率（估算）", "en": "Net migration and rural-to-town migration rates by age (estimate)"}, "note": {"zh": "2010—2020年临湘市常住人口减少13%（第六次、第七次全国人口普查）；迁移率按这一速度及城区高年级学生占比上升的趋势设定", "en": "Linxiang lost 13% of its residents in 2010–2020 (6th and 7th censuses); rates chosen to reproduce that pace and the town seat's rising share of older pupils"}},
    {"id": "E-register", "kind": "estimate", "title": {"zh": "学校名册（估算，按总量拆分）", "en": "School register (estimate, split from city-wide totals)"}, "note": {"zh": "约106所幼儿园（其中公办36所）、55所小学和30个教学点、20所初中（含4所九年一贯制学校）、4所普通高中、1所职业中专、1所特殊教育学校。已知校名的用实名，其余为描述性暂定名称。请用市教育体育局的教育事业统计年报替换。", "en": "About 106 kindergartens (36 public), 55 primary schools and 30 teaching points, 20 junior secondary schools (incl. 4 nine-year schools), 4 general senior high schools, 1 vocational school and 1 special school. Real names where known; others are descriptive placeholders. Replace with the bureau's annual education statistics report (教育事业统计年报)."}},
    {"id": "E-kg", "kind": "estimate", "title": {"zh": "入园意愿、民办园偏好与关停规则（估算）", "en": "Kindergarten demand, private preference and closure rule (estimate)"}},
    {"id": "E-flows", "kind": "estimate", "title": {"zh": "各年级留级率、辍学率与升学率（估算）", "en": "Repetition, dropout and progression rates (estimate)"}, "note": {"zh": "按基准年巩固率（小学100%、初中98%、普通高中97%、职业中专95%）和普职招生比57:43设定", "en": "Chosen to match base-year retention rates of 100/98/97/95% (primary/junior/general senior/vocational) and a 57:43 general-to-vocational intake"}},
    {"id": "E-norms", "kind": "estimate", "title": {"zh": "每班教师数、中职生师比（估算）", "en": "Teachers per class, vocational pupil–teacher ratio (estimate)"}},
    {"id": "E-teachers", "kind": "estimate", "title": {"zh": "教师招聘、减员与公费定向师范生（估算）", "en": "Teacher hiring, attrition and publicly funded teacher trainees (estimate)"}},
    {"id": "E-finance", "kind": "estimate", "title": {"zh": "教育经费、工资与单价（估算）", "en": "Education budget, pay and unit costs (estimate)"}, "note": {"zh": "按岳阳市人均教育支出1677元×433200人≈7.26亿元，取7.0亿元", "en": "Budget about 700 million yuan (Yueyang's 1,677 yuan per resident × 433,200 residents ≈ 726 million yuan)"}},
    {"id": "E-special", "kind": "estimate", "title": {"zh": "适龄残疾儿童少年登记率与入学安置人数（估算）", "en": "Registration rate and placements of disabled children of compulsory-school age (estimate)"}},
]

# Zones: the town seat (3 subdistricts) and the 10 towns.
ZONES = [
    ("town", "城区", "Town seat", True, 0.0),
    ("jiangnan", "江南镇", "Jiangnan", False, 1.0),
    ("tandu", "坦渡镇", "Tandu", False, 0.8),
    ("baiyangtian", "白羊田镇", "Baiyangtian", False, 0.7),
    ("changtang", "长塘镇", "Changtang", False, 0.9),
    ("dinghu", "定湖镇", "Dinghu", False, 0.8),
    ("yanglousi", "羊楼司镇", "Yanglousi", False, 1.3),
    ("huanggai", "黄盖镇", "Huanggai", False, 0.7),
    ("zhanqiao", "詹桥镇", "Zhanqiao", False, 0.8),
    ("zhongfang", "忠防镇", "Zhongfang", False, 0.9),
    ("taolin", "桃林镇", "Taolin", False, 1.2),
]
RURAL_W = [z[4] for z in ZONES[1:]]
RURAL_SUM = sum(RURAL_W)

# County single-age cohorts, 2020 (baseline §7; ages 0–5 follow births 2020…2015).
COHORT = [3700, 4300, 4900, 5600, 5800, 5500] + [5400] * 6 + [5300] * 3 + [5200] * 4
# Town-seat share of each age: families move to town as children reach school age.
TOWN_SHARE = [0.42] * 6 + [0.47] * 6 + [0.50] * 3 + [0.52] * 4

BIRTHS = [(2014, 5400, "E-births"), (2015, 5500, "E-births"), (2016, 5800, "E-births"), (2017, 5600, "E-births"),
          (2018, 4900, "E-births"), (2019, 4300, "E-births"), (2020, 3700, "E-births"), (2021, 3200, "E-births"),
          (2022, 3100, "E-births"), (2023, 3031, "L6")]


def p(value, src):
    return {"value": value, "src": src}


def r2(x):
    return round(x, 2)


def split(total, weights):
    """Splits total over weights, rounding to whole numbers that still sum to total."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [math.floor(x) for x in raw]
    rest = int(round(total - sum(out)))
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[:rest]:
        out[i] += 1
    return out


def zone_shares(age):
    t = TOWN_SHARE[age]
    return [t] + [(1 - t) * w / RURAL_SUM for w in RURAL_W]


def population():
    rows = [[0.0] * 19 for _ in ZONES]
    for a, n in enumerate(COHORT):
        for z, s in enumerate(zone_shares(a)):
            rows[z][a] = r2(n * s)
    return rows


def grades_by_zone(per_grade, ages):
    """Pupils per zone and grade: the grade's county total split by the zone shares of its age."""
    out = [[0.0] * len(per_grade) for _ in ZONES]
    for g, n in enumerate(per_grade):
        for z, s in enumerate(zone_shares(ages[g])):
            out[z][g] = n * s
    return out


def classes_needed(pupils, std):
    return sum(math.ceil(round(n) / std) for n in pupils if round(n) > 0)


def rooms_for(pupils, std, crowd):
    """Classrooms: enough for standard classes plus a spare, or, for a crowded
    school, only enough for classes of about `crowd` pupils."""
    need = classes_needed(pupils, std)
    if crowd:
        total = sum(round(n) for n in pupils)
        return max(len([n for n in pupils if round(n) > 0]), math.ceil(total / crowd))
    return need + 1


def school(sid, name, zone, kind, pupils, rooms, teachers, seats=None, src="E-register"):
    s = {"id": sid, "name": name, "zone": zone, "kind": kind, "classrooms": int(rooms),
         "enrollment": [r2(x) for x in pupils], "teachers": r2(teachers), "src": src}
    if seats is not None:
        s["seats"] = r2(seats)
    return s


def register():
    schools = []
    zid = [z[0] for z in ZONES]

    # ---- primary: 6 grades, cohorts 6..11 ------------------------------------------
    prim = grades_by_zone([COHORT[6 + g] * 0.995 for g in range(6)], [6 + g for g in range(6)])
    # town: nine numbered complete primaries (市一小 … 市九小); 一小 and 二小 are crowded
    town_w = [1.3, 1.25, 1.1, 1.0, 0.9, 0.9, 0.8, 1.1, 0.7]
    names = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
    crowd = {0: 58}
    for i, w in enumerate(town_w):
        pupils = [prim[0][g] * w / sum(town_w) for g in range(6)]
        rooms = rooms_for(pupils, 45, crowd.get(i))
        schools.append(school(f"pri-town-{i + 1}", f"临湘市第{names[i]}完全小学", "town", "primary", pupils, rooms, sum(pupils) / 18.5))
    # townships: a central primary, 3–4 more complete primaries, 3 teaching points, and in 4 towns a nine-year school
    nine_year_towns = {"tandu", "baiyangtian", "huanggai", "zhongfang"}
    extra_primaries = [4, 3, 3, 4, 3, 4, 4, 3, 4, 4]  # 36 in all → 9 + 10 + 36 = 55 complete primaries
    for zi in range(1, len(ZONES)):
        z, zh = zid[zi], ZONES[zi][1]
        zp = prim[zi]
        tp_pupils = [[zp[g] * 0.05 / 3 if g < 3 else 0.0 for g in range(6)] for _ in range(3)]
        rest = [zp[g] - sum(t[g] for t in tp_pupils) for g in range(6)]
        has9 = z in nine_year_towns
        weights = [0.45] + [0.55 / extra_primaries[zi - 1]] * extra_primaries[zi - 1]
        if has9:
            weights = [w * 0.85 for w in weights] + [0.15]
        parts = [[rest[g] * w / sum(weights) for g in range(6)] for w in weights]
        central_crowd = 57 if z == "yanglousi" else None
        for k, part in enumerate(parts[: 1 + extra_primaries[zi - 1]]):
            if k == 0:
                schools.append(school(f"pri-{z}-c", f"{zh}中心小学", z, "primary", part, rooms_for(part, 45, central_crowd), sum(part) / 15.0))
            else:
                schools.append(school(f"pri-{z}-{k}", f"{zh}完全小学（{k}）", z, "primary", part, rooms_for(part, 45, None), max(6.0, sum(part) / 11.0)))
        for k, tp in enumerate(tp_pupils):
            schools.append(school(f"tp-{z}-{k + 1}", f"{zh}教学点（{k + 1}）", z, "teaching_point", tp, 3, max(2.0, sum(tp) / 8.0)))

    # ---- junior: 3 grades, cohorts 12..14 -----------------------------------------
    jun = grades_by_zone([COHORT[12 + g] * 1.0 for g in range(3)], [12 + g for g in range(3)])
    town_j = [("jun-town-7", "临湘市第七中学", 1.2, 55), ("jun-town-4", "临湘市第四中学（名称估算）", 1.0, None),
              ("jun-town-5", "临湘市第五中学（名称估算）", 0.9, None), ("jun-town-6", "临湘市第六中学（名称估算）", 0.9, 57)]
    tw = sum(w for _, _, w, _ in town_j)
    for sid, name, w, c in town_j:
        pupils = [jun[0][g] * w / tw for g in range(3)]
        schools.append(school(sid, name, "town", "junior", pupils, rooms_for(pupils, 50, c), sum(pupils) / 14.0))
    named_middle = {"huanggai": "黄盖中学", "zhanqiao": "詹桥中学", "dinghu": "定湖中学", "yanglousi": "羊楼司中学",
                    "jiangnan": "江南中学", "tandu": "坦渡中学"}
    for zi in range(1, len(ZONES)):
        z, zh = zid[zi], ZONES[zi][1]
        zj = jun[zi]
        has9 = z in nine_year_towns
        mids = [(f"jun-{z}", named_middle.get(z, f"{zh}中学"), 1.0)]
        if z == "changtang":
            mids.append(("jun-ruxi", "儒溪中学", 0.6))
        weights = [w for _, _, w in mids] + ([0.25] if has9 else [])
        for k, (sid, name, w) in enumerate(mids):
            pupils = [zj[g] * w / sum(weights) for g in range(3)]
            schools.append(school(sid, name, z, "junior", pupils, rooms_for(pupils, 50, None), max(12.0, sum(pupils) / 12.0)))
        if has9:
            jp = [zj[g] * 0.25 / sum(weights) for g in range(3)]
            pp = [prim[zi][g] for g in range(6)]
            # the nine-year school's primary part: the 15% of the township's non-teaching-point
            # pupils left out of the complete primaries above
            rest = [pp[g] * (1 - (0.05 if g < 3 else 0)) for g in range(6)]
            prim_part = [rest[g] * 0.15 for g in range(6)]
            pupils = prim_part + jp
            rooms = classes_needed(prim_part, 45) + classes_needed(jp, 50) + 1
            schools.append(school(f"nine-{z}", f"{zh}九年一贯制学校", z, "nine_year", pupils, rooms, sum(prim_part) / 12.0 + sum(jp) / 11.0))

    # ---- general senior: county pool --------------------------------------------------
    sen_total = [2560.0, 2530.0, 2510.0]
    sen = [("sen-1", "临湘市第一中学", 1.4, None, "E-register"), ("sen-2", "临湘市第二中学（名称估算）", 1.0, 57, "E-register"),
           ("sen-3", "临湘市第三中学", 1.0, None, "E-register"), ("sen-5", "临湘市第五中学（名称估算）", 0.6, None, "E-register")]
    sw = sum(x[2] for x in sen)
    for sid, name, w, c, src in sen:
        pupils = [sen_total[g] * w / sw for g in range(3)]
        schools.append(school(sid, name, "town", "senior_general", pupils, rooms_for(pupils, 50, c), sum(pupils) / 13.6, src=src))

    # ---- vocational and special ---------------------------------------------------------
    schools.append(school("voc-1", "临湘市职业中专", "town", "vocational", [1180.0, 1130.0, 1090.0], 76, 180.0))
    schools.append(school("spe-1", "临湘市特殊教育学校", "town", "special", [60.0], 10, 20.0))

    # ---- kindergartens ------------------------------------------------------------------
    kg_age = [0.32, 0.34, 0.34]
    kgs = []
    def add_kg(sid, name, zone, provider, seats, enrolled):
        kgs.append(school(sid, name, zone, {"kindergarten": provider}, [enrolled * a for a in kg_age],
                          sum(math.ceil(enrolled * a / s) for a, s in zip(kg_age, [25, 30, 35])) + 1, 0.0, seats=seats))
    # town: shortage — every seat is taken
    for k, (seats, enr) in enumerate(zip(split(2400, [1.2, 1.1, 1.0, 1.0, 0.9, 0.8]), split(2400, [1.2, 1.1, 1.0, 1.0, 0.9, 0.8]))):
        add_kg(f"kg-town-pub-{k + 1}", f"临湘市第{names[k]}幼儿园（名称估算）", "town", "public", seats, enr)
    for k, (seats, enr) in enumerate(zip(split(2900, [1] * 20), split(2900, [1] * 20))):
        add_kg(f"kg-town-inc-{k + 1:02}", f"城区普惠性民办幼儿园（{k + 1:02}）", "town", "inclusive", seats, enr)
    for k, (seats, enr) in enumerate(zip(split(1450, [1] * 10), split(1400, [1] * 10))):
        add_kg(f"kg-town-pri-{k + 1:02}", f"城区民办幼儿园（{k + 1:02}）", "town", "private", seats, enr)
    # townships: public seats nearly full, inclusive mostly full, other private half empty
    pub_s, pub_e = split(4650, RURAL_W), split(4575, RURAL_W)
    inc_s, inc_e = split(3400, RURAL_W), split(3300, RURAL_W)
    pri_s, pri_e = split(2400, RURAL_W), split(945, RURAL_W)
    for zi in range(1, len(ZONES)):
        z, zh = zid[zi], ZONES[zi][1]
        for k, (s, e) in enumerate(zip(split(pub_s[zi - 1], [2, 1, 1]), split(pub_e[zi - 1], [2, 1, 1]))):
            name = f"{zh}中心幼儿园" if k == 0 else f"{zh}公办幼儿园（{k}）"
            add_kg(f"kg-{z}-pub-{k + 1}", name, z, "public", s, e)
        for k, (s, e) in enumerate(zip(split(inc_s[zi - 1], [1, 1, 1]), split(inc_e[zi - 1], [1, 1, 1]))):
            add_kg(f"kg-{z}-inc-{k + 1}", f"{zh}普惠性民办幼儿园（{k + 1}）", z, "inclusive", s, e)
        add_kg(f"kg-{z}-pri-1", f"{zh}民办幼儿园", z, "private", pri_s[zi - 1], pri_e[zi - 1])
    # 860 kindergarten teachers, in proportion to children
    kg_children = sum(sum(k["enrollment"]) for k in kgs)
    for k in kgs:
        k["teachers"] = r2(860.0 * sum(k["enrollment"]) / kg_children)

    # ---- scale teachers to the county totals of the baseline ----------------------------
    def scale(kinds, total, level_part=None):
        members = [s for s in schools if s["kind"] in kinds]
        cur = sum(level_part(s) if level_part else s["teachers"] for s in members)
        for s in members:
            s["teachers"] = r2(s["teachers"] * total / cur)
    # primary 2,050 incl. the primary share of nine-year schools; junior 1,200 likewise (nine-year scaled with both)
    def prim_part(s):
        if s["kind"] == "nine_year":
            e = s["enrollment"]
            return s["teachers"] * sum(e[:6]) / sum(e)
        return s["teachers"]
    scale({"primary", "teaching_point", "nine_year"}, 2050.0, prim_part)
    jun_members = [s for s in schools if s["kind"] in ("junior", "nine_year")]
    jun_cur = sum(s["teachers"] * (sum(s["enrollment"][6:]) / sum(s["enrollment"]) if s["kind"] == "nine_year" else 1.0) for s in jun_members)
    for s in schools:
        if s["kind"] == "junior":
            s["teachers"] = r2(s["teachers"] * 1200.0 / jun_cur)
    scale({"senior_general"}, 560.0)
    return kgs + schools


def targets():
    """The plan's targets, worded as 《临湘市教育体育局2021年工作计划》 words them
    (see the notes for the year each is tested in and the national rules)."""
    return [
        {"id": "kg_ger", "label": {"zh": "学前三年入园率达到95%以上", "en": "Three-year preschool gross enrollment ratio at least 95%"}, "indicator": "kg.ger", "rule": {"at_least": 0.95}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025)"}, "src": "P-plan-2021"},
        {"id": "primary_enrollment", "label": {"zh": "小学入学率稳定在100%", "en": "Primary enrollment rate stable at 100%"}, "indicator": "primary.enrollment_rate", "rule": {"at_least": 0.995}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按毛入学率（上限100%）计，四舍五入取整后为100%（即不低于99.5%）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); gross enrollment ratio (capped at 100%), 100% when rounded to a whole percent (i.e. at least 99.5%)"}, "src": "P-plan-2021"},
        {"id": "junior_enrollment", "label": {"zh": "初中入学率稳定在100%", "en": "Junior secondary enrollment rate stable at 100%"}, "indicator": "junior.enrollment_rate", "rule": {"at_least": 0.995}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按毛入学率（上限100%）计，四舍五入取整后为100%（即不低于99.5%）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); gross enrollment ratio (capped at 100%), 100% when rounded to a whole percent (i.e. at least 99.5%)"}, "src": "P-plan-2021"},
        {"id": "senior_ger", "label": {"zh": "高中阶段入学率在90%以上", "en": "Senior-stage gross enrollment ratio at least 90%"}, "indicator": "senior_stage.ger", "rule": {"at_least": 0.9}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；含市外就读的本地中职学生", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); counts local vocational students enrolled outside Linxiang"}, "src": "P-plan-2021"},
        {"id": "primary_retention", "label": {"zh": "小学年度巩固率为100%", "en": "Primary annual retention rate 100%"}, "indicator": "primary.retention", "rule": {"at_least": 0.995}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按当年各年级辍学率推算的学段巩固率，剔除转学因素，四舍五入取整后为100%（即不低于99.5%）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); stage retention rate estimated from this year's dropout rates by grade, transfer-adjusted; 100% when rounded to a whole percent (i.e. at least 99.5%)"}, "src": "P-plan-2021"},
        {"id": "junior_retention", "label": {"zh": "初中年度巩固率在98%以上", "en": "Junior secondary annual retention rate at least 98%"}, "indicator": "junior.retention", "rule": {"at_least": 0.98}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按当年各年级辍学率推算的学段巩固率，剔除转学因素", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); stage retention rate estimated from this year's dropout rates by grade, transfer-adjusted"}, "src": "P-plan-2021"},
        {"id": "senior_retention", "label": {"zh": "高中年度巩固率97%以上", "en": "General senior high annual retention rate at least 97%"}, "indicator": "senior.retention", "rule": {"at_least": 0.97}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按当年各年级辍学率推算的普通高中巩固率，剔除转学因素", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); general senior high retention rate estimated from this year's dropout rates by grade, transfer-adjusted"}, "src": "P-plan-2021"},
        {"id": "vocational_retention", "label": {"zh": "职业中专年度巩固率95%以上", "en": "Vocational school annual retention rate at least 95%"}, "indicator": "vocational.retention", "rule": {"at_least": 0.95}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按当年各年级辍学率推算的学段巩固率，剔除转学因素", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); stage retention rate estimated from this year's dropout rates by grade, transfer-adjusted"}, "src": "P-plan-2021"},
        {"id": "zero_dropout", "label": {"zh": "年度辍学率为零", "en": "Zero annual dropout rate"}, "indicator": "dropout.rate", "rule": {"at_most": 0.0}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025)"}, "src": "P-plan-2021"},
        {"id": "disabled_enrollment", "label": {"zh": "适龄残疾儿童少年义务教育入学率在90%以上", "en": "Compulsory enrollment rate of disabled children at least 90%"}, "indicator": "special.enrollment_rate", "rule": {"at_least": 0.9}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025)"}, "src": "P-plan-2021"},
        {"id": "general_vocational", "label": {"zh": "普职分流比例接近1:1", "en": "General-to-vocational intake ratio close to 1:1"}, "indicator": "senior_stage.general_share", "rule": {"between": [0.45, 0.55]}, "year": 2025, "note": {"zh": "《临湘市教育体育局2021年工作计划》（年度目标，此处按2025年检验）；按普通高中招生占高中阶段招生比例在45%～55%之间检验", "en": "Linxiang Education and Sports Bureau, 2021 work plan (an annual target, tested here in 2025); tested as general senior high schools taking 45%–55% of senior-stage intake"}, "src": "P-plan-2021"},
        {"id": "no_super_large", "label": {"zh": "义务教育消除66人及以上超大班额", "en": "No super-large classes (66+) in compulsory education"}, "indicator": "compulsory.share_66", "rule": {"at_most": 0.0}, "year": 2025, "note": {"zh": "国家要求消除超大班额（66人及以上）；计划原文：进一步巩固义务教育大班额化解成果。逐校逐班统计，此处按2025年检验", "en": "National requirement: eliminate super-large classes (66+); plan wording: consolidate the progress in eliminating large classes in compulsory education. Counted class by class, school by school; tested here in 2025"}},
        {"id": "large_classes", "label": {"zh": "义务教育大班额（56人及以上）比例控制在5%以内", "en": "Large classes (56+) in compulsory education kept within 5%"}, "indicator": "compulsory.share_56plus", "rule": {"at_most": 0.05}, "year": 2025, "note": {"zh": "国家要求基本消除大班额（控制在5%以内）；计划原文：进一步巩固义务教育大班额化解成果。逐校逐班统计，此处按2025年检验", "en": "National requirement: large classes basically eliminated (within 5%); plan wording: consolidate the progress in eliminating large classes in compulsory education. Counted class by class, school by school; tested here in 2025"}},
        {"id": "senior_large_classes", "label": {"zh": "普通高中消除大班额（56人及以上）", "en": "No large classes (56+) in general senior high schools"}, "indicator": "senior.share_56plus", "rule": {"at_most": 0.0}, "year": 2030, "note": {"zh": "计划原文：全面启动消除高中阶段“大班额”工作；消除年份（2030年）为估算", "en": "Plan wording: fully launch the elimination of large classes at the senior stage; the elimination year (2030) is an assumption"}},
        {"id": "public_kg_share", "label": {"zh": "公办园在园幼儿占比达到50%", "en": "Public kindergarten share of children at least 50%"}, "indicator": "kg.public_share", "rule": {"at_least": 0.5}, "year": 2025, "note": {"zh": "国家要求“原则上达到50%”", "en": "National rule: 50% in principle"}},
        {"id": "inclusive_coverage", "label": {"zh": "普惠性幼儿园覆盖率达到80%", "en": "Inclusive kindergarten coverage at least 80%"}, "indicator": "kg.inclusive_share", "rule": {"at_least": 0.8}, "year": 2025, "note": {"zh": "《县域学前教育普及普惠督导评估办法》", "en": "Measures for county-level supervision and assessment of universal, inclusive preschool education"}},
        {"id": "primary_funds", "label": {"zh": "小学生均公用经费标准连续三年每年提高100元", "en": "Primary per-pupil public-funds standard up 100 yuan a year for three years"}, "indicator": "primary.public_funds_per_pupil", "rule": {"at_least_base_plus": 300.0}, "year": 2023, "note": {"zh": "《临湘市教育体育局2021年工作计划》（计划原文：连续三年，每年小学、初中生均公用经费标准各提高100元；此处按2023年检验，即比2020年提高300元）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (plan wording: raise the per-pupil public-funds standard of both primary and junior by 100 yuan a year for three years in a row; tested in 2023 as 300 yuan above 2020)"}, "src": "P-plan-2021"},
        {"id": "junior_funds", "label": {"zh": "初中生均公用经费标准连续三年每年提高100元", "en": "Junior secondary per-pupil public-funds standard up 100 yuan a year for three years"}, "indicator": "junior.public_funds_per_pupil", "rule": {"at_least_base_plus": 300.0}, "year": 2023, "note": {"zh": "《临湘市教育体育局2021年工作计划》（计划原文：连续三年，每年小学、初中生均公用经费标准各提高100元；此处按2023年检验，即比2020年提高300元）", "en": "Linxiang Education and Sports Bureau, 2021 work plan (plan wording: raise the per-pupil public-funds standard of both primary and junior by 100 yuan a year for three years in a row; tested in 2023 as 300 yuan above 2020)"}, "src": "P-plan-2021"},
        {"id": "trainees_double", "label": {"zh": "市级公费师范生计划在2020年基础上扩大一倍", "en": "City teacher-trainee quota doubled from its 2020 level"}, "indicator": "trainees.intake", "rule": {"at_least_base_times": 2.0}, "year": 2021, "note": {"zh": "《临湘市教育体育局2021年工作计划》；即市级公费定向师范生培养计划人数达到2020年的2倍", "en": "Linxiang Education and Sports Bureau, 2021 work plan; the city's quota of publicly funded, locally bound teacher trainees reaches twice its 2020 level"}, "src": "P-plan-2021"},
        {"id": "primary_staffing", "label": {"zh": "小学生师比不高于19:1（对照编制标准1:19）", "en": "Primary pupil–teacher ratio at most 19:1 (staffing norm 1:19)"}, "indicator": "primary.pupils_per_teacher", "rule": {"at_most": 19.0}, "year": 2025, "note": {"zh": "编制标准按教职工计，此处按专任教师计，口径偏严", "en": "The norm counts all staff; here only full-time teachers are counted, a stricter reading"}},
        {"id": "junior_staffing", "label": {"zh": "初中生师比不高于13.5:1（对照编制标准1:13.5）", "en": "Junior secondary pupil–teacher ratio at most 13.5:1 (staffing norm 1:13.5)"}, "indicator": "junior.pupils_per_teacher", "rule": {"at_most": 13.5}, "year": 2025, "note": {"zh": "编制标准按教职工计，此处按专任教师计，口径偏严", "en": "The norm counts all staff; here only full-time teachers are counted, a stricter reading"}},
        {"id": "senior_staffing", "label": {"zh": "普通高中生师比不高于12.5:1（对照编制标准1:12.5）", "en": "General senior high pupil–teacher ratio at most 12.5:1 (staffing norm 1:12.5)"}, "indicator": "senior.pupils_per_teacher", "rule": {"at_most": 12.5}, "year": 2025, "note": {"zh": "编制标准按教职工计，此处按专任教师计，口径偏严", "en": "The norm counts all staff; here only full-time teachers are counted, a stricter reading"}},
    ]

def dataset():
    rural_births = [(1 - TOWN_SHARE[0]) * w / RURAL_SUM for w in RURAL_W]
    share = [TOWN_SHARE[0]] + rural_births
    net = [-0.008] * 6 + [-0.006] * 6 + [-0.006] * 3 + [-0.01] * 4
    to_town = [0.008] * 3 + [0.012] * 3 + [0.012] * 6 + [0.010] * 3 + [0.005] * 4
    part = [0.98] + [0.90] * 10
    return {
        "id": "linxiang-2020",
        "version": 1,
        "name": {"zh": "临湘市", "en": "Linxiang"},
        "as_of": {"zh": "2020—2021学年（2020年秋季学期初数据，多数为估算）", "en": "2020–21 school year (autumn 2020; mostly estimates)"},
        # a county-level city: 全市 / 市外 (a county would say 全县 / 县外)
        "words": {"whole": "全市", "outside": "市外"},
        "base_year": BASE_YEAR,
        "horizon": 2030,
        "max_horizon": 2035,
        "sources": SOURCES,
        "zones": [{"id": z, "name": {"zh": zh, "en": en}, "urban": u} for z, zh, en, u, _ in ZONES],
        "demography": {
            "residents": p(433200.0, "L1"),
            "crude_death_rate": p(0.0118, "D-cdr"),
            "adult_net_migration": p(0.0, "E-migration"),
            "births": [{"year": y, "value": float(v), "src": s} for y, v, s in BIRTHS],
            "birth_variants": {"low": p(-0.05, "E-births-variants"), "central": p(-0.02, "E-births-variants"), "high": p(0.01, "E-births-variants")},
            "birth_zone_share": p([round(x, 6) for x in share[:-1]] + [round(1 - sum(round(x, 6) for x in share[:-1]), 6)], "E-pop"),
            "population": p(population(), "E-pop"),
            "net_migration_rate": p(net, "E-migration"),
            "rural_to_town_rate": p(to_town, "E-migration"),
        },
        "kindergarten": {
            "class_size": p([25.0, 30.0, 35.0], "N-kg"),
            "participation": p(part, "E-kg"),
            "participation_max": p(0.99, "E-kg"),
            "private_preference": p(0.12, "E-kg"),
            "closure_threshold": p(0.7, "E-kg"),
            "closure_rate": p(0.5, "E-kg"),
            "teachers_per_class": p(2.0, "N-kg"),
        },
        "flows": {
            "rates": {
                "primary": {"repetition": p([0.003] * 6, "E-flows"), "dropout": p([0.0003] * 6, "E-flows")},
                "junior": {"repetition": p([0.005] * 3, "E-flows"), "dropout": p([0.004, 0.005, 0.006], "E-flows")},
                "senior": {"repetition": p([0.005] * 3, "E-flows"), "dropout": p([0.008, 0.008, 0.006], "E-flows")},
                "vocational": {"repetition": p([0.0] * 3, "E-flows"), "dropout": p([0.02, 0.015, 0.01], "E-flows")},
            },
            "intake_rate": p(1.0, "E-flows"),
            "primary_to_junior": p(1.0, "E-flows"),
            "vocational_outside_share": p(0.41, "E-flows"),
            "vocational_outside": p([820.0, 800.0, 780.0], "E-flows"),
        },
        "norms": {
            "class_size": p({"primary": 45.0, "junior": 50.0, "senior": 50.0, "vocational": 50.0}, "N-gb50099"),
            "teachers_per_class": p({"primary": 2.0, "junior": 3.3, "senior": 3.5, "vocational": 2.2}, "E-norms"),
            "pupils_per_teacher": p({"primary": 19.0, "junior": 13.5, "senior": 12.5, "vocational": 20.0}, "N-staff"),
            "large_class": p(56, "N-class"),
            "super_large_class": p(66, "N-class"),
            "kg_children_per_teacher": p(15.0, "N-kg15"),
        },
        "special": {"prevalence": p(0.0035, "E-special"), "placed": p(149.0, "E-special")},
        "teachers": {
            "trainee_years": p(4, "E-teachers"),
            "trainee_history": [{"year": y, "value": 30.0, "src": "E-teachers"} for y in range(2016, 2021)],
        },
        "finance": {
            "budget": p(7.0e8, "E-finance"),
            "salary": p({"kindergarten": 80000.0, "primary": 100000.0, "junior": 105000.0, "senior": 110000.0, "vocational": 105000.0}, "E-finance"),
            "public_funds": p({"kindergarten": 500.0, "primary": 650.0, "junior": 850.0, "senior": 1000.0, "vocational": 1000.0}, "N-ppf"),
            "inclusive_subsidy": p(800.0, "E-finance"),
            "special_per_pupil": p(6000.0, "N-special"),
            "classroom_cost": p(500000.0, "E-finance"),
            "kg_seat_cost": p(25000.0, "E-finance"),
            "conversion_cost": p(8000.0, "E-finance"),
            "trainee_subsidy": p(10000.0, "E-finance"),
        },
        "schools": register(),
        "targets": targets(),
        "lever_defaults": {
            "senior.progression": p(0.87, "E-flows"),
            "senior.general_share": p(0.565, "E-flows"),
            "trainees.intake": p(30.0, "E-teachers"),
            "teachers.attrition": p(0.035, "E-teachers"),
            "hires.kg": p(20.0, "E-teachers"),
            "hires.primary": p(50.0, "E-teachers"),
            "hires.junior": p(30.0, "E-teachers"),
            "hires.senior": p(15.0, "E-teachers"),
            "hires.vocational": p(5.0, "E-teachers"),
            "budget.growth": p(0.03, "E-finance"),
            "salary.growth": p(0.03, "E-finance"),
            "kg.participation_trend": p(0.005, "E-kg"),
        },
    }


def main():
    text = json.dumps(dataset(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{OUT} is out of date: run python3 tools/gen_dataset.py", file=sys.stderr)
                sys.exit(1)
        print("dataset is up to date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
