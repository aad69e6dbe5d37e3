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

SOURCES = [
    {"id": "L1", "kind": "verified", "title": {"zh": "临湘市第七次全国人口普查公报（第一号）", "en": "Linxiang 7th census bulletin No. 1"},
     "url": "http://www.linxiang.gov.cn/24733/28029/28030/content_1900347.html",
     "note": "全市常住人口433200人 (2020-11-01)"},
    {"id": "L5", "kind": "verified", "title": {"zh": "临湘市2023年国民经济和社会发展统计公报：常住人口", "en": "Linxiang 2023 statistical bulletin: residents"},
     "note": "常住人口42.53万人; used to check the projection of residents"},
    {"id": "L6", "kind": "verified", "title": {"zh": "临湘市2023年国民经济和社会发展统计公报：出生人口", "en": "Linxiang 2023 statistical bulletin: births"},
     "note": "全年出生人口3031人，死亡人口5094人"},
    {"id": "D-cdr", "kind": "derived", "title": {"zh": "由2023年死亡人口与常住人口推算的死亡率", "en": "Crude death rate derived from 2023 deaths and residents"},
     "note": "5094 / 425300 ≈ 12.0‰"},
    {"id": "L8", "kind": "verified", "title": {"zh": "临湘市行政区划：3个街道、10个镇（2015年调整）", "en": "Linxiang divisions: 3 subdistricts and 10 towns (2015)"},
     "note": "Town names from the bureau's 2020 project list and the 2021 work plan; the zone list is an estimate of the full set"},
    {"id": "L11", "kind": "verified", "title": {"zh": "临湘市教育体育局2020年重点民生实事完成情况公示", "en": "Linxiang education bureau 2020 livelihood projects"},
     "url": "http://souzy.net/24733/24760/24821/24986/28267/content_1771769.html",
     "note": "特殊学校建设完成; township middle-school buildings at 定湖, 羊楼司"},
    {"id": "L14", "kind": "verified", "title": {"zh": "临湘市第一中学部门预算（仅设高级中学）", "en": "Linxiang No. 1 Middle School budget (senior high only)"}},
    {"id": "N-class", "kind": "verified", "title": {"zh": "教育部班额分类：56–65人为大班额，66人以上为超大班额", "en": "MoE class-size categories: 56–65 large, 66+ super-large"},
     "note": "Minister Chen Baosheng, 2018 NPC press conference (Xinhua reprint)"},
    {"id": "N-gb50099", "kind": "verified", "title": {"zh": "GB 50099-2011《中小学校设计规范》：小学每班45人，中学每班50人", "en": "GB 50099-2011: 45 per primary class, 50 per secondary class"},
     "note": "seen in a secondary reprint"},
    {"id": "N-staff", "kind": "verified", "title": {"zh": "中小学教职工编制标准（城乡统一）：小学1:19，初中1:13.5，高中1:12.5", "en": "Unified staffing norm: 1:19 primary, 1:13.5 junior, 1:12.5 senior"},
     "note": "2014 unified norm, seen in secondary reprints; compared here with full-time teachers"},
    {"id": "N-kg", "kind": "verified", "title": {"zh": "《幼儿园工作规程》及《幼儿园教职工配备标准（暂行）》", "en": "Kindergarten work rules and staffing standard"},
     "note": "小班25、中班30、大班35人；全日制每班2名专任教师+1名保育员 (secondary reprints)"},
    {"id": "N-kg15", "kind": "verified", "title": {"zh": "县域学前教育普及普惠督导：专任教师与在园幼儿比不低于1:15", "en": "County preschool supervision: at most 15 children per teacher"}},
    {"id": "N-ppf", "kind": "verified", "title": {"zh": "生均公用经费基准定额：小学650元、初中850元（2021年）", "en": "Per-pupil public funds benchmark: 650 primary, 850 junior (2021)"},
     "url": "http://m.njpanjin.com/cn/edu/202109/t20210927_7070016.html",
     "note": "MoE at a State Council press conference, 2021-09-26"},
    {"id": "N-special", "kind": "verified", "title": {"zh": "特殊教育学校及随班就读残疾学生生均公用经费6000元", "en": "Special-education per-pupil funds: 6,000 yuan"}},
    {"id": "Y4", "kind": "verified", "title": {"zh": "岳阳市2021年小学、初中生均公用经费标准各提高100元", "en": "Yueyang 2021: per-pupil funds +100 yuan for primary and junior"},
     "url": "http://yysqw.gov.cn/43332/43335/47847/67328/67419/content_2068435.html"},
    {"id": "E-pop", "kind": "estimate", "title": {"zh": "分年龄、分片区人口（估算）", "en": "Population by single age and zone (estimate)"},
     "note": "Cohorts from the estimated births; town-seat shares rising with age (进城); township split by fixed weights"},
    {"id": "E-births", "kind": "estimate", "title": {"zh": "2014–2022年出生人口（估算）", "en": "Births 2014–2022 (estimate)"},
     "note": "About 5,500 (2015–17) falling to about 3,700 (2020); consistent with Hunan's fall from 10.39‰ (2019) to 7.13‰ (2021)"},
    {"id": "E-births-variants", "kind": "estimate", "title": {"zh": "出生人口低、中、高方案（估算）", "en": "Births variants (estimate)"},
     "note": "Annual change after 2023: low −5%, central −2%, high +1%"},
    {"id": "E-migration", "kind": "estimate", "title": {"zh": "分年龄净迁移率与进城流动率（估算）", "en": "Net migration and rural→town rates by age (estimate)"},
     "note": "Linxiang lost 13% of residents 2010–2020 (L1/L2); rates chosen to reproduce that pace and the town's rising share of older pupils"},
    {"id": "E-register", "kind": "estimate", "title": {"zh": "学校名册（估算，按总量拆分）", "en": "School register (estimate, split from county totals)"},
     "note": "≈106 kindergartens (36 public), 55 primaries + 30 teaching points, 20 junior (incl. 4 nine-year), 4 general senior, 1 vocational, 1 special. Real names where known; others are descriptive placeholders. Replace with the bureau's 教育事业统计年报."},
    {"id": "E-kg", "kind": "estimate", "title": {"zh": "入园意愿、民办园偏好与关停规则（估算）", "en": "Kindergarten demand, private preference and closure rule (estimate)"}},
    {"id": "E-flows", "kind": "estimate", "title": {"zh": "各年级留级率、辍学率与升学率（估算）", "en": "Repetition, dropout and progression rates (estimate)"},
     "note": "Chosen to match baseline retention of 100/98/97/95% and a 57:43 general:vocational intake"},
    {"id": "E-norms", "kind": "estimate", "title": {"zh": "每班教师数、中职生师比（估算）", "en": "Teachers per class, vocational staffing ratio (estimate)"}},
    {"id": "E-teachers", "kind": "estimate", "title": {"zh": "教师招聘、流失与公费师范生（估算）", "en": "Teacher hiring, attrition and trainees (estimate)"}},
    {"id": "E-finance", "kind": "estimate", "title": {"zh": "教育经费、工资与单价（估算）", "en": "Education budget, pay and unit costs (estimate)"},
     "note": "Budget ≈ 7.0亿 (Yueyang 1,677 yuan per resident × 433,200 = 7.26亿)"},
    {"id": "E-special", "kind": "estimate", "title": {"zh": "适龄残疾儿童登记率与安置人数（估算）", "en": "Disabled children's prevalence and placements (estimate)"}},
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
    def t(tid, zh, en, ind, rule, year, note_zh, note_en):
        return {"id": tid, "label": {"zh": zh, "en": en}, "indicator": ind, "rule": rule, "year": year,
                "note": {"zh": note_zh, "en": note_en}}
    wp = ("2021年工作计划", "2021 work plan")
    return [
        t("kg_ger", "学前三年入园率达到95%以上", "Preschool 3-year enrollment ≥ 95%", "kg.ger", {"at_least": 0.95}, 2025, *wp),
        t("primary_enrollment", "小学入学率稳定在100%", "Primary enrollment rate at 100%", "primary.enrollment_rate", {"at_least": 0.995}, 2025,
          "按整数百分比计（≥99.5%）", "100% when rounded to a whole percent (≥ 99.5%)"),
        t("junior_enrollment", "初中入学率稳定在100%", "Junior enrollment rate at 100%", "junior.enrollment_rate", {"at_least": 0.995}, 2025,
          "按整数百分比计（≥99.5%）", "100% when rounded to a whole percent (≥ 99.5%)"),
        t("senior_ger", "高中阶段入学率在90%以上", "Senior-stage enrollment ≥ 90%", "senior_stage.ger", {"at_least": 0.90}, 2025,
          "含县外就读的本地中职学生", "Counts local vocational students enrolled outside the county"),
        t("primary_retention", "小学年度巩固率100%", "Primary retention 100%", "primary.retention", {"at_least": 0.995}, 2025,
          "剔除转学的巩固率，按整数百分比计", "Transfer-adjusted retention, rounded to a whole percent"),
        t("junior_retention", "初中年度巩固率98%以上", "Junior retention ≥ 98%", "junior.retention", {"at_least": 0.98}, 2025,
          "剔除转学的巩固率", "Transfer-adjusted retention"),
        t("senior_retention", "高中年度巩固率97%以上", "General senior retention ≥ 97%", "senior.retention", {"at_least": 0.97}, 2025,
          "剔除转学的巩固率", "Transfer-adjusted retention"),
        t("vocational_retention", "职业中专年度巩固率95%以上", "Vocational retention ≥ 95%", "vocational.retention", {"at_least": 0.95}, 2025,
          "剔除转学的巩固率", "Transfer-adjusted retention"),
        t("zero_dropout", "年度辍学率为零", "Zero dropout", "dropout.rate", {"at_most": 0.0}, 2025, *wp),
        t("disabled_enrollment", "适龄残疾儿童少年义务教育入学率在90%以上", "Disabled children's enrollment ≥ 90%", "special.enrollment_rate", {"at_least": 0.90}, 2025, *wp),
        t("general_vocational", "普职分流比例接近1:1", "General : vocational intake close to 1:1", "senior_stage.general_share", {"between": [0.45, 0.55]}, 2025,
          "普通高中招生占高中阶段招生45%–55%", "General share of senior-stage intake within 45–55%"),
        t("no_super_large", "义务教育消除66人以上超大班额", "No compulsory classes of 66+", "compulsory.share_66", {"at_most": 0.0}, 2025,
          "逐校逐班统计", "Counted class by class, school by school"),
        t("large_classes", "义务教育56人以上大班额比例控制在5%以内", "Compulsory classes of 56+ under 5%", "compulsory.share_56plus", {"at_most": 0.05}, 2025,
          "逐校逐班统计", "Counted class by class, school by school"),
        t("senior_large_classes", "高中阶段化解大班额", "General senior classes of 56+ eliminated", "senior.share_56plus", {"at_most": 0.0}, 2030,
          "2021年启动，至2030年消除（年份估算）", "Started in 2021; elimination year assumed 2030"),
        t("public_kg_share", "公办园在园幼儿占比达到50%", "Public kindergarten share ≥ 50%", "kg.public_share", {"at_least": 0.50}, 2025,
          "国家要求“原则上达到50%”", "National rule: 50% in principle"),
        t("inclusive_coverage", "普惠性幼儿园覆盖率达到80%", "Inclusive coverage ≥ 80%", "kg.inclusive_share", {"at_least": 0.80}, 2025,
          "县域学前教育普及普惠督导评估", "County preschool supervision rule"),
        t("primary_funds", "小学生均公用经费连续三年各提高100元", "Primary per-pupil funds +100 yuan a year for 3 years", "primary.public_funds_per_pupil",
          {"at_least_base_plus": 300.0}, 2023, *wp),
        t("junior_funds", "初中生均公用经费连续三年各提高100元", "Junior per-pupil funds +100 yuan a year for 3 years", "junior.public_funds_per_pupil",
          {"at_least_base_plus": 300.0}, 2023, *wp),
        t("trainees_double", "市级公费师范生计划扩大一倍", "Double the publicly funded trainee intake", "trainees.intake", {"at_least_base_times": 2.0}, 2021, *wp),
        t("primary_staffing", "小学师资达到编制标准（1:19）", "Primary staffing within norm (1:19)", "primary.pupils_per_teacher", {"at_most": 19.0}, 2025,
          "以专任教师计，偏严", "Counted with full-time teachers, a strict reading"),
        t("junior_staffing", "初中师资达到编制标准（1:13.5）", "Junior staffing within norm (1:13.5)", "junior.pupils_per_teacher", {"at_most": 13.5}, 2025,
          "以专任教师计，偏严", "Counted with full-time teachers, a strict reading"),
        t("senior_staffing", "高中师资达到编制标准（1:12.5）", "Senior staffing within norm (1:12.5)", "senior.pupils_per_teacher", {"at_most": 12.5}, 2025,
          "以专任教师计，偏严", "Counted with full-time teachers, a strict reading"),
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
        "as_of": {"zh": "2020–21学年（2020年秋季数据，多数为估算）", "en": "2020–21 school year (autumn 2020; mostly estimates)"},
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
