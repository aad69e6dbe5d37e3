//! The share-link decoder under a real fuzz (issue 16): generated links (every
//! lever, constant and by year, readable and QR-digits forms, the golden
//! links) mutated at random — bytes flipped, inserted, deleted, segments
//! repeated and swapped, numbers replaced by extreme ones, escapes broken — and
//! fed to `codec::decode`. A case fails when the decoder panics, when what it
//! accepts is not a valid scenario, or when that scenario does not survive its
//! own link (encode → decode gives it back).
//!
//! Not part of the fast tests (they keep 10⁵ proptest cases in tests/links.rs):
//! `bash scripts/fuzz-links.sh [CASES] [SEED]`, default 1,000,000 cases, seed 1.
//! Prints the count, the failures (up to 20, with their input) and the rate.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use eduplan_model::catalogue::{levers, LeverUnit};
use eduplan_model::codec::{decode_for, encode_for, encode_qr_for};
use eduplan_model::scenario::default_value;
use eduplan_model::{Dataset, LeverValue, Scenario};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// Characters the mutations insert: the link's own syntax, digits, signs,
/// escapes, and text a chat app might add.
const ALPHABET: &[&str] = &[
    "&",
    "=",
    "?",
    "#",
    "%",
    "%2",
    "%E6",
    "%ZZ",
    "+",
    ",",
    ":",
    "*",
    ".",
    "-",
    "e",
    "E",
    "0",
    "1",
    "9",
    " ",
    "v=",
    "v=1",
    "v=2",
    "z=",
    "d=",
    "dv=",
    "lang=",
    "seed=",
    "n=",
    "2021:",
    "*0",
    "*99999999",
    "方案",
    "\u{feff}",
    "\u{200b}",
    "\u{0}",
    "，",
    "：",
    "NaN",
    "inf",
    "-0",
    "1e308",
    "99999999999999999999",
    "https://",
    "\n",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let ds = Dataset::default_dataset().expect("bundled dataset");
    let golden = golden_links();
    // the dataset's content hash, computed once (decode/encode would hash the dataset every call)
    let hash = eduplan_model::summary::content_hash(&ds);
    let mut rng = StdRng::seed_from_u64(seed);
    // the panic hook would print every caught panic; keep the first message only
    let first_panic = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let fp = first_panic.clone();
    std::panic::set_hook(Box::new(move |info| {
        let mut f = fp.lock().unwrap_or_else(|e| e.into_inner());
        f.get_or_insert_with(|| info.to_string());
    }));

    let start = Instant::now();
    let (mut failures, mut accepted, mut shown) = (0u64, 0u64, 0);
    for i in 0..cases {
        let base = match rng.random_range(0..10u8) {
            0 => golden[rng.random_range(0..golden.len())].clone(),
            1..=3 => {
                let sc = random_scenario(&mut rng, &ds);
                match encode_qr_for(&sc, &ds, &hash, None, None) {
                    Some((q, digits)) => format!("?{q}{digits}"),
                    None => encode_for(&sc, &ds, &hash, None, None),
                }
            }
            _ => encode_for(
                &random_scenario(&mut rng, &ds),
                &ds,
                &hash,
                Some("zh"),
                Some(rng.random()),
            ),
        };
        let input = mutate(&mut rng, &base);
        if let Err(why) = check(&input, &ds, &hash) {
            failures += 1;
            if shown < 20 {
                shown += 1;
                println!("FAIL case {i}: {why}\n  input: {input:?}");
            }
        } else if input.contains("v=") {
            accepted += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("link decoder fuzz: {cases} cases (seed {seed}), {failures} failures, {accepted} inputs with v= decoded, {secs:.1} s ({:.1} µs a case)", secs * 1e6 / cases as f64);
    if let Some(p) = first_panic.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        println!("first panic: {p}");
    }
    if failures > 0 {
        std::process::exit(1);
    }
}

/// Decodes; the scenario must be valid and must come back from its own link.
fn check(input: &str, ds: &Dataset, hash: &str) -> Result<(), String> {
    let (link, _) = catch_unwind(AssertUnwindSafe(|| decode_for(input, ds, hash)))
        .map_err(|_| "the decoder panicked".to_string())?;
    link.scenario
        .validate(ds)
        .map_err(|e| format!("invalid scenario accepted: {e}"))?;
    let again = catch_unwind(AssertUnwindSafe(|| encode_for(&link.scenario, ds, hash, None, None)))
        .map_err(|_| "encoding what was decoded panicked".to_string())?;
    let (back, _) = catch_unwind(AssertUnwindSafe(|| decode_for(&again, ds, hash)))
        .map_err(|_| "re-decoding panicked".to_string())?;
    if back.scenario != link.scenario {
        return Err(format!("its own link gives another scenario: {again}"));
    }
    Ok(())
}

/// A scenario on the levers' grids: each lever left, set, or set by year.
fn random_scenario(rng: &mut StdRng, ds: &Dataset) -> Scenario {
    let mut s = Scenario::default();
    if rng.random_range(0..4u8) == 0 {
        s.name = ["方案甲", "A & B", "50%=x", "a+b?c#d", "  "][rng.random_range(0..5usize)].to_string();
    }
    for spec in levers() {
        let at = |rng: &mut StdRng| {
            if spec.unit == LeverUnit::Order {
                return [12345.0, 54321.0, 21345.0, 31452.0][rng.random_range(0..4usize)];
            }
            let steps = ((spec.max - spec.min) / spec.step).round() as u64;
            spec.min + rng.random_range(0..=steps) as f64 * spec.step
        };
        let value = match rng.random_range(0..6u8) {
            0..=3 => continue,
            4 => LeverValue::Constant(at(rng)),
            _ if spec.per_year => LeverValue::ByYear((2021..=2030).map(|y| (y.to_string(), at(rng))).collect()),
            _ => LeverValue::Constant(at(rng)),
        };
        if matches!(value, LeverValue::Constant(v) if v == default_value(spec, ds)) {
            continue;
        }
        let _ = s.set(spec.id, value);
    }
    s
}

/// One to four random edits of a link.
fn mutate(rng: &mut StdRng, link: &str) -> String {
    let mut s: Vec<char> = link.chars().collect();
    for _ in 0..rng.random_range(1..=4u8) {
        let at = |rng: &mut StdRng, s: &Vec<char>| rng.random_range(0..=s.len());
        match rng.random_range(0..8u8) {
            0 if !s.is_empty() => {
                let i = rng.random_range(0..s.len());
                s[i] = char::from_u32(rng.random_range(0..0x3000u32)).unwrap_or('?');
            }
            1 => {
                let i = at(rng, &s);
                let ins: Vec<char> = ALPHABET[rng.random_range(0..ALPHABET.len())].chars().collect();
                s.splice(i..i, ins);
            }
            2 if !s.is_empty() => {
                let i = rng.random_range(0..s.len());
                let j = (i + rng.random_range(1..20usize)).min(s.len());
                s.drain(i..j);
            }
            3 if !s.is_empty() => {
                // a segment repeated (a pasted link twice, a lever given many times)
                let i = rng.random_range(0..s.len());
                let j = (i + rng.random_range(1..60usize)).min(s.len());
                let seg: Vec<char> = s[i..j].to_vec();
                for _ in 0..rng.random_range(1..8u8) {
                    s.splice(j..j, seg.iter().copied());
                }
            }
            4 => {
                // two parameters swapped
                let text: String = s.iter().collect();
                let mut parts: Vec<&str> = text.split('&').collect();
                if parts.len() > 2 {
                    let (a, b) = (rng.random_range(0..parts.len()), rng.random_range(0..parts.len()));
                    parts.swap(a, b);
                }
                s = parts.join("&").chars().collect();
            }
            5 => {
                // a number replaced by an extreme one
                let text: String = s.iter().collect();
                let extreme = [
                    "1e308",
                    "-1e308",
                    "NaN",
                    "-0",
                    "0.0000001",
                    "4294967297",
                    "18446744073709551616",
                    "",
                ];
                let e = extreme[rng.random_range(0..extreme.len())];
                let digits: Vec<usize> = text
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                if let Some(&i) = digits.get(rng.random_range(0..digits.len().max(1))) {
                    let end = text[i..]
                        .find(|c: char| !c.is_ascii_digit() && c != '.')
                        .map_or(text.len(), |n| i + n);
                    s = format!("{}{e}{}", &text[..i], &text[end..]).chars().collect();
                }
            }
            6 => {
                // cut short, as a chat app wrapping a long link does
                let n = rng.random_range(0..=s.len());
                s.truncate(n);
            }
            _ => {
                // percent-encode a stretch
                let i = at(rng, &s);
                let j = (i + rng.random_range(0..12usize)).min(s.len());
                let enc: String = s[i..j]
                    .iter()
                    .collect::<String>()
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect();
                s.splice(i..j, enc.chars());
            }
        }
    }
    s.into_iter().collect()
}

fn golden_links() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/links.json");
    let text = std::fs::read_to_string(path).expect("tests/golden/links.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("golden links parse");
    v.as_array().map_or_else(Vec::new, |a| {
        a.iter().filter_map(|c| c["link"].as_str().map(String::from)).collect()
    })
}
