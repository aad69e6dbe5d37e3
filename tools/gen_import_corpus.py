#!/usr/bin/env python3
"""Generates the import corpus: awkward and broken bureau files, one per case.

Output: tests/import-corpus/ (committed). Every file there is written by this
script, deterministically (fixed zip timestamps, no randomness), so running it
again gives the same bytes. `crates/import/tests/corpus.rs` asserts the exact
outcome of importing each file onto the default dataset.

The XLSX files are built by hand with zipfile (inline strings or a shared
string table, merged cells, hidden sheets, formulas with cached values), so no
spreadsheet library is needed. The one XLS file needs `xlwt`: if it is not
importable, the script installs it into a temporary folder with pip; if that
fails too, the XLS file is skipped (and the script says so).

Values come from assets/data/linxiang-2020.json so that unchanged figures stay
equal to the base dataset.

Usage: python3 tools/gen_import_corpus.py [--check]
  --check  write nothing; exit 1 if a corpus file differs from what the script writes
"""

import csv
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "import-corpus")
BASE_JSON = os.path.join(ROOT, "assets", "data", "linxiang-2020.json")

with open(BASE_JSON, encoding="utf-8") as fh:
    BASE = json.load(fh)

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- helpers


def num(x):
    """A number as a spreadsheet user would type it."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


class F:
    """A formula cell with its cached value (number, text or error)."""

    def __init__(self, formula, cached, kind="n"):
        self.formula = formula
        self.cached = cached
        self.kind = kind  # "n" number, "str" text, "e" error


def col_letters(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, merges=(), shared=None):
    """A worksheet: rows of cells (None, int/float, str, F); strings inline
    unless a shared-string list is given."""
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
    ]
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            ref = f"{col_letters(c)}{r + 1}"
            if isinstance(v, F):
                t = "" if v.kind == "n" else f' t="{v.kind}"'
                cells.append(
                    f'<c r="{ref}"{t}><f>{escape(v.formula)}</f><v>{escape(str(v.cached))}</v></c>'
                )
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{num(v)}</v></c>')
            elif shared is not None:
                if v not in shared:
                    shared.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{shared.index(v)}</v></c>')
            else:
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'
                )
        if cells:
            out.append(f'<row r="{r + 1}">' + "".join(cells) + "</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">')
        out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def xlsx_bytes(sheets, shared_strings=False):
    """A minimal XLSX. sheets: list of dicts with name, rows, and optionally
    merges (A1 ranges) and hidden (bool)."""
    shared = [] if shared_strings else None
    n = len(sheets)
    parts = {}
    for i, s in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(s["rows"], s.get("merges", ()), shared)
    ct = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    ]
    for i in range(1, n + 1):
        ct.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    if shared is not None:
        ct.append(
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    ct.append("</Types>")
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    wb = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    ]
    for i, s in enumerate(sheets, 1):
        state = ' state="hidden"' if s.get("hidden") else ""
        wb.append(f'<sheet name="{escape(s["name"])}" sheetId="{i}"{state} r:id="rId{i}"/>')
    wb.append("</sheets></workbook>")
    wbrels = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ]
    for i in range(1, n + 1):
        wbrels.append(
            f'<Relationship Id="rId{i}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>'
        )
    if shared is not None:
        wbrels.append(
            f'<Relationship Id="rId{n + 1}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
        sst = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(shared)}" uniqueCount="{len(shared)}">'
        ]
        sst.extend(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
        sst.append("</sst>")
        parts["xl/sharedStrings.xml"] = "".join(sst)
    wbrels.append("</Relationships>")
    files = [
        ("[Content_Types].xml", "".join(ct)),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", "".join(wb)),
        ("xl/_rels/workbook.xml.rels", "".join(wbrels)),
    ] + sorted(parts.items())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def csv_bytes(rows, encoding="utf-8", bom=False, delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        w.writerow(["" if v is None else (num(v) if isinstance(v, (int, float)) else v) for v in row])
    text = buf.getvalue()
    if encoding == "utf-16":
        return text.encode("utf-16")  # with its BOM
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


# ------------------------------------------------------- dataset helpers

BIRTHS = [(b["year"], b["value"]) for b in BASE["demography"]["births"]]
ZONES = BASE["zones"]
SHARES = BASE["demography"]["birth_zone_share"]["value"]
PARTICIPATION = BASE["kindergarten"]["participation"]["value"]
POP = BASE["demography"]["population"]["value"]
SCHOOLS = {s["id"]: s for s in BASE["schools"]}

KIND_ZH = {
    "primary": "小学",
    "teaching_point": "小学教学点",
    "nine_year": "九年一贯制学校",
    "junior": "初级中学",
    "senior_general": "普通高中",
    "vocational": "中等职业学校",
    "special": "特殊教育学校",
}
PROVIDER_ZH = {"public": "公办", "inclusive": "普惠性民办", "private": "非普惠性民办"}

BIRTH_HEAD = [["年份（年）", "出生人口（人）", "来源"], ["year", "births", "src"]]
SCHOOL_HEAD = [
    ["学校标识码", "学校名称", "片区编码", "办学类型", "举办者类型", "普通教室（间）", "核定学位（个）", "专任教师（人）", "来源"],
    ["school_id", "school_name", "zone_id", "school_type", "provider", "classrooms", "seats", "teachers", "src"],
]
ENROLL_HEAD = [
    ["学校标识码", "年级", "在校生数（人）", "班数（个）"],
    ["school_id", "grade", "students", "classes"],
]
ZONE_HEAD = [
    ["片区编码", "片区名称", "片区名称（英文）", "城乡类型", "出生人口占比（比例）", "学前入园意愿（比例）", "来源"],
    ["zone_id", "zone_name", "zone_name_en", "zone_type", "birth_share", "kg_participation", "src"],
]
KV_HEAD = [["项目代码", "项目", "数值", "单位", "来源"], ["key", "label", "value", "unit", "src"]]

# A register that still teaches every level: one kindergarten, primary,
# junior, senior and vocational school (a register sheet replaces the whole
# register, so these five are the dataset's schools after import).
SUBSET = ["kg-town-pub-1", "pri-town-1", "jun-town-7", "sen-1", "voc-1"]

GRADES = {
    "kg": ["小班", "中班", "大班"],
    "primary": ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"],
    "junior": ["七年级", "八年级", "九年级"],
    "senior_general": ["高一", "高二", "高三"],
    "vocational": ["中职一年级", "中职二年级", "中职三年级"],
}


def school_row(sid, **over):
    s = SCHOOLS[sid]
    kind = s["kind"]
    if isinstance(kind, dict):
        typ, prov = "幼儿园", PROVIDER_ZH[kind["kindergarten"]]
    else:
        typ, prov = KIND_ZH[kind], None
    row = {
        "school_id": sid,
        "school_name": s["name"],
        "zone_id": s["zone"],
        "school_type": typ,
        "provider": prov,
        "classrooms": s["classrooms"],
        "seats": s.get("seats"),
        "teachers": s["teachers"],
        "src": None,
    }
    row.update(over)
    return [row[k] for k in SCHOOL_HEAD[1]]


def births_rows(over=None, drop=()):
    over = over or {}
    return [[y, over.get(y, v), None] for y, v in BIRTHS if y not in drop]


def zone_rows(shares=None):
    shares = shares or SHARES
    return [
        [z["id"], z["name"]["zh"], z["name"]["en"], "城区" if z["urban"] else "乡镇", shares[i], PARTICIPATION[i], None]
        for i, z in enumerate(ZONES)
    ]


# ------------------------------------------------------------------ cases

FILES = {}


def case(name):
    def deco(fn):
        FILES[name] = fn
        return fn

    return deco


@case("text-numbers.xlsx")
def _():
    # every number typed as text (inline strings), some with stray spaces
    rows = [[str(y), f" {num(v)} " if y == 2019 else num(v), None] for y, v in BIRTHS]
    rows[6][1] = "3650"  # 2020
    return xlsx_bytes([{"name": "出生人口", "rows": BIRTH_HEAD + rows}])


@case("thousands-出生人口.csv")
def _():
    seps = {
        2014: "5,400",
        2015: "5，500",
        2016: "5 800",
        2017: "5\u00a0600",
        2018: "4\u202f900",
        2019: "4,300.0",
        2020: "3,650",
    }
    rows = [[y, seps.get(y, v), None] for y, v in BIRTHS]
    return csv_bytes(BIRTH_HEAD + rows)


@case("fullwidth-参数.csv")
def _():
    rows = [
        ["demography.birth_variants.low", "出生人口年变化（低方案）", "－０．０３", "比例", None],
        ["demography.adult_net_migration", "19岁及以上年净迁移人数", "－１，２００", "人", None],
        ["kindergarten.class_size.1", "幼儿园小班班额", "２４", "人", None],
        ["kindergarten.participation_max", "入园意愿上限", "９５％", "比例", None],
        ["norms.large_class", "大班额起点", "５５", "人", None],
    ]
    return csv_bytes(KV_HEAD + rows)


@case("units-出生人口.csv")
def _():
    rows = [[f"{y}年", f"{num(v)}人", None] for y, v in BIRTHS]
    rows[7][1] = "3,250人"  # 2021
    return csv_bytes(BIRTH_HEAD + rows)


@case("units-学校名册.csv")
def _():
    rows = []
    for sid in SUBSET:
        s = SCHOOLS[sid]
        over = {"classrooms": f"{s['classrooms']}间", "teachers": f"{num(s['teachers'])}人"}
        if s.get("seats") is not None:
            over["seats"] = f"{num(s['seats'])}个"
        rows.append(school_row(sid, **over))
    rows[1] = school_row("pri-town-1", classrooms="40间", teachers="110人")
    return csv_bytes(SCHOOL_HEAD + rows)


@case("wan-经费标准.csv")
def _():
    # the bureau's budget table: salaries in 万元, public funds in 元, no id row
    head = [["学段", "教师人均年人员经费（万元）", "生均公用经费（元）"]]
    rows = [
        ["学前", "8", "500"],
        ["小学", "10", "700"],
        ["初中", "10.5万元", "850"],  # the unit typed again in the cell: still 万元, once
        ["普通高中", "11", "1,000"],
        ["中职", "10.5", "1000元"],
    ]
    return csv_bytes(head + rows)


@case("wan-参数.csv")
def _():
    rows = [
        ["finance.budget", "基准年教育经费支出", "72000", "万元", None],
        ["finance.classroom_cost", "新建一间教室造价", "60万元", "元", None],
        ["finance.kg_seat_cost", "新增一个公办幼儿园学位造价", "2.6", "万元", None],
        ["finance.conversion_cost", "民办学位转为公办每个费用", "0.9万元", "万元", None],  # 万元 once
    ]
    return csv_bytes(KV_HEAD + rows)


@case("placeholders-学校名册.csv")
def _():
    rows = [
        school_row("kg-town-pub-1", src="—"),
        school_row("pri-town-1", provider="-", seats="—"),
        school_row("jun-town-7", provider="—", seats="－", src="-"),
        ["—", "-", "—", "-", "", "—", "-", "—", ""],  # a row of placeholders only
        school_row("sen-1", provider="/", seats="***"),
        school_row("voc-1", provider="无", seats="\u3000"),
    ]
    return csv_bytes(SCHOOL_HEAD + rows)


@case("totals-出生人口.csv")
def _():
    rows = births_rows()
    total = sum(v for _, v in BIRTHS)
    rows.append(["合计", total, None])
    return csv_bytes(BIRTH_HEAD + rows)


@case("merged-分年龄人口.xlsx")
def _():
    # zone ids merged down their 19 age rows, a 小计 row per zone, a 总计 row,
    # and a two-row header whose top row is merged over two columns
    rows = [["片区编码", "分年龄人口", None], [None, "年龄（岁）", "人口数（人）"]]
    merges = ["A1:A2", "B1:C1"]
    grand = 0.0
    for zi, z in enumerate(ZONES):
        start = len(rows) + 1
        for a in range(19):
            v = POP[zi][a]
            if zi == 0 and a == 0:
                v = 1600.0
            rows.append([z["id"] if a == 0 else None, a, v])
        merges.append(f"A{start}:A{start + 18}")
        sub = sum(r[2] for r in rows[start - 1 : start + 18])
        grand += sub
        rows.append(["小计", None, sub])
    rows.append(["总计", None, grand])
    return xlsx_bytes([{"name": "分年龄人口", "rows": rows, "merges": merges}])


@case("merged-subtotal-分年龄人口.xlsx")
def _():
    # the usual statistics-office layout: each town's name cell merged down
    # its 小计 row and its 19 age rows, 小计 first, ages written "0岁"; a
    # 全市合计 row whose label is merged across two columns
    rows = [["临湘市2020年分乡镇分年龄人口", None, None], ["乡镇编码", "年龄", "人口数"]]
    merges = ["A1:C1"]
    grand = 0.0
    for zi, z in enumerate(ZONES):
        start = len(rows) + 1
        ages = [POP[zi][a] for a in range(19)]
        if z["id"] == "jiangnan":
            ages[6] = 2000.0
        rows.append([z["id"], "小计", sum(ages)])
        for a in range(19):
            rows.append([None, f"{a}岁", ages[a]])
        merges.append(f"A{start}:A{start + 19}")
        grand += sum(ages)
    rows.append(["全市合计", None, grand])
    merges.append(f"A{len(rows)}:B{len(rows)}")
    return xlsx_bytes([{"name": "分年龄人口", "rows": rows, "merges": merges}])


@case("numbering-tiangan-学校名册.csv")
def _():
    # title, unit line, synonyms only, and a numbering row running 甲…戊 then 1, 2, 3
    head = [
        ["2020年学校（机构）基本情况", None, None, None, None, None, None, None],
        [None, None, None, None, None, None, None, "单位：间、个、人"],
        ["学校代码", "学校（机构）名称", "乡镇编码", "学校类型", "举办者", "教室数", "核定学位数", "专任教师数"],
        ["甲", "乙", "丙", "丁", "戊", "1", "2", "3"],
    ]
    rows = [school_row(s)[:8] for s in SUBSET]
    rows[3] = school_row("sen-1", teachers=200)[:8]
    return csv_bytes(head + rows)


@case("title-unit-numbering.xlsx")
def _():
    # a statistics-office layout: title, unit line, Chinese headers (synonyms,
    # no id row), the 甲/1 numbering row, a remarks column
    rows = [
        ["临湘市历年出生人口统计表", None, None],
        [None, "单位：人", None],
        ["年度", "出生人数", "备注"],
        ["甲", "1", "2"],
    ]
    for y, v in BIRTHS:
        rows.append([y, v, "公安户籍" if y == 2020 else None])
    return xlsx_bytes([{"name": "出生人口", "rows": rows, "merges": ["A1:C1"]}])


@case("extra-columns-学校名册.csv")
def _():
    head = [["学校代码", "机构名称", "乡镇编码", "学校类型", "办别", "校长", "教室数", "学位数", "专任教师数", "联系电话"]]
    rows = []
    for sid in SUBSET:
        r = school_row(sid)
        rows.append(r[:5] + ["张三"] + r[5:8] + ["0730-1234567"])
    return csv_bytes(head + rows)


@case("template-extra-column-学校名册.csv")
def _():
    # the template with a 备注 column added by hand: a header in row 1, no id in row 2
    head = [SCHOOL_HEAD[0] + ["备注"], SCHOOL_HEAD[1] + [None]]
    rows = [school_row(s) + [None] for s in SUBSET]
    rows[2][-1] = "2021年秋季扩建"
    return csv_bytes(head + rows)


@case("hidden-sheet.xlsx")
def _():
    births = BIRTH_HEAD + births_rows({2021: 3250.0})
    junk = SCHOOL_HEAD + [["x-1", "作废", "nowhere", "大学", None, "abc", None, "abc", None]]
    notes = [["本工作簿由统计科填报"]]
    return xlsx_bytes(
        [
            {"name": "出生人口", "rows": births},
            {"name": "学校名册", "rows": junk, "hidden": True},
            {"name": "说明", "rows": notes},
        ]
    )


@case("formulas.xlsx")
def _():
    rows = BIRTH_HEAD + births_rows()
    # row 9 is 2020, row 8 is 2019: 2020 = 2019 - 600; the year by formula too
    rows[8][0] = F("A8+1", 2020)
    rows[8][1] = F("B8-600", 3700)
    total = sum(v for _, v in BIRTHS)
    rows.append(["合计", F("SUM(B3:B12)", total), F('"公式"&"合计"', "公式合计", "str")])
    return xlsx_bytes([{"name": "出生人口", "rows": rows}])


@case("formula-error.xlsx")
def _():
    rows = BIRTH_HEAD + births_rows()
    rows[8][1] = F("B8/0", "#DIV/0!", "e")  # 2020, cell B9
    return xlsx_bytes([{"name": "出生人口", "rows": rows}])


@case("empty.xlsx")
def _():
    return b""


@case("renamed-text.xlsx")
def _():
    return "年份,出生人口\r\n2020,3700\r\n".encode("utf-8")


@case("missing-column-出生人口.csv")
def _():
    rows = [["年份（年）", "来源"], ["year", "src"]] + [[y, None] for y, _ in BIRTHS]
    return csv_bytes(rows)


@case("new-school-without-enrollment.xlsx")
def _():
    rows = SCHOOL_HEAD + [school_row(s) for s in SUBSET]
    rows.append(["pri-town-10", "临湘市第十完全小学", "town", "小学", None, 24, None, 40, None])
    return xlsx_bytes([{"name": "学校名册", "rows": rows}])


@case("wrong-type-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows[1] = school_row("pri-town-1", teachers="abc")  # H4
    return csv_bytes(SCHOOL_HEAD + rows)


@case("negative-出生人口.csv")
def _():
    return csv_bytes(BIRTH_HEAD + births_rows({2019: -4300.0}))  # B8


@case("gbk-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows[0] = school_row("kg-town-pub-1", school_name="临湘市实验幼儿园")
    rows[1] = school_row("pri-town-1", school_name="临湘市城南小学（原第一完小）")
    return csv_bytes(SCHOOL_HEAD + rows, encoding="gbk")


@case("utf16-出生人口.csv")
def _():
    # Excel's "Unicode text": UTF-16 with BOM, tab-separated
    return csv_bytes(BIRTH_HEAD + births_rows({2022: 3150.0}), encoding="utf-16", delimiter="\t")


@case("utf8bom-tab-出生人口.csv")
def _():
    return csv_bytes(BIRTH_HEAD + births_rows({2018: 4950.0}), bom=True, delimiter="\t")


@case("utf8bom-semicolon-出生人口.csv")
def _():
    rows = [[y, f"{int(v):,}", None] for y, v in BIRTHS]  # "5,400": commas inside the fields
    rows[5][1] = "4,350"  # 2019
    return csv_bytes(BIRTH_HEAD + rows, bom=True, delimiter=";")


@case("duplicate-id-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows.insert(3, school_row("pri-town-1", school_name="临湘市第一完全小学（分校）"))  # row 6
    return csv_bytes(SCHOOL_HEAD + rows)


@case("unknown-zone-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows[2] = school_row("jun-town-7", zone_id="chengnan")  # C5
    return csv_bytes(SCHOOL_HEAD + rows)


@case("unknown-type-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows[4] = school_row("voc-1", school_type="技工学校")  # D7
    return csv_bytes(SCHOOL_HEAD + rows)


@case("kg-without-provider-学校名册.csv")
def _():
    rows = [school_row(s) for s in SUBSET]
    rows[0] = school_row("kg-town-pub-1", provider=None)  # E3
    return csv_bytes(SCHOOL_HEAD + rows)


@case("share-out-of-range-片区.csv")
def _():
    rows = zone_rows()
    rows[1][4] = 1.5  # jiangnan, E4
    return csv_bytes(ZONE_HEAD + rows)


@case("share-sum-off-片区.csv")
def _():
    shares = list(SHARES)
    shares[0] = 0.47  # the shares now sum to 1.05
    return csv_bytes(ZONE_HEAD + zone_rows(shares))


@case("share-sum-near-片区.csv")
def _():
    shares = list(SHARES)
    shares[0] = 0.43  # the shares now sum to 1.01: rescaled with a warning
    return csv_bytes(ZONE_HEAD + zone_rows(shares))


@case("base-year-missing-出生人口.csv")
def _():
    return csv_bytes(BIRTH_HEAD + births_rows(drop={2020}))


@case("zip-bomb.xlsx")
def _():
    # a small workbook whose one worksheet entry declares 300 MB unpacked:
    # built with zipfile, then the size fields patched (local header and
    # central directory); the data itself is tiny
    data = bytearray(xlsx_bytes([{"name": "出生人口", "rows": BIRTH_HEAD + births_rows()}]))
    huge = 300 << 20
    target = b"xl/worksheets/sheet1.xml"
    # local file header: signature, ..., uncompressed size at offset 22
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        nlen = struct.unpack_from("<H", data, i + 26)[0]
        if data[i + 30 : i + 30 + nlen] == target:
            struct.pack_into("<I", data, i + 22, huge)
        i += 4
    # central directory header: uncompressed size at offset 24
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        nlen = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46 : i + 46 + nlen] == target:
            struct.pack_into("<I", data, i + 24, huge)
        i += 4
    return bytes(data)


@case("truncated.xlsx")
def _():
    return xlsx_bytes([{"name": "出生人口", "rows": BIRTH_HEAD + births_rows()}])[:200]


@case("dataset-small-change.json")
def _():
    ds = json.loads(json.dumps(BASE))
    for b in ds["demography"]["births"]:
        if b["year"] == 2020:
            b["value"] = 3650.0
    return (json.dumps(ds, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@case("invalid.json")
def _():
    text = json.dumps(BASE, ensure_ascii=False, indent=1)
    return text[:400].encode("utf-8")  # cut off mid-object


@case("enrollment-subtotals.xlsx")
def _():
    # a register with a new school, and its pupils by grade with the 小计,
    # 其中：女 and #女 lines bureau tables carry
    reg = SCHOOL_HEAD + [school_row(s) for s in SUBSET]
    reg.append(["pri-town-10", "临湘市第十完全小学", "town", "小学", None, 24, None, 40, None])
    enr = list(ENROLL_HEAD)
    for sid in SUBSET:
        s = SCHOOLS[sid]
        kind = "kg" if isinstance(s["kind"], dict) else s["kind"]
        for g, v in zip(GRADES[kind], s["enrollment"]):
            if sid == "jun-town-7" and g == "七年级":
                v = 800.0
            enr.append([sid, g, v, None])
        if sid == "jun-town-7":
            enr.append([None, "#女", 1150, None])
    new = [50, 52, 48, 45, 47, 44]
    for g, v in zip(GRADES["primary"], new):
        enr.append(["pri-town-10", g, v, 1])
    enr.append(["小计", None, sum(new), 6])
    enr.append(["其中：女", None, 140, None])
    return xlsx_bytes([{"name": "学校名册", "rows": reg}, {"name": "分年级在校生", "rows": enr}])


@case("merged-header-学校名册.xlsx")
def _():
    # a two-row header: names merged down two rows, 办学条件 and 专任教师
    # merged across their columns; shared strings, as Excel writes them
    rows = [
        ["学校代码", "学校名称", "片区编码", "办学类型", "举办者", "办学条件", None, "专任教师", None],
        [None, None, None, None, None, "教室数", "学位数", "合计", "其中：女"],
    ]
    for sid in SUBSET:
        r = school_row(sid)
        rows.append(r[:8] + [round(r[7] * 0.6)])
    rows[3] = school_row("pri-town-1", classrooms=39, teachers=112)[:8] + [70]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:I1"]
    return xlsx_bytes([{"name": "学校名册", "rows": rows, "merges": merges}], shared_strings=True)


@case("old-format.xls")
def _():
    xlwt = load_xlwt()
    if xlwt is None:
        return None
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("出生人口")
    ws.write_merge(0, 0, 0, 1, "临湘市历年出生人口")
    ws.write(1, 0, "年份")
    ws.write(1, 1, "出生人口（人）")
    for i, (y, v) in enumerate(BIRTHS):
        ws.write(2 + i, 0, y)
        ws.write(2 + i, 1, 3210.0 if y == 2021 else v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def load_xlwt():
    try:
        import xlwt  # noqa: F401

        return xlwt
    except ImportError:
        pass
    target = os.path.join(tempfile.gettempdir(), "eduplan-xlwt")
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", target, "xlwt==1.3.0"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        sys.path.insert(0, target)
        import xlwt  # noqa: F401

        return xlwt
    except Exception:  # pip or the network unavailable
        return None


def main():
    check = "--check" in sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    skipped, stale = [], []
    for name, fn in FILES.items():
        data = fn()
        path = os.path.join(OUT, name)
        if data is None:
            skipped.append(name)
            continue
        if check:
            try:
                with open(path, "rb") as fh:
                    same = fh.read() == data
            except FileNotFoundError:
                same = False
            if not same:
                stale.append(name)
            continue
        with open(path, "wb") as fh:
            fh.write(data)
    for name in skipped:
        print(f"skipped {name}: xlwt is not available (pip install xlwt)", file=sys.stderr)
    if check:
        for name in stale:
            print(f"out of date: {os.path.relpath(os.path.join(OUT, name), ROOT)}", file=sys.stderr)
        if stale:
            sys.exit(1)
        print(f"{len(FILES) - len(skipped)} corpus files up to date")
    else:
        print(f"wrote {len(FILES) - len(skipped)} files to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
