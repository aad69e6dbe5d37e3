#!/usr/bin/env python3
"""Writes tests/fixtures/county-b/: a made-up second county (荷塘县, base year
2022) as a filled data template, one CSV file per sheet, as a bureau would save
it from Excel: some sheets in GBK without the id row (Chinese headers only),
others in UTF-8 with a BOM. The runner's tests import it onto the bundled
Linxiang dataset and check that nothing of Linxiang is left where the county
gave its own figures.  Run: python3 tools/gen_test_county.py
"""
import csv, io, os

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "county-b")
BASE = 2022
BIRTHS = {2015: 2600, 2016: 2650, 2017: 2700, 2018: 2500, 2019: 2200, 2020: 1900, 2021: 1750, 2022: 1700}
ZONES = [("chengguan", "城关镇", "Chengguan", "城区", 0.5, 0.92),
         ("beishan", "北山乡", "Beishan", "乡镇", 0.3, 0.86),
         ("nanhu", "南湖镇", "Nanhu", "乡镇", 0.2, 0.84)]


def births(year):
    return BIRTHS.get(year, 2600)


def pop(zone_share, age):
    return round(births(BASE - age) * zone_share)


def write(name, rows, encoding="utf-8-sig", header=None, ids=None):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if header:
        w.writerow(header)
    if ids:
        w.writerow(ids)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(OUT, name + ".csv"), "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def main():
    os.makedirs(OUT, exist_ok=True)
    write("基本情况", [
        ["dataset_id", "数据集编号", "hetang-2022", "", ""],
        ["version", "数据集版本", "1", "", ""],
        ["name", "县（市、区）名称", "荷塘县", "", ""],
        ["name_en", "县（市、区）名称（英文）", "Hetang", "", ""],
        ["as_of", "数据时点", "2022—2023学年（县教育局统计年报）", "", ""],
        ["as_of_en", "数据时点（英文）", "2022–23 school year (bureau statistics)", "", ""],
        ["base_year", "基准学年", "2022", "年", ""],
        ["horizon", "预测截止年份", "2030", "年", ""],
        ["max_horizon", "最远预测年份", "2035", "年", ""],
    ], header=["项目代码", "项目", "数值", "单位", "来源"], ids=["key", "label", "value", "unit", "src"])
    write("片区", [[z[0], z[1], z[2], z[3], z[4], z[5], ""] for z in ZONES], encoding="gbk",
          header=["片区编码", "片区名称", "片区名称（英文）", "城乡类型", "出生人口占比（比例）", "学前入园意愿（比例）", "来源"])
    write("出生人口", [[y, f"{n:,}", ""] for y, n in sorted(BIRTHS.items())], encoding="gbk",
          header=["年份", "出生人数（人）", "来源"])
    write("分年龄人口", [[z[0], a, pop(z[4], a), ""] for z in ZONES for a in range(19)],
          header=["片区编码", "年龄（岁）", "人口数（人）", "来源"], ids=["zone_id", "age", "population", "src"])
    schools = []  # id, name, zone, type, provider, rooms, seats, teachers, slots
    enroll = []

    def school(sid, name, zone, typ, prov, rooms, seats, teachers, by_grade):
        schools.append([sid, name, zone, typ, prov, rooms, seats if seats is not None else "", teachers, ""])
        for g, n in by_grade:
            enroll.append([sid, g, n, ""])

    zs = {z[0]: z[4] for z in ZONES}
    kg = ["小班", "中班", "大班"]
    for zid, share in zs.items():
        kids = [pop(share, a) for a in (3, 4, 5)]
        school(f"{zid}-gongban", f"{dict((z[0], z[1]) for z in ZONES)[zid]}中心幼儿园", zid, "幼儿园", "公办",
               9, round(sum(kids) * 0.6), 18, [(kg[i], round(kids[i] * 0.55)) for i in range(3)])
        school(f"{zid}-puhui", f"{dict((z[0], z[1]) for z in ZONES)[zid]}阳光幼儿园", zid, "幼儿园", "普惠性民办",
               6, round(sum(kids) * 0.33), 11, [(kg[i], round(kids[i] * 0.3)) for i in range(3)])
    school("chengguan-minban", "城关镇博雅幼儿园", "chengguan", "幼儿园", "非普惠性民办", 4, 400, 8,
           [(kg[i], round(pop(0.5, 3 + i) * 0.1)) for i in range(3)])
    pg = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]
    jg = ["七年级", "八年级", "九年级"]
    school("chengguan-xx1", "荷塘县第一小学", "chengguan", "小学", "", 30, None, 70,
           [(pg[g], round(pop(0.5, 6 + g) * 0.6)) for g in range(6)])
    school("chengguan-xx2", "荷塘县实验小学", "chengguan", "小学", "", 24, None, 56,
           [(pg[g], round(pop(0.5, 6 + g) * 0.4)) for g in range(6)])
    school("beishan-zx", "北山乡中心小学", "beishan", "小学", "", 14, None, 30,
           [(pg[g], round(pop(0.3, 6 + g) * 0.8)) for g in range(6)])
    school("beishan-jxd", "北山乡石门教学点", "beishan", "小学教学点", "", 3, None, 4,
           [(pg[g], round(pop(0.3, 6 + g) * 0.2)) for g in range(3)] + [(pg[g], 0) for g in range(3, 6)])
    school("nanhu-9", "南湖镇九年一贯制学校", "nanhu", "九年一贯制学校", "", 18, None, 46,
           [(pg[g], round(pop(0.2, 6 + g))) for g in range(6)] + [(jg[g], round(pop(0.2, 12 + g) * 0.9)) for g in range(3)])
    school("chengguan-cz", "荷塘县第一中学初中部", "chengguan", "初级中学", "", 30, None, 110,
           [(jg[g], round(pop(0.5, 12 + g) + pop(0.3, 12 + g) + pop(0.2, 12 + g) * 0.1)) for g in range(3)])
    school("chengguan-gz", "荷塘县第一中学", "chengguan", "普通高中", "", 30, None, 120,
           [(f"高{'一二三'[g]}", round(sum(pop(s, 15 + g) for s in zs.values()) * 0.5)) for g in range(3)])
    school("chengguan-zz", "荷塘县职业中专", "chengguan", "中等职业学校", "", 16, None, 50,
           [(f"中职{'一二三'[g]}年级", round(sum(pop(s, 15 + g) for s in zs.values()) * 0.3)) for g in range(3)])
    school("chengguan-tj", "荷塘县特殊教育学校", "chengguan", "特殊教育学校", "", 6, None, 12, [("特教", 35)])
    write("学校名册", schools, encoding="gbk",
          header=["学校标识码", "学校名称", "片区编码", "办学类型", "举办者类型", "普通教室（间）", "核定学位（个）", "专任教师（人）", "来源"])
    write("分年级在校生", enroll,
          header=["学校标识码", "年级", "在校生数（人）", "班数（个）"], ids=["school_id", "grade", "students", "classes"])
    write("目标", [
        ["kg_ger", "学前三年毛入园率达到95%以上", "Preschool GER ≥ 95%", "kg.ger", "不低于", "0.95", "", "2025", "荷塘县教育事业发展规划", ""],
        ["kg_public_share", "公办园在园幼儿占比达到50%以上", "Public kindergarten share ≥ 50%", "kg.public_share", "不低于", "0.5", "", "2025", "荷塘县教育事业发展规划", ""],
        ["senior_ger", "高中阶段毛入学率达到90%以上", "Senior-stage GER ≥ 90%", "senior_stage.ger", "不低于", "90%", "", "2025", "荷塘县教育事业发展规划", ""],
    ], header=["目标代码", "目标表述", "目标表述（英文）", "指标代码", "判定方式", "阈值", "区间上限", "目标年份（年）", "依据", "依据（英文）"],
        ids=["target_id", "label", "label_en", "indicator", "rule", "threshold", "threshold_high", "year", "note", "note_en"])


if __name__ == "__main__":
    main()
