//! No bytes, however broken, make the importer panic: 10⁵ mutated workbooks
//! and CSV files (byte flips, insertions, deletions, truncations, splices of
//! template pieces), each ending in a dataset or in error values.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use eduplan_import::{import, InputFile};
use eduplan_model::Dataset;
use rust_xlsxwriter::Workbook;

/// xorshift64*: a fixed, dependency-free sequence (the corpus is the same every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A small workbook with two template sheets (births and the register).
fn seed_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("出生人口").unwrap();
    for (c, h) in ["年份（年）", "出生人口（人）", "来源"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, h) in ["year", "births", "src"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (i, (y, n)) in [(2019, 4300.0), (2020, 3700.0), (2021, 3200.0)].iter().enumerate() {
        ws.write_number(i as u32 + 2, 0, *y as f64).unwrap();
        ws.write_number(i as u32 + 2, 1, *n).unwrap();
    }
    ws.write_string(5, 0, "合计").unwrap();
    ws.merge_range(6, 0, 6, 2, "备注", &rust_xlsxwriter::Format::new())
        .unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("学校名册").unwrap();
    let heads = [
        "学校标识码",
        "学校名称",
        "片区编码",
        "办学类型",
        "举办者类型",
        "普通教室（间）",
        "核定学位（个）",
        "专任教师（人）",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "kg-town-pub-1").unwrap();
    ws.write_string(1, 1, "临湘市第一幼儿园").unwrap();
    ws.write_string(1, 2, "town").unwrap();
    ws.write_string(1, 3, "幼儿园").unwrap();
    ws.write_string(1, 4, "公办").unwrap();
    ws.write_number(1, 5, 19.0).unwrap();
    ws.write_formula(1, 6, "=400+80").unwrap();
    ws.write_string(1, 7, "２６人").unwrap();
    wb.save_to_buffer().unwrap()
}

fn seed_csvs() -> Vec<(String, Vec<u8>)> {
    let utf8 = "片区编码,年龄（岁）,人口数（人）\ntown,0,\"1,554\"\ntown,1,１８０６\n合计,,3360\n".to_string();
    let (gbk, _, _) = encoding_rs::GBK
        .encode("学校标识码\t学校名称\t片区编码\t办学类型\t普通教室\t专任教师\nps-1\t城区小学\ttown\t小学\t20\t40\n");
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend("year;births\n2020;3700\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    vec![
        ("分年龄人口.csv".into(), utf8.into_bytes()),
        ("学校名册.csv".into(), gbk.into_owned()),
        ("births.csv".into(), u16),
    ]
}

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    let n = 1 + rng.below(8);
    for _ in 0..n {
        match rng.below(6) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(b.len() + 1);
                let v = [0u8, 0xFF, b',', b'"', b'\n', b'-', 0xE4][rng.below(7)];
                b.insert(i, v);
            }
            3 if !b.is_empty() => {
                let i = rng.below(b.len());
                let len = rng.below(16).min(b.len() - i);
                b.drain(i..i + len);
            }
            4 => {
                let keep = rng.below(b.len() + 1);
                b.truncate(keep);
            }
            _ if !other.is_empty() => {
                let i = rng.below(b.len() + 1);
                let j = rng.below(other.len());
                let len = rng.below(64).min(other.len() - j);
                b.splice(i..i, other[j..j + len].iter().copied());
            }
            _ => {}
        }
    }
    b
}

#[test]
fn hundred_thousand_mutated_files_never_panic() {
    let base = Dataset::default_dataset().unwrap();
    let xlsx = seed_xlsx();
    let csvs = seed_csvs();
    // panics caught inside the importer (in calamine) are counted, and silenced
    let caught = Arc::new(AtomicUsize::new(0));
    let c2 = caught.clone();
    std::panic::set_hook(Box::new(move |_| {
        c2.fetch_add(1, Ordering::Relaxed);
    }));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut ok, mut failed) = (0usize, 0usize);
    let cases = 100_000;
    let start = std::time::Instant::now();
    for i in 0..cases {
        let (name, bytes) = if i % 2 == 0 {
            let names = ["a.xlsx", "b.xls", "c.csv", "d"];
            (
                names[rng.below(names.len())].to_string(),
                mutate(&mut rng, &xlsx, &csvs[0].1),
            )
        } else {
            let (name, seed) = &csvs[rng.below(csvs.len())];
            (name.clone(), mutate(&mut rng, seed, &xlsx))
        };
        let files = [InputFile { name, bytes }];
        let r = catch_unwind(AssertUnwindSafe(|| import(&files, &base)));
        match r {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) => {
                assert!(!e.errors.is_empty(), "a failure carries at least one error");
                failed += 1;
            }
            Err(_) => {
                let _ = std::panic::take_hook();
                panic!("case {i}: the importer panicked");
            }
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "importer fuzz: {cases} mutated files in {:.1} s: {ok} imported, {failed} refused with error values, {} panics inside readers caught as errors",
        start.elapsed().as_secs_f64(),
        caught.load(Ordering::Relaxed)
    );
}
